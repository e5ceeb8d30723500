// Child process: an empty desk's initial sync from the server, timed; prints JSON with the
// seconds, rows and the process's peak RSS.
// BENCH_SYNC_PHASES=1 prints where the time went (phase-timer.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../src-main/db/open';
import { SyncEngine } from '../../../src-main/sync/sync-engine';
import { timePhases } from './phase-timer';

const [url, username, password] = process.argv.slice(2);
const dir = mkdtempSync(join(process.env.BENCH_TMP ?? tmpdir(), 'dd-bench-desk-'));
// BENCH_SYNC_PLAIN=1: an unencrypted desk, to tell the cipher's share of the time.
const { sqlite } = openDatabase(join(dir, 'dealerdesk.sqlite'), process.env.BENCH_SYNC_PLAIN ? { key: 'none' } : {});
const phases = process.env.BENCH_SYNC_PHASES ? timePhases(sqlite) : null;
const engine = new SyncEngine({ sqlite, server: { url }, credentials: { username, password }, websocket: false, snapshotLimit: 10_000 });
const started = performance.now();
const ok = await engine.syncOnce();
const seconds = (performance.now() - started) / 1000;
if (phases) console.error(phases());
const count = (t: string) => sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
const result = { ok, seconds, customers: count('customers'), phones: count('phones'), vehicles: count('vehicles'), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), cpuSeconds: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1e4) / 100, error: engine.status().lastError };
await engine.stop();
sqlite.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify(result));
