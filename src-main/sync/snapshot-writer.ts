// Initial-sync fast path (issue 6: 1 M customers + 1.5 M vehicles onto an empty desk in ≤ 60 s).
// A snapshot page of customers, phones, vehicles or service visits goes in as multi-row plain
// INSERTs: parent ids are resolved once per page (one json_each join instead of a subselect per
// row) and one statement carries dozens of rows. The result must equal DeskRows.write row for
// row (snapshot-writer.property.test.ts checks it), so anything unusual goes through DeskRows:
//  - a uid already on the desk (a pushed local record, a scope change, a restored backup):
//    ON CONFLICT(uid) DO NOTHING leaves it and the whole chunk is written again by DeskRows,
//    whose rev check keeps the newer row (the rows just inserted are unchanged by it);
//  - a customer number held by another row: the chunk's INSERT fails as a whole and DeskRows
//    renumbers row by row (during an initial sync the number index is dropped and
//    bulk-indexes.ts renumbers before rebuilding it);
//  - a row whose parent is not on this desk is skipped, as DeskRows does;
//  - entities without a spec here (conflicts, capability records) use DeskRows.write.
// The page's tombstones (uids the server deleted in the page's range) are removed first, as a
// pulled delete is: the pull after the snapshot starts past them (snapshot-page.ts).
// It runs inside the page's transaction (apply.ts), so a crash leaves all of a page or none.
import type Database from 'better-sqlite3';
import { customerNameKeys, vehicleKeys } from '../../src-shared/domain/customer-keys';
import type { SyncEntity, WireValue } from '../../src-shared/domain/sync/entities';
import { reverseString } from '../../src-shared/domain/text';
import { deskRows, type DeskRows } from './desk-rows';

/** A snapshot row: [uid, rev, ...wire values]. */
type Row = WireValue[];
type ParentTable = 'customers' | 'vehicles';

interface Spec {
  table: string;
  columns: string[];
  /** Row positions of parent uids and the table each is looked up in. */
  parents: { at: number; table: ParentTable }[];
  /** Column values in `columns` order; `ids` are the resolved parent ids in `parents` order. */
  values(row: Row, ids: number[], rows: DeskRows): WireValue[];
}

const b = (v: WireValue | undefined) => (v === null || v === undefined ? null : v ? 1 : 0);
const s = (v: WireValue | undefined) => (v === undefined ? null : v);

const specs: Partial<Record<SyncEntity, Spec>> = {
  customers: {
    table: 'customers',
    columns: ['uid', 'rev', 'number', 'name', 'name_reversed', 'pinyin', 'pinyin_initials', 'gender', 'birthday', 'district', 'address', 'email', 'category', 'membership_tier', 'advisor_id', 'custom_fields'],
    parents: [],
    values(r, _ids, rows) {
      const name = String(r[3] ?? '');
      let pinyin = r[13];
      let initials = r[14];
      if (typeof pinyin !== 'string' || typeof initials !== 'string') {
        const keys = customerNameKeys(name);
        pinyin = keys.pinyin;
        initials = keys.pinyinInitials;
      }
      return [r[0], r[1], r[2], name, reverseString(name), pinyin, initials, s(r[4]), s(r[5]), s(r[6]), s(r[7]), s(r[8]), s(r[9]), s(r[10]), rows.advisorId(r[11] ?? null), r[12] ?? '{}'];
    },
  },
  phones: {
    table: 'phones',
    columns: ['uid', 'rev', 'customer_id', 'kind', 'raw', 'normalized', 'reversed', 'is_primary'],
    parents: [{ at: 2, table: 'customers' }],
    values(r, ids) {
      const normalized = String(r[5] ?? '');
      return [r[0], r[1], ids[0], r[3], r[4], normalized, reverseString(normalized), b(r[6]) ?? 0];
    },
  },
  vehicles: {
    table: 'vehicles',
    columns: [
      'uid', 'rev', 'customer_id', 'plate', 'plate_local', 'plate_reversed', 'vin', 'vin_reversed', 'brand', 'model', 'model_year', 'colour', 'purchase_date', 'mileage_km',
      'mileage_date', 'warranty_end', 'insurance_company', 'insurance_expiry', 'next_inspection', 'next_service_date', 'next_service_km',
    ],
    parents: [{ at: 2, table: 'customers' }],
    values(r, ids) {
      const keys = vehicleKeys(r[3] as string | null, r[4] as string | null);
      const vin = s(r[4]);
      return [
        r[0], r[1], ids[0], s(r[3]), keys.plateLocal, keys.plateReversed, vin, vin === null ? null : keys.vinReversed, s(r[5]), s(r[6]), s(r[7]), s(r[8]), s(r[9]),
        s(r[10]), s(r[11]), s(r[12]), s(r[13]), s(r[14]), s(r[15]), s(r[16]), s(r[17]),
      ];
    },
  },
  service_visits: {
    table: 'service_visits',
    columns: ['uid', 'rev', 'customer_id', 'vehicle_id', 'visit_date', 'kind', 'mileage_km', 'advisor', 'amount_yuan', 'by_appointment'],
    parents: [
      { at: 2, table: 'customers' },
      { at: 3, table: 'vehicles' },
    ],
    values(r, ids) {
      return [r[0], r[1], ids[0], ids[1], r[4], r[5], s(r[6]), s(r[7]), s(r[8]), b(r[9]) ?? 0];
    },
  },
};

