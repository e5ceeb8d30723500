// Every care reminder due today on the whole desk, in two sequential table scans (issue 8
// benchmark reminder_scan_1m: 1 M customers in ≤ 10 s). Values crossing from SQLite into JS
// cost more than SQLite's own work, so each vehicle arrives as one packed text record and the
// visit history as one per-vehicle aggregate record (grouped in SQL over a full scan, which is
// several times cheaper than per-customer index ranges), merged in vehicle-id order and
// evaluated on day numbers (vehicle-reminders-by-day.ts).
// Record invariants: date slots are '' or ten characters matching the ISO digit pattern, so
// '|' only separates; insurance_company comes last and may hold anything. Vehicles with values
// the day rules cannot mirror exactly (non-integer mileage, dates outside years 0100–9999,
// an invalid date picked as a visit aggregate) are evaluated by careReminders on their full
// record instead, so the result always equals careReminders() per customer.
import type Database from 'better-sqlite3';
import type { ServiceVisit, Vehicle } from '../../src-shared/contract/customers';
import { careReminders, holidayGreetings, type CareReminder, type ReminderRules } from '../../src-shared/domain/workflows/care-reminders';
import { parseDay } from '../../src-shared/domain/workflows/day-numbers';
import { vehicleRemindersByDay, type VehicleDayFacts } from '../../src-shared/domain/workflows/vehicle-reminders-by-day';
import type { CustomerReminder } from './reminder-scan';

// Fixed-width prefixes: a date slot is its ten bytes or ten dashes, so no byte of it is read
// as a separator; parseDay then checks it exactly as isIsoDate would.
const slot = (c: string) => `iif(octet_length(${c}) = 10, ${c}, '----------')`;

const vehicleRecordSql = `SELECT ${slot('purchase_date')} || ${slot('mileage_date')} || ${slot('warranty_end')} || ${slot('insurance_expiry')} || ${slot('next_inspection')}
  || ${slot('next_service_date')} || id || '|' || customer_id || '|'
  || (typeof(mileage_km) NOT IN ('integer', 'null') OR typeof(next_service_km) NOT IN ('integer', 'null') OR typeof(insurance_company) NOT IN ('text', 'null')) || '|'
  || ifnull(mileage_km, '') || '|' || ifnull(next_service_km, '') || '|' || ifnull(insurance_company, '')
  FROM vehicles WHERE id >= ? AND id < ? ORDER BY id`;

// A reading packs date and km (1e9 + km: ten digits) so max/min order by date, then km, as
// estimateDailyKm does. After the key, two flags mark vehicles for the exact path: a mileage that is
// not an integer below 9e9, a visit date that is not ten bytes (the fixed widths would break),
// or visits filed under more than one customer.
const reading = `CASE WHEN mileage_km >= 0 THEN visit_date || (1000000000 + mileage_km) END`;
const visitRecordSql = `SELECT vehicle_id || '|' || min(customer_id) || '|'
  || ifnull(max(typeof(mileage_km) NOT IN ('integer', 'null') OR mileage_km > 8999999999 OR octet_length(visit_date) <> 10), 0) || (min(customer_id) <> max(customer_id))
  || ifnull(max(${reading}), '--------------------') || ifnull(min(${reading}), '--------------------')
  || ifnull(max(CASE WHEN kind IN ('first_maintenance', 'maintenance') THEN visit_date END), '----------')
  FROM service_visits WHERE vehicle_id >= ? AND vehicle_id < ? AND visit_date <= ? GROUP BY vehicle_id ORDER BY vehicle_id`;

