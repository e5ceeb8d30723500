// All care reminders due today, for every customer, in customer-id chunks. Per chunk three
// index range reads: customers (birthday), vehicles, and per-vehicle visit aggregates computed
// in SQL — the latest and earliest mileage readings (as 'date|km' strings, so max/min pick the
// same readings as estimateDailyKm's date-then-km order) and the last maintenance date. Those
// three synthesized visits give computeDue exactly the facts it reads from a full history, so
// the result equals careReminders() on the full record at a fraction of the cost (1 M
// customers: see bench reminder_scan_1m).
import type Database from 'better-sqlite3';
import type { ServiceVisit, Vehicle } from '../../src-shared/contract/customers';
import { careReminders, defaultReminderRules, holidayGreetings, type CareReminder, type ReminderRules } from '../../src-shared/domain/workflows/care-reminders';
import { addDays } from '../../src-shared/domain/dates';
import { scanAllCareReminders } from './reminder-scan-bulk';

export interface ScanOptions {
  afterCustomerId?: number;
  /** Stop once this many reminders were collected (at a customer boundary). */
  maxReminders?: number;
  kinds?: readonly string[];
  chunkSize?: number;
}

export interface CustomerReminder extends CareReminder {
  customerId: number;
}

// Only the columns computeDue reads; the aggregates are a second query merged in JS (a join on
// a grouped subquery made SQLite build an automatic index per chunk, doubling the cost).
const vehicleSql = `SELECT id, customer_id, purchase_date, mileage_km, mileage_date, warranty_end, insurance_company, insurance_expiry, next_inspection,
  next_service_date, next_service_km FROM vehicles WHERE customer_id > ? AND customer_id <= ? ORDER BY customer_id, id`;
const visitAggregateSql = `SELECT vehicle_id,
    max(CASE WHEN mileage_km >= 0 AND visit_date <= @today THEN visit_date || '|' || printf('%010d', mileage_km) END) AS latest,
    min(CASE WHEN mileage_km >= 0 AND visit_date <= @today THEN visit_date || '|' || printf('%010d', mileage_km) END) AS earliest,
    max(CASE WHEN kind IN ('first_maintenance', 'maintenance') AND visit_date <= @today THEN visit_date END) AS last_maintenance
  FROM service_visits WHERE customer_id > @from AND customer_id <= @to GROUP BY vehicle_id`;

type VehicleTuple = [number, number, ...unknown[]];
type AggregateTuple = [number, string | null, string | null, string | null];

function reading(vehicleId: number, id: number, packed: string, kind: ServiceVisit['kind']): ServiceVisit {
  const [date, km] = packed.split('|');
  return { id, vehicleId, visitDate: date, kind, mileageKm: Number(km), advisor: null, amountYuan: null, byAppointment: false };
}

/**
 * The birthdays (their 'MM-DD' tail, as nextBirthday reads them) that can fall in the look-ahead
 * window from `today`: a superset used to pre-filter customers in SQL — computeDue still decides.
 * Feb 29 birthdays are celebrated on Feb 28 in common years, so 02-28 in the window adds 02-29.
 * Null when the window is a year or more (no filter).
 */
export function birthdayTails(today: string, lookAheadDays: number): string[] | null {
  if (lookAheadDays >= 366) return null;
  const tails = new Set<string>();
  for (let i = 0; i <= lookAheadDays; i++) tails.add(addDays(today, i).slice(5));
  if (tails.has('02-28')) tails.add('02-29');
  return [...tails];
}

