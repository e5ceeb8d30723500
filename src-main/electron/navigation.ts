// What the window may load. The page never navigates away from app://dealerdesk/, never opens a
// second window, and never pulls content from the web; https links the app deliberately shows
// (allow-listed hosts) go to the system browser instead, where they cannot reach the bridge.
import { isAppUrl } from './app-origin';

/** will-navigate / will-redirect: stay on the app's own pages. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/** setWindowOpenHandler: the window is always denied; this says whether to hand the URL to the system browser. */
export function externalLinkTarget(url: string, allowedHosts: readonly string[]): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return null;
  const host = parsed.hostname.toLowerCase();
  const allowed = allowedHosts.some((entry) => {
    const rule = entry.trim().toLowerCase();
    if (rule.startsWith('*.')) return host.endsWith(rule.slice(1)) && host.length > rule.length - 1;
    return rule !== '' && host === rule;
  });
  return allowed ? parsed.toString() : null;
}

/**
 * session.webRequest filter (defence in depth behind the CSP): the app's own scheme, in-memory
 * data, DevTools, and the configured SIP WebSocket origins; no http(s), no file://.
 */
export function mayRequest(url: string, webSocketOrigins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case 'app:':
      return isAppUrl(url);
    case 'data:':
    case 'blob:':
    case 'devtools:':
      return true;
    case 'ws:':
    case 'wss:':
      return webSocketOrigins.includes(`${parsed.protocol}//${parsed.host}`);
    default:
      return false;
  }
}
