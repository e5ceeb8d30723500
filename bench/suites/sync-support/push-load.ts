// push_200_desks: 200 simulated desks against one server, each behaving like the desk's sync
// loop (src-main/sync/sync-engine.ts): an agent saves a record every few seconds (default: a
// think time drawn uniformly from 2–4 s, so 200 desks make about 67 pushes/s; one save = a new
// customer and an edit of it, 2 mutations); a save wakes the desk, which pushes its outbox and
// then pulls until up to date; a WebSocket poke with a rev past the desk's cursor wakes it too,
// so every push makes the other 199 desks pull. One cycle runs at a time per desk; a wake
// during a cycle runs one more. Push latency is measured per request; any non-200, network
// error or dropped socket is an error. The load actually applied (pushes/s, pulls/s, pokes/s
// over the saving window) is measured and reported with the latencies.
import { SYNC_SCHEMA_VERSION } from '../../../src-shared/domain/sync/protocol';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

export interface PushLoadOptions {
  desks: number;
  seconds: number;
  /** An agent's think time between two saves, uniform in [min, max] ms. */
  saveEveryMs: [number, number];
  pullLimit?: number;
}

export interface PushLoadResult {
  latencies: number[];
  errors: number;
  errorSamples: string[];
  pushes: number;
  pulls: number;
  pokes: number;
  mutationsPerPush: number;
  pushesPerSecond: number;
  pullsPerSecond: number;
  pokesPerSecond: number;
}

interface Desk {
  deskId: string;
  token: string;
  outbox: Record<string, unknown>[];
  next: number;
  cursor: number;
  running: boolean;
  again: boolean;
  socket: WebSocket | null;
}

function request(agent: http.Agent, url: string, method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; json: any }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, url), {
      method, agent,
      headers: { 'content-type': 'application/json', ...(payload ? { 'content-length': String(payload.length) } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), 'x-dealerdesk-sync-schema': String(SYNC_SCHEMA_VERSION) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString() || 'null') }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export async function pushLoad(url: string, username: string, password: string, options: PushLoadOptions): Promise<PushLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.desks * 2 });
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let pulls = 0;
  let pokes = 0;
  let stopping = false;
  const error = (what: string) => {
    errors++;
    if (errorSamples.length < 10) errorSamples.push(what);
  };

  const desks: Desk[] = [];
  for (let i = 0; i < options.desks; i++) {
    const deskId = `bench-${randomUUID()}`;
    const r = await request(agent, url, 'POST', '/auth/login', null, { username, password, deskId });
    if (r.status !== 200) throw new Error(`login failed: ${r.status}`);
    desks.push({ deskId, token: r.json.accessToken, outbox: [], next: 1, cursor: 0, running: false, again: false, socket: null });
  }

  const cycle = async (d: Desk) => {
    if (d.outbox.length > 0) {
      const mutations = d.outbox.slice();
      const t0 = performance.now();
      const r = await request(agent, url, 'POST', '/sync/push', d.token, { deskId: d.deskId, schemaVersion: SYNC_SCHEMA_VERSION, mutations });
      latencies.push(performance.now() - t0);
      if (r.status !== 200) return error(`push ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
      d.outbox = d.outbox.filter((m) => (m.id as number) > r.json.lastMutationId);
    }
    for (;;) {
      const r = await request(agent, url, 'GET', `/sync/pull?deskId=${d.deskId}&after=${d.cursor}&limit=${options.pullLimit ?? 2000}`, d.token);
      pulls++;
      if (r.status !== 200) return error(`pull ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
      d.cursor = r.json.nextRev;
      if (r.json.upToDate) return;
    }
  };
  const wake = (d: Desk) => {
    if (d.running) {
      d.again = true;
      return;
    }
    d.running = true;
    void (async () => {
      do {
        d.again = false;
        try {
          await cycle(d);
        } catch (e) {
          error(`network ${(e as Error).message}`);
        }
      } while (d.again && !stopping);
      d.running = false;
    })();
  };

  await Promise.all(
    desks.map(
      (d) =>
        new Promise<void>((resolve, reject) => {
          const socket = new WebSocket(url.replace(/^http/, 'ws') + '/sync/events', { headers: { authorization: `Bearer ${d.token}` } });
          d.socket = socket;
          socket.on('open', () => resolve());
          socket.on('error', reject);
          socket.on('message', (data) => {
            const poke = JSON.parse(String(data)) as { rev: number };
            pokes++;
            if (poke.rev > d.cursor) wake(d);
          });
          socket.on('close', () => {
            if (!stopping) error('socket closed');
          });
        }),
    ),
  );
  for (const d of desks) wake(d);
  while (desks.some((d) => d.running)) await new Promise((r) => setTimeout(r, 20));

  const [min, max] = options.saveEveryMs;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  const pulls0 = pulls;
  const pokes0 = pokes;
  // Rates over the saving window only: the desks' last think times run past its end with no saves.
  let atEnd = { pushes: 0, pulls: 0, pokes: 0 };
  const endTimer = setTimeout(() => (atEnd = { pushes: latencies.length, pulls: pulls - pulls0, pokes: pokes - pokes0 }), options.seconds * 1000);
  await Promise.all(
    desks.map(async (d) => {
      await new Promise((r) => setTimeout(r, Math.random() * max));
      while (performance.now() < end) {
        const uid = randomUUID();
        const at = new Date().toISOString();
        d.outbox.push(
          { id: d.next, entity: 'customers', uid, op: 'upsert', fields: { number: `B-${uid.slice(0, 13)}`, name: '压测客户', customFields: '{}' }, baseRev: 0, at },
          { id: d.next + 1, entity: 'customers', uid, op: 'upsert', fields: { address: `压测路 ${d.next} 号` }, baseRev: 0, at },
        );
        d.next += 2;
        wake(d);
        await new Promise((r) => setTimeout(r, min + Math.random() * (max - min)));
      }
    }),
  );
  clearTimeout(endTimer);
  stopping = true;
  const idle = async () => {
    while (desks.some((d) => d.running)) await new Promise((r) => setTimeout(r, 20));
  };
  await idle();
  // A save that came during a desk's last cycle is pushed once more before counting losses.
  for (const d of desks) if (d.outbox.length > 0) wake(d);
  await idle();
  for (const d of desks) if (d.outbox.length > 0) error(`desk ${d.deskId} ended with ${d.outbox.length} unacknowledged mutations`);
  for (const d of desks) d.socket?.terminate();
  agent.destroy();
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    latencies, errors, errorSamples,
    pushes: latencies.length,
    pulls: atEnd.pulls,
    pokes: atEnd.pokes,
    mutationsPerPush: round(desks.reduce((n, d) => n + d.next - 1, 0) / Math.max(1, latencies.length)),
    pushesPerSecond: round(atEnd.pushes / options.seconds),
    pullsPerSecond: round(atEnd.pulls / options.seconds),
    pokesPerSecond: round(atEnd.pokes / options.seconds),
  };
}
