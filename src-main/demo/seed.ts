// Loads generated demo customers into an empty desk database. A million customers (1.5 million
// vehicles, 3 million visits, 1.3 GB) cost about 51 s of CPU, a third of it index builds:
//  - one transaction for the whole load, with a rollback journal on disk and synchronous=OFF:
//    nothing is written twice (no WAL copy; pages appended to an empty table are not journaled,
//    so the journal stays small), a failure rolls everything back, and a process killed
//    mid-load leaves a hot journal that SQLite rolls back at the next open: an empty desk,
//    never a corrupt one (a crash never corrupts the database).
//  - foreign keys off during the load (every id is generated in order, and the tests run
//    foreign_key_check), then back to what they were.
//  - every index on the four customer tables is dropped first and re-created at the end from
//    the exact SQL sqlite_master held, so the schema after seeding is the migration's; one
//    sort per index is far cheaper than keeping 16 B-trees in order row by row. The unique
//    indexes are re-created too, which re-checks that uids and numbers are unique.
//  - ANALYZE with a sampling limit, so the planner knows the new table sizes.
import type Database from 'better-sqlite3';
import { DeskError } from '../../src-shared/contract/errors';
import { DemoGenerator } from './generate';
import { advisors as demoAdvisors } from './pools/desk';
import { CustomerRows, customerColumns, insertSql, phoneColumns, vehicleColumns, visitColumns, type Row } from './rows';

export interface SeedOptions {
  customers: number;
  seed?: number;
  /** ISO date every generated date is relative to. */
  today: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  customers: number;
  vehicles: number;
  phones: number;
  visits: number;
  ms: number;
}

export const defaultSeed = 20_240_601;
export const seededTables = ['customers', 'phones', 'vehicles', 'service_visits'] as const;
const progressEvery = 10_000;

