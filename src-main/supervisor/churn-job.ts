// The supervisor's precomputed figures: every customer classified with src-shared/domain/churn.ts
// into churn_snapshot, and the monthly figures the dashboard shows — churn by class, by advisor
// and month (months 7–12 rule), service visits by kind and month, appointment share, and
// due-maintenance visits — in kpi_monthly. The dashboard then reads a few hundred rows instead of
// scanning millions of visits (issue 9 targets: dashboard_open p95 ≤ 300 ms and
// churn_classify_1m ≤ 10 s at 1M customers).
// The job is a sequence of slices (churnJobSlices): customers by id range (churn-snapshot.ts:
// SQLite aggregates each customer's visits, the rules run in JS once per distinct date, and only
// changed snapshot rows are written), then the visit figures (churn-visits.ts), then kpi_monthly
// and the settings row in one short transaction. No transaction spans two slices (the due-
// maintenance scan keeps one read statement open across its slices), so the desk runs the job on
// a connection of its own (churn-runner.ts: a worker thread) while it keeps reading and writing.
// While a run is under way the dashboard sees part of the new snapshot with the previous
// kpi_monthly; each slice reads one consistent state, and the next run corrects whatever
// changed meanwhile, as the single transaction of earlier versions did.
// Profile at 1M customers of the single-transaction version (13.7 s): snapshot rewrite and its
// two index builds ~4.5 s plus the commit, per-customer aggregate 2.1 s, due-maintenance scan
// 1.6 s, advisor-churn joins 1.3 s, class counts 0.6 s, the rest (~4 s) JS loops and the commit.
import type Database from 'better-sqlite3';
import { churnRules, type ChurnRules } from '../../src-shared/domain/churn';
import { addMonths } from '../../src-shared/domain/dates';
import { monthEndsBack } from '../../src-shared/domain/kpi/churn-report';
import { defaultDueMaintenanceRules, type DueMaintenanceRules } from '../../src-shared/domain/kpi/visits';
import { CustomerChurnPass } from './churn-snapshot';
import { VisitFigures } from './churn-visits';

export interface ChurnJobOptions {
  today: string;
  /** Months of monthly figures, ending with today's month. */
  months?: number;
  churn?: ChurnRules;
  dueMaintenance?: DueMaintenanceRules;
  builtAt: string;
  /** Customers per slice (default 5,000: a few tens of milliseconds of work). */
  sliceCustomers?: number;
}

export interface ChurnJobResult {
  customers: number;
  visits: number;
  /** Snapshot rows written or deleted. */
  changed: number;
}

const figureMetrics = ['class', 'churn', 'churn_book', 'visits', 'visits_appt', 'adv_visits', 'adv_appt', 'due_maint'];

/** The job as slices: iterate it to run one slice per step; its return value is the result. */
export function* churnJobSlices(sqlite: Database.Database, o: ChurnJobOptions): Generator<void, ChurnJobResult, void> {
  const rules = o.churn ?? churnRules;
  const due = o.dueMaintenance ?? defaultDueMaintenanceRules;
  const monthEnds = monthEndsBack(o.today, o.months ?? 12);
  const firstDay = `${monthEnds[0].slice(0, 7)}-01`;
  const sliceCustomers = o.sliceCustomers ?? 5_000;
  // The newest visit row the figures include: refresh-tick.ts compares it to spot a large import.
  const visitMaxId = sqlite.prepare('SELECT coalesce(max(id), 0) FROM service_visits').pluck().get() as number;

  // First run on a desk (or after the table was emptied): a million appends, then each index built
  // by one sort, is far cheaper than maintaining both row by row. A run cut short leaves them
  // missing until the next run's end recreates them (same names and columns as migration 0008).
  if (!sqlite.prepare('SELECT 1 FROM churn_snapshot LIMIT 1').get()) sqlite.exec('DROP INDEX IF EXISTS churn_snapshot_status; DROP INDEX IF EXISTS churn_snapshot_advisor;');
  const pass = new CustomerChurnPass(sqlite, { today: o.today, rules, monthEnds, firstDay, classStart: addMonths(o.today, -rules.classWindowMonths), sliceCustomers });
  while (pass.next()) yield;
  yield;

  const counts = new Map<string, number>();
  const count = (metric: string, month: string, key: string, n: number) => {
    const k = `${metric}\u0000${month}\u0000${key}`;
    counts.set(k, (counts.get(k) ?? 0) + n);
  };
  const thisMonth = o.today.slice(0, 7);
  for (const [visitClass, byStatus] of pass.classCounts) for (const [status, n] of byStatus) count('class', thisMonth, `${visitClass}:${status}`, n);
  for (const [advisor, r] of pass.advisorMonths) {
    for (let i = 0; i < monthEnds.length; i++) {
      if (r.book[i]) count('churn_book', monthEnds[i].slice(0, 7), String(advisor ?? ''), r.book[i]);
      if (r.churn[i]) count('churn', monthEnds[i].slice(0, 7), String(advisor ?? ''), r.churn[i]);
    }
  }
  const visitFigures = new VisitFigures(sqlite, {
    today: o.today, monthEnds, firstDay, due, maintenanceSince: addMonths(firstDay, -(due.intervalMonths + 1)),
    sliceVehicles: sliceCustomers * 2,
  }, count);
  try {
    while (visitFigures.next()) yield;
  } finally {
    visitFigures.dispose();
  }

  const result: ChurnJobResult = { customers: pass.customers, visits: pass.visits, changed: pass.changed };
  sqlite.transaction(() => {
    sqlite.exec('CREATE INDEX IF NOT EXISTS churn_snapshot_status ON churn_snapshot (status, last_visit); CREATE INDEX IF NOT EXISTS churn_snapshot_advisor ON churn_snapshot (advisor_id, status);');
    sqlite.prepare(`DELETE FROM kpi_monthly WHERE metric IN (${figureMetrics.map(() => '?').join(', ')})`).run(...figureMetrics);
    const put = sqlite.prepare('INSERT INTO kpi_monthly (metric, month, key, value, built_at) VALUES (?, ?, ?, ?, ?)');
    for (const [k, v] of counts) {
      const [metric, month, key] = k.split('\u0000');
      put.run(metric, month, key, v, o.builtAt);
    }
    sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('supervisor.builtAt', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
      .run(JSON.stringify({ builtAt: o.builtAt, asOf: o.today, visitMaxId, visits: result.visits }));
  }).immediate();
  return result;
}

/** Runs the whole job at once on this connection (CLI, tests, bench; the desk uses churn-runner.ts). */
export function rebuildSupervisorFigures(sqlite: Database.Database, o: ChurnJobOptions): ChurnJobResult {
  const slices = churnJobSlices(sqlite, o);
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

export interface FiguresBuilt {
  builtAt: string;
  asOf: string;
  /** Absent on figures built before the refresh tick existed. */
  visitMaxId?: number;
  visits?: number;
}

export function figuresBuiltAt(sqlite: Database.Database): FiguresBuilt | null {
  const raw = sqlite.prepare(`SELECT value FROM settings WHERE key = 'supervisor.builtAt'`).pluck().get() as string | undefined;
  return raw ? (JSON.parse(raw) as FiguresBuilt) : null;
}
