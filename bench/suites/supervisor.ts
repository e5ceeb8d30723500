// Issue 9 benchmarks on the 1M-customer bench desk (bench/.cache/desk-1m, seeded by the
// customer-cache suite): churn_classify_1m — the nightly churn job from the state a night starts
// from: figures built the night before (as of benchToday − 1) and the day's visits (those dated
// benchToday) new since; every customer is classified and every monthly figure rebuilt, only
// changed snapshot rows are written (target ≤ 10 s); churn_classify_1m_cold — the same job on
// an empty churn_snapshot (first run on a desk); dashboard_open — every chart's data for 12
// months through the service (target p95 ≤ 300 ms).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../src-main/db/open';
import { databasePath } from '../../src-main/host/data-dir';
import type { DeskContext } from '../../src-main/host/context';
import { rebuildSupervisorFigures } from '../../src-main/supervisor/churn-job';
import { addDays } from '../../src-shared/domain/dates';
import { supervisorDashboard } from '../../src-main/supervisor/dashboard-service';
import { summarize, type BenchResult } from '../stats';
import type { BenchSuite } from './index';
import { benchToday } from './customer-cache';

const cacheDir = join(import.meta.dirname, '..', '.cache', 'desk-1m');

export const supervisorSuite: BenchSuite = {
  title: 'Supervisor (issue 9)',
  names: ['churn_classify_1m', 'churn_classify_1m_cold', 'dashboard_open'],
  async run(names) {
    if (!existsSync(databasePath(cacheDir))) throw new Error('run the customer-cache suite first (seed_1m)');
    // The plaintext desk, like the other SQL benchmarks (./desk-1m.ts).
    const { sqlite, db } = openDatabase(databasePath(cacheDir), { key: 'none' });
    const now = new Date(`${benchToday}T04:00:00Z`);
    const ctx = {
      sqlite, db, dataDir: cacheDir, host: 'cli', session: { userName: 'bench', role: 'supervisor', locale: 'zh-CN' },
      now: () => now, emit: () => {}, log: { info: () => {}, error: () => {} },
    } as DeskContext;
    const results: BenchResult[] = [];
    const built = sqlite.prepare(`SELECT value FROM settings WHERE key = 'supervisor.builtAt'`).pluck().get();
    const classify = (name: string, today: string) => {
      const t0 = performance.now();
      const r = rebuildSupervisorFigures(sqlite, { today, builtAt: now.toISOString() });
      const seconds = (performance.now() - t0) / 1000;
      console.error(`${name}: classified ${r.customers} customers over ${r.visits} visits, ${r.changed} snapshot rows written`);
      return { name, unit: 's', value: Math.round(seconds * 100) / 100 } satisfies BenchResult;
    };
    if (names.includes('churn_classify_1m_cold')) {
      sqlite.prepare('DELETE FROM churn_snapshot').run();
      results.push(classify('churn_classify_1m_cold', benchToday));
    }
    if (names.includes('churn_classify_1m')) {
      classify('setup (the previous night)', addDays(benchToday, -1));
      results.push(classify('churn_classify_1m', benchToday));
    } else if (!built) {
      classify('setup', benchToday);
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
