// The supervisor's precomputed figures: one ordered pass over service_visits (the
// (customer_id, visit_date) index) classifies every customer with src-shared/domain/churn.ts
// and builds the monthly figures the dashboard shows — churn by class, by advisor and month
// (months 7–12 rule), service visits by kind and month, appointment share, and due-maintenance
// visits — into churn_snapshot and kpi_monthly. The dashboard then reads a few hundred rows
// instead of scanning millions of visits (issue 9 target: dashboard_open p95 ≤ 300 ms at 1M).
import type Database from 'better-sqlite3';
import { churnRules, type ChurnRules } from '../../src-shared/domain/churn';
import { addMonths } from '../../src-shared/domain/dates';
import { classify, lastVisitAsOf, monthEndsBack } from '../../src-shared/domain/kpi/churn-report';
import { defaultDueMaintenanceRules, maintenanceDueEvents, maintenanceKinds, type DueMaintenanceRules } from '../../src-shared/domain/kpi/visits';
import { churnStatus, countsAgainstAdvisorChurn } from '../../src-shared/domain/churn';

export interface ChurnJobOptions {
  today: string;
  /** Months of monthly figures, ending with today's month. */
  months?: number;
  churn?: ChurnRules;
  dueMaintenance?: DueMaintenanceRules;
  builtAt: string;
}

interface Visit { customerId: number; vehicleId: number; date: string; kind: string; appt: number; advisor: string | null }

class Counter {
  readonly map = new Map<string, number>();
  add(metric: string, month: string, key: string, n = 1): void {
    const k = `${metric}\u0000${month}\u0000${key}`;
    this.map.set(k, (this.map.get(k) ?? 0) + n);
  }
}

