// Capability tables that travel with sync (KB articles, their history and attachments, work
// items and their history, appointments, call records, and since sync schema 4 sales, insurance,
// membership, win-back, quality review, questionnaires, surveys and messaging): how a wire
// record maps onto the desk's own table (record-table-specs.ts; attachment bytes travel apart,
// src-main/knowledge/attachment-blobs.ts).
// Their services keep writing their tables with plain SQL; change-capture triggers generated
// here from the same mapping queue every local insert, update and delete in sync_outbox, in
// the same transaction (only the wire fields that changed, with the rev the desk saw). Rows
// the sync engine writes from the server are marked by sync_apply_state.applying = 1 during
// the write, so they are not queued back. Parent references are uids on the wire and integer
// ids on the desk: resolved on write, turned back into uids on read and in the triggers.
import type Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { entityFields, fieldType, parentOf, requiredOnCreate, syncEntities, type SyncEntity, type WireValue } from '../../src-shared/domain/sync/entities';
import { recordTableSpecs, type TableSpec } from './record-table-specs';
import { ruleUid } from './record-uids';

export { recordTableSpecs };
export { recordUids, ruleUid } from './record-uids';

export type Tuple = WireValue[];

export function isRecordTable(entity: SyncEntity): boolean {
  return entity in recordTableSpecs;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const parentTables: Partial<Record<SyncEntity, string>> = {
  customers: 'customers', vehicles: 'vehicles', kb_articles: 'kb_articles', work_items: 'work_items',
  leads: 'leads', stock_cars: 'stock_cars', sales_orders: 'sales_orders', policies: 'policies', surveys: 'surveys',
};

interface Column {
  field: string;
  column: string;
  parentTable: string | null;
  required: boolean;
  bool: boolean;
}

function columnsOf(entity: SyncEntity): Column[] {
  const named = recordTableSpecs[entity]?.columns ?? {};
  return entityFields[entity].map((field) => {
    const parent = parentOf(entity, field);
    return {
      field,
      column: named[field] ?? (parent ? `${snake(field)}_id` : snake(field)),
      parentTable: parent ? parentTables[parent]! : null,
      required: (requiredOnCreate[entity] as readonly string[]).includes(field),
      bool: fieldType(field) === 'bool',
    };
  });
}

class RecordTable {
  private readonly columns: Column[];
  private readonly writeSql: Database.Statement;
  private readonly readSql: Database.Statement;
  private readonly removeSql: Database.Statement;
  private readonly idSql: Database.Statement;
  private readonly computedNames: string[];

  constructor(
    private readonly sqlite: Database.Database,
    readonly entity: SyncEntity,
    private readonly spec: TableSpec,
  ) {
    const t = spec.table;
    this.columns = columnsOf(entity);
    this.computedNames = Object.keys(spec.computed ?? {});
    // A required parent that is not on this desk: the SELECT yields no row, nothing is written.
    const required = this.columns.filter((c) => c.parentTable && c.required);
    const select = this.columns.map((c) => {
      if (!c.parentTable) return '?';
      return c.required ? `p_${c.column}.id` : `(SELECT id FROM ${c.parentTable} WHERE uid = ?)`;
    });
    const from = required.length
      ? ` FROM ${required.map((c) => `${c.parentTable} p_${c.column}`).join(', ')} WHERE ${required.map((c) => `p_${c.column}.uid = ?`).join(' AND ')}`
      : '';
    const names = ['uid', 'rev', ...this.columns.map((c) => c.column), ...this.computedNames];
    const set = names.filter((n) => n !== 'uid').map((n) => `${n} = excluded.${n}`);
    if (spec.onReplace) set.push(spec.onReplace);
    // An optional parent that was not on the desk left its reference empty; the same row sent
    // again at the same rev (the pull after a snapshot that began before the parent existed)
    // fills it in now that the parent is here.
    const unresolved = this.columns
      .filter((c) => c.parentTable && !c.required)
      .map((c) => `(${t}.${c.column} IS NULL AND excluded.${c.column} IS NOT NULL)`);
    const sameRevFill = unresolved.length ? ` OR (excluded.rev = ${t}.rev AND (${unresolved.join(' OR ')}))` : '';
    this.writeSql = sqlite.prepare(
      `INSERT INTO ${t} (${names.join(', ')}) SELECT ?, ?, ${[...select, ...this.computedNames.map(() => '?')].join(', ')}${from}
       ON CONFLICT(uid) DO UPDATE SET ${set.join(', ')} WHERE ? OR excluded.rev > ${t}.rev${sameRevFill}`,
    );
    const read = this.columns.map((c) => (c.parentTable ? `(SELECT uid FROM ${c.parentTable} WHERE id = t.${c.column})` : `t.${c.column}`));
    this.readSql = sqlite.prepare(`SELECT t.rev, ${read.join(', ')} FROM ${t} t WHERE t.uid = ?`).raw();
    this.removeSql = sqlite.prepare(`DELETE FROM ${t} WHERE uid = ?`);
    this.idSql = sqlite.prepare(`SELECT rowid FROM ${t} WHERE uid = ?`).pluck();
  }

  write(uid: string, rev: number, v: Tuple, force: boolean): boolean {
    const values = this.columns.map((c, i) => {
      const value = v[i] ?? null;
      return c.bool && value !== null ? (value ? 1 : 0) : value;
    });
    const byField = (name: string) => v[this.columns.findIndex((c) => c.field === name)] ?? null;
    const computed = this.computedNames.map((n) => this.spec.computed![n](byField));
    const requiredParents = this.columns.flatMap((c, i) => (c.parentTable && c.required ? [values[i]] : []));
    const selectValues = this.columns.flatMap((c, i) => (c.parentTable && c.required ? [] : [values[i]]));
    const params = [uid, rev, ...selectValues, ...computed, ...requiredParents, force ? 1 : 0];
    const written = asServerWrite(this.sqlite, () => this.runDisplacing(uid, params, force, byField));
    if (written && this.spec.afterWrite) this.spec.afterWrite(this.sqlite, this.idSql.get(uid) as number);
    return written;
  }

  private runDisplacing(uid: string, params: unknown[], force: boolean, byField: (name: string) => WireValue): boolean {
    for (let attempt = 0; ; attempt++) {
      try {
        return this.writeSql.run(params).changes > 0;
      } catch (error) {
        const column = this.uniqueColumnOf(error);
        if (!column || attempt > 2) throw error;
        const i = this.columns.findIndex((c) => c.column === column);
        const valueAt = 2 + this.columns.slice(0, i).filter((c) => !(c.parentTable && c.required)).length;
        const value = params[valueAt];
        // A local write yields to the row already here; a row from the server displaces the local holder.
        if (force) params[valueAt] = `${String(value)}~${uid.slice(0, 12)}`;
        else {
          const within = this.spec.uniqueWithin?.[column];
          const parent = within ? this.columns.find((c) => c.field === within) : undefined;
          const holder = (parent
            ? this.sqlite
                .prepare(`SELECT uid FROM ${this.spec.table} WHERE ${column} = ? AND uid <> ? AND ${parent.column} = (SELECT id FROM ${parent.parentTable} WHERE uid = ?)`)
                .pluck()
                .get(value, uid, byField(parent.field))
            : this.sqlite.prepare(`SELECT uid FROM ${this.spec.table} WHERE ${column} = ? AND uid <> ?`).pluck().get(value, uid)) as string | undefined;
          if (!holder) throw error;
          this.sqlite.prepare(`UPDATE ${this.spec.table} SET ${column} = ? WHERE uid = ?`).run(`${String(value)}~${holder.slice(0, 12)}`, holder);
        }
      }
    }
  }

  private uniqueColumnOf(error: unknown): string | null {
    if (!(error instanceof Error) || (error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') return null;
    return this.spec.unique?.find((c) => error.message.includes(`${this.spec.table}.${c}`)) ?? null;
  }

  read(uid: string): { rev: number; values: Tuple } | null {
    const row = this.readSql.get(uid) as WireValue[] | undefined;
    if (!row) return null;
    const values = row.slice(1).map((value, i) => (this.columns[i].bool && value !== null ? Boolean(value) : value));
    return { rev: Number(row[0]), values };
  }

  remove(uid: string): boolean {
    return asServerWrite(this.sqlite, () => this.removeSql.run(uid).changes > 0);
  }
}

/** Runs a write of server data with change capture off (inside the caller's transaction). */
export function asServerWrite<T>(sqlite: Database.Database, fn: () => T): T {
  const set = sqlite.prepare('UPDATE sync_apply_state SET applying = ? WHERE id = 1');
  set.run(1);
  try {
    return fn();
  } finally {
    set.run(0);
  }
}

/** Local writes that must not travel to the server (demo content seeded on a fresh desk). */
export function withoutChangeCapture<T>(sqlite: Database.Database, fn: () => T): T {
  return sqlite.transaction(() => asServerWrite(sqlite, fn))();
}

const tables = new WeakMap<Database.Database, Map<SyncEntity, RecordTable>>();
export function recordTable(sqlite: Database.Database, entity: SyncEntity): RecordTable {
  let map = tables.get(sqlite);
  if (!map) tables.set(sqlite, (map = new Map()));
  let table = map.get(entity);
  if (!table) {
    const spec = recordTableSpecs[entity];
    if (!spec) throw new Error(`${entity} is not a capability record table`);
    map.set(entity, (table = new RecordTable(sqlite, entity, spec)));
  }
  return table;
}

/** Trigger SQL that queues local changes of one table (see the file header). */
export function changeCaptureTriggers(entity: SyncEntity): { name: string; sql: string }[] {
  const spec = recordTableSpecs[entity]!;
  const t = spec.table;
  const columns = columnsOf(entity);
  const when = 'WHEN (SELECT applying FROM sync_apply_state WHERE id = 1) = 0';
  const at = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
  const json = (c: Column, row: 'NEW' | 'OLD') => {
    if (c.parentTable) return `json_quote((SELECT uid FROM ${c.parentTable} WHERE id = ${row}.${c.column}))`;
    if (c.bool) return `CASE WHEN ${row}.${c.column} IS NULL THEN 'null' WHEN ${row}.${c.column} THEN 'true' ELSE 'false' END`;
    return `json_quote(${row}.${c.column})`;
  };
  const fieldsFrom = (filter: (c: Column) => string) =>
    columns.map((c) => `SELECT '${c.field}' AS k, ${json(c, 'NEW')} AS v WHERE ${filter(c)}`).join(' UNION ALL ');
  const outbox = 'INSERT INTO sync_outbox (entity, uid, op, fields, base_rev, created_at)';
  const triggers = [
    {
      name: `sync_capture_${t}_insert`,
      sql: `CREATE TRIGGER sync_capture_${t}_insert AFTER INSERT ON ${t} ${when} BEGIN
  ${outbox} SELECT '${entity}', NEW.uid, 'upsert', json_group_object(k, json(v)), NEW.rev, ${at}
  FROM (${fieldsFrom((c) => `NEW.${c.column} IS NOT NULL`)});
END`,
    },
    {
      name: `sync_capture_${t}_update`,
      sql: `CREATE TRIGGER sync_capture_${t}_update AFTER UPDATE ON ${t} ${when} BEGIN
  ${outbox} SELECT '${entity}', NEW.uid, 'upsert', json_group_object(k, json(v)), OLD.rev, ${at}
  FROM (${fieldsFrom((c) => `NEW.${c.column} IS NOT OLD.${c.column}`)}) HAVING count(*) > 0;
END`,
    },
    {
      name: `sync_capture_${t}_delete`,
      sql: `CREATE TRIGGER sync_capture_${t}_delete AFTER DELETE ON ${t} ${when} BEGIN
  ${outbox} VALUES ('${entity}', OLD.uid, 'delete', '{}', OLD.rev, ${at});
END`,
    },
  ];
  // The trigger's name carries a hash of its text, so a changed mapping replaces the old trigger.
  return triggers.map((tr) => {
    const name = `${tr.name}_${createHash('sha256').update(tr.sql).digest('hex').slice(0, 8)}`;
    return { name, sql: tr.sql.replace(`CREATE TRIGGER ${tr.name} `, `CREATE TRIGGER ${name} `) };
  });
}

/**
 * Makes the database's capture triggers match the mappings (run at every open). Before that,
 * rows stored before their table synced get the uid their natural key gives (record-uids.ts);
 * a table that gets capture for the first time has its existing rows queued for the server
 * (rev 0: never on it), parents' tables first, so what a desk held before the upgrade is shared.
 */
export function installChangeCapture(sqlite: Database.Database): void {
  const entities = syncEntities.filter((e) => e in recordTableSpecs);
  const wanted = entities.flatMap(changeCaptureTriggers);
  const existing = new Set(sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'`).pluck().all() as string[]);
  // Only ever 1 inside an applying transaction; a write outside one that crashed must not disable capture.
  sqlite.prepare('UPDATE sync_apply_state SET applying = 0 WHERE id = 1 AND applying <> 0').run();
  giveNaturalUids(sqlite, entities);
  const names = new Set(wanted.map((w) => w.name));
  if (wanted.every((w) => existing.has(w.name)) && [...existing].every((n) => names.has(n))) return;
  const captured = (entity: SyncEntity) => {
    const t = recordTableSpecs[entity]!.table;
    return [...existing].some((n) => ['insert', 'update', 'delete'].some((op) => n.startsWith(`sync_capture_${t}_${op}_`)));
  };
  const adopt = entities.filter((e) => !captured(e));
  sqlite.transaction(() => {
    for (const name of existing) if (!names.has(name)) sqlite.exec(`DROP TRIGGER ${name}`);
    for (const w of wanted) if (!existing.has(w.name)) sqlite.exec(w.sql);
    for (const entity of adopt) sqlite.exec(queueExistingSql(entity));
  })();
}

function giveNaturalUids(sqlite: Database.Database, entities: SyncEntity[]): void {
  for (const entity of entities) {
    const spec = recordTableSpecs[entity]!;
    if (!spec.naturalKey) continue;
    const rows = sqlite.prepare(`SELECT t.rowid, ${spec.naturalKey} FROM ${spec.table} t WHERE t.uid IS NULL`).raw().all() as [number, string | null][];
    if (rows.length === 0) continue;
    const set = sqlite.prepare(`UPDATE ${spec.table} SET uid = ? WHERE rowid = ?`);
    sqlite.transaction(() => {
      for (const [rowid, key] of rows) set.run(key === null ? randomUUID() : ruleUid(key), rowid);
    })();
  }
}

/** INSERT … SELECT queuing every row of the table not yet on the server nor in the outbox. */
function queueExistingSql(entity: SyncEntity): string {
  const t = recordTableSpecs[entity]!.table;
  const fields = columnsOf(entity)
    .map((c) => {
      const value = c.parentTable
        ? `json_quote((SELECT uid FROM ${c.parentTable} WHERE id = t.${c.column}))`
        : c.bool ? `CASE WHEN t.${c.column} IS NULL THEN 'null' WHEN t.${c.column} THEN 'true' ELSE 'false' END` : `json_quote(t.${c.column})`;
      return `SELECT '${c.field}' AS k, ${value} AS v WHERE t.${c.column} IS NOT NULL`;
    })
    .join(' UNION ALL ');
  return `INSERT INTO sync_outbox (entity, uid, op, fields, base_rev, created_at)
    SELECT '${entity}', t.uid, 'upsert', (SELECT json_group_object(k, json(v)) FROM (${fields})), 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
    FROM ${t} t WHERE t.rev = 0 AND t.uid IS NOT NULL AND t.uid NOT IN (SELECT uid FROM sync_outbox) ORDER BY t.rowid`;
}
