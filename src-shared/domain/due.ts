// "Why they're probably calling": what is due for a customer on the screen-pop card.
// Defaults from seed 002 (free first maintenance at 3,000–5,000 km, warranty 2 years /
// 60,000 km) and seed 001 (first maintenance, due maintenance and insurance renewal are
// what the desk chases), plus the reminders of seed 000 (年审 inspection, birthday).
// Items at most `overdueDays` past are kept (negative daysLeft); sorted by daysLeft.
import type { DueItem, ServiceVisit, Vehicle } from '../contract/customers';
import { addDays, addMonths, addYears, daysBetween, isIsoDate, isLeapYear } from './dates';
import { dateAtKm, estimateDailyKm, type MileageEstimate } from './due-mileage';

export type DueKind = DueItem['kind'];

export interface DueRules {
  /** daysLeft ≤ soonDays is 'soon'. */
  soonDays: number;
  /** Overdue items older than this drop off. */
  overdueDays: number;
  firstMaintenance: { minKm: number; maxKm: number; months: number; lookAheadDays: number };
  /** Overdue maintenance stays on the card far longer: a car long past its service is the win-back call (seed 004). */
  maintenance: { lookAheadDays: number; overdueDays: number };
  insurance: { lookAheadDays: number; reminderDays: readonly number[] };
  inspection: { lookAheadDays: number };
  warranty: { years: number; km: number; lookAheadDays: number };
  birthday: { lookAheadDays: number };
}

export const defaultDueRules: DueRules = Object.freeze({
  soonDays: 7,
  overdueDays: 90,
  firstMaintenance: Object.freeze({ minKm: 3000, maxKm: 5000, months: 3, lookAheadDays: 92 }),
  maintenance: Object.freeze({ lookAheadDays: 30, overdueDays: 730 }),
  insurance: Object.freeze({ lookAheadDays: 60, reminderDays: Object.freeze([60, 30, 7]) }),
  inspection: Object.freeze({ lookAheadDays: 30 }),
  warranty: Object.freeze({ years: 2, km: 60_000, lookAheadDays: 60 }),
  birthday: Object.freeze({ lookAheadDays: 7 }),
});

export interface DueInput {
  birthday: string | null;
  vehicles: Vehicle[];
  visits: ServiceVisit[];
}

const kindOrder: readonly DueKind[] = ['insurance', 'first_maintenance', 'maintenance', 'inspection', 'warranty', 'birthday'];

