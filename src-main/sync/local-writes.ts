// Local writes of shared records: the row and its outbox entry in one SQLite transaction
// (issue 6). Edits carry only the changed fields and the rev the desk saw, so the server can
// merge per field. Services (customers.update, the conflict inbox, …) call these.
import type Database from 'better-sqlite3';
import { DeskError } from '../../src-shared/contract/errors';
import { entityFields, sameValue, type SyncEntity, type WireFields } from '../../src-shared/domain/sync/entities';
import { deskRows } from './desk-rows';
import { notifyOutbox, recordMutation } from './outbox';

function inTransaction<T>(sqlite: Database.Database, fn: () => T): T {
  return sqlite.inTransaction ? fn() : sqlite.transaction(fn)();
}

function tupleOf(entity: SyncEntity, fields: WireFields) {
  return entityFields[entity].map((f) => fields[f] ?? null);
}

/** A new record (uid chosen by the caller, e.g. randomUUID()). */
export function createRecord(sqlite: Database.Database, entity: SyncEntity, uid: string, fields: WireFields, now: Date): void {
  inTransaction(sqlite, () => {
    if (!deskRows(sqlite).write(entity, uid, 0, tupleOf(entity, fields), true)) throw new DeskError('not-found', `${entity} ${uid}: parent record not on this desk`);
    recordMutation(sqlite, { entity, uid, op: 'upsert', fields: onlySet(fields), baseRev: 0 }, now);
  });
  notifyOutbox(sqlite);
}

/** A row another writer (customer-writer, import) already inserted: queue it for the server. */
export function recordLocalCreate(sqlite: Database.Database, entity: SyncEntity, uid: string, now: Date): void {
  const row = deskRows(sqlite).read(entity, uid);
  if (!row) throw new Error(`${entity} ${uid} not found`);
  const fields: WireFields = {};
  entityFields[entity].forEach((f, i) => (fields[f] = row.values[i]));
  recordMutation(sqlite, { entity, uid, op: 'upsert', fields: onlySet(fields), baseRev: 0 }, now);
  notifyOutbox(sqlite);
}

/** Changes some fields; returns the fields that actually changed (none: nothing is queued). */
export function editRecord(sqlite: Database.Database, entity: SyncEntity, uid: string, patch: WireFields, now: Date): WireFields {
  const changed = inTransaction(sqlite, () => {
    const rows = deskRows(sqlite);
    const current = rows.read(entity, uid);
    if (!current) throw new DeskError('not-found', `${entity} ${uid} is not on this desk`);
    const fields = entityFields[entity] as readonly string[];
    const diff: WireFields = {};
    const next = [...current.values];
    for (const [field, value] of Object.entries(patch)) {
      const i = fields.indexOf(field);
      if (i < 0) throw new DeskError('invalid-input', `unknown field ${entity}.${field}`);
      if (sameValue(next[i], value)) continue;
      next[i] = value;
      diff[field] = value;
    }
    if (Object.keys(diff).length === 0) return diff;
    const derived = 'name' in diff ? [] : rows.readDerived(entity, uid);
    rows.write(entity, uid, current.rev, [...next, ...derived], true);
    recordMutation(sqlite, { entity, uid, op: 'upsert', fields: diff, baseRev: current.rev }, now);
    return diff;
  });
  if (Object.keys(changed).length) notifyOutbox(sqlite);
  return changed;
}

export function deleteRecord(sqlite: Database.Database, entity: SyncEntity, uid: string, now: Date): void {
  inTransaction(sqlite, () => {
    const rows = deskRows(sqlite);
    const current = rows.read(entity, uid);
    if (!current) throw new DeskError('not-found', `${entity} ${uid} is not on this desk`);
    rows.remove(entity, uid);
    recordMutation(sqlite, { entity, uid, op: 'delete', fields: {}, baseRev: current.rev }, now);
  });
  notifyOutbox(sqlite);
}

/** Brings back a record deleted on the server with the values an edit lost (conflict inbox). */
export function undeleteRecord(sqlite: Database.Database, entity: SyncEntity, uid: string, fields: WireFields, now: Date): void {
  inTransaction(sqlite, () => recordMutation(sqlite, { entity, uid, op: 'undelete', fields, baseRev: 0 }, now));
  notifyOutbox(sqlite);
}

function onlySet(fields: WireFields): WireFields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined));
}
