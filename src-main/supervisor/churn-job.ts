// The supervisor's precomputed figures: every customer classified with src-shared/domain/churn.ts
// and the monthly figures the dashboard shows — churn by class, by advisor and month (months
// 7–12 rule), service visits by kind and month, appointment share, and due-maintenance visits —
// written to churn_snapshot and kpi_monthly. The dashboard then reads a few hundred rows instead
// of scanning millions of visits (issue 9 targets: dashboard_open p95 ≤ 300 ms and
// churn_classify_1m ≤ 10 s at 1M customers).
// Speed: SQLite does the per-visit work in three passes that return few values per row —
// per customer (index-only over service_visits_customer_date), per day/kind/advisor (the
// covering service_visits_date_kind index of migration 0009) and per vehicle (one table scan) —
// and the rules run in JS once per distinct date, not once per visit.
import type Database from 'better-sqlite3';
import { churnRules, churnStatus, countsAgainstAdvisorChurn, visitClassOfCount, type ChurnRules } from '../../src-shared/domain/churn';
import { addMonths, isIsoDate } from '../../src-shared/domain/dates';
import { lastVisitAsOf, monthEndsBack } from '../../src-shared/domain/kpi/churn-report';
import { defaultDueMaintenanceRules, maintenanceDueEvents, maintenanceKinds, type DueEvent, type DueMaintenanceRules } from '../../src-shared/domain/kpi/visits';

export interface ChurnJobOptions {
  today: string;
  /** Months of monthly figures, ending with today's month. */
  months?: number;
  churn?: ChurnRules;
  dueMaintenance?: DueMaintenanceRules;
  builtAt: string;
}

class Counter {
  readonly map = new Map<string, number>();
  add(metric: string, month: string, key: string, n = 1): void {
    const k = `${metric}\u0000${month}\u0000${key}`;
    this.map.set(k, (this.map.get(k) ?? 0) + n);
  }
}

// Unit separator: cannot occur in a date, so group_concat lists split back exactly.
const sep = '\u001f';

