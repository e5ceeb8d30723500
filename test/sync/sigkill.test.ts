// Desk processes killed with SIGKILL in the middle of initial sync and of applying pages,
// while another desk keeps writing: after a clean final run the desk equals the server, every
// mutation it ever queued was applied exactly once, and SQLite's integrity_check is ok.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { editRecord, createRecord } from '../../src-main/sync/local-writes';
import { syncState } from '../../src-main/sync/sync-state';
import { bulkLoad } from '../../src-server/store/bulk-load';
import { demoRows } from '../../src-server/demo/demo-data';
import { seededRandom } from '../../src-shared/domain/random';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { dumpDesk, dumpServer, openTestDesk } from './desk-harness';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const child = join(import.meta.dirname, 'desk-child.ts');

describe('desk processes killed with SIGKILL mid-apply', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const rows = demoRows(1500, 7);
    await bulkLoad(server.sql, server.dealershipId, 'customers', rows.customers);
    await bulkLoad(server.sql, server.dealershipId, 'phones', rows.phones);
    await bulkLoad(server.sql, server.dealershipId, 'vehicles', rows.vehicles);
    await bulkLoad(server.sql, server.dealershipId, 'service_visits', rows.visits);
  }, 180_000);
  afterAll(async () => server?.close());

  it('resumes and converges after every kill (seed 6)', async () => {
    const random = seededRandom(6);
    const dir = mkdtempSync(join(tmpdir(), 'dd-kill-'));
    const other = openTestDesk({ serverUrl: server.url, username: 'super1', password: testPassword });
    await other.engine.syncOnce();
    let kills = 0;
    // A quiet machine syncs a round faster than a loaded one: keep going (up to 24 rounds) until
    // at least 4 processes were killed mid-run, however fast the machine is.
    for (let round = 0; round < 24 && (round < 8 || kills < 4); round++) {
      const proc = spawn(tsx, [child, dir, server.url, 'agent1', testPassword, '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      proc.stdout.on('data', (d) => (output += d));
      proc.stderr.on('data', (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
      await new Promise((r) => setTimeout(r, 400 + random() * (round < 8 ? 3600 : 1200)));
      if (proc.exitCode === null) {
        proc.kill('SIGKILL');
        kills++;
      }
      await exited;
      // Meanwhile the dealership goes on: another desk edits and creates.
      const uid = other.sqlite.prepare('SELECT uid FROM customers ORDER BY random() LIMIT 1').pluck().get() as string;
      editRecord(other.sqlite, 'customers', uid, { email: `r${round}@example.cn` }, new Date());
      createRecord(other.sqlite, 'customers', randomUUID(), { number: `K${round}`, name: '孙七', customFields: '{}' }, new Date());
      await other.engine.syncOnce();
      expect(output).not.toMatch(/Error|failed/);
    }
    // Async on purpose: the server runs in this process and must keep answering.
    const final = spawn(tsx, [child, dir, server.url, 'agent1', testPassword, '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let finalOutput = '';
    final.stdout.on('data', (d) => (finalOutput += d));
    final.stderr.on('data', (d) => (finalOutput += d));
    expect(await new Promise((resolve) => final.on('exit', resolve))).toBe(0);
    expect(finalOutput).toContain('synced');
    expect(kills).toBeGreaterThanOrEqual(4);

    const { sqlite } = openDatabase(join(dir, 'dealerdesk.sqlite'));
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      expect(sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
      await other.engine.syncOnce();
      const serverDump = await dumpServer(server.sql, server.dealershipId);
      expect(dumpDesk(sqlite)).toEqual(serverDump);
      expect(dumpDesk(other.sqlite)).toEqual(serverDump);
      const deskId = syncState.deskId(sqlite);
      const queued = sqlite.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'`).pluck().get() as number;
      const applied = await server.sql.query<{ mutation_id: number }>('SELECT mutation_id FROM applied_mutations WHERE desk_id = $1 ORDER BY mutation_id', [deskId]);
      expect(applied.map((a) => a.mutation_id)).toEqual(Array.from({ length: queued }, (_, i) => i + 1));
      // The search indexes dropped for the bulk download are back.
      const indexes = sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'customers_pinyin'`).pluck().get();
      expect(indexes).toBe(1);
    } finally {
      sqlite.close();
      await other.close();
    }
  }, 600_000);
});
