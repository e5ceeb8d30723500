// The per-vehicle care reminder rules of due.ts + care-reminders.ts on day numbers, for the bulk
// scan of a whole desk (reminder_scan_1m): no date strings parsed or built except for the
// reminders it emits. It must give exactly what careReminders() gives for the vehicle alone —
// vehicle-reminders-by-day.property.test.ts checks that — so any change to due.ts belongs here too.
// The visit history arrives pre-aggregated: the latest and earliest mileage readings (by date,
// then km) and the last maintenance visit, all on or before today (see reminder-scan.ts).
import { insuranceReminderWindow } from '../due';
import type { CareReminder, ReminderRules } from './care-reminders';
import { addMonthsToDay, isoOfDay, maxDay, minDay, unsupportedDay } from './day-numbers';

/** Dates are day numbers, NaN when missing or not an ISO date. */
export interface VehicleDayFacts {
  vehicleId: number;
  purchase: number;
  mileageKm: number | null;
  mileageDay: number;
  warrantyEnd: number;
  insuranceExpiry: number;
  nextInspection: number;
  nextServiceDate: number;
  nextServiceKm: number | null;
  insuranceCompany: string | null;
  /** Latest / earliest visit mileage reading on or before today (NaN day when none). */
  latestDay: number;
  latestKm: number;
  earliestDay: number;
  earliestKm: number;
  /** Last first/regular maintenance visit on or before today (NaN when none). */
  lastMaintenanceDay: number;
}

const horizonDays = 36_500;

// Module-level scratch state instead of per-call closures: the scan calls this 1.5 M times.
const est = { ok: false, day: 0, km: 0, perDay: 0 };
const scan = { unsupported: false };

/** Day-number twin of estimateDailyKm: the latest reading and the average daily distance. */
function estimate(f: VehicleDayFacts, today: number): void {
  est.ok = false;
  let lDay = NaN, lKm = 0, eDay = NaN, eKm = 0;
  if (f.mileageKm !== null && f.mileageKm >= 0 && f.mileageDay <= today) { lDay = eDay = f.mileageDay; lKm = eKm = f.mileageKm; }
  if (f.latestDay === f.latestDay && (!(lDay === lDay) || f.latestDay > lDay || (f.latestDay === lDay && f.latestKm > lKm))) { lDay = f.latestDay; lKm = f.latestKm; }
  if (f.earliestDay === f.earliestDay && (!(eDay === eDay) || f.earliestDay < eDay || (f.earliestDay === eDay && f.earliestKm < eKm))) { eDay = f.earliestDay; eKm = f.earliestKm; }
  if (!(lDay === lDay)) return;
  const fromPurchase = f.purchase === f.purchase && f.purchase < lDay;
  const days = lDay - (fromPurchase ? f.purchase : eDay);
  if (days <= 0) return;
  const perDay = (lKm - (fromPurchase ? 0 : eKm)) / days;
  if (!(perDay > 0)) return;
  est.ok = true; est.day = lDay; est.km = lKm; est.perDay = perDay;
}

/** dateAtKm on the current estimate: NaN when unknown or beyond the horizon. */
function atKm(target: number | null): number {
  if (!est.ok || target === null) return NaN;
  const days = Math.ceil((target - est.km) / est.perDay);
  if (Math.abs(days) > horizonDays) return NaN;
  const day = est.day + days;
  if (day < minDay || day > maxDay) scan.unsupported = true;
  return day;
}

function earliest(a: number, b: number): number {
  return !(b === b) || a < b ? a : b;
}

/** Collector.add + careReminders' insurance staging; tells whether the due date was in its window. */
function add(out: CareReminder[], f: VehicleDayFacts, today: number, rules: ReminderRules, kind: CareReminder['kind'], day: number, lookAheadDays: number, detail: string | undefined, overdueDays: number): boolean {
  if (!(day === day)) return false;
  const daysLeft = day - today;
  if (daysLeft < -overdueDays || daysLeft > lookAheadDays) return false;
  let stage: string | null = null;
  if (kind === 'insurance') {
    const w = insuranceReminderWindow(daysLeft, rules.due);
    if (w === null && daysLeft >= 0) return true;
    stage = w === null ? 'expired' : `${w}d`;
  }
  const r: CareReminder = { kind, vehicleId: f.vehicleId, dueDate: isoOfDay(day), daysLeft, urgency: daysLeft < 0 ? 'overdue' : daysLeft <= rules.due.soonDays ? 'soon' : 'upcoming', stage, templateId: rules.templates[kind] };
  if (detail) r.detail = detail;
  out.push(r);
  return true;
}

/**
 * Appends the vehicle's reminders (holidays and birthdays aside) to `out`, in no particular
 * order. Returns false — with `out` possibly extended, to be truncated by the caller — when a
 * date outside years 0100–9999 is involved; the caller then uses careReminders() instead.
 */
export function vehicleRemindersByDay(f: VehicleDayFacts, today: number, rules: ReminderRules, out: CareReminder[]): boolean {
  if (f.purchase === unsupportedDay || f.mileageDay === unsupportedDay || f.warrantyEnd === unsupportedDay || f.insuranceExpiry === unsupportedDay
    || f.nextInspection === unsupportedDay || f.nextServiceDate === unsupportedDay || f.latestDay === unsupportedDay || f.earliestDay === unsupportedDay
    || f.lastMaintenanceDay === unsupportedDay) return false;
  const due = rules.due;
  scan.unsupported = false;
  estimate(f, today);

  let firstPending = false;
  const hasPurchase = f.purchase === f.purchase;
  if (hasPurchase && !(f.lastMaintenanceDay === f.lastMaintenanceDay)) {
    const fm = due.firstMaintenance;
    const byMonths = addMonthsToDay(f.purchase, fm.months);
    if (byMonths === unsupportedDay) return false;
    firstPending = add(out, f, today, rules, 'first_maintenance', earliest(byMonths, atKm(fm.maxKm)), fm.lookAheadDays, `${fm.maxKm}km`, due.overdueDays);
  }
  if (!firstPending) {
    const dueDay = earliest(f.nextServiceDate, atKm(f.nextServiceKm));
    const lookAhead = due.maintenance.lookAheadDays;
    const done = dueDay === dueDay && f.lastMaintenanceDay >= dueDay - lookAhead;
    if (!done) add(out, f, today, rules, 'maintenance', dueDay, lookAhead, f.nextServiceKm !== null ? `${f.nextServiceKm}km` : undefined, due.maintenance.overdueDays);
  }
  add(out, f, today, rules, 'insurance', f.insuranceExpiry, due.insurance.lookAheadDays, f.insuranceCompany?.trim() || undefined, due.overdueDays);
  add(out, f, today, rules, 'inspection', f.nextInspection, due.inspection.lookAheadDays, undefined, due.overdueDays);
  if (f.warrantyEnd === f.warrantyEnd) {
    add(out, f, today, rules, 'warranty', f.warrantyEnd, due.warranty.lookAheadDays, undefined, due.overdueDays);
  } else if (hasPurchase) {
    const byDate = addMonthsToDay(f.purchase, Math.trunc(due.warranty.years) * 12);
    if (byDate === unsupportedDay) return false;
    const byKm = atKm(due.warranty.km);
    const kmFirst = byKm === byKm && byKm < byDate;
    add(out, f, today, rules, 'warranty', kmFirst ? byKm : byDate, due.warranty.lookAheadDays, kmFirst ? `${due.warranty.km}km` : undefined, due.overdueDays);
  }
  return !scan.unsupported;
}
