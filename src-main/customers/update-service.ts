// customers.update (issue 6): a card edit becomes field edits of the shared records
// (customers, phones, vehicles) through src-main/sync/local-writes.ts, so each changed row and
// its outbox entry commit in one SQLite transaction, and the whole edit is all-or-nothing.
// Changing or removing an existing phone needs a role that sees full numbers: a masked
// number must not be overwritten or deleted blind (seed 000 权限管理); adding one is open to all.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CustomerUpdateSchema } from '../../src-shared/contract/customers';
import { DeskError } from '../../src-shared/contract/errors';
import { phoneKeys, vehicleKeys } from '../../src-shared/domain/customer-keys';
import { can, type Role } from '../../src-shared/domain/roles';
import type { WireFields } from '../../src-shared/domain/sync/entities';
import { createRecord, deleteRecord, editRecord } from '../sync/local-writes';

export type CustomerUpdateInput = z.output<typeof CustomerUpdateSchema>;

const customerFields = ['name', 'gender', 'birthday', 'district', 'address', 'email'] as const;
const vehicleFields = [
  'brand', 'model', 'modelYear', 'colour', 'purchaseDate', 'mileageKm', 'warrantyEnd',
  'insuranceCompany', 'insuranceExpiry', 'nextInspection', 'nextServiceDate', 'nextServiceKm',
] as const;

function blankToNull<T>(value: T): T | null {
  return typeof value === 'string' && value.trim() === '' ? null : value;
}

function phoneFields(raw: string): WireFields {
  const keys = phoneKeys(raw);
  if (!keys) throw new DeskError('invalid-input', 'not a phone number', [{ path: 'phones', message: 'not a phone number' }]);
  return { raw: raw.trim(), normalized: keys.normalized, kind: keys.kind };
}

/** Applies the edit; returns how many records changed (each change is one outbox entry). */
export function updateCustomer(sqlite: Database.Database, input: CustomerUpdateInput, actor: { role: Role }, now: Date): number {
  const customer = sqlite.prepare('SELECT uid FROM customers WHERE id = ?').pluck().get(input.customerId) as string | undefined;
  if (!customer) throw new DeskError('not-found', `customer ${input.customerId} not found`);
  const phoneUid = (id: number) => {
    const uid = sqlite.prepare('SELECT uid FROM phones WHERE id = ? AND customer_id = ?').pluck().get(id, input.customerId) as string | undefined;
    if (!uid) throw new DeskError('not-found', `phone ${id} is not this customer's`);
    return uid;
  };
  const vehicleUid = (id: number) => {
    const uid = sqlite.prepare('SELECT uid FROM vehicles WHERE id = ? AND customer_id = ?').pluck().get(id, input.customerId) as string | undefined;
    if (!uid) throw new DeskError('not-found', `vehicle ${id} is not this customer's`);
    return uid;
  };
  const phones = input.phones ?? { add: [], edit: [], remove: [] };
  if ((phones.edit.some((p) => p.raw !== undefined) || phones.remove.length > 0) && !can(actor.role, 'seeFullPhones')) {
    throw new DeskError('forbidden', 'changing or removing a phone number needs a role that sees full numbers');
  }

  return sqlite.transaction(() => {
    let changed = 0;
    const count = (diff: WireFields) => (Object.keys(diff).length > 0 ? (changed += 1) : changed);

    const patch: WireFields = {};
    for (const field of customerFields) {
      const value = input[field];
      if (value !== undefined) patch[field] = field === 'name' ? (value as string) : blankToNull(value);
    }
    count(editRecord(sqlite, 'customers', customer, patch, now));

    for (const id of phones.remove) {
      deleteRecord(sqlite, 'phones', phoneUid(id), now);
      changed += 1;
    }
    for (const edit of phones.edit) {
      const fields: WireFields = edit.raw !== undefined ? phoneFields(edit.raw) : {};
      if (edit.isPrimary !== undefined) fields.isPrimary = edit.isPrimary;
      count(editRecord(sqlite, 'phones', phoneUid(edit.id), fields, now));
    }
    for (const add of phones.add) {
      createRecord(sqlite, 'phones', randomUUID(), { customer, ...phoneFields(add.raw), isPrimary: add.isPrimary ?? false }, now);
      changed += 1;
    }
    changed += settlePrimary(sqlite, input.customerId, phones, now);

    for (const vehicle of input.vehicles ?? []) {
      const uid = vehicleUid(vehicle.id);
      const fields: WireFields = {};
      for (const field of vehicleFields) {
        const value = vehicle[field];
        if (value !== undefined) fields[field] = blankToNull(value);
      }
      if (vehicle.mileageKm !== undefined && vehicle.mileageKm !== null) fields.mileageDate = now.toISOString().slice(0, 10);
      if (vehicle.plate !== undefined || vehicle.vin !== undefined) {
        const current = sqlite.prepare('SELECT plate, vin FROM vehicles WHERE uid = ?').get(uid) as { plate: string | null; vin: string | null };
        const keys = vehicleKeys(vehicle.plate !== undefined ? blankToNull(vehicle.plate) : current.plate, vehicle.vin !== undefined ? blankToNull(vehicle.vin) : current.vin);
        if (vehicle.plate !== undefined) fields.plate = keys.plate;
        if (vehicle.vin !== undefined) fields.vin = keys.vin;
      }
      count(editRecord(sqlite, 'vehicles', uid, fields, now));
    }
    return changed;
  })();
}

/**
 * One primary phone per customer: a phone marked primary in this edit demotes the others;
 * removing the primary promotes the oldest remaining phone.
 */
function settlePrimary(sqlite: Database.Database, customerId: number, phones: NonNullable<CustomerUpdateInput['phones']>, now: Date): number {
  const rows = sqlite.prepare('SELECT id, uid, is_primary AS isPrimary FROM phones WHERE customer_id = ? ORDER BY id').all(customerId) as { id: number; uid: string; isPrimary: number }[];
  if (rows.length === 0) return 0;
  const chosenEdit = [...phones.edit].reverse().find((p) => p.isPrimary)?.id;
  const addedPrimary = phones.add.some((p) => p.isPrimary);
  let keep: number | undefined;
  if (chosenEdit !== undefined) keep = chosenEdit;
  else if (addedPrimary) keep = [...rows].reverse().find((r) => r.isPrimary)?.id;
  else keep = rows.find((r) => r.isPrimary)?.id ?? rows[0].id;
  let changed = 0;
  for (const row of rows) {
    const diff = editRecord(sqlite, 'phones', row.uid, { isPrimary: row.id === keep }, now);
    if (Object.keys(diff).length > 0) changed += 1;
  }
  return changed;
}
