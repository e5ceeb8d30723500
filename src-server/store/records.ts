// Wire fields ↔ PostgreSQL columns of the shared records (see db/schema.ts).
import { derivedFields, entityFields, entityParents, type SyncEntity, type WireFields, type WireValue } from '../../src-shared/domain/sync/entities';
import type { Change } from '../../src-shared/domain/sync/protocol';

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** Every field that references a parent by uid is column `<field>_uid` (customer → customer_uid, workItem → work_item_uid). */
const references = new Set(Object.values(entityParents).flatMap((parents) => parents.map((p) => p.field)));

export function columnOf(field: string): string {
  return references.has(field) ? `${snake(field)}_uid` : snake(field);
}

export function tableOf(entity: SyncEntity): string {
  return entity;
}

/** Own fields then derived fields: the order of a change's value tuple. */
export function wireFieldsOf(entity: SyncEntity): readonly string[] {
  return [...entityFields[entity], ...derivedFields[entity]];
}

const selectCache = new Map<SyncEntity, string>();
/** `uid, rev, deleted, <wire columns>` for SELECTs. */
export function selectColumns(entity: SyncEntity): string {
  let cols = selectCache.get(entity);
  if (!cols) {
    cols = ['uid', 'rev', 'deleted', ...wireFieldsOf(entity).map(columnOf)].join(', ');
    selectCache.set(entity, cols);
  }
  return cols;
}

export interface StoredRow {
  uid: string;
  rev: number;
  deleted: boolean;
  [column: string]: unknown;
}

export function valuesOf(entity: SyncEntity, row: StoredRow): WireValue[] {
  return wireFieldsOf(entity).map((field) => toWire(row[columnOf(field)]));
}

/** A stored row as a change: its tombstone, or its current values. */
export function changeOf(entity: SyncEntity, row: StoredRow): Change {
  const rev = Number(row.rev);
  return row.deleted ? { e: entity, u: row.uid, r: rev, d: true } : { e: entity, u: row.uid, r: rev, v: valuesOf(entity, row) };
}

export function fieldsOf(entity: SyncEntity, row: StoredRow): WireFields {
  const out: WireFields = {};
  for (const field of entityFields[entity]) out[field] = toWire(row[columnOf(field)]);
  return out;
}

function toWire(value: unknown): WireValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
