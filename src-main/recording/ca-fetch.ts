// A fetch that trusts exactly one CA (the dealership server's self-signed certificate, as the
// sync transport does in src-main/sync/transport.ts); Node's global fetch takes no CA option.
// Enough of fetch for the upload client: method, headers, a string or byte body, a timeout signal.
import https from 'node:https';

export function fetchTrusting(caPem: string): typeof fetch {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 2, ca: caPem });
  return ((input: string | URL | Request, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      if (url.protocol !== 'https:') return resolve(fetch(input, init));
      const body = typeof init.body === 'string' ? Buffer.from(init.body) : init.body instanceof Uint8Array ? Buffer.from(init.body) : null;
      const headers: Record<string, string> = { ...(init.headers as Record<string, string> | undefined) };
      if (body) headers['content-length'] = String(body.length);
      const req = https.request(url, { method: init.method ?? 'GET', headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 502;
          const nullBody = status === 204 || status === 304;
          resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, headers: res.headers as Record<string, string> }));
        });
      });
      const signal = init.signal;
      if (signal) {
        if (signal.aborted) req.destroy(signal.reason as Error);
        signal.addEventListener('abort', () => req.destroy(signal.reason as Error), { once: true });
      }
      req.on('error', reject);
      req.end(body ?? undefined);
    })) as typeof fetch;
}
