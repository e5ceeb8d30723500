// Capability tables that travel with sync (KB articles, their history and attachments, work
// items and their history, appointments, call records): how a wire record maps onto the desk's
// own table (attachment bytes travel apart, src-main/knowledge/attachment-blobs.ts).
// Their services keep writing their tables with plain SQL; change-capture triggers generated
// here from the same mapping queue every local insert, update and delete in sync_outbox, in
// the same transaction (only the wire fields that changed, with the rev the desk saw). Rows
// the sync engine writes from the server are marked by sync_apply_state.applying = 1 during
// the write, so they are not queued back. Parent references are uids on the wire and integer
// ids on the desk: resolved on write, turned back into uids on read and in the triggers.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { entityFields, fieldType, parentOf, requiredOnCreate, type SyncEntity, type WireValue } from '../../src-shared/domain/sync/entities';
import { reindexArticle } from '../knowledge/article-repository';

export type Tuple = WireValue[];

interface TableSpec {
  table: string;
  /** Desk columns written from the row's own values after the wire columns (e.g. work_items.open). */
  computed?: Record<string, (field: (name: string) => WireValue) => WireValue>;
  /** SET clauses added when the server's row replaces the stored one (optimistic version checks). */
  onReplace?: string;
  /** Unique columns: a server row displaces a local row holding the same value (renamed with a ~suffix). */
  unique?: string[];
  /** A unique column that is unique only per parent (UNIQUE(parent, column)): column → parent field. */
  uniqueWithin?: Record<string, string>;
  afterWrite?: (sqlite: Database.Database, id: number) => void;
}

export const recordTableSpecs: Partial<Record<SyncEntity, TableSpec>> = {
  kb_articles: { table: 'kb_articles', unique: ['slug'], afterWrite: reindexArticle },
  kb_article_versions: { table: 'kb_article_versions' },
  kb_attachments: { table: 'kb_attachments', unique: ['name'], uniqueWithin: { name: 'article' } },
  work_items: {
    table: 'work_items',
    computed: { open: (f) => (f('status') === 'closed' ? 0 : 1) },
    onReplace: 'version = work_items.version + 1',
    unique: ['source_key'],
  },
  work_item_history: { table: 'work_item_history' },
  appointments: { table: 'appointments' },
  call_records: { table: 'call_log' },
};

export function isRecordTable(entity: SyncEntity): boolean {
  return entity in recordTableSpecs;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const parentTables: Partial<Record<SyncEntity, string>> = {
  customers: 'customers', vehicles: 'vehicles', kb_articles: 'kb_articles', work_items: 'work_items',
};

interface Column {
  field: string;
  column: string;
  parentTable: string | null;
  required: boolean;
  bool: boolean;
}

function columnsOf(entity: SyncEntity): Column[] {
  return entityFields[entity].map((field) => {
    const parent = parentOf(entity, field);
    return {
      field,
      column: parent ? `${snake(field)}_id` : snake(field),
      parentTable: parent ? parentTables[parent]! : null,
      required: (requiredOnCreate[entity] as readonly string[]).includes(field),
      bool: fieldType(field) === 'bool',
    };
  });
}

/** The uid of a row that a rule made from `sourceKey`: the same on every desk that runs the rule. */
export function ruleUid(sourceKey: string): string {
  return `r-${createHash('sha256').update(sourceKey).digest('hex').slice(0, 32)}`;
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
    this.idSql = sqlite.prepare(`SELECT id FROM ${t} WHERE uid = ?`).pluck();
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

/** Makes the database's capture triggers match the mappings above (run at every open). */
export function installChangeCapture(sqlite: Database.Database): void {
  const wanted = (Object.keys(recordTableSpecs) as SyncEntity[]).flatMap(changeCaptureTriggers);
  const existing = new Set(sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'`).pluck().all() as string[]);
  // Only ever 1 inside an applying transaction; a write outside one that crashed must not disable capture.
  sqlite.prepare('UPDATE sync_apply_state SET applying = 0 WHERE id = 1 AND applying <> 0').run();
  const names = new Set(wanted.map((w) => w.name));
  if (wanted.every((w) => existing.has(w.name)) && [...existing].every((n) => names.has(n))) return;
  sqlite.transaction(() => {
    for (const name of existing) if (!names.has(name)) sqlite.exec(`DROP TRIGGER ${name}`);
    for (const w of wanted) if (!existing.has(w.name)) sqlite.exec(w.sql);
  })();
}