function earliest(...dates: (string | null)[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (d !== null && isIsoDate(d) && (best === null || d < best)) best = d;
  return best;
}

function urgency(daysLeft: number, rules: DueRules): DueItem['urgency'] {
  return daysLeft < 0 ? 'overdue' : daysLeft <= rules.soonDays ? 'soon' : 'upcoming';
}

class Collector {
  readonly items: DueItem[] = [];
  constructor(
    private readonly today: string,
    private readonly rules: DueRules,
  ) {}

  /** Adds the item when it falls in [today − overdueDays, today + lookAheadDays]; tells whether it did. */
  add(kind: DueKind, vehicleId: number | null, dueDate: string | null, lookAheadDays: number, detail?: string, overdueDays = this.rules.overdueDays): boolean {
    if (dueDate === null || !isIsoDate(dueDate)) return false;
    const daysLeft = daysBetween(this.today, dueDate);
    if (daysLeft < -overdueDays || daysLeft > lookAheadDays) return false;
    const item: DueItem = { kind, vehicleId, dueDate, daysLeft, urgency: urgency(daysLeft, this.rules) };
    if (detail) item.detail = detail;
    this.items.push(item);
    return true;
  }
}

const maintenanceKinds = new Set<ServiceVisit['kind']>(['first_maintenance', 'maintenance']);

function vehicleDue(c: Collector, vehicle: Vehicle, visits: ServiceVisit[], today: string, rules: DueRules): void {
  const own = visits.filter((v) => v.vehicleId === vehicle.id && isIsoDate(v.visitDate) && v.visitDate <= today);
  const mileage: MileageEstimate | null = estimateDailyKm(vehicle, visits, today);
  const purchase = isIsoDate(vehicle.purchaseDate) ? vehicle.purchaseDate : null;

  // A later regular maintenance means the first one is done (or forfeited) even if unrecorded.
  let firstPending = false;
  if (purchase && !own.some((v) => maintenanceKinds.has(v.kind))) {
    const fm = rules.firstMaintenance;
    const due = earliest(addMonths(purchase, fm.months), dateAtKm(mileage, fm.maxKm));
    firstPending = c.add('first_maintenance', vehicle.id, due, fm.lookAheadDays, `${fm.maxKm}km`);
  }

  if (!firstPending) {
    const due = earliest(vehicle.nextServiceDate, dateAtKm(mileage, vehicle.nextServiceKm));
    const lookAhead = rules.maintenance.lookAheadDays;
    // nextService* may lag behind a maintenance visit that already happened in the reminder window.
    const done = due !== null && own.some((v) => maintenanceKinds.has(v.kind) && v.visitDate >= addDays(due, -lookAhead));
    if (!done) c.add('maintenance', vehicle.id, due, lookAhead, vehicle.nextServiceKm !== null ? `${vehicle.nextServiceKm}km` : undefined, rules.maintenance.overdueDays);
  }

  c.add('insurance', vehicle.id, vehicle.insuranceExpiry, rules.insurance.lookAheadDays, vehicle.insuranceCompany?.trim() || undefined);
  c.add('inspection', vehicle.id, vehicle.nextInspection, rules.inspection.lookAheadDays);

  // An explicit warranty end (extended warranty, brand policy) wins over the seed default.
  if (isIsoDate(vehicle.warrantyEnd)) {
    c.add('warranty', vehicle.id, vehicle.warrantyEnd, rules.warranty.lookAheadDays);
  } else if (purchase) {
    const byDate = addYears(purchase, rules.warranty.years);
    const byKm = dateAtKm(mileage, rules.warranty.km);
    const kmFirst = byKm !== null && byKm < byDate;
    c.add('warranty', vehicle.id, kmFirst ? byKm : byDate, rules.warranty.lookAheadDays, kmFirst ? `${rules.warranty.km}km` : undefined);
  }
}

const monthDay = /^(?:\d{4}-|--)?(\d{2})-(\d{2})$/;

/** Next birthday on or after today; Feb 29 birthdays fall on Feb 28 in common years. */
export function nextBirthday(birthday: string, today: string): string | null {
  const m = monthDay.exec(birthday);
  if (!m) return null;
  const [month, day] = [Number(m[1]), Number(m[2])];
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const d = month === 2 && day === 29 && !isLeapYear(y) ? 28 : day;
    const candidate = `${String(y).padStart(4, '0')}-${m[1]}-${String(d).padStart(2, '0')}`;
    if (!isIsoDate(candidate)) return null;
    if (candidate >= today) return candidate;
  }
  return null;
}

export function computeDue(input: DueInput, today: string, rules: DueRules = defaultDueRules): DueItem[] {
  const c = new Collector(today, rules);
  for (const vehicle of input.vehicles ?? []) vehicleDue(c, vehicle, input.visits ?? [], today, rules);
  if (input.birthday) c.add('birthday', null, nextBirthday(input.birthday, today), rules.birthday.lookAheadDays);
  return c.items.sort(
    (a, b) => a.daysLeft - b.daysLeft || kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || (a.vehicleId ?? -1) - (b.vehicleId ?? -1),
  );
}

/** The reminder stage (60/30/7 days before by default) an insurance expiry is in, or null. */
export function insuranceReminderWindow(daysLeft: number, rules: DueRules = defaultDueRules): number | null {
  let window: number | null = null;
  for (const w of rules.insurance.reminderDays) if (daysLeft >= 0 && daysLeft <= w && (window === null || w < window)) window = w;
  return window;
}