function intAt(s: string, start: number, end: number): number | null {
  if (start === end) return null;
  let n = 0;
  let i = start;
  const negative = s.charCodeAt(i) === 45;
  if (negative) i++;
  for (; i < end; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return negative ? -n : n;
}

function dayAt(rec: string, at: number): number {
  return rec.charCodeAt(at) === 45 ? NaN : parseDay(rec, at, at + 10);
}

/** Fills `f` from a vehicle record; returns its customer id, negated when the exact path is needed. */
function readVehicle(rec: string, f: VehicleDayFacts): number {
  f.purchase = dayAt(rec, 0);
  f.mileageDay = dayAt(rec, 10);
  f.warrantyEnd = dayAt(rec, 20);
  f.insuranceExpiry = dayAt(rec, 30);
  f.nextInspection = dayAt(rec, 40);
  f.nextServiceDate = dayAt(rec, 50);
  let a = 60;
  let b = rec.indexOf('|', a);
  f.vehicleId = intAt(rec, a, b)!;
  a = b + 1; b = rec.indexOf('|', a);
  const customerId = intAt(rec, a, b)!;
  const exact = rec.charCodeAt(b + 1) !== 48;
  a = b + 3; b = rec.indexOf('|', a);
  f.mileageKm = intAt(rec, a, b);
  a = b + 1; b = rec.indexOf('|', a);
  f.nextServiceKm = intAt(rec, a, b);
  f.insuranceCompany = b + 1 < rec.length ? rec.slice(b + 1) : null;
  return exact ? -customerId : customerId;
}

/** Fills the visit facts of `f` from the aggregate record body at `at`; false when the exact path is needed. */
function readVisits(rec: string, at: number, f: VehicleDayFacts): boolean {
  if (rec.charCodeAt(at - 2) !== 48 || rec.charCodeAt(at - 1) !== 48) return false;
  if (rec.charCodeAt(at) !== 45) {
    f.latestDay = parseDay(rec, at, at + 10);
    f.latestKm = intAt(rec, at + 10, at + 20)! - 1_000_000_000;
    f.earliestDay = parseDay(rec, at + 20, at + 30);
    f.earliestKm = intAt(rec, at + 30, at + 40)! - 1_000_000_000;
    if (!(f.latestDay === f.latestDay && f.earliestDay === f.earliestDay)) return false;
  }
  if (rec.charCodeAt(at + 40) !== 45) {
    f.lastMaintenanceDay = parseDay(rec, at + 40, at + 50);
    if (!(f.lastMaintenanceDay === f.lastMaintenanceDay)) return false;
  }
  return true;
}

function exactVehicleReminders(sqlite: Database.Database, vehicleId: number, customerId: number, today: string, rules: ReminderRules): CareReminder[] {
  const row = sqlite.prepare(`SELECT purchase_date, mileage_km, mileage_date, warranty_end, insurance_company, insurance_expiry, next_inspection, next_service_date, next_service_km
    FROM vehicles WHERE id = ?`).raw().get(vehicleId) as unknown[];
  const vehicle: Vehicle = {
    id: vehicleId, plate: null, vin: null, brand: null, model: null, modelYear: null, colour: null, purchaseDate: row[0] as string | null, mileageKm: row[1] as number | null,
    mileageDate: row[2] as string | null, warrantyEnd: row[3] as string | null, insuranceCompany: row[4] as string | null, insuranceExpiry: row[5] as string | null,
    nextInspection: row[6] as string | null, nextServiceDate: row[7] as string | null, nextServiceKm: row[8] as number | null,
  };
  const visits = (sqlite.prepare('SELECT id, visit_date, kind, mileage_km FROM service_visits WHERE vehicle_id = ? AND customer_id = ?').raw().all(vehicleId, customerId) as unknown[][])
    .map((v): ServiceVisit => ({ id: v[0] as number, vehicleId, visitDate: v[1] as string, kind: v[2] as ServiceVisit['kind'], mileageKm: v[3] as number | null, advisor: null, amountYuan: null, byAppointment: false }));
  return careReminders({ birthday: null, vehicles: [vehicle], visits }, today, { ...rules, holidays: [] });
}

/**
 * Calls `emit` for the reminders of the vehicles with ids in [fromId, toId) (holidays and
 * birthdays aside), in vehicle-id order except the few evaluated on their full record.
 */
export function scanVehicleReminders(sqlite: Database.Database, today: string, rules: ReminderRules, fromId: number, toId: number, emit: (r: CustomerReminder) => void): void {
  const todayDay = parseDay(today);
  const perCustomer: ReminderRules = { ...rules, holidays: [] };
  const visits = sqlite.prepare(visitRecordSql).pluck().iterate(fromId, toId, today) as IterableIterator<string>;
  let visit = visits.next();
  let visitVehicle = -1;
  let visitCustomer = -1;
  let visitBody = 0;
  const readVisitKey = () => {
    if (visit.done) { visitVehicle = Infinity; return; }
    const p = visit.value.indexOf('|');
    const q = visit.value.indexOf('|', p + 1);
    visitVehicle = intAt(visit.value, 0, p)!;
    visitCustomer = intAt(visit.value, p + 1, q)!;
    visitBody = q + 3;
  };
  readVisitKey();
  const f: VehicleDayFacts = {
    vehicleId: 0, purchase: NaN, mileageKm: null, mileageDay: NaN, warrantyEnd: NaN, insuranceExpiry: NaN, nextInspection: NaN, nextServiceDate: NaN,
    nextServiceKm: null, insuranceCompany: null, latestDay: NaN, latestKm: 0, earliestDay: NaN, earliestKm: 0, lastMaintenanceDay: NaN,
  };
  const out: CareReminder[] = [];
  // Evaluated after the scan: other statements run mid-iteration disturb the open cursors.
  const exactLater: [number, number][] = [];
  const vehicles = sqlite.prepare(vehicleRecordSql).pluck().iterate(fromId, toId) as IterableIterator<string>;
  try {
    for (const rec of vehicles) {
      f.latestDay = f.earliestDay = f.lastMaintenanceDay = NaN;
      let customerId = readVehicle(rec, f);
      let exact = customerId < 0;
      customerId = Math.abs(customerId);
      while (visitVehicle < f.vehicleId) { visit = visits.next(); readVisitKey(); }
      if (!exact && visitVehicle === f.vehicleId) exact = visitCustomer !== customerId || !readVisits(visit.value, visitBody, f);
      if (!exact && !vehicleRemindersByDay(f, todayDay, perCustomer, out)) { out.length = 0; exact = true; }
      if (exact) exactLater.push([f.vehicleId, customerId]);
      for (const r of out) emit(Object.assign(r, { customerId }));
      out.length = 0;
    }
  } finally {
    // An unfinished iterator keeps the connection busy.
    visits.return?.();
  }
  for (const [vehicleId, customerId] of exactLater) for (const r of exactVehicleReminders(sqlite, vehicleId, customerId, today, perCustomer)) emit(Object.assign(r, { customerId }));
}

/** Birthdays (of the customers whose birthday tail is listed, or all) and holiday greetings. */
export function scanCustomerReminders(sqlite: Database.Database, today: string, rules: ReminderRules, birthdayTails: string[] | null, emit: (r: CustomerReminder) => void): void {
  const perCustomer: ReminderRules = { ...rules, holidays: [] };
  for (const [customerId, birthday] of sqlite.prepare(tailsFilter(birthdayTails)).raw().iterate(...(birthdayTails ?? [])) as IterableIterator<[number, string | null]>) {
    if (!birthday) continue;
    for (const r of careReminders({ birthday, vehicles: [], visits: [] }, today, perCustomer)) emit(Object.assign(r, { customerId }));
  }
  const holidays = holidayGreetings(today, rules);
  if (holidays.length) for (const customerId of sqlite.prepare('SELECT id FROM customers ORDER BY id').pluck().iterate() as IterableIterator<number>) for (const h of holidays) emit({ ...h, customerId });
}

/** Every reminder of the desk: vehicles in id order, then birthdays, then holidays. Returns the number of customers. */
export function scanAllCareReminders(sqlite: Database.Database, today: string, rules: ReminderRules, birthdayTails: string[] | null, emit: (r: CustomerReminder) => void): number {
  scanVehicleReminders(sqlite, today, rules, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, emit);
  scanCustomerReminders(sqlite, today, rules, birthdayTails, emit);
  return sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
}

function tailsFilter(tails: string[] | null): string {
  return tails ? `SELECT id, birthday FROM customers WHERE substr(birthday, -5) IN (${tails.map(() => '?').join(',')})` : 'SELECT id, birthday FROM customers WHERE birthday IS NOT NULL';
}
