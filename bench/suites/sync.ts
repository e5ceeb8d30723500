// Issue 6 benchmarks: initial sync of 1,000,000 customers (+ their ~1.5 M vehicles and their
// phones) onto an empty desk over loopback from a server on PostgreSQL; PouchDB replication of
// the same rows (batch_size swept, BENCH_POUCH_CUSTOMERS customers, default 50,000) against our
// initial sync of those rows; propagation desk A → server → desk B; 200 simulated desks
// pushing and pulling at once; peak RSS of desk and server processes. Rows come from the
// desk's demo generator (seed 42, bench/.cache/sync-source); service visits are not loaded.
// push_200_desks models real desks (sync-support/push-load.ts): each agent saves every 2–4 s
// (BENCH_PUSH_SAVE_EVERY_MS=min-max to change), each desk pushes, pulls after its push and after
// every WebSocket poke; the result carries the load applied (pushes/s, mutations per push,
// pulls/s, pokes/s) next to the push latencies.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/db/open';
import { seedDemoData } from '../../src-main/demo/seed';
import { createRecord, editRecord } from '../../src-main/sync/local-writes';
import { SyncEngine } from '../../src-main/sync/sync-engine';
import { AuthService } from '../../src-server/auth/auth-service';
import { bulkLoad } from '../../src-server/store/bulk-load';
import { ensureDealership, openStore } from '../../src-server/store/open-store';
import type { Sql } from '../../src-server/store/sql';
import { freePort, startPostgres } from '../../test/support/postgres-cluster';
import { summarize, type BenchResult } from '../stats';
import { benchEntities, deskFileRows } from './sync-support/desk-file';
import { loadPouch, replicatePouch, startPouchServer } from './sync-support/pouch';
import { pushLoad } from './sync-support/push-load';
import type { BenchSuite } from './index';

const bigN = Number(process.env.BENCH_SYNC_CUSTOMERS ?? 1_000_000);
const pouchN = Number(process.env.BENCH_POUCH_CUSTOMERS ?? 50_000);
const cacheDir = join(import.meta.dirname, '..', '.cache', 'sync-source');
const password = 'bench-password-1';
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

function sourceDesk(customers: number): string {
  const path = join(cacheDir, 'dealerdesk.sqlite');
  if (existsSync(path)) {
    const { sqlite } = openDatabase(path);
    const n = sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    sqlite.close();
    if (n >= customers) return path;
  }
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const { sqlite } = openDatabase(path);
  console.error(`seeding ${customers} demo customers for the sync benchmarks…`);
  seedDemoData(sqlite, { customers, seed: 42, today: '2026-11-26' });
  sqlite.close();
  return path;
}

async function loadDealership(sql: Sql, name: string, source: string, customers: number, username: string): Promise<number> {
  const id = await ensureDealership(sql, name);
  const t0 = performance.now();
  let rows = 0;
  for (const entity of benchEntities) for (const chunk of deskFileRows(source, entity, customers)) rows += await bulkLoad(sql, id, entity, chunk);
  await new AuthService(sql, authConfig).createUser({ dealershipId: id, username, password, role: 'agent' });
  console.error(`loaded ${rows} rows into ${name} in ${round((performance.now() - t0) / 1000, 1)} s`);
  return id;
}

const authConfig = { tokenSecret: Buffer.alloc(32, 7), accessTtlSeconds: 3600, refreshTtlSeconds: 86400, lockoutAttempts: 5, lockoutMinutes: 15 };

async function startServer(pgUrl: string, port: number): Promise<ChildProcess> {
  // node itself (not the tsx wrapper), so /proc/<pid> is the server's own memory.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/main.ts', '--postgres', pgUrl, '--port', String(port), '--dealership', 'bench-unused'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DEALERDESK_TOKEN_SECRET: authConfig.tokenSecret.toString('hex') },
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('dealership server on') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return child;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function deskSync(url: string, username: string): Promise<{ ok: boolean; seconds: number; customers: number; phones: number; vehicles: number; maxRssMb: number; cpuSeconds: number; error: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/suites/sync-support/desk-sync-child.ts', url, username, password], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`desk sync exited ${code}`))));
  });
}

