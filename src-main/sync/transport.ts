// HTTP(S) and WebSocket to the dealership server. With a CA given, that certificate is the only
// one trusted; without, the system's. Certificate checks are never turned off: a desk refuses
// a server certificate it was not told to trust.
import http from 'node:http';
import https from 'node:https';
import { WebSocket } from 'ws';

export interface HttpResult {
  status: number;
  body: unknown;
}

export class NetworkError extends Error {
  readonly code = 'offline';
}

export class Transport {
  private readonly url: URL;
  private readonly agent: http.Agent;

  constructor(
    baseUrl: string,
    private readonly options: { caPem?: string; timeoutMs?: number } = {},
  ) {
    this.url = new URL(baseUrl);
    this.agent = this.url.protocol === 'https:' ? new https.Agent({ keepAlive: true, maxSockets: 4, ca: options.caPem }) : new http.Agent({ keepAlive: true, maxSockets: 4 });
  }

  request(method: 'GET' | 'POST', path: string, init: { body?: unknown; token?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<HttpResult> {
    const target = new URL(path, this.url);
    const payload = init.body === undefined ? undefined : Buffer.from(JSON.stringify(init.body));
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(payload.length);
    }
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const lib = target.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(target, { method, headers, agent: this.agent, timeout: init.timeoutMs ?? this.options.timeoutMs ?? 60_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => reject(new NetworkError(error.message)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = null;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            body = { code: 'internal', message: text.slice(0, 200) };
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      req.on('timeout', () => req.destroy(new Error('request timed out')));
      req.on('error', (error) => reject(new NetworkError(error.message)));
      req.end(payload);
    });
  }

  websocket(path: string, token: string): WebSocket {
    const target = new URL(path, this.url);
    target.protocol = this.url.protocol === 'https:' ? 'wss:' : 'ws:';
    return new WebSocket(target, { headers: { authorization: `Bearer ${token}` }, ca: this.options.caPem, handshakeTimeout: 10_000 });
  }

  close(): void {
    this.agent.destroy();
  }
}
