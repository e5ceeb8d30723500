// The visit figures of the churn job, in slices: visits by month and kind, by appointment and per
// advisor (one slice per month over the covering service_visits_date_kind index), and
// due-maintenance events (seed 001, due-maintenance visit rate) from each vehicle's maintenance
// days — one table scan grouped per vehicle, read in slices of vehicles from one open statement.
// The job runs on a connection of its own (churn-runner.ts), so a statement held open between
// slices never makes the desk's connection busy.
import type Database from 'better-sqlite3';
import { isIsoDate } from '../../src-shared/domain/dates';
import { maintenanceDueEvents, maintenanceKinds, type DueEvent, type DueMaintenanceRules } from '../../src-shared/domain/kpi/visits';
import { listSeparator } from './churn-snapshot';

export type CountFigure = (metric: string, month: string, key: string, n: number) => void;

export interface VisitFigureParams {
  today: string;
  /** Reported month ends, oldest first. */
  monthEnds: readonly string[];
  firstDay: string;
  due: DueMaintenanceRules;
  /** Maintenance visits since this day can fall due inside the reported months. */
  maintenanceSince: string;
  /** Vehicles per slice. */
  sliceVehicles: number;
}

interface MaintenanceDay {
  valid: boolean;
  /** Null when the day's due date falls outside the reported months. */
  byNext: Map<string | null, DueEvent | null> | null;
}

export class VisitFigures {
  private phase: 'visits' | 'maintenance' | 'done' = 'visits';
  private month = 0;
  private lists: IterableIterator<string> | null = null;
  private readonly dueByMonth = new Map<string, [due: number, met: number]>();
  private readonly days = new Map<string, MaintenanceDay>();
  private readonly stmts;

  constructor(private readonly sqlite: Database.Database, private readonly p: VisitFigureParams, private readonly count: CountFigure) {
    const kinds = [...maintenanceKinds];
    this.stmts = {
      visits: sqlite.prepare(`SELECT visit_date, kind, by_appointment, advisor, count(*) FROM service_visits WHERE visit_date >= ? AND visit_date <= ?
        GROUP BY visit_date, kind, by_appointment, advisor`).raw(),
      // A table scan and one sort: walking an index here would cost a row lookup per visit.
      maintenance: sqlite.prepare(`SELECT group_concat(visit_date, ?) FROM service_visits NOT INDEXED
        WHERE kind IN (${kinds.map(() => '?').join(', ')}) AND visit_date >= ? AND visit_date <= ? GROUP BY customer_id, vehicle_id`).pluck(),
      kinds,
    };
  }

  /** Processes the next slice; false when done (then `finish` has counted everything). */
  next(): boolean {
    switch (this.phase) {
      case 'visits': return this.visitsSlice();
      case 'maintenance': return this.maintenanceSlice();
      case 'done': return false;
    }
  }

  /** Closes the open statement of an abandoned run. */
  dispose(): void {
    this.lists?.return?.();
    this.lists = null;
  }

  private visitsSlice(): boolean {
    const { monthEnds, firstDay, today } = this.p;
    const i = this.month++;
    const from = i === 0 ? firstDay : `${monthEnds[i].slice(0, 8)}01`;
    const to = monthEnds[i] < today ? monthEnds[i] : today;
    if (from <= to) {
      for (const [date, kind, appt, advisor, n] of this.stmts.visits.all(from, to) as [string, string, number, string | null, number][]) {
        const month = date.slice(0, 7);
        this.count('visits', month, kind, n);
        if (appt) this.count('visits_appt', month, kind, n);
        if (advisor) {
          this.count('adv_visits', month, advisor, n);
          if (appt) this.count('adv_appt', month, advisor, n);
        }
      }
    }
    if (this.month >= monthEnds.length) this.phase = 'maintenance';
    return true;
  }

  private maintenanceSlice(): boolean {
    this.lists ??= this.stmts.maintenance.iterate(listSeparator, ...this.stmts.kinds, this.p.maintenanceSince, this.p.today) as IterableIterator<string>;
    for (let n = 0; n < this.p.sliceVehicles; n++) {
      const next = this.lists.next();
      if (next.done) return this.finish();
      this.countVehicle(next.value.split(listSeparator));
    }
    return true;
  }

  private finish(): boolean {
    for (const [month, [n, met]] of this.dueByMonth) {
      this.count('due_maint', month, 'due', n);
      if (met) this.count('due_maint', month, 'met', met);
    }
    this.lists = null;
    this.phase = 'done';
    return false;
  }

  /** What one maintenance day decides on its own, memoised: a desk has a few hundred such days. */
  private dayOf(day: string): MaintenanceDay {
    let d = this.days.get(day);
    if (!d) {
      const { today, due, firstDay, monthEnds } = this.p;
      // The due date does not depend on the next visit, so days falling due outside the
      // reported months are settled here.
      const dueDate = isIsoDate(day) ? maintenanceDueEvents([day], today, due)[0]?.dueDate : undefined;
      const reported = dueDate !== undefined && dueDate >= firstDay && dueDate <= monthEnds[monthEnds.length - 1];
      this.days.set(day, (d = { valid: isIsoDate(day), byNext: reported ? new Map() : null }));
    }
    return d;
  }

  /** An event depends only on one maintenance day and the vehicle's next one: memoised per pair. */
  private eventOf(day: string, next: string | null): DueEvent | null {
    const byNext = this.dayOf(day).byNext;
    if (!byNext) return null;
    let e = byNext.get(next);
    if (e === undefined) {
      e = maintenanceDueEvents(next === null ? [day] : [day, next], this.p.today, this.p.due)[0] ?? null;
      if (e && !e.decided) e = null;
      byNext.set(next, e);
    }
    return e;
  }

  private countVehicle(list: string[]): void {
    let days = list;
    // Usually already distinct, valid and ascending (the rows come grouped in scan order).
    let clean = true;
    for (let i = 0; i < days.length && clean; i++) clean = this.dayOf(days[i]).valid && (i === 0 || days[i - 1] < days[i]);
    if (!clean) days = [...new Set(days.filter((d) => this.dayOf(d).valid))].sort();
    for (let i = 0; i < days.length; i++) {
      const e = this.eventOf(days[i], days[i + 1] ?? null);
      if (!e) continue;
      const month = e.dueDate.slice(0, 7);
      let m = this.dueByMonth.get(month);
      if (!m) this.dueByMonth.set(month, (m = [0, 0]));
      m[0] += 1;
      if (e.metOn) m[1] += 1;
    }
  }
}
