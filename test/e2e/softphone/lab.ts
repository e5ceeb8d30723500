// The softphone lab for e2e tests and the benchmark: Kamailio, the real desk in the browser
// host, Chromium with fake audio (a 440 Hz tone WAV as microphone), and far-end JsSIP pages.
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import type { FarEndOptions } from './far-end-ua';

export async function farEndBundle(): Promise<string> {
  const out = await build({ entryPoints: [join(import.meta.dirname, 'far-end-ua.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent' });
  return out.outputFiles[0].text;
}

export async function serveFarEnd(): Promise<{ url: string; close(): Promise<void> }> {
  const js = await farEndBundle();
  const html = `<!doctype html><meta charset="utf-8"><title>far end</title><script>${js}</script>`;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

/** A 30 s sine as a fake microphone; distinct frequencies tell the parties apart (monitor test). */
export function toneWav(hz = 440): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dd-audio-')), `tone-${hz}.wav`);
  execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', path, 'synth', '30', 'sine', String(hz), 'vol', '0.5']);
  return path;
}

export async function launchPhoneBrowser(): Promise<Browser> {
  return launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-audio-capture=${toneWav()}`,
    '--autoplay-policy=no-user-gesture-required',
  ]);
}

/** `browser` may be a context, to give the page init scripts (tone-probe.ts). */
export async function farEndPage(browser: Browser | BrowserContext, url: string, uri: string, password: string, ws: string, options: FarEndOptions = {}): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.evaluate(({ uri, password, ws, options }) => (window as never as { farEnd: { register(...a: unknown[]): Promise<void> } }).farEnd.register(uri, password, ws, options), { uri, password, ws, options });
  return page;
}
