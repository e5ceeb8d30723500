// Lab pieces for the recording tests and benchmark, on top of the softphone lab: the renderer
// built into a private folder (other engineers' tests keep their dist/renderer), a customer voice
// made by espeak-ng, a browser per side so each side has its own fake microphone, and audio
// measurements with ffmpeg/ffprobe/sox.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { toneWav } from '../softphone/lab';

const root = join(import.meta.dirname, '..', '..', '..');
/** Where the e2e tests leave their zh-CN screenshots for a human to look at. */
export const screenshotDir = join(tmpdir(), 'dd-recording-screens');

/** Builds the renderer once per process into a temp folder (REC_RENDERER_DIR reuses one). */
let built: string | null = null;
export function buildRenderer(): string {
  if (built) return built;
  const reuse = process.env.REC_RENDERER_DIR;
  if (reuse && existsSync(join(reuse, 'index.html'))) return (built = reuse);
  const outDir = reuse ?? mkdtempSync(join(tmpdir(), 'dd-rec-renderer-'));
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  return (built = outDir);
}

/** The customer's voice: espeak-ng speech, resampled by sox to 48 kHz mono 16-bit (~30 s). */
export function voiceWav(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-voice-'));
  const raw = join(dir, 'raw.wav');
  const out = join(dir, 'voice.wav');
  const text = '您好，我想预约下周二上午做保养，车牌是粤B一二三四五。请问需要多长时间？另外我的车最近刹车有点异响，能一起检查一下吗？谢谢。';
  execFileSync('espeak-ng', ['-v', 'cmn', '-s', '150', '-w', raw, text.repeat(3)]);
  execFileSync('sox', [raw, '-r', '48000', '-c', '1', '-b', '16', out, 'trim', '0', '40']);
  return out;
}

export async function launchSideBrowser(wav: string): Promise<Browser> {
  return launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`, '--autoplay-policy=no-user-gesture-required']);
}

export { toneWav };

export function probeDuration(file: string): number {
  return Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim());
}

/** Decodes a recording to WAV (what a player would hear); works on a cut file up to the cut. */
export function decodeToWav(file: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'dd-dec-')), 'decoded.wav');
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'quiet', '-y', '-i', file, '-c:a', 'pcm_s16le', out], { stdio: 'ignore' });
  return out;
}

export function wavSeconds(wav: string): number {
  return Number(execFileSync('sox', ['--i', '-D', wav], { encoding: 'utf8' }).trim());
}

/** RMS level in dB of a WAV (optionally one channel, a time window, extra sox effects). */
export function rmsDb(wav: string, options: { channel?: number; start?: number; length?: number; effects?: string[] } = {}): number {
  const effects: string[] = [];
  if (options.channel) effects.push('remix', String(options.channel));
  if (options.start !== undefined) effects.push('trim', String(options.start), ...(options.length !== undefined ? [String(options.length)] : []));
  effects.push(...(options.effects ?? []));
  // sox prints its stats on stderr
  const stderr = spawnSync('sox', [wav, '-n', ...effects, 'stats'], { encoding: 'utf8' }).stderr;
  const value = stderr.split('\n').find((l) => l.startsWith('RMS lev dB'))?.trim().split(/\s+/)[3];
  return value === '-inf' || value === undefined ? -Infinity : Number(value);
}

export interface ChildHost {
  url: string;
  child: ChildProcess;
}

/** The browser host as a child process (so a test can SIGKILL it like a crash or power cut). */
export async function spawnHost(dataDir: string, rendererDir: string): Promise<ChildHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src-main/host/web/main.ts'), '--data-dir', dataDir, '--renderer', rendererDir, '--port', '0'], {
    cwd: root,
    env: { ...process.env, DEALERDESK_DEMO_CUSTOMERS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /DEALERDESK_URL=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
  });
  return { url, child };
}
