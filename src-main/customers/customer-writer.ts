// The one write path for new customers (quick-create, import). Runs inside the caller's
// transaction when one is open, so an import is all-or-nothing; derives the search keys
// with src-shared/domain/customer-keys so every writer stores identical keys. Every record
// written also goes into the sync outbox in the same transaction (src-main/sync/outbox.ts).
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../src-shared/contract/errors';
import { customerNameKeys, phoneKeys, vehicleKeys } from '../../src-shared/domain/customer-keys';
import { recordLocalCreate } from '../sync/local-writes';

export interface NewVehicleRecord {
  plate?: string | null;
  vin?: string | null;
  brand?: string | null;
  model?: string | null;
  modelYear?: number | null;
  colour?: string | null;
  purchaseDate?: string | null;
  mileageKm?: number | null;
  insuranceCompany?: string | null;
  insuranceExpiry?: string | null;
  nextInspection?: string | null;
}

export interface NewCustomerRecord {
  number?: string;
  name: string;
  gender?: 'M' | 'F' | null;
  birthday?: string | null;
  district?: string | null;
  address?: string | null;
  email?: string | null;
  category?: string | null;
  membershipTier?: string | null;
  advisorName?: string | null;
  customFields?: Record<string, string>;
  phones: { raw: string; isPrimary?: boolean }[];
  vehicles: NewVehicleRecord[];
}

function statements(sqlite: Database.Database) {
  return {
    insertCustomer: sqlite.prepare(
      `INSERT INTO customers (uid, number, name, name_reversed, pinyin, pinyin_initials, gender, birthday, district, address, email,
         category, membership_tier, advisor_id, custom_fields, created_at, updated_at)
       VALUES (@uid, @number, @name, @nameReversed, @pinyin, @pinyinInitials, @gender, @birthday, @district, @address, @email,
         @category, @membershipTier, @advisorId, @customFields, @now, @now)`,
    ),
    insertPhone: sqlite.prepare(
      `INSERT INTO phones (uid, customer_id, kind, raw, normalized, reversed, is_primary) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertVehicle: sqlite.prepare(
      `INSERT INTO vehicles (uid, customer_id, plate, plate_local, plate_reversed, vin, vin_reversed, brand, model, model_year, colour,
         purchase_date, mileage_km, mileage_date, insurance_company, insurance_expiry, next_inspection)
       VALUES (@uid, @customerId, @plate, @plateLocal, @plateReversed, @vin, @vinReversed, @brand, @model, @modelYear, @colour,
         @purchaseDate, @mileageKm, @mileageDate, @insuranceCompany, @insuranceExpiry, @nextInspection)`,
    ),
    advisorByName: sqlite.prepare(`SELECT id FROM advisors WHERE name = ?`).pluck(),
    insertAdvisor: sqlite.prepare(`INSERT INTO advisors (code, name) VALUES (?, ?)`),
    lastGeneratedNumber: sqlite.prepare(`SELECT number FROM customers WHERE number GLOB 'C[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' ORDER BY number DESC LIMIT 1`).pluck(),
    customerByNumber: sqlite.prepare(`SELECT id FROM customers WHERE number = ?`).pluck(),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof statements>>();
function prepared(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = statements(sqlite)));
  return s;
}

export function findCustomerByNumber(sqlite: Database.Database, number: string): number | null {
  return (prepared(sqlite).customerByNumber.get(number) as number | undefined) ?? null;
}

function advisorId(sqlite: Database.Database, name: string | null | undefined): number | null {
  if (!name) return null;
  const s = prepared(sqlite);
  const existing = s.advisorByName.get(name) as number | undefined;
  if (existing) return existing;
  return Number(s.insertAdvisor.run(`ADV-${randomUUID().slice(0, 8)}`, name).lastInsertRowid);
}

function nextNumberAfter(last: string | undefined): string {
  const n = last ? Number(last.slice(1)) + 1 : 1;
  return `C${String(n).padStart(8, '0')}`;
}

export function insertCustomers(sqlite: Database.Database, records: NewCustomerRecord[], now: Date): number[] {
  const s = prepared(sqlite);
  const stamp = now.toISOString();
  const ids: number[] = [];
  const write = () => {
    let lastNumber = s.lastGeneratedNumber.get() as string | undefined;
    for (const record of records) {
      const name = record.name.trim();
      if (!name) throw new DeskError('invalid-input', 'customer name is required');
      const phones = record.phones.map((phone) => {
        const keys = phoneKeys(phone.raw);
        if (!keys) throw new DeskError('invalid-input', `not a phone number: ${phone.raw.slice(0, 40)}`);
        return { ...keys, raw: phone.raw, isPrimary: phone.isPrimary };
      });
      let number = record.number?.trim();
      if (!number) number = lastNumber = nextNumberAfter(lastNumber);
      const customerUid = randomUUID();
      const customerId = Number(
        s.insertCustomer.run({
          uid: customerUid,
          number,
          name,
          ...customerNameKeys(name),
          gender: record.gender ?? null,
          birthday: record.birthday ?? null,
          district: record.district ?? null,
          address: record.address ?? null,
          email: record.email ?? null,
          category: record.category ?? null,
          membershipTier: record.membershipTier ?? null,
          advisorId: advisorId(sqlite, record.advisorName),
          customFields: JSON.stringify(record.customFields ?? {}),
          now: stamp,
        }).lastInsertRowid,
      );
      recordLocalCreate(sqlite, 'customers', customerUid, now);
      phones.forEach((phone, index) => {
        const primary = phone.isPrimary ?? index === 0;
        const phoneUid = randomUUID();
        s.insertPhone.run(phoneUid, customerId, phone.kind, phone.raw, phone.normalized, phone.reversed, primary ? 1 : 0);
        recordLocalCreate(sqlite, 'phones', phoneUid, now);
      });
      for (const vehicle of record.vehicles) {
        const vehicleUid = randomUUID();
        s.insertVehicle.run({
          uid: vehicleUid,
          customerId,
          ...vehicleKeys(vehicle.plate, vehicle.vin),
          brand: vehicle.brand ?? null,
          model: vehicle.model ?? null,
          modelYear: vehicle.modelYear ?? null,
          colour: vehicle.colour ?? null,
          purchaseDate: vehicle.purchaseDate ?? null,
          mileageKm: vehicle.mileageKm ?? null,
          mileageDate: vehicle.mileageKm != null ? stamp.slice(0, 10) : null,
          insuranceCompany: vehicle.insuranceCompany ?? null,
          insuranceExpiry: vehicle.insuranceExpiry ?? null,
          nextInspection: vehicle.nextInspection ?? null,
        });
        recordLocalCreate(sqlite, 'vehicles', vehicleUid, now);
      }
      ids.push(customerId);
    }
  };
  if (sqlite.inTransaction) write();
  else sqlite.transaction(write)();
  return ids;
}
