// Desk processes killed with SIGKILL in the middle of initial sync and of applying pages,
// while another desk keeps writing (customers, KB articles and their versions, the follow-ups
// of a delivery the killed desk plans too): after a clean final run the desk equals the server,
// every mutation it ever queued was applied exactly once, each delivery made its follow-ups
// once, the KB search index matches the articles, and SQLite's integrity_check is ok.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { createArticle, editArticle } from '../../src-main/knowledge/article-service';
import { searchArticles } from '../../src-main/knowledge/search-service';
import { planFollowUps } from '../../src-main/workflows/follow-up-service';
import { loadWorkflowSettings } from '../../src-main/workflows/settings';
import type { WorkflowContext } from '../../src-main/workflows/context';
import { plannedFollowUps } from '../../src-shared/domain/workflows/follow-up-rules';
import type { KbArticleFields } from '../../src-shared/contract/knowledge';
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
    const supervisor: WorkflowContext = {
      sqlite: other.sqlite, dataDir: other.dir, session: { userName: 'super1', role: 'supervisor', locale: 'zh-CN' }, now: () => new Date(),
      emit: () => undefined, log: { info: () => undefined, error: () => undefined },
    };
    const article = (round: number): KbArticleFields => ({
      title: `保养政策 第${round}版`, body: `第 ${round} 轮:首保免费,请携带保养手册。`, category: 'maintenance', tags: ['首保'], models: [],
      mileage: { min: null, max: null }, ageMonths: { min: null, max: null }, status: 'published', author: null,
    });
    const deliveries: string[] = [];
    let lastTitle = '';
    let kills = 0;
    // A quiet machine syncs a round faster than a loaded one: keep going (up to 24 rounds) until
    // at least 4 processes were killed mid-run, however fast the machine is.
    for (let round = 0; round < 24 && (round < 8 || kills < 4); round++) {
      const customer = other.sqlite.prepare('SELECT uid FROM customers ORDER BY random() LIMIT 1').pluck().get() as string;
      const eventKey = `vehicle:kill-${round}`;
      deliveries.push(eventKey);
      // Its own process group: tsx runs the script in a child node process, and a SIGKILL to tsx
      // alone would leave that one writing on beside the next round's desk.
      const proc = spawn(tsx, [child, dir, server.url, 'agent1', testPassword, '2', customer, eventKey], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      let output = '';
      proc.stdout.on('data', (d) => (output += d));
      proc.stderr.on('data', (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
      await new Promise((r) => setTimeout(r, 400 + random() * (round < 8 ? 3600 : 1200)));
      if (proc.exitCode === null) {
        process.kill(-proc.pid!, 'SIGKILL');
        kills++;
      }
      await exited;
      // Meanwhile the dealership goes on: another desk edits and creates.
      const uid = other.sqlite.prepare('SELECT uid FROM customers ORDER BY random() LIMIT 1').pluck().get() as string;
      editRecord(other.sqlite, 'customers', uid, { email: `r${round}@example.cn` }, new Date());
      createRecord(other.sqlite, 'customers', randomUUID(), { number: `K${round}`, name: '孙七', customFields: '{}' }, new Date());
      // The same delivery's follow-ups, planned on this desk too: one item per rule either way.
      planFollowUps(supervisor, { trigger: 'delivery', eventDate: '2026-11-20', eventKey, customerId: other.sqlite.prepare('SELECT id FROM customers WHERE uid = ?').pluck().get(customer) as number });
      const latest = other.sqlite.prepare('SELECT id FROM kb_articles ORDER BY id DESC LIMIT 1').pluck().get() as number | undefined;
      lastTitle = article(round).title;
      if (round % 2 === 0 || latest === undefined) createArticle(supervisor, article(round));
      else editArticle(supervisor, latest, article(round));
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
      // Every delivery's follow-ups exist once, whichever desk planned them first.
      const rules = plannedFollowUps('delivery', '2026-11-20', 'x', loadWorkflowSettings(other.sqlite).followUpRules).length;
      expect(rules).toBeGreaterThan(0);
      for (const key of deliveries) {
        const [{ n }] = await server.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM work_items WHERE dealership_id = $1 AND source_key LIKE $2 AND NOT deleted`, [server.dealershipId, `${key}:%`]);
        expect(n, key).toBe(rules);
      }
      const [{ n: capability }] = await server.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM applied_mutations WHERE desk_id = $1 AND entity IN ('work_items', 'work_item_history') AND outcome IN ('created', 'updated')`, [deskId],
      );
      expect(capability).toBeGreaterThan(0);
      // Articles applied by a process killed mid-page are indexed once each, and searchable.
      expect(sqlite.prepare('SELECT count(*) FROM kb_articles WHERE id NOT IN (SELECT rowid FROM kb_fts) OR id NOT IN (SELECT rowid FROM kb_grams)').pluck().get()).toBe(0);
      expect(sqlite.prepare('SELECT count(*) FROM kb_fts').pluck().get()).toBe(sqlite.prepare('SELECT count(*) FROM kb_articles').pluck().get());
      expect(searchArticles(sqlite, { query: lastTitle, limit: 3 })[0]?.title).toBe(lastTitle);
      // The search indexes dropped for the bulk download are back.
      const indexes = sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'customers_pinyin'`).pluck().get();
      expect(indexes).toBe(1);
    } finally {
      sqlite.close();
      await other.close();
    }
  }, 600_000);
});
