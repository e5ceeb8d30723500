// Reads customers for export as spreadsheet rows: one row per vehicle (a customer without a
// vehicle gets one row), customer columns repeated on every row, headers exactly those the
// importer maps back (header-mapping.ts), custom fields as extra columns named by their key.
// Phones are full numbers: only roles allowed to export get here.
import type Database from 'better-sqlite3';
import { importFields, type ImportField } from '../../src-shared/contract/transfer';
import { formatPhone, splitPhoneList } from '../../src-shared/domain/phone';
import { exportHeaders } from './header-mapping';

interface CustomerRow {
  id: number;
  number: string;
  name: string;
  gender: 'M' | 'F' | null;
  birthday: string | null;
  district: string | null;
  address: string | null;
  email: string | null;
  category: string | null;
  membershipTier: string | null;
  advisor: string | null;
  customFields: string;
}
interface PhoneRow {
  customerId: number;
  kind: string;
  raw: string;
  normalized: string;
}
interface VehicleRow {
  customerId: number;
  plate: string | null;
  vin: string | null;
  brand: string | null;
  model: string | null;
  modelYear: number | null;
  colour: string | null;
  purchaseDate: string | null;
  mileageKm: number | null;
  insuranceCompany: string | null;
  insuranceExpiry: string | null;
  nextInspection: string | null;
}

const batch = 500;

export function exportTable(sqlite: Database.Database, ids: number[]): { headers: string[]; rows: string[][] } {
  const customersStmt = sqlite.prepare(
    `SELECT c.id, c.number, c.name, c.gender, c.birthday, c.district, c.address, c.email, c.category,
            c.membership_tier AS membershipTier, a.name AS advisor, c.custom_fields AS customFields
       FROM customers c LEFT JOIN advisors a ON a.id = c.advisor_id
      WHERE c.id IN (SELECT value FROM json_each(?))`,
  );
  const phonesStmt = sqlite.prepare(
    `SELECT customer_id AS customerId, kind, raw, normalized FROM phones
      WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY is_primary DESC, id`,
  );
  const vehiclesStmt = sqlite.prepare(
    `SELECT customer_id AS customerId, plate, vin, brand, model, model_year AS modelYear, colour, purchase_date AS purchaseDate,
            mileage_km AS mileageKm, insurance_company AS insuranceCompany, insurance_expiry AS insuranceExpiry, next_inspection AS nextInspection
       FROM vehicles WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  );

  const customFieldNames: string[] = [];
  const records: { fields: Record<ImportField, string>; custom: Record<string, string> }[] = [];
  for (let start = 0; start < ids.length; start += batch) {
    const slice = ids.slice(start, start + batch);
    const json = JSON.stringify(slice);
    const customers = new Map((customersStmt.all(json) as CustomerRow[]).map((c) => [c.id, c]));
    const phones = groupBy(phonesStmt.all(json) as PhoneRow[]);
    const vehicles = groupBy(vehiclesStmt.all(json) as VehicleRow[]);
    for (const id of slice) {
      const c = customers.get(id);
      if (!c) continue;
      const custom = parseCustomFields(c.customFields);
      for (const key of Object.keys(custom)) if (!customFieldNames.includes(key)) customFieldNames.push(key);
      const own = phones.get(id) ?? [];
      const base = {
        number: c.number,
        name: c.name,
        gender: c.gender === 'M' ? '男' : c.gender === 'F' ? '女' : '',
        birthday: c.birthday ?? '',
        district: c.district ?? '',
        address: c.address ?? '',
        email: c.email ?? '',
        category: c.category ?? '',
        membershipTier: c.membershipTier ?? '',
        advisor: c.advisor ?? '',
        mobile: own.filter((p) => p.kind === 'mobile').map(phoneText).join(' / '),
        phone: own.filter((p) => p.kind !== 'mobile').map(phoneText).join(' / '),
      };
      const list = vehicles.get(id) ?? [];
      for (const v of list.length ? list : [null]) {
        records.push({ fields: { ...base, ...vehicleFields(v) }, custom });
      }
    }
  }
  const headers = [...importFields.map((field) => exportHeaders[field]), ...customFieldNames];
  const rows = records.map((r) => [...importFields.map((field) => r.fields[field]), ...customFieldNames.map((key) => r.custom[key] ?? '')]);
  return { headers, rows };
}

function vehicleFields(v: VehicleRow | null): Omit<Record<ImportField, string>, 'number' | 'name' | 'gender' | 'birthday' | 'district' | 'address' | 'email' | 'category' | 'membershipTier' | 'advisor' | 'mobile' | 'phone'> {
  const s = (value: string | number | null | undefined) => (value == null ? '' : String(value));
  return {
    plate: s(v?.plate),
    vin: s(v?.vin),
    brand: s(v?.brand),
    model: s(v?.model),
    modelYear: s(v?.modelYear),
    colour: s(v?.colour),
    purchaseDate: s(v?.purchaseDate),
    mileageKm: s(v?.mileageKm),
    insuranceCompany: s(v?.insuranceCompany),
    insuranceExpiry: s(v?.insuranceExpiry),
    nextInspection: s(v?.nextInspection),
  };
}

/** The number as typed when it is one clean number, else the formatted normalized form. */
function phoneText(p: PhoneRow): string {
  return splitPhoneList(p.raw).length === 1 ? p.raw.trim() : formatPhone(p.normalized);
}

function parseCustomFields(json: string): Record<string, string> {
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v == null ? '' : String(v)]));
  } catch {
    return {};
  }
}

function groupBy<T extends { customerId: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const list = map.get(row.customerId);
    if (list) list.push(row);
    else map.set(row.customerId, [row]);
  }
  return map;
}
