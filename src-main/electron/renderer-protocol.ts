// The app://dealerdesk/ request handler (registered with protocol.handle in main.ts). It serves
// the built renderer from one folder and nothing outside it: the path is decoded, resolved and
// checked to stay under the root (no ../, no encoded separators, no absolute or drive paths),
// only GET/HEAD are answered, and every response carries the CSP and hardening headers.
// Electron-free (Request/Response are Node globals), so it is tested without the binary.
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { appHost, appScheme } from './app-origin';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

export type ResolvedPath = { ok: true; file: string; fallback: boolean } | { ok: false; status: 400 | 403 | 404 };

/** Maps an app:// URL to a file under `root`; extension-less paths fall back to index.html (client-side routes). */
export function resolveRendererPath(root: string, requestUrl: string): ResolvedPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return { ok: false, status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (path.includes('\0') || path.includes('\\')) return { ok: false, status: 400 };
  const rootDir = resolve(root);
  const relativePath = path.replace(/^\/+/, '');
  if (relativePath === '') return { ok: true, file: resolve(rootDir, 'index.html'), fallback: false };
  if (isAbsolute(relativePath) || /^[a-zA-Z]:/.test(relativePath)) return { ok: false, status: 403 };
  const file = resolve(rootDir, relativePath);
  const inside = relative(rootDir, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return { ok: false, status: 403 };
  return { ok: true, file, fallback: extname(file) === '' };
}

export interface RendererHandlerOptions {
  root: string;
  /** Called per response, so a changed SIP server list applies at the next reload. */
  contentSecurityPolicy: () => string;
}

export function createRendererHandler(options: RendererHandlerOptions): (request: Request) => Promise<Response> {
  const headers = (contentType?: string): Record<string, string> => ({
    ...(contentType ? { 'Content-Type': contentType } : {}),
    'Content-Security-Policy': options.contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  });
  const failure = (status: number) => new Response(null, { status, headers: headers() });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return failure(405);
    const resolved = resolveRendererPath(options.root, request.url);
    if (!resolved.ok) return failure(resolved.status);
    let file = resolved.file;
    if (!(await isFile(file))) {
      if (!resolved.fallback) return failure(404);
      file = resolve(options.root, 'index.html');
      if (!(await isFile(file))) return failure(404);
    }
    const body = await readFile(file);
    const type = mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { ...headers(type), 'Content-Length': String(body.length) } });
  };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