export function scanCareReminders(sqlite: Database.Database, today: string, rules: ReminderRules = defaultReminderRules, options: ScanOptions = {}, onReminder?: (r: CustomerReminder) => void) {
  const chunk = options.chunkSize ?? 50_000;
  const kinds = options.kinds?.length ? new Set(options.kinds) : null;
  const max = (sqlite.prepare('SELECT max(id) FROM customers').pluck().get() as number | null) ?? 0;
  // Holiday greetings go to every customer, so then every customer id is read; otherwise only
  // customers with vehicles or with a birthday that may fall in the window are visited (the
  // others cannot have a reminder), which spares reading a million customer rows.
  const perCustomerRules: ReminderRules = { ...rules, holidays: [] };
  const holidays = holidayGreetings(today, rules);
  const tails = holidays.length ? null : birthdayTails(today, rules.due.birthday.lookAheadDays);
  const customersStmt = tails
    ? sqlite.prepare(`SELECT id, birthday FROM customers WHERE id > ? AND id <= ? AND substr(birthday, -5) IN (${tails.map(() => '?').join(',')}) ORDER BY id`).raw()
    : sqlite.prepare('SELECT id, birthday FROM customers WHERE id > ? AND id <= ? ORDER BY id').raw();
  const countStmt = sqlite.prepare('SELECT count(*) FROM customers WHERE id > ? AND id <= ?').pluck();
  const vehiclesStmt = sqlite.prepare(vehicleSql).raw();
  const aggregatesStmt = sqlite.prepare(visitAggregateSql).raw();
  const collected: CustomerReminder[] = [];
  let count = 0;
  if (options.afterCustomerId === undefined && options.maxReminders === undefined && options.chunkSize === undefined) {
    // The whole desk at once: table scans instead of customer ranges (reminder-scan-bulk.ts).
    const total = scanAllCareReminders(sqlite, today, rules, tails, (r) => {
      if (kinds && !kinds.has(r.kind)) return;
      count++;
      if (onReminder) onReminder(r);
      else collected.push(r);
    });
    return { reminders: collected, count, customers: total, nextCustomerId: null };
  }
  let customers = 0;
  let nextCustomerId: number | null = null;
  const emit = (r: CustomerReminder) => {
    if (kinds && !kinds.has(r.kind)) return;
    count++;
    if (onReminder) onReminder(r);
    else collected.push(r);
  };
  outer: for (let from = options.afterCustomerId ?? 0; from < max; from += chunk) {
    const to = Math.min(max, from + chunk);
    const vehicles = vehiclesStmt.all(from, to) as VehicleTuple[];
    const aggregates = new Map<number, AggregateTuple>();
    for (const a of aggregatesStmt.all({ today, from, to }) as AggregateTuple[]) aggregates.set(a[0], a);
    let vi = 0;
    const listed = customersStmt.all(from, to, ...(tails ?? [])) as [number, string | null][];
    if (tails) customers += countStmt.get(from, to) as number;
    let li = 0;
    // Customers in id order: the listed ones (all, or birthday candidates) merged with vehicle owners.
    for (;;) {
      const nextListed = li < listed.length ? listed[li][0] : Infinity;
      const nextOwner = tails && vi < vehicles.length ? vehicles[vi][1] : Infinity;
      const customerId = Math.min(nextListed, nextOwner);
      if (customerId === Infinity) break;
      const birthday = nextListed === customerId ? listed[li++][1] : null;
      const own: Vehicle[] = [];
      const visits: ServiceVisit[] = [];
      while (vi < vehicles.length && vehicles[vi][1] < customerId) vi++;
      while (vi < vehicles.length && vehicles[vi][1] === customerId) {
        const t = vehicles[vi++] as unknown[];
        const id = t[0] as number;
        own.push({
          id, plate: null, vin: null, brand: null, model: null, modelYear: null, colour: null, purchaseDate: t[2] as string | null, mileageKm: t[3] as number | null,
          mileageDate: t[4] as string | null, warrantyEnd: t[5] as string | null, insuranceCompany: t[6] as string | null, insuranceExpiry: t[7] as string | null,
          nextInspection: t[8] as string | null, nextServiceDate: t[9] as string | null, nextServiceKm: t[10] as number | null,
        });
        const a = aggregates.get(id);
        if (a?.[1]) visits.push(reading(id, -1, a[1], 'repair'));
        if (a?.[2] && a[2] !== a[1]) visits.push(reading(id, -2, a[2], 'repair'));
        if (a?.[3]) visits.push({ id: -3, vehicleId: id, visitDate: a[3], kind: 'maintenance', mileageKm: null, advisor: null, amountYuan: null, byAppointment: false });
      }
      if (!tails) customers++;
      // careReminders returns fresh objects: they are tagged in place, not copied.
      for (const r of careReminders({ birthday, vehicles: own, visits }, today, perCustomerRules)) emit(Object.assign(r, { customerId }));
      for (const h of holidays) emit({ ...h, customerId });
      if (options.maxReminders !== undefined && count >= options.maxReminders) {
        nextCustomerId = customerId < max ? customerId : null;
        break outer;
      }
    }
  }
  return { reminders: collected, count, customers, nextCustomerId };
}
