import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRendererHandler, resolveRendererPath } from './renderer-protocol';

let base: string;
let root: string;
const csp = "default-src 'self'; connect-src 'self' wss://pbx.dealer.cn";

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'dealerdesk-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', '客户 列表.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'customer data');
  writeFileSync(join(base, 'renderer-evil.txt'), 'sibling');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

function handler() {
  return createRendererHandler({ root, contentSecurityPolicy: () => csp });
}

describe('resolveRendererPath', () => {
  it('refuses to leave the renderer folder, however the path is spelled', () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%00.js',
      '/%2Fetc%2Fpasswd',
      '/C:%5CWindows%5Cwin.ini',
      '/C:/Windows/win.ini',
      '/..%2F..%2F..%2Frenderer-evil.txt',
      '/%E0%A4%A',
    ]) {
      const resolved = resolveRendererPath(root, `app://dealerdesk${path}`);
      if (resolved.ok) expect(resolved.file.startsWith(root + sep), path).toBe(true);
      else expect([400, 403]).toContain(resolved.status);
    }
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveRendererPath(root, 'app://other/index.html')).toEqual({ ok: false, status: 403 });
    expect(resolveRendererPath(root, 'file:///index.html')).toEqual({ ok: false, status: 403 });
  });
});

describe('createRendererHandler', () => {
  it('serves index.html for / with the CSP and hardening headers', async () => {
    const response = await handler()(new Request('app://dealerdesk/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>desk</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(csp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves assets, including encoded Chinese names, with their MIME type', async () => {
    const js = await handler()(new Request('app://dealerdesk/assets/app-1a2b.js?v=1'));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const css = await handler()(new Request(`app://dealerdesk/assets/${encodeURIComponent('客户 列表.css')}`));
    expect(await css.text()).toBe('body{}');
  });

  it('falls back to index.html for client-side routes but 404s missing files', async () => {
    expect((await handler()(new Request('app://dealerdesk/customers/42'))).status).toBe(200);
    expect((await handler()(new Request('app://dealerdesk/assets/missing.js'))).status).toBe(404);
    expect((await handler()(new Request('app://dealerdesk/assets'))).status).toBe(200);
  });

  it('never returns a file outside the root', async () => {
    for (const path of ['/..%2Fsecret.txt', '/%2e%2e/secret.txt', '/..%5Csecret.txt']) {
      const response = await handler()(new Request(`app://dealerdesk${path}`));
      expect(response.status, path).not.toBe(200);
      expect(await response.text()).not.toContain('customer data');
    }
  });

  it('answers only GET and HEAD', async () => {
    expect((await handler()(new Request('app://dealerdesk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handler()(new Request('app://dealerdesk/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