export function rebuildSupervisorFigures(sqlite: Database.Database, o: ChurnJobOptions): { customers: number; visits: number } {
  const rules = o.churn ?? churnRules;
  const due = o.dueMaintenance ?? defaultDueMaintenanceRules;
  const monthEnds = monthEndsBack(o.today, o.months ?? 12);
  const firstDay = `${monthEnds[0].slice(0, 7)}-01`;
  const lastDay = monthEnds[monthEnds.length - 1];
  const periodEnd = lastDay < o.today ? lastDay : o.today;
  const classStart = addMonths(o.today, -rules.classWindowMonths);
  const thisMonth = o.today.slice(0, 7);
  const counts = new Counter();

  const monthMemo = monthEnds.map(() => new Map<string, number>());
  // Code of a last visit at each reported month end: 0 out of the book, 1 in the book, 2
  // counting against the advisor. A desk has a few thousand distinct dates: memoised.
  const monthCode = (i: number, last: string): number => {
    let code = monthMemo[i].get(last);
    if (code === undefined) {
      const end = monthEnds[i];
      code = churnStatus(last, end, rules) === 'permanently_lost' ? 0 : countsAgainstAdvisorChurn(last, end, rules) ? 2 : 1;
      monthMemo[i].set(last, code);
    }
    return code;
  };
  const advisorRows = new Map<number | null, { book: Float64Array; churn: Float64Array }>();
  const add = (advisor: number | null, i: number, code: number, n: number) => {
    if (code === 0) return;
    let rows = advisorRows.get(advisor);
    if (!rows) advisorRows.set(advisor, (rows = { book: new Float64Array(monthEnds.length), churn: new Float64Array(monthEnds.length) }));
    rows.book[i] += n;
    if (code === 2) rows.churn[i] += n;
  };
  let result = { customers: 0, visits: 0 };
  let visitMaxId = 0;

  sqlite.transaction(() => {
    // The newest visit row the figures include: refresh-tick.ts compares it to spot a large import.
    visitMaxId = sqlite.prepare('SELECT coalesce(max(id), 0) FROM service_visits').pluck().get() as number;
    // Per customer, in SQLite: last visit, distinct valid visit days in the class window, the
    // last visit before the first reported month and the visits inside the reported months.
    sqlite.exec(`DROP TABLE IF EXISTS temp.churn_agg; DROP TABLE IF EXISTS temp.churn_rule; DROP TABLE IF EXISTS temp.churn_class;
      CREATE TEMP TABLE churn_agg (customer_id INTEGER PRIMARY KEY, last TEXT, in_window INTEGER, prior TEXT, listed TEXT, visits INTEGER);
      CREATE TEMP TABLE churn_rule (last TEXT PRIMARY KEY, status TEXT NOT NULL, against INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TEMP TABLE churn_class (n INTEGER PRIMARY KEY, class TEXT NOT NULL);`);
    sqlite.prepare(`INSERT INTO churn_agg SELECT customer_id, max(visit_date), count(*) FILTER (WHERE visit_date > ? AND date(visit_date) IS visit_date),
        max(visit_date) FILTER (WHERE visit_date < ?), group_concat(visit_date, ?) FILTER (WHERE visit_date >= ?), sum(n)
      FROM (SELECT customer_id, visit_date, count(*) AS n FROM service_visits WHERE visit_date <= ? GROUP BY customer_id, visit_date)
      GROUP BY customer_id ORDER BY customer_id`).run(classStart, firstDay, sep, firstDay, o.today);
    // The rules of churn.ts, once per distinct last visit and per distinct count.
    const putRule = sqlite.prepare('INSERT INTO churn_rule VALUES (?, ?, ?)');
    for (const last of sqlite.prepare('SELECT DISTINCT last FROM churn_agg').pluck().all() as string[]) {
      putRule.run(last, churnStatus(last, o.today, rules), countsAgainstAdvisorChurn(last, o.today, rules) ? 1 : 0);
    }
    const putClass = sqlite.prepare('INSERT INTO churn_class VALUES (?, ?)');
    for (const n of sqlite.prepare('SELECT DISTINCT in_window FROM churn_agg').pluck().all() as number[]) putClass.run(n, visitClassOfCount(n, rules));

    sqlite.prepare('DELETE FROM churn_snapshot').run();
    // A million appends to the rowid table, then the two indexes built by one sort each: far
    // cheaper than maintaining them row by row. Same names and columns as migration 0008.
    sqlite.exec('DROP INDEX IF EXISTS churn_snapshot_status; DROP INDEX IF EXISTS churn_snapshot_advisor;');
    // Customers without a visit are class D, status new; visits of a customer missing from
    // customers still count (no advisor).
    const snap = `SELECT x.id, x.advisor_id, coalesce(k.class, 'D'), coalesce(r.status, 'new'), a.last, coalesce(r.against, 0), @today
      FROM %FROM% LEFT JOIN churn_rule r ON r.last = a.last LEFT JOIN churn_class k ON k.n = a.in_window`;
    sqlite.prepare(`INSERT INTO churn_snapshot (customer_id, advisor_id, visit_class, status, last_visit, counts_against, as_of)
      ${snap.replace('%FROM%', '(SELECT id, advisor_id FROM customers ORDER BY id) x LEFT JOIN churn_agg a ON a.customer_id = x.id')}`).run({ today: o.today });
    sqlite.prepare(`INSERT INTO churn_snapshot (customer_id, advisor_id, visit_class, status, last_visit, counts_against, as_of)
      ${snap.replace('%FROM%', '(SELECT customer_id AS id, NULL AS advisor_id FROM churn_agg WHERE customer_id NOT IN (SELECT id FROM customers)) x JOIN churn_agg a ON a.customer_id = x.id')}`).run({ today: o.today });
    sqlite.exec('CREATE INDEX churn_snapshot_status ON churn_snapshot (status, last_visit); CREATE INDEX churn_snapshot_advisor ON churn_snapshot (advisor_id, status);');

    for (const [cls, status, n] of sqlite.prepare('SELECT visit_class, status, count(*) FROM churn_snapshot GROUP BY 1, 2').raw().all() as [string, string, number][]) {
      counts.add('class', thisMonth, `${cls}:${status}`, n);
    }
    result = sqlite.prepare('SELECT count(*) AS customers, (SELECT coalesce(sum(visits), 0) FROM churn_agg) AS visits FROM churn_snapshot').get() as typeof result;
    // Advisor churn by month: customers without a visit in the reported months grouped in SQL
    // by their earlier last visit; the others one by one.
    const joined = 'churn_agg a JOIN churn_snapshot s ON s.customer_id = a.customer_id';
    for (const [advisor, prior, n] of sqlite.prepare(`SELECT s.advisor_id, a.prior, count(*) FROM ${joined} WHERE a.listed IS NULL AND a.prior IS NOT NULL GROUP BY 1, 2`).raw().iterate() as Iterable<[number | null, string, number]>) {
      for (let i = 0; i < monthEnds.length; i++) add(advisor, i, monthCode(i, prior), n);
    }
    for (const [advisor, prior, listed] of sqlite.prepare(`SELECT s.advisor_id, a.prior, a.listed FROM ${joined} WHERE a.listed IS NOT NULL`).raw().iterate() as Iterable<[number | null, string | null, string]>) {
      const dates = listed.split(sep);
      if (dates.length > 1) dates.sort();
      for (let i = 0; i < monthEnds.length; i++) {
        const lastThen = lastVisitAsOf(dates, monthEnds[i]) ?? prior;
        if (lastThen !== null) add(advisor, i, monthCode(i, lastThen), 1);
      }
    }
    sqlite.exec('DROP TABLE temp.churn_agg; DROP TABLE temp.churn_rule; DROP TABLE temp.churn_class;');
    for (const [advisor, r] of advisorRows) {
      for (let i = 0; i < monthEnds.length; i++) {
        if (r.book[i]) counts.add('churn_book', monthEnds[i].slice(0, 7), String(advisor ?? ''), r.book[i]);
        if (r.churn[i]) counts.add('churn', monthEnds[i].slice(0, 7), String(advisor ?? ''), r.churn[i]);
      }
    }
    countVisits(sqlite, counts, firstDay, periodEnd);
    countDueMaintenance(sqlite, counts, addMonths(firstDay, -(due.intervalMonths + 1)), firstDay, lastDay, o.today, due);

    sqlite.prepare(`DELETE FROM kpi_monthly WHERE metric IN ('class','churn','churn_book','visits','visits_appt','adv_visits','adv_appt','due_maint')`).run();
    const put = sqlite.prepare('INSERT INTO kpi_monthly (metric, month, key, value, built_at) VALUES (?, ?, ?, ?, ?)');
    for (const [k, v] of counts.map) {
      const [metric, month, key] = k.split('\u0000');
      put.run(metric, month, key, v, o.builtAt);
    }
    sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('supervisor.builtAt', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(JSON.stringify({ builtAt: o.builtAt, asOf: o.today, visitMaxId, visits: result.visits }));
  })();
  return result;
}

/** Visits by month and kind, by appointment, and per advisor, over [from, to]. */
function countVisits(sqlite: Database.Database, counts: Counter, from: string, to: string): void {
  const rows = sqlite.prepare(`SELECT visit_date, kind, by_appointment, advisor, count(*) FROM service_visits WHERE visit_date >= ? AND visit_date <= ?
    GROUP BY visit_date, kind, by_appointment, advisor`).raw().iterate(from, to) as Iterable<[string, string, number, string | null, number]>;
  for (const [date, kind, appt, advisor, n] of rows) {
    const month = date.slice(0, 7);
    counts.add('visits', month, kind, n);
    if (appt) counts.add('visits_appt', month, kind, n);
    if (advisor) {
      counts.add('adv_visits', month, advisor, n);
      if (appt) counts.add('adv_appt', month, advisor, n);
    }
  }
}

/**
 * Due-maintenance events falling due in [firstDay, lastDay], decided by `today`, from each
 * vehicle's maintenance visits since `since`. An event depends only on one maintenance day and
 * the vehicle's next one, so maintenanceDueEvents runs once per distinct (day, next day) pair.
 */
function countDueMaintenance(sqlite: Database.Database, counts: Counter, since: string, firstDay: string, lastDay: string, today: string, due: DueMaintenanceRules): void {
  const kinds = [...maintenanceKinds];
  const pairs = new Map<string, Map<string | null, DueEvent | null>>();
  const eventOf = (day: string, next: string | null): DueEvent | null => {
    let byNext = pairs.get(day);
    if (!byNext) pairs.set(day, (byNext = new Map()));
    let e = byNext.get(next);
    if (e === undefined) {
      e = maintenanceDueEvents(next === null ? [day] : [day, next], today, due)[0] ?? null;
      if (e && (e.dueDate < firstDay || e.dueDate > lastDay || !e.decided)) e = null;
      byNext.set(next, e);
    }
    return e;
  };
  const valid = new Map<string, boolean>();
  const isValid = (d: string) => {
    let v = valid.get(d);
    if (v === undefined) valid.set(d, (v = isIsoDate(d)));
    return v;
  };
  const dueByMonth = new Map<string, [due: number, met: number]>();
  // A table scan and one sort: walking an index here would cost a row lookup per visit.
  const lists = sqlite.prepare(`SELECT group_concat(visit_date, ?) FROM service_visits NOT INDEXED
    WHERE kind IN (${kinds.map(() => '?').join(', ')}) AND visit_date >= ? AND visit_date <= ? GROUP BY customer_id, vehicle_id`).pluck().iterate(sep, ...kinds, since, today) as Iterable<string>;
  for (const list of lists) {
    let days = list.split(sep);
    // Usually already distinct, valid and ascending (the rows come grouped in scan order).
    let clean = true;
    for (let i = 0; i < days.length && clean; i++) clean = isValid(days[i]) && (i === 0 || days[i - 1] < days[i]);
    if (!clean) days = [...new Set(days.filter(isValid))].sort();
    for (let i = 0; i < days.length; i++) {
      const e = eventOf(days[i], days[i + 1] ?? null);
      if (!e) continue;
      const month = e.dueDate.slice(0, 7);
      let m = dueByMonth.get(month);
      if (!m) dueByMonth.set(month, (m = [0, 0]));
      m[0] += 1;
      if (e.metOn) m[1] += 1;
    }
  }
  for (const [month, [n, met]] of dueByMonth) {
    counts.add('due_maint', month, 'due', n);
    if (met) counts.add('due_maint', month, 'met', met);
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
