// A fault-injecting HTTP proxy between one desk and the server. Each request is passed, dropped
// before the server sees it, answered-then-dropped (the server committed, the desk never hears),
// duplicated, delayed, or replayed later (a stale copy arriving after newer requests: reorder).
// Offline refuses everything. WebSocket upgrades are not proxied (tests poll).
import http from 'node:http';

export type Fault = 'pass' | 'drop-request' | 'drop-response' | 'duplicate' | 'delay' | 'replay-later';

export interface FaultProxy {
  url: string;
  offline: boolean;
  /** Faults for the next requests, in order; then 'pass'. */
  queue: Fault[];
  stats: Record<Fault | 'offline', number>;
  /** Resolves when every delayed or replayed request has finished. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: () => string, options: { delayMs?: number; replayMs?: number } = {}): Promise<FaultProxy> {
  const inflight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>) => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p)).catch(() => undefined);
    return p;
  };
  const forward = (req: http.IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const url = new URL(req.url ?? '/', target());
      const out = http.request(url, { method: req.method, headers: { ...req.headers, host: url.host, connection: 'close' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      out.on('error', reject);
      out.end(body);
    });
  const proxy: FaultProxy = {
    url: '',
    offline: false,
    queue: [],
    stats: { pass: 0, 'drop-request': 0, 'drop-response': 0, duplicate: 0, delay: 0, 'replay-later': 0, offline: 0 },
    async settle() {
      while (inflight.size) await Promise.allSettled([...inflight]);
    },
    async close() {
      await proxy.settle();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (proxy.offline) {
        proxy.stats.offline++;
        res.socket?.destroy();
        return;
      }
      const fault = proxy.queue.shift() ?? 'pass';
      proxy.stats[fault]++;
      const reply = (r: { status: number; headers: http.IncomingHttpHeaders; body: Buffer }) => {
        const headers = { ...r.headers };
        delete headers['transfer-encoding'];
        delete headers.connection;
        res.writeHead(r.status, { ...headers, 'content-length': String(r.body.length) });
        res.end(r.body);
      };
      const fail = () => res.socket?.destroy();
      switch (fault) {
        case 'pass':
          track(forward(req, body).then(reply, fail));
          return;
        case 'drop-request':
          fail();
          return;
        case 'drop-response':
          track(forward(req, body).then(fail, fail));
          return;
        case 'duplicate':
          track(forward(req, body).then((r) => track(forward(req, body).then(() => reply(r), () => reply(r))), fail));
          return;
        case 'delay':
          track(new Promise((r) => setTimeout(r, options.delayMs ?? 30)).then(() => forward(req, body)).then(reply, fail));
          return;
        case 'replay-later':
          track(forward(req, body).then(reply, fail));
          track(new Promise((r) => setTimeout(r, options.replayMs ?? 40)).then(() => forward(req, body)).catch(() => undefined));
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return proxy;
}