/** Bound parameters per multi-row statement (SQLite allows 32,766; beyond ~1,000 nothing is gained). */
const paramsPerStatement = 1000;

export class SnapshotWriter {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly rows: DeskRows;

  constructor(private readonly sqlite: Database.Database) {
    this.rows = deskRows(sqlite);
  }

  /**
   * Removes a snapshot page's tombstones and writes its rows (inside the caller's transaction);
   * returns how many rows were written.
   */
  write(entity: SyncEntity, page: Row[], deleted?: unknown): number {
    if (Array.isArray(deleted)) for (const uid of deleted) if (typeof uid === 'string') this.rows.remove(entity, uid);
    const spec = specs[entity];
    if (!spec) return this.slow(entity, page);
    const parents = spec.parents.map((p) => this.parentIds(p.table, page, p.at));
    const perStatement = Math.max(1, Math.floor(paramsPerStatement / spec.columns.length));
    let written = 0;
    let chunk: Row[] = [];
    let params: WireValue[] = [];
    const flush = () => {
      written += this.insert(entity, spec, chunk, params);
      chunk = [];
      params = [];
    };
    for (const row of page) {
      const ids: number[] = [];
      for (let i = 0; i < parents.length; i++) {
        const id = parents[i].get(row[spec.parents[i].at] as string);
        if (id === undefined) break;
        ids.push(id);
      }
      if (ids.length < parents.length) continue; // no parent on this desk, no row (as DeskRows)
      chunk.push(row);
      for (const value of spec.values(row, ids, this.rows)) params.push(value);
      if (chunk.length === perStatement) flush();
    }
    if (chunk.length) flush();
    return written;
  }

  private insert(entity: SyncEntity, spec: Spec, chunk: Row[], params: WireValue[]): number {
    let inserted: number;
    try {
      inserted = this.statement(spec, chunk.length).run(params).changes;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      return this.slow(entity, chunk);
    }
    if (inserted === chunk.length) return inserted;
    // Some uids were already here: DeskRows decides by rev (re-writing a row just inserted changes nothing).
    return inserted + this.slow(entity, chunk);
  }

  private slow(entity: SyncEntity, page: Row[]): number {
    let written = 0;
    for (const row of page) if (this.rows.write(entity, row[0] as string, row[1] as number, row.slice(2))) written++;
    return written;
  }

  private statement(spec: Spec, rowCount: number): Database.Statement {
    const key = `${spec.table}:${rowCount}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const tuple = `(${spec.columns.map(() => '?').join(', ')})`;
      statement = this.sqlite.prepare(`INSERT INTO ${spec.table} (${spec.columns.join(', ')}) VALUES ${Array(rowCount).fill(tuple).join(', ')} ON CONFLICT(uid) DO NOTHING`);
      this.statements.set(key, statement);
    }
    return statement;
  }

  /** uid → desk id of the parents a page's rows reference, in one lookup. */
  private parentIds(table: ParentTable, page: Row[], at: number): Map<string, number> {
    const uids = new Set<string>();
    for (const row of page) if (typeof row[at] === 'string') uids.add(row[at]);
    const key = `parents:${table}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.sqlite.prepare(`SELECT uid, id FROM ${table} WHERE uid IN (SELECT value FROM json_each(?))`).raw();
      this.statements.set(key, statement);
    }
    return new Map(statement.all(JSON.stringify([...uids])) as [string, number][]);
  }
}

/**
 * Runs a snapshot page's transaction, without foreign-key enforcement when the page cannot break
 * a reference. The spec'd entities' rows get their parent ids from the parent tables inside the
 * same transaction, so every reference they write holds. Deletes need the checks on: the
 * cascades remove children and clear references. So do a page's tombstones and the rebase of
 * pending local writes (apply.ts, which may re-apply a local delete). At 1 M customers the
 * checks re-read a random parent row for every row written: a quarter of a vehicle's write
 * (18.1 against 13.3 µs a row). snapshot-writer.property.test.ts checks foreign_key_check after.
 * The switch must happen outside the transaction, so local writes are looked for twice: another
 * connection (the CLI) may queue one in between, and then the page runs again with the checks.
 */
export function inSnapshotTransaction<T>(sqlite: Database.Database, entity: SyncEntity, deleted: unknown, localWritesPending: () => boolean, body: () => T): T {
  const checked = () => sqlite.transaction(body)();
  const tombstones = Array.isArray(deleted) && deleted.length > 0;
  if (specs[entity] === undefined || tombstones || sqlite.pragma('foreign_keys', { simple: true }) !== 1 || localWritesPending()) return checked();
  let queuedMeanwhile = false;
  sqlite.pragma('foreign_keys = OFF');
  try {
    return sqlite.transaction(() => {
      if ((queuedMeanwhile = localWritesPending())) throw new Error('a local write was queued before the page began');
      return body();
    })();
  } catch (error) {
    if (!queuedMeanwhile) throw error;
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return checked();
}

const writers = new WeakMap<Database.Database, SnapshotWriter>();
export function snapshotWriter(sqlite: Database.Database): SnapshotWriter {
  let writer = writers.get(sqlite);
  if (!writer) writers.set(sqlite, (writer = new SnapshotWriter(sqlite)));
  return writer;
}
