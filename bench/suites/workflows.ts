// Issue 8 benchmarks. work_queue_open: an agent's "my work" list when 100,000 open work items
// are theirs (first page, later pages by cursor, filtered by kind), on its own desk in
// bench/.cache/workflows-100k. reminder_scan_1m: every care reminder due today for the
// 1,000,000-customer desk of customer-cache.ts, opened read-only so the shared cache is not
// changed (whole-desk table scans: reminder-scan-bulk.ts).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src-main/db/open';
import { seedDemoData } from '../../src-main/demo/seed';
import { databasePath } from '../../src-main/host/data-dir';
import type { WorkflowContext } from '../../src-main/workflows/context';
import { reminderRulesOf, loadWorkflowSettings } from '../../src-main/workflows/settings';
import { scanCareReminders } from '../../src-main/workflows/reminder-scan';
import { insertWorkItem } from '../../src-main/workflows/work-item-repository';
import { listWorkItems } from '../../src-main/workflows/work-queue';
import { workItemKinds } from '../../src-shared/domain/workflows/kinds';
import { seededRandom, summarize, type BenchResult } from '../stats';
import { benchToday } from './customer-cache';
import type { BenchSuite } from './index';

const queueDir = join(import.meta.dirname, '..', '.cache', 'workflows-100k');
const desk1m = join(import.meta.dirname, '..', '.cache', 'desk-1m');
const items = 100_000;
const agent = '坐席小王';

function seedQueue(): void {
  rmSync(queueDir, { recursive: true, force: true });
  mkdirSync(queueDir, { recursive: true });
  const { sqlite } = openDatabase(databasePath(queueDir));
  seedDemoData(sqlite, { customers: 20_000, seed: 3, today: benchToday });
  const random = seededRandom(9);
  const base = Date.parse(`${benchToday}T00:00:00Z`);
  sqlite.transaction(() => {
    for (let i = 0; i < items; i++) {
      const kind = workItemKinds[Math.floor(random() * workItemKinds.length)];
      const at = new Date(base - Math.floor(random() * 90 * 86_400_000)).toISOString();
      const sortAt = new Date(base + Math.floor((random() - 0.5) * 30 * 86_400_000)).toISOString();
      insertWorkItem(sqlite, {
        kind, status: kind === 'complaint' ? 'assigned' : kind === 'rescue' ? 'dispatched' : kind === 'accident' ? 'in_repair' : 'open', title: `工单 ${i}`, description: '',
        category: null, department: 'customer_service', priority: 'normal', owner: agent, createdBy: agent, customerId: 1 + Math.floor(random() * 20_000), vehicleId: null,
        deadlineAt: kind === 'complaint' ? sortAt : null, sortAt, fields: {}, importance: [], sourceKey: null, at,
      });
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

function queueBench(): BenchResult {
  if (!existsSync(databasePath(queueDir))) seedQueue();
  const { sqlite, db } = openDatabase(databasePath(queueDir));
  const open = (sqlite.prepare('SELECT count(*) FROM work_items WHERE owner = ? AND open = 1').pluck().get(agent) as number);
  if (open < items) throw new Error(`bench desk has ${open} open items, expected ${items}`);
  const ctx = {
    sqlite, db, dataDir: queueDir, session: { userName: agent, role: 'agent', locale: 'zh-CN' }, now: () => new Date(`${benchToday}T02:00:00Z`), emit: () => {}, log: console,
  } as unknown as WorkflowContext;
  const samples: number[] = [];
  const random = seededRandom(5);
  for (let round = 0; round < 400; round++) {
    const kinds = round % 3 === 2 ? [workItemKinds[round % workItemKinds.length]] : undefined;
    const t0 = performance.now();
    let page = listWorkItems(ctx, { scope: 'mine', open: true, overdueOnly: false, limit: 50, kinds });
    // every fourth round opens a later page (scrolling): up to 20 pages deep
    if (round % 4 === 3) for (let p = Math.floor(random() * 20); p > 0 && page.nextCursor; p--) page = listWorkItems(ctx, { scope: 'mine', open: true, overdueOnly: false, limit: 50, kinds, cursor: page.nextCursor });
    const ms = performance.now() - t0;
    if (round >= 20) samples.push(ms);
    if (page.items.length === 0) throw new Error('empty queue page');
  }
  sqlite.close();
  return summarize('work_queue_open', 'ms', samples);
}

function reminderBench(): BenchResult {
  if (!existsSync(databasePath(desk1m))) throw new Error('bench/.cache/desk-1m missing: run `npm run bench seed_1m` first');
  const { sqlite } = openDatabase(databasePath(desk1m), { key: 'none', readonly: true });
  sqlite.pragma('cache_size = -262144');
  const hasSettings = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'settings'`).get();
  const rules = hasSettings ? reminderRulesOf(loadWorkflowSettings(sqlite)) : undefined;
  const started = performance.now();
  const byKind = new Map<string, number>();
  const result = scanCareReminders(sqlite, benchToday, rules, {}, (r) => byKind.set(r.kind, (byKind.get(r.kind) ?? 0) + 1));
  const seconds = (performance.now() - started) / 1000;
  console.error(`reminder scan: ${result.customers} customers, ${result.count} reminders, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`, Object.fromEntries(byKind));
  sqlite.close();
  return { name: 'reminder_scan_1m', unit: 's', value: Math.round(seconds * 100) / 100 };
}

export const workflowsSuite: BenchSuite = {
  title: 'service workflows (issue 8)',
  names: ['work_queue_open', 'reminder_scan_1m'],
  async run(names) {
    const results: BenchResult[] = [];
    if (names.includes('work_queue_open')) results.push(queueBench());
    if (names.includes('reminder_scan_1m')) results.push(reminderBench());
    return results;
  },
};
