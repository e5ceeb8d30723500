// The reads and writes of one push group (push.ts), in as few statements as the group allows:
// all the work happens under the dealership lock, where every round trip delays every desk
// (issue 6, push_200_desks). The records a group names — mutated ones, the parents its fields
// reference, the unique values (customers.number, kb_articles.slug) it writes — are read up
// front, one SELECT per entity; inserts and updates wait in a buffer and go out together with
// the applied_mutations rows and the group's final update as one statement.
// Invariant: anything else sent to the database goes through `direct`, which sends the buffer
// first, so every statement sees exactly what applying the mutations one by one would have left.
// The cached rows mirror the buffered writes; direct writes to records update or drop them.
// Buffered inserts list only the columns given: synced columns have no defaults (db/schema.ts),
// so a column left out is NULL in the cached row as in the table.
import { entityParents, type SyncEntity, type WireFields, type WireValue } from '../../src-shared/domain/sync/entities';
import type { Mutation } from '../../src-shared/domain/sync/protocol';
import { columnOf, selectColumns, type StoredRow } from './records';
import type { Sql } from './sql';

export type CachedRow = StoredRow & { field_revs: Record<string, number> };

interface PendingWrite {
  entity: SyncEntity;
  uid: string;
  rev: number;
  /** Column → value. */
  values: Record<string, WireValue>;
  /** Field revs set by this write, merged into the stored ones. */
  fieldRevs: Record<string, number>;
}

export class GroupWrites {
  private readonly rows = new Map<SyncEntity, Map<string, CachedRow | null>>();
  private readonly inserts = new Map<string, PendingWrite>();
  private readonly updates = new Map<string, PendingWrite>();
  private readonly records: Record<string, unknown>[] = [];
  /** Per entity with a unique field: value → uids holding it (read at the start, or written since). */
  private readonly holders = new Map<SyncEntity, Map<string, Set<string>>>();

  constructor(
    private readonly tx: Sql,
    private readonly dealershipId: number,
    private readonly uniqueFields: Partial<Record<SyncEntity, string>>,
  ) {}

  /** Reads every record the mutations name or reference, and who holds the unique values they write. */
  async prefetch(mutations: Mutation[]): Promise<void> {
    const uids = new Map<SyncEntity, Set<string>>();
    const values = new Map<SyncEntity, Set<string>>();
    const want = (map: Map<SyncEntity, Set<string>>, entity: SyncEntity, value: string) => {
      if (!map.has(entity)) map.set(entity, new Set());
      map.get(entity)!.add(value);
    };
    for (const m of mutations) {
      want(uids, m.entity, m.uid);
      for (const { field, entity } of entityParents[m.entity]) if (typeof m.fields[field] === 'string') want(uids, entity, m.fields[field]);
      const unique = this.uniqueFields[m.entity];
      if (unique && typeof m.fields[unique] === 'string') want(values, m.entity, m.fields[unique]);
    }
    for (const [entity, set] of uids) {
      const found = await this.tx.query<CachedRow>(
        `SELECT ${selectColumns(entity)}, field_revs FROM ${entity} WHERE dealership_id = $1 AND uid = ANY($2::text[])`,
        [this.dealershipId, [...set]],
      );
      const cache = this.cacheOf(entity);
      for (const uid of set) cache.set(uid, null);
      for (const row of found) cache.set(row.uid, row);
    }
    for (const [entity, set] of values) {
      const column = columnOf(this.uniqueFields[entity]!);
      const held = await this.tx.query<{ value: string; uid: string }>(
        `SELECT ${column} AS value, uid FROM ${entity} WHERE dealership_id = $1 AND ${column} = ANY($2::text[]) AND NOT deleted`,
        [this.dealershipId, [...set]],
      );
      const map = new Map<string, Set<string>>([...set].map((v) => [v, new Set<string>()]));
      for (const { value, uid } of held) map.get(value)?.add(uid);
      this.holders.set(entity, map);
    }
  }

  async load(entity: SyncEntity, uid: string): Promise<CachedRow | null> {
    const cache = this.cacheOf(entity);
    if (cache.has(uid)) return cache.get(uid)!;
    const [row] = await this.direct<CachedRow>(`SELECT ${selectColumns(entity)}, field_revs FROM ${entity} WHERE dealership_id = $1 AND uid = $2`, [this.dealershipId, uid]);
    cache.set(uid, row ?? null);
    return row ?? null;
  }

  /** Any statement outside the buffer: the buffer goes first. */
  async direct<T = Record<string, unknown>>(text: string, params: unknown[]): Promise<T[]> {
    await this.flush();
    return this.tx.query<T>(text, params);
  }

  /**
   * True when no record other than `uid` can hold `value` of the entity's unique field: nobody
   * held it when the group started and nothing in the group wrote it since. False means "ask
   * the database" (after a flush), never "taken".
   */
  knownFree(entity: SyncEntity, value: string, uid: string): boolean {
    const holders = this.holders.get(entity)?.get(value);
    return holders !== undefined && [...holders].every((h) => h === uid);
  }

  insert(entity: SyncEntity, uid: string, rev: number, values: WireFields, fieldRevs: Record<string, number>): void {
    const columns = columnsOf(values);
    this.inserts.set(`${entity}\n${uid}`, { entity, uid, rev, values: columns, fieldRevs: { ...fieldRevs } });
    this.claim(entity, uid, values);
    this.cacheOf(entity).set(uid, { uid, rev, deleted: false, field_revs: { ...fieldRevs }, ...columns });
  }

