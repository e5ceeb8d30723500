// Service visits (进厂台次, seed 001): counts by kind, the appointment rate (预约率 = visits that
// came by appointment / all visits; industry 25–30 %, target ≥ 45 %) and the due-maintenance
// visit rate (到期保养进站率, target ≥ 60 %): each maintenance makes the next one due
// `intervalMonths` later; it is met when the car is back for maintenance by due + graceDays.
import { addDays, addMonths, isIsoDate } from '../dates';

export const visitKinds = ['first_maintenance', 'maintenance', 'repair', 'accident', 'warranty'] as const;
export type VisitKind = (typeof visitKinds)[number];
export const maintenanceKinds: ReadonlySet<string> = new Set(['first_maintenance', 'maintenance']);

export interface VisitFact {
  visitDate: string;
  kind: VisitKind;
  byAppointment: boolean;
}

export function visitsByKind(visits: readonly VisitFact[]): Record<VisitKind, number> {
  const out = Object.fromEntries(visitKinds.map((k) => [k, 0])) as Record<VisitKind, number>;
  for (const v of visits) if (v.kind in out) out[v.kind] += 1;
  return out;
}

export function appointmentRate(visits: readonly VisitFact[]): { byAppointment: number; total: number; rate: number | null } {
  const byAppointment = visits.filter((v) => v.byAppointment).length;
  return { byAppointment, total: visits.length, rate: visits.length ? byAppointment / visits.length : null };
}

export interface DueMaintenanceRules {
  intervalMonths: number;
  graceDays: number;
}

export const defaultDueMaintenanceRules: DueMaintenanceRules = Object.freeze({ intervalMonths: 6, graceDays: 30 });

export interface DueEvent {
  dueDate: string;
  /** The maintenance visit that met it (within the grace), null if none (yet). */
  metOn: string | null;
  /** False while the grace period is still running and the car has not come. */
  decided: boolean;
}

/** Due events of one vehicle from its maintenance visit dates (any order; same day once). */
export function maintenanceDueEvents(maintenanceDates: readonly string[], today: string, rules: DueMaintenanceRules = defaultDueMaintenanceRules): DueEvent[] {
  const dates = [...new Set(maintenanceDates.filter((d) => isIsoDate(d) && d <= today))].sort();
  const events: DueEvent[] = [];
  for (let i = 0; i < dates.length; i++) {
    const dueDate = addMonths(dates[i], rules.intervalMonths);
    const deadline = addDays(dueDate, rules.graceDays);
    const next = dates[i + 1] ?? null;
    const metOn = next !== null && next <= deadline ? next : null;
    events.push({ dueDate, metOn, decided: metOn !== null || today > deadline });
  }
  return events;
}

/** Rate over decided events due in [from, to]; events still in their grace are reported as pending. */
export function dueMaintenanceVisitRate(events: readonly DueEvent[], from: string, to: string): { due: number; met: number; pending: number; rate: number | null } {
  let due = 0, met = 0, pending = 0;
  for (const e of events) {
    if (e.dueDate < from || e.dueDate > to) continue;
    if (!e.decided) {
      pending += 1;
      continue;
    }
    due += 1;
    if (e.metOn) met += 1;
  }
  return { due, met, pending, rate: due ? met / due : null };
}