export function seedDemoData(sqlite: Database.Database, options: SeedOptions): SeedResult {
  const started = performance.now();
  const total = Math.floor(options.customers);
  if (!Number.isFinite(total) || total < 0) throw new DeskError('invalid-input', `customers must be a non-negative number, got ${options.customers}`);
  const existing = (sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
  if (existing > 0) throw new DeskError('conflict', `the database already holds ${existing} customers; demo data goes into an empty database`);

  const advisors = ensureAdvisors(sqlite);
  const generator = new DemoGenerator({ seed: options.seed ?? defaultSeed, today: options.today, advisors, firstIds: firstIds(sqlite) });
  const restore = loadPragmas(sqlite);
  const counts = { customers: 0, vehicles: 0, phones: 0, visits: 0 };
  try {
    sqlite.exec('BEGIN');
    try {
      const indexes = dropIndexes(sqlite);
      insertAll(sqlite, generator, total, counts, options.onProgress);
      for (const index of indexes) sqlite.exec(index.sql);
      sqlite.exec('COMMIT');
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw error;
    }
  } finally {
    restore();
  }
  const analysisLimit = sqlite.pragma('analysis_limit', { simple: true }) as number;
  sqlite.pragma('analysis_limit = 1000');
  sqlite.exec('ANALYZE');
  sqlite.pragma(`analysis_limit = ${analysisLimit}`);
  return { ...counts, ms: Math.round(performance.now() - started) };
}

function insertAll(
  sqlite: Database.Database,
  generator: DemoGenerator,
  total: number,
  counts: { customers: number; vehicles: number; phones: number; visits: number },
  onProgress: SeedOptions['onProgress'],
): void {
  const customers = new BatchInsert(sqlite, 'customers', customerColumns);
  const phones = new BatchInsert(sqlite, 'phones', phoneColumns);
  const vehicles = new BatchInsert(sqlite, 'vehicles', vehicleColumns);
  const visits = new BatchInsert(sqlite, 'service_visits', visitColumns);
  const rows = new CustomerRows();
  onProgress?.(0, total);
  for (let i = 0; i < total; i++) {
    generator.next(rows);
    customers.add(rows.customer);
    for (let p = 0; p < rows.phoneCount; p++) phones.add(rows.phones[p]);
    for (let v = 0; v < rows.vehicleCount; v++) vehicles.add(rows.vehicles[v]);
    for (let s = 0; s < rows.visitCount; s++) visits.add(rows.visits[s]);
    counts.phones += rows.phoneCount;
    counts.vehicles += rows.vehicleCount;
    counts.visits += rows.visitCount;
    counts.customers++;
    if (onProgress && counts.customers % progressEvery === 0) onProgress(counts.customers, total);
  }
  for (const batch of [customers, phones, vehicles, visits]) batch.flush();
  if (onProgress && counts.customers % progressEvery !== 0) onProgress(counts.customers, total);
}

/**
 * Multi-row INSERT of `rowsPerStatement` rows: one native call and one result object per 32
 * rows instead of per row (about a tenth off the load).
 */
class BatchInsert {
  private static readonly rowsPerStatement = 32;
  private readonly many: Database.Statement;
  private readonly one: Database.Statement;
  private readonly buffer: Row;
  private filled = 0;

  constructor(
    sqlite: Database.Database,
    table: string,
    private readonly columns: readonly string[],
  ) {
    this.many = sqlite.prepare(insertSql(table, columns, BatchInsert.rowsPerStatement));
    this.one = sqlite.prepare(insertSql(table, columns));
    this.buffer = new Array(columns.length * BatchInsert.rowsPerStatement).fill(null);
  }

  add(row: Row): void {
    const width = this.columns.length;
    const offset = this.filled * width;
    for (let i = 0; i < width; i++) this.buffer[offset + i] = row[i];
    if (++this.filled === BatchInsert.rowsPerStatement) {
      this.many.run(this.buffer);
      this.filled = 0;
    }
  }

  flush(): void {
    const width = this.columns.length;
    for (let r = 0; r < this.filled; r++) this.one.run(this.buffer.slice(r * width, (r + 1) * width));
    this.filled = 0;
  }
}

/** The demo advisors, added when their codes are missing; returns ids and names. */
function ensureAdvisors(sqlite: Database.Database): { id: number; name: string }[] {
  const insert = sqlite.prepare('INSERT OR IGNORE INTO advisors (code, name, group_name) VALUES (?, ?, ?)');
  const find = sqlite.prepare('SELECT id, name FROM advisors WHERE code = ?');
  return sqlite.transaction(() =>
    demoAdvisors.map((a) => {
      insert.run(a.code, a.name, a.group);
      return find.get(a.code) as { id: number; name: string };
    }),
  )();
}

function firstIds(sqlite: Database.Database): { customer: number; phone: number; vehicle: number; visit: number } {
  const next = (table: string) => (sqlite.prepare(`SELECT coalesce(max(id), 0) + 1 AS n FROM ${table}`).get() as { n: number }).n;
  return { customer: next('customers'), phone: next('phones'), vehicle: next('vehicles'), visit: next('service_visits') };
}

interface SavedIndex {
  name: string;
  sql: string;
}

/** Drops the explicit indexes of the seeded tables, returning their SQL in creation order. */
function dropIndexes(sqlite: Database.Database): SavedIndex[] {
  const indexes = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
       AND tbl_name IN (${seededTables.map(() => '?').join(', ')}) ORDER BY rowid`,
    )
    .all(...seededTables) as SavedIndex[];
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  return indexes;
}

/** Bulk-load settings; returns a function putting the connection's own settings back. */
function loadPragmas(sqlite: Database.Database): () => void {
  const saved = {
    journal: sqlite.pragma('journal_mode', { simple: true }) as string,
    synchronous: sqlite.pragma('synchronous', { simple: true }) as number,
    foreignKeys: sqlite.pragma('foreign_keys', { simple: true }) as number,
    cacheSize: sqlite.pragma('cache_size', { simple: true }) as number,
    threads: sqlite.pragma('threads', { simple: true }) as number,
  };
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('synchronous = OFF');
  try {
    sqlite.pragma('journal_mode = DELETE');
  } catch {
    // Another connection holds the WAL file open: the load then runs in WAL mode, only slower.
  }
  // 256 MB of page cache: the sorts of CREATE INDEX run in memory; threads lets the sorter use
  // a second core.
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('threads = 2');
  return () => {
    sqlite.pragma(`journal_mode = ${saved.journal}`);
    sqlite.pragma(`synchronous = ${saved.synchronous}`);
    sqlite.pragma(`foreign_keys = ${saved.foreignKeys}`);
    sqlite.pragma(`cache_size = ${saved.cacheSize}`);
    sqlite.pragma(`threads = ${saved.threads}`);
  };
}
