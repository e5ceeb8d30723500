// The renderer is served from a custom privileged scheme, app://dealerdesk/, instead of file://:
// a standard + secure scheme gives the page a real origin (so the CSP header, fetch, WebRTC and
// permission checks behave as on https), and every trust decision in this folder compares
// against this one origin.
export const appScheme = 'app';
export const appHost = 'dealerdesk';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * True for URLs and origins of the app itself. Compares scheme and host rather than
 * `URL.origin`, because Node reports the origin of a non-special scheme as "null".
 */
export function isAppUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === `${appScheme}:` && url.host === appHost && url.username === '' && url.password === '' && url.port === '';
}

/** An IPC sender frame is trusted only while it shows the app's own page (never an iframe or a navigated-away frame). */
export function isTrustedFrame(frame: { url?: string; origin?: string } | null | undefined): boolean {
  if (!frame || !isAppUrl(frame.url)) return false;
  return frame.origin === undefined || isAppUrl(frame.origin);
}
