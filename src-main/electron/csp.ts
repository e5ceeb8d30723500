// The Content-Security-Policy the app:// handler sends with every response. Only the app's own
// code runs; the only network peers are the app itself and the configured SIP WebSocket servers
// (JsSIP's transport), never the wide web. Inline styles stay allowed because the renderer's
// index.html and the browser host (src-main/host/web/static-files.ts) already rely on them;
// drop `inlineStyles` once the renderer no longer needs it.
export interface CspOptions {
  /** The SIP/WebSocket servers from the softphone settings, e.g. wss://pbx.example.cn:7443/ws. */
  sipServers?: readonly string[];
  inlineStyles?: boolean;
}

/** ws:/wss: origins of the given servers; anything else (http, bad URLs, wildcards) is rejected. */
export function webSocketOrigins(servers: readonly string[]): { origins: string[]; rejected: string[] } {
  const origins: string[] = [];
  const rejected: string[] = [];
  for (const server of servers) {
    const origin = webSocketOrigin(server);
    if (origin === null) rejected.push(server);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, rejected };
}

function webSocketOrigin(server: string): string | null {
  if (typeof server !== 'string' || /[\s;,'*]/.test(server.trim())) return null;
  let url: URL;
  try {
    url = new URL(server.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return `${url.protocol}//${url.host}`;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const { origins } = webSocketOrigins(options.sipServers ?? []);
  return [
    "default-src 'self'",
    "script-src 'self'",
    options.inlineStyles === false ? "style-src 'self'" : "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    ['connect-src', "'self'", ...origins].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
