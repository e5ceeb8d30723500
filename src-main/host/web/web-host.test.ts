import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Desk, EventListener } from '../desk';
import { startWebHost, type WebHost } from './web-host';

const listeners = new Set<EventListener>();
const calls: [unknown, unknown][] = [];
const fakeDesk = {
  async dispatch(method: unknown, input: unknown) {
    calls.push([method, input]);
    return method === 'session.get' ? { ok: true, value: { echo: input } } : { ok: false, error: { code: 'unknown-method', message: 'no' } };
  },
  onEvent(listener: EventListener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
} as unknown as Desk;

let host: WebHost;
let origin: string;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dd-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(tmpdir(), 'outside-secret.txt'), 'secret');
  host = await startWebHost(fakeDesk, { rendererDir: dir });
  origin = `http://127.0.0.1:${host.port}`;
});
afterAll(() => host.close());

function connect(headers: Record<string, string> = { origin }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/contract`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function nextMessage(ws: WebSocket): Promise<any> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('browser host', () => {
  it('serves the renderer with a CSP and never a file outside its folder', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>desk</title>');
    const escape = await fetch(`${host.url}..%2f..%2f..%2foutside-secret.txt`);
    expect(await escape.text()).not.toContain('secret');
    expect((await fetch(host.url, { method: 'POST' })).status).toBe(405);
  });

  it('refuses a WebSocket from another origin (a web page driving the desk)', async () => {
    await expect(connect({ origin: 'https://evil.example' })).rejects.toThrow('403');
    await expect(connect({})).rejects.toThrow('403');
  });

  it('carries a call to the desk and its reply back with the same id', async () => {
    const ws = await connect();
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 7, method: 'session.get', input: { a: 1 } }));
    expect(await reply).toEqual({ id: 7, result: { ok: true, value: { echo: { a: 1 } } } });
    ws.close();
  });

  it('answers malformed frames with typed errors and stays up', async () => {
    const ws = await connect();
    let reply = nextMessage(ws);
    ws.send('not json{');
    expect(await reply).toMatchObject({ id: -1, result: { ok: false, error: { code: 'invalid-input' } } });
    reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 3, method: { evil: true } }));
    expect(await reply).toMatchObject({ id: 3, result: { ok: false, error: { code: 'invalid-input' } } });
    reply = nextMessage(ws);
    ws.send(JSON.stringify({ id: 4, method: 'session.get', input: null }));
    expect((await reply).id).toBe(4);
    ws.close();
  });

  it('pushes desk events to connected windows and stops after they close', async () => {
    const ws = await connect();
    const event = nextMessage(ws);
    for (const l of listeners) l('customers.changed', { ids: [1] });
    expect(await event).toEqual({ event: 'customers.changed', payload: { ids: [1] } });
    const before = listeners.size;
    ws.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(listeners.size).toBe(before - 1);
  });
});