async function propagation(url: string, username: string, samples: number): Promise<number[]> {
  const open = () => {
    const { sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-prop-')), 'dealerdesk.sqlite'));
    return { sqlite, engine: new SyncEngine({ sqlite, server: { url }, credentials: { username, password }, websocket: true, pollMs: 3_600_000 }) };
  };
  const a = open();
  const b = open();
  await a.engine.syncOnce();
  await b.engine.syncOnce();
  a.engine.start();
  b.engine.start();
  await new Promise((r) => setTimeout(r, 500));
  const uid = randomUUID();
  createRecord(a.sqlite, 'customers', uid, { number: `PROP-${uid.slice(0, 8)}`, name: '传播测试', customFields: '{}' }, new Date());
  const seen = b.sqlite.prepare('SELECT address FROM customers WHERE uid = ?').pluck();
  const wait = async (value: string | null, timeoutMs = 10_000) => {
    const t0 = performance.now();
    while (performance.now() - t0 < timeoutMs) {
      if ((seen.get(uid) ?? null) === value) return performance.now() - t0;
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error('propagation timed out');
  };
  await wait(null);
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const value = `传播路 ${i} 号`;
    const t0 = performance.now();
    editRecord(a.sqlite, 'customers', uid, { address: value }, new Date());
    await wait(value);
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  await a.engine.stop();
  await b.engine.stop();
  return out;
}

export const syncSuite: BenchSuite = {
  title: 'dealership server and sync (issue 6)',
  names: ['initial_sync_1m', 'initial_sync_pouchdb', 'sync_speedup_vs_pouchdb', 'propagation', 'push_200_desks', 'sync_peak_rss_desk', 'sync_peak_rss_server'],
  async run(names) {
    const results: BenchResult[] = [];
    const want = (...n: string[]) => n.some((x) => names.includes(x));
    const source = sourceDesk(want('initial_sync_1m', 'sync_peak_rss_desk', 'sync_peak_rss_server') ? bigN : pouchN);
    const cluster = await startPostgres();
    const sql = await openStore({ kind: 'postgres', url: cluster.url });
    let server: ChildProcess | null = null;
    const pouchDir = mkdtempSync(join(tmpdir(), 'dd-pouch-'));
    let pouch: ChildProcess | null = null;
    try {
      if (want('initial_sync_1m', 'sync_peak_rss_desk', 'sync_peak_rss_server')) await loadDealership(sql, 'bench-1m', source, bigN, 'bench-1m');
      if (want('initial_sync_pouchdb', 'sync_speedup_vs_pouchdb', 'propagation')) await loadDealership(sql, 'bench-small', source, pouchN, 'bench-small');
      if (want('push_200_desks')) {
        const id = await ensureDealership(sql, 'bench-load');
        await new AuthService(sql, authConfig).createUser({ dealershipId: id, username: 'bench-load', password, role: 'agent' });
      }
      const port = await freePort();
      server = await startServer(cluster.url, port);
      const url = `http://127.0.0.1:${port}`;

      if (want('initial_sync_1m', 'sync_peak_rss_desk', 'sync_peak_rss_server')) {
        const serverCpu = cpuSeconds(server.pid!);
        const r = await deskSync(url, 'bench-1m');
        console.error(`server CPU during the initial sync: ${round(cpuSeconds(server.pid!) - serverCpu, 1)} s`);
        if (!r.ok) throw new Error(`initial sync failed: ${r.error}`);
        console.error(`initial sync: ${r.customers} customers, ${r.vehicles} vehicles, ${r.phones} phones in ${round(r.seconds)} s (${Math.round((r.customers + r.vehicles + r.phones) / r.seconds)} rows/s), desk CPU ${r.cpuSeconds} s, peak RSS ${r.maxRssMb} MB`);
        if (r.customers !== bigN) throw new Error(`desk holds ${r.customers} customers, expected ${bigN}`);
        if (names.includes('initial_sync_1m')) results.push({ name: 'initial_sync_1m', unit: 's', value: round(r.seconds) });
        if (names.includes('sync_peak_rss_desk')) results.push({ name: 'sync_peak_rss_desk', unit: 'MB', value: r.maxRssMb });
        if (names.includes('sync_peak_rss_server')) results.push({ name: 'sync_peak_rss_server', unit: 'MB', value: peakRssMb(server.pid!) });
      }

      if (want('initial_sync_pouchdb', 'sync_speedup_vs_pouchdb')) {
        const ours: number[] = [];
        let expected = 0;
        for (let i = 0; i < 3; i++) {
          const r = await deskSync(url, 'bench-small');
          ours.push(r.seconds);
          expected = r.customers + r.phones + r.vehicles;
        }
        ours.sort((a, b) => a - b);
        const pouchPort = await freePort();
        pouch = await startPouchServer(pouchDir, pouchPort);
        const remote = `http://127.0.0.1:${pouchPort}/bench`;
        async function* docs() {
          for (const entity of benchEntities) for (const chunk of deskFileRows(source, entity, pouchN)) yield chunk.map((r) => ({ entity, ...r }));
        }
        const loaded = await loadPouch(remote, docs());
        if (loaded !== expected) throw new Error(`PouchDB loaded ${loaded} docs, our desk holds ${expected} rows`);
        let best = { seconds: Infinity, batchSize: 0 };
        for (const batchSize of [100, 500, 1000, 5000]) {
          const r = await replicatePouch(remote, join(pouchDir, `client-${batchSize}`), batchSize);
          const correct = r.docs === expected;
          console.error(`pouchdb batch_size ${batchSize}: ${round(r.seconds)} s, ${r.docs}/${expected} docs${correct ? '' : ' — FAILED (lost or duplicated docs)'}, client RSS ${r.maxRssMb} MB`);
          if (correct && r.seconds < best.seconds) best = { seconds: r.seconds, batchSize };
        }
        console.error(`ours on the same ${expected} rows: median ${round(ours[1])} s; pouchdb best: batch_size ${best.batchSize}, ${round(best.seconds)} s`);
        if (names.includes('initial_sync_pouchdb')) results.push({ name: 'initial_sync_pouchdb', unit: 's', value: round(best.seconds) });
        if (names.includes('sync_speedup_vs_pouchdb')) results.push({ name: 'sync_speedup_vs_pouchdb', unit: 'x', value: round(best.seconds / ours[1], 1) });
      }

      if (names.includes('propagation')) results.push(summarize('propagation', 'ms', await propagation(url, 'bench-small', 200)));

      if (names.includes('push_200_desks')) {
        const [minMs, maxMs] = (process.env.BENCH_PUSH_SAVE_EVERY_MS ?? '2000-4000').split('-').map(Number);
        const r = await pushLoad(url, 'bench-load', password, { desks: 200, seconds: 20, saveEveryMs: [minMs, maxMs] });
        const { latencies, errorSamples, ...load } = r;
        console.error(
          `push_200_desks: 200 desks, each saving every ${minMs / 1000}–${maxMs / 1000} s: ${r.pushes} pushes (${r.pushesPerSecond}/s, ${r.mutationsPerPush} mutations each), ` +
            `${r.pullsPerSecond} pulls/s, ${r.pokesPerSecond} pokes/s received, ${r.errors} errors${errorSamples.length ? `: ${errorSamples.join('; ')}` : ''}`,
        );
        results.push({ ...summarize('push_200_desks', 'ms', latencies), ...load } as BenchResult);
      }
    } finally {
      for (const child of [server, pouch]) {
        if (!child || child.exitCode !== null) continue;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await sql.close();
      cluster.stop();
      rmSync(pouchDir, { recursive: true, force: true });
    }
    return results;
  },
};
