// The conflict inbox on the desk: the server's conflict records as pulled (sync_conflicts).
// Restoring is an ordinary local write — the losing value written again with the rev this desk
// has now, plus marking the record resolved — so it syncs like any edit and can itself be
// reviewed. Only supervisors and admins may resolve (the server refuses others too).
import type Database from 'better-sqlite3';
import { DeskError } from '../../src-shared/contract/errors';
import type { SyncEntity, WireFields, WireValue } from '../../src-shared/domain/sync/entities';
import { editRecord, undeleteRecord } from './local-writes';

export interface ConflictView {
  uid: string;
  kind: string;
  entity: string;
  recordUid: string;
  field: string | null;
  lostValue: WireValue | WireFields;
  wonValue: WireValue | WireFields;
  lostDesk: string | null;
  lostUser: string | null;
  detectedAt: string | null;
  resolved: boolean;
  resolvedBy: string | null;
  reason: string | null;
  /** Name of the customer the record belongs to, when it is on this desk. */
  customerName: string | null;
  restorable: boolean;
}

interface ConflictRow {
  uid: string;
  kind: string;
  entity: string;
  record_uid: string;
  field: string | null;
  lost_value: string | null;
  won_value: string | null;
  lost_desk: string | null;
  lost_user: string | null;
  detected_at: string | null;
  resolved: number;
  resolved_by: string | null;
  reason: string | null;
}

const parse = (text: string | null): WireValue | WireFields => {
  if (text === null) return null;
  try {
    return JSON.parse(text) as WireValue | WireFields;
  } catch {
    return text;
  }
};

function customerName(sqlite: Database.Database, entity: string, recordUid: string): string | null {
  const sql: Record<string, string> = {
    customers: 'SELECT name FROM customers WHERE uid = ?',
    phones: 'SELECT c.name FROM phones p JOIN customers c ON c.id = p.customer_id WHERE p.uid = ?',
    vehicles: 'SELECT c.name FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE v.uid = ?',
    service_visits: 'SELECT c.name FROM service_visits s JOIN customers c ON c.id = s.customer_id WHERE s.uid = ?',
  };
  return sql[entity] ? ((sqlite.prepare(sql[entity]).pluck().get(recordUid) as string | undefined) ?? null) : null;
}

export function listConflicts(sqlite: Database.Database, options: { includeResolved?: boolean; limit?: number }): ConflictView[] {
  const rows = sqlite
    .prepare(`SELECT * FROM sync_conflicts ${options.includeResolved ? '' : 'WHERE resolved = 0'} ORDER BY detected_at DESC, uid LIMIT ?`)
    .all(options.limit ?? 200) as ConflictRow[];
  return rows.map((row) => ({
    uid: row.uid,
    kind: row.kind,
    entity: row.entity,
    recordUid: row.record_uid,
    field: row.field,
    lostValue: parse(row.lost_value),
    wonValue: parse(row.won_value),
    lostDesk: row.lost_desk,
    lostUser: row.lost_user,
    detectedAt: row.detected_at,
    resolved: Boolean(row.resolved),
    resolvedBy: row.resolved_by,
    reason: row.reason,
    customerName: customerName(sqlite, row.entity, row.record_uid),
    restorable: !row.resolved && (row.kind === 'overwritten' || row.kind === 'deleted'),
  }));
}

function load(sqlite: Database.Database, uid: string): ConflictRow {
  const row = sqlite.prepare('SELECT * FROM sync_conflicts WHERE uid = ?').get(uid) as ConflictRow | undefined;
  if (!row) throw new DeskError('not-found', 'no such conflict');
  return row;
}

/** Writes the losing value back (or brings a deleted record back with the lost edit) and resolves. */
export function restoreConflict(sqlite: Database.Database, uid: string, userName: string, now: Date): void {
  sqlite.transaction(() => {
    const row = load(sqlite, uid);
    if (row.resolved) throw new DeskError('conflict', 'already resolved');
    const entity = row.entity as SyncEntity;
    if (row.kind === 'overwritten' && row.field) {
      editRecord(sqlite, entity, row.record_uid, { [row.field]: parse(row.lost_value) as WireValue }, now);
    } else if (row.kind === 'deleted') {
      undeleteRecord(sqlite, entity, row.record_uid, (parse(row.lost_value) ?? {}) as WireFields, now);
    } else {
      throw new DeskError('invalid-input', `a ${row.kind} conflict cannot be restored, only dismissed`);
    }
    editRecord(sqlite, 'conflicts', uid, { resolved: true, resolvedBy: userName }, now);
  })();
}

/** Keeps the winning value: marks the conflict resolved. */
export function dismissConflict(sqlite: Database.Database, uid: string, userName: string, now: Date): void {
  sqlite.transaction(() => {
    const row = load(sqlite, uid);
    if (row.resolved) throw new DeskError('conflict', 'already resolved');
    editRecord(sqlite, 'conflicts', uid, { resolved: true, resolvedBy: userName }, now);
  })();
}