  /** Sets the fields (and deleted = false), merged into a pending insert or update of the same record. */
  update(entity: SyncEntity, current: CachedRow, rev: number, values: WireFields, fieldRevs: Record<string, number>): void {
    const key = `${entity}\n${current.uid}`;
    const columns = columnsOf(values);
    const pending = this.inserts.get(key) ?? this.updates.get(key);
    if (pending) {
      Object.assign(pending.values, columns);
      Object.assign(pending.fieldRevs, fieldRevs);
      pending.rev = rev;
    } else {
      this.updates.set(key, { entity, uid: current.uid, rev, values: columns, fieldRevs: { ...fieldRevs } });
    }
    this.claim(entity, current.uid, { ...this.uniqueOf(entity, current), ...values });
    this.cacheOf(entity).set(current.uid, { ...current, ...columns, rev, deleted: false, field_revs: { ...current.field_revs, ...fieldRevs } });
  }

  /** A direct write tombstoned the record. */
  tombstoned(entity: SyncEntity, uid: string, rev: number): void {
    const row = this.cacheOf(entity).get(uid);
    if (row) this.cacheOf(entity).set(uid, { ...row, deleted: true, rev });
  }

  /** A direct write changed records of the entity: read them again when needed. */
  forget(entity: SyncEntity, uid?: string): void {
    if (uid === undefined) this.rows.delete(entity);
    else this.rows.get(entity)?.delete(uid);
  }

  /** An applied_mutations row, written with the buffer. */
  record(row: { deskId: string; mutationId: number; rev: number; entity: SyncEntity; uid: string; outcome: string; userId: number }): void {
    this.records.push({
      dealership_id: this.dealershipId, desk_id: row.deskId, mutation_id: row.mutationId, rev: row.rev, entity: row.entity, uid: row.uid, outcome: row.outcome, user_id: row.userId,
    });
  }

  /**
   * Sends the buffer as one statement (each batch a data-modifying WITH query: they touch
   * different rows, so their order does not matter), with `tail` — statements of the caller's,
   * given a function that adds a parameter and names it — as its last parts.
   */
  async flush(tail?: (param: (value: unknown) => string) => string[]): Promise<void> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const parts: string[] = [];
    for (const [writes, statement] of [[this.inserts, insertStatement], [this.updates, updateStatement]] as const) {
      const batches = new Map<string, PendingWrite[]>();
      for (const write of writes.values()) {
        const key = `${write.entity}\n${Object.keys(write.values).sort().join(',')}`;
        if (!batches.has(key)) batches.set(key, []);
        batches.get(key)!.push(write);
      }
      writes.clear();
      for (const batch of batches.values()) {
        const rows = batch.map((w) => ({ ...w.values, uid: w.uid, rev: w.rev, field_revs: w.fieldRevs }));
        parts.push(statement(batch[0].entity, Object.keys(batch[0].values), param(this.dealershipId), param(JSON.stringify(rows))));
      }
    }
    if (this.records.length > 0) {
      parts.push(
        `INSERT INTO applied_mutations (dealership_id, desk_id, mutation_id, rev, entity, uid, outcome, user_id)
         SELECT dealership_id, desk_id, mutation_id, rev, entity, uid, outcome, user_id FROM jsonb_populate_recordset(NULL::applied_mutations, ${param(JSON.stringify(this.records.splice(0)))}::jsonb)`,
      );
    }
    if (tail) parts.push(...tail(param));
    if (parts.length === 0) return;
    const last = parts.pop()!;
    await this.tx.query(parts.length === 0 ? last : `WITH ${parts.map((part, i) => `w${i} AS (${part})`).join(', ')} ${last}`, params);
  }

  private cacheOf(entity: SyncEntity): Map<string, CachedRow | null> {
    let cache = this.rows.get(entity);
    if (!cache) this.rows.set(entity, (cache = new Map()));
    return cache;
  }

  private uniqueOf(entity: SyncEntity, row: CachedRow): WireFields {
    const field = this.uniqueFields[entity];
    return field ? { [field]: (row[columnOf(field)] as WireValue) ?? null } : {};
  }

  /** The record now holds the unique value it writes (an undelete: the one it already had). */
  private claim(entity: SyncEntity, uid: string, values: WireFields): void {
    const field = this.uniqueFields[entity];
    const value = field ? values[field] : undefined;
    if (typeof value !== 'string') return;
    let map = this.holders.get(entity);
    if (!map) this.holders.set(entity, (map = new Map()));
    // A value not read at the start may be held by anyone: '' (never a uid) keeps it "not known free".
    if (!map.has(value)) map.set(value, new Set(['']));
    map.get(value)!.add(uid);
  }
}

function columnsOf(values: WireFields): Record<string, WireValue> {
  return Object.fromEntries(Object.entries(values).map(([field, value]) => [columnOf(field), value]));
}

function insertStatement(entity: SyncEntity, columns: string[], dealership: string, rows: string): string {
  const list = columns.map((c) => `, ${c}`).join('');
  return `INSERT INTO ${entity} (dealership_id, uid, rev, deleted, field_revs${list})
    SELECT ${dealership}::int, uid, rev, false, field_revs${list} FROM jsonb_populate_recordset(NULL::${entity}, ${rows}::jsonb)`;
}

function updateStatement(entity: SyncEntity, columns: string[], dealership: string, rows: string): string {
  return `UPDATE ${entity} t SET rev = v.rev, deleted = false, field_revs = t.field_revs || v.field_revs${columns.map((c) => `, ${c} = v.${c}`).join('')}
    FROM jsonb_populate_recordset(NULL::${entity}, ${rows}::jsonb) v WHERE t.dealership_id = ${dealership}::int AND t.uid = v.uid`;
}