export function rebuildSupervisorFigures(sqlite: Database.Database, o: ChurnJobOptions): { customers: number; visits: number } {
  const rules = o.churn ?? churnRules;
  const due = o.dueMaintenance ?? defaultDueMaintenanceRules;
  const monthEnds = monthEndsBack(o.today, o.months ?? 12);
  const firstDay = `${monthEnds[0].slice(0, 7)}-01`;
  const lastDay = monthEnds[monthEnds.length - 1];
  const windowStart = addMonths(firstDay, -(due.intervalMonths + 1));
  const counts = new Counter();
  const advisorOf = new Map<number, number | null>();
  for (const r of sqlite.prepare('SELECT id, advisor_id AS a FROM customers').raw().iterate() as Iterable<[number, number | null]>) advisorOf.set(r[0], r[1]);

  const insertSnap = sqlite.prepare('INSERT INTO churn_snapshot (customer_id, advisor_id, visit_class, status, last_visit, counts_against, as_of) VALUES (?, ?, ?, ?, ?, ?, ?)');
  // better-sqlite3 cannot write while a statement iterates: rows wait here until the scan ends.
  const snapshot: [number, number | null, string, string, string | null, number][] = [];
  let customers = 0, visits = 0;
  // (month end, last visit) → 0 out of the book, 1 in the book, 2 counting against the advisor.
  // A desk has a few thousand distinct last-visit dates, so the churn.ts rules run once per pair.
  const memo = monthEnds.map(() => new Map<string, number>());
  const monthCode = (i: number, last: string): number => {
    let code = memo[i].get(last);
    if (code === undefined) {
      const end = monthEnds[i];
      code = churnStatus(last, end, rules) === 'permanently_lost' ? 0 : countsAgainstAdvisorChurn(last, end, rules) ? 2 : 1;
      memo[i].set(last, code);
    }
    return code;
  };
  const advisorRows = new Map<number | null, { book: Int32Array; churn: Int32Array }>();
  const done = new Set<number>();

  const finishCustomer = (customerId: number, list: Visit[]) => {
    customers += 1;
    done.add(customerId);
    const dates: string[] = [];
    for (const v of list) if (dates[dates.length - 1] !== v.date) dates.push(v.date); // the scan is ordered by date
    const advisor = advisorOf.get(customerId) ?? null;
    const c = classify(dates, o.today, rules);
    snapshot.push([customerId, advisor, c.visitClass, c.status, c.lastVisit, c.countsAgainstAdvisor ? 1 : 0]);
    counts.add('class', o.today.slice(0, 7), `${c.visitClass}:${c.status}`);
    let rows = advisorRows.get(advisor);
    if (!rows) advisorRows.set(advisor, (rows = { book: new Int32Array(monthEnds.length), churn: new Int32Array(monthEnds.length) }));
    for (let i = 0; i < monthEnds.length; i++) {
      const last = lastVisitAsOf(dates, monthEnds[i]);
      if (last === null) continue;
      const code = monthCode(i, last);
      if (code === 0) continue;
      rows.book[i] += 1;
      if (code === 2) rows.churn[i] += 1;
    }
    const byVehicle = new Map<number, string[]>();
    for (const v of list) {
      if (v.date >= firstDay && v.date <= lastDay) {
        const month = v.date.slice(0, 7);
        counts.add('visits', month, v.kind);
        if (v.appt) counts.add('visits_appt', month, v.kind);
        if (v.advisor) {
          counts.add('adv_visits', month, v.advisor);
          if (v.appt) counts.add('adv_appt', month, v.advisor);
        }
      }
      if (maintenanceKinds.has(v.kind) && v.date >= windowStart) {
        let d = byVehicle.get(v.vehicleId);
        if (!d) byVehicle.set(v.vehicleId, (d = []));
        d.push(v.date);
      }
    }
    for (const dates of byVehicle.values()) {
      for (const e of maintenanceDueEvents(dates, o.today, due)) {
        if (e.dueDate < firstDay || e.dueDate > lastDay || !e.decided) continue;
        const month = e.dueDate.slice(0, 7);
        counts.add('due_maint', month, 'due');
        if (e.metOn) counts.add('due_maint', month, 'met');
      }
    }
  };

  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM churn_snapshot').run();
    let current = -1;
    let list: Visit[] = [];
    const stmt = sqlite.prepare(`SELECT customer_id, vehicle_id, visit_date, kind, by_appointment, advisor FROM service_visits WHERE visit_date <= ? ORDER BY customer_id, visit_date`).raw();
    for (const r of stmt.iterate(o.today) as Iterable<[number, number, string, string, number, string | null]>) {
      visits += 1;
      if (r[0] !== current) {
        if (current !== -1) finishCustomer(current, list);
        current = r[0];
        list = [];
      }
      list.push({ customerId: r[0], vehicleId: r[1], date: r[2], kind: r[3], appt: r[4], advisor: r[5] });
    }
    if (current !== -1) finishCustomer(current, list);
    // A million appends to the rowid table, then the two indexes built by one sort each: far
    // cheaper than maintaining them row by row. Same names and columns as migration 0008.
    sqlite.exec('DROP INDEX IF EXISTS churn_snapshot_status; DROP INDEX IF EXISTS churn_snapshot_advisor;');
    for (const r of snapshot) insertSnap.run(...r, o.today);
    // Customers without any visit: class D, status new.
    for (const [id, advisor] of advisorOf) {
      if (done.has(id)) continue;
      customers += 1;
      insertSnap.run(id, advisor, 'D', 'new', null, 0, o.today);
      counts.add('class', o.today.slice(0, 7), 'D:new');
    }
    for (const [advisor, r] of advisorRows) {
      for (let i = 0; i < monthEnds.length; i++) {
        if (r.book[i]) counts.add('churn_book', monthEnds[i].slice(0, 7), String(advisor ?? ''), r.book[i]);
        if (r.churn[i]) counts.add('churn', monthEnds[i].slice(0, 7), String(advisor ?? ''), r.churn[i]);
      }
    }
    sqlite.exec('CREATE INDEX churn_snapshot_status ON churn_snapshot (status, last_visit); CREATE INDEX churn_snapshot_advisor ON churn_snapshot (advisor_id, status);');
    sqlite.prepare(`DELETE FROM kpi_monthly WHERE metric IN ('class','churn','churn_book','visits','visits_appt','adv_visits','adv_appt','due_maint')`).run();
    const put = sqlite.prepare('INSERT INTO kpi_monthly (metric, month, key, value, built_at) VALUES (?, ?, ?, ?, ?)');
    for (const [k, v] of counts.map) {
      const [metric, month, key] = k.split('\u0000');
      put.run(metric, month, key, v, o.builtAt);
    }
    sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('supervisor.builtAt', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(JSON.stringify({ builtAt: o.builtAt, asOf: o.today }));
  })();
  return { customers, visits };
}

export function figuresBuiltAt(sqlite: Database.Database): { builtAt: string; asOf: string } | null {
  const raw = sqlite.prepare(`SELECT value FROM settings WHERE key = 'supervisor.builtAt'`).pluck().get() as string | undefined;
  return raw ? (JSON.parse(raw) as { builtAt: string; asOf: string }) : null;
}
