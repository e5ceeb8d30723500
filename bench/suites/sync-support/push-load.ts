// push_200_desks: 200 simulated desks (HTTP clients with their own desk ids and sessions)
// pushing and pulling at once against one server; each desk pushes a create and an edit about
// once a second, then pulls. Push latency is measured per request; any non-200 is an error.
import http from 'node:http';
import { randomUUID } from 'node:crypto';

interface Client {
  deskId: string;
  token: string;
  next: number;
  cursor: number;
}

function request(agent: http.Agent, url: string, method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; json: any }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, url), {
      method, agent,
      headers: { 'content-type': 'application/json', ...(payload ? { 'content-length': String(payload.length) } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), 'x-dealerdesk-sync-schema': '1' },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString() || 'null') }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export async function pushLoad(url: string, username: string, password: string, desks: number, seconds: number): Promise<{ latencies: number[]; errors: number; pushes: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: desks });
  const clients: Client[] = [];
  for (let i = 0; i < desks; i++) {
    const deskId = `bench-${randomUUID()}`;
    const r = await request(agent, url, 'POST', '/auth/login', null, { username, password, deskId });
    if (r.status !== 200) throw new Error(`login failed: ${r.status}`);
    clients.push({ deskId, token: r.json.accessToken, next: 1, cursor: 0 });
  }
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    clients.map(async (c, i) => {
      await new Promise((r) => setTimeout(r, (i * 1000) / desks));
      while (Date.now() < end) {
        const uid = randomUUID();
        const mutations = [
          { id: c.next, entity: 'customers', uid, op: 'upsert', fields: { number: `B-${uid.slice(0, 13)}`, name: '压测客户', customFields: '{}' }, baseRev: 0, at: new Date().toISOString() },
          { id: c.next + 1, entity: 'customers', uid, op: 'upsert', fields: { address: `压测路 ${c.next} 号` }, baseRev: 0, at: new Date().toISOString() },
        ];
        const t0 = performance.now();
        try {
          const r = await request(agent, url, 'POST', '/sync/push', c.token, { deskId: c.deskId, schemaVersion: 1, mutations });
          latencies.push(performance.now() - t0);
          if (r.status !== 200) errors++;
          else c.next += 2;
          const p = await request(agent, url, 'GET', `/sync/pull?deskId=${c.deskId}&after=${c.cursor}&limit=500`, c.token);
          if (p.status !== 200) errors++;
          else c.cursor = p.json.nextRev;
        } catch {
          errors++;
        }
        await new Promise((r) => setTimeout(r, 800 + Math.random() * 400));
      }
    }),
  );
  agent.destroy();
  return { latencies, errors, pushes: latencies.length };
}
