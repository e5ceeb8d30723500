// Issue 9 benchmarks on the 1M-customer bench desk (bench/.cache/desk-1m, seeded by the
// customer-cache suite): churn_classify_1m — the churn job classifying every customer and
// building the monthly figures (target ≤ 10 s); dashboard_open — every chart's data for 12 months
// through the service (target p95 ≤ 300 ms).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src-main/db/open';
import { databasePath } from '../../src-main/host/data-dir';
import type { DeskContext } from '../../src-main/host/context';
import { rebuildSupervisorFigures } from '../../src-main/supervisor/churn-job';
import { supervisorDashboard } from '../../src-main/supervisor/dashboard-service';
import { summarize, type BenchResult } from '../stats';
import type { BenchSuite } from './index';
import { benchToday } from './customer-cache';

const cacheDir = join(import.meta.dirname, '..', '.cache', 'desk-1m');

export const supervisorSuite: BenchSuite = {
  title: 'Supervisor (issue 9)',
  names: ['churn_classify_1m', 'dashboard_open'],
  async run(names) {
    if (!existsSync(databasePath(cacheDir))) throw new Error('run the customer-cache suite first (seed_1m)');
    const { sqlite, db } = openDatabase(databasePath(cacheDir));
    const now = new Date(`${benchToday}T04:00:00Z`);
    const ctx = {
      sqlite, db, dataDir: cacheDir, host: 'cli', session: { userName: 'bench', role: 'supervisor', locale: 'zh-CN' },
      now: () => now, emit: () => {}, log: { info: () => {}, error: () => {} },
    } as DeskContext;
    const results: BenchResult[] = [];
    const built = sqlite.prepare(`SELECT value FROM settings WHERE key = 'supervisor.builtAt'`).pluck().get();
    if (names.includes('churn_classify_1m') || !built) {
      const t0 = performance.now();
      const r = rebuildSupervisorFigures(sqlite, { today: benchToday, builtAt: now.toISOString() });
      const seconds = (performance.now() - t0) / 1000;
      console.error(`classified ${r.customers} customers over ${r.visits} visits`);
      if (names.includes('churn_classify_1m')) results.push({ name: 'churn_classify_1m', unit: 's', value: Math.round(seconds * 100) / 100 });
    }
    if (names.includes('dashboard_open')) {
      const to = benchToday.slice(0, 7);
      const [y, m] = to.split('-').map(Number);
      const from = `${m === 12 ? y : y - 1}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}`;
      for (let i = 0; i < 5; i++) supervisorDashboard(ctx, from, to);
      const samples: number[] = [];
      for (let i = 0; i < 50; i++) {
        const t0 = performance.now();
        supervisorDashboard(ctx, from, to);
        samples.push(performance.now() - t0);
      }
      results.push(summarize('dashboard_open', 'ms', samples));
    }
    sqlite.close();
    return results;
  },
};
