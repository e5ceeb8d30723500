// The outbox: local writes waiting for the server's acknowledgement (see db/schema/sync.ts).
// recordMutation must be called inside the transaction that changes the row.
import type Database from 'better-sqlite3';
import type { SyncEntity, WireFields } from '../../src-shared/domain/sync/entities';
import type { Mutation } from '../../src-shared/domain/sync/protocol';

export interface NewMutation {
  entity: SyncEntity;
  uid: string;
  op: Mutation['op'];
  fields: WireFields;
  baseRev: number;
}

type Listener = () => void;
const listeners = new WeakMap<Database.Database, Set<Listener>>();

/** Called after a local write commits, so a sync engine pushes at once instead of at the next poll. */
export function onOutboxWrite(sqlite: Database.Database, listener: Listener): () => void {
  let set = listeners.get(sqlite);
  if (!set) listeners.set(sqlite, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function notifyOutbox(sqlite: Database.Database): void {
  for (const listener of listeners.get(sqlite) ?? []) queueMicrotask(listener);
}

export function recordMutation(sqlite: Database.Database, mutation: NewMutation, now: Date): number {
  if (!sqlite.inTransaction) throw new Error('recordMutation must run inside the write transaction');
  const info = sqlite
    .prepare('INSERT INTO sync_outbox (entity, uid, op, fields, base_rev, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(mutation.entity, mutation.uid, mutation.op, JSON.stringify(mutation.fields), mutation.baseRev, now.toISOString());
  return Number(info.lastInsertRowid);
}

interface OutboxRow {
  mutation_id: number;
  entity: SyncEntity;
  uid: string;
  op: Mutation['op'];
  fields: string;
  base_rev: number;
  created_at: string;
}

const toMutation = (row: OutboxRow): Mutation => ({
  id: row.mutation_id,
  entity: row.entity,
  uid: row.uid,
  op: row.op,
  fields: JSON.parse(row.fields) as WireFields,
  baseRev: row.base_rev,
  at: row.created_at,
});

/** The oldest pending mutations: at most `limit`, and no more than `maxChars` of fields (always at least one). */
export function pendingMutations(sqlite: Database.Database, limit: number, maxChars = Infinity): Mutation[] {
  const rows = sqlite.prepare('SELECT * FROM sync_outbox ORDER BY mutation_id LIMIT ?').all(limit) as OutboxRow[];
  let chars = 0;
  const batch: OutboxRow[] = [];
  for (const row of rows) {
    chars += row.fields.length;
    if (batch.length > 0 && chars > maxChars) break;
    batch.push(row);
  }
  return batch.map(toMutation);
}

export function pendingFor(sqlite: Database.Database, uids: Set<string>): Mutation[] {
  if (uids.size === 0) return [];
  const all = sqlite.prepare('SELECT * FROM sync_outbox ORDER BY mutation_id').all() as OutboxRow[];
  return all.filter((row) => uids.has(row.uid)).map(toMutation);
}

export function pendingUids(sqlite: Database.Database): Set<string> {
  return new Set(sqlite.prepare('SELECT DISTINCT uid FROM sync_outbox').pluck().all() as string[]);
}

/** Drops entries the server acknowledged (ids up to lastMutationId). */
export function acknowledge(sqlite: Database.Database, lastMutationId: number): number {
  return sqlite.prepare('DELETE FROM sync_outbox WHERE mutation_id <= ?').run(lastMutationId).changes;
}

export function outboxStats(sqlite: Database.Database): { pending: number; oldestAt: string | null } {
  const row = sqlite.prepare('SELECT count(*) AS n, min(created_at) AS oldest FROM sync_outbox').get() as { n: number; oldest: string | null };
  return { pending: row.n, oldestAt: row.oldest };
}
