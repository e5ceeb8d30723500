// Initial sync onto an empty desk builds the secondary (search) indexes once at the end
// instead of keeping 13 B-trees in order row by row, as the demo seed does. The dropped
// indexes' SQL is saved first, so a desk killed mid-snapshot puts them back when the
// snapshot resumes and finishes. The uid indexes stay: the upserts need them (ON CONFLICT).
// The unique customer number index goes too: snapshot pages come in uid order, so numbers
// arrive at random and every page commit rewrote (and re-encrypted) most of that index's
// leaves. Numbers are unique on the server at any instant, but two pages read at different
// times can show one number on two rows (a number moved while the snapshot ran), and a local
// create during the snapshot may take a server row's number: before the index is rebuilt the
// rows that are not the newest holder get a provisional number (number~uid prefix), as
// DeskRows does on a unique-number error; the catch-up pull then brings the real numbers.
import type Database from 'better-sqlite3';
import { syncState } from './sync-state';

const tables = ['customers', 'phones', 'vehicles', 'service_visits'];
/** Unique indexes that no snapshot write depends on. */
const droppableUnique = ['customers_number'];
/**
 * Kept: keyed by id, so rows append to it in insert order as they do to the table, and search
 * hydration names it (INDEXED BY in search-service.ts).
 */
const kept = ['customers_search_hit'];

export function dropBulkIndexes(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    const indexes = sqlite
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})
         AND (sql NOT LIKE 'CREATE UNIQUE%' OR name IN (${droppableUnique.map(() => '?').join(', ')}))
         AND name NOT IN (${kept.map(() => '?').join(', ')}) ORDER BY rowid`,
      )
      .all(...tables, ...droppableUnique, ...kept) as { name: string; sql: string }[];
    syncState.setDroppedIndexes(sqlite, [...syncState.droppedIndexes(sqlite), ...indexes.map((i) => i.sql)]);
    for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  })();
}

export function restoreBulkIndexes(sqlite: Database.Database): void {
  let saved = syncState.droppedIndexes(sqlite);
  if (saved.length === 0) return;
  // A table at a time, each in its own transaction: the table's pages, read by its sort bound
  // (sortsFitInMemory), are still in the page cache for its first CREATE INDEX.
  while (saved.length > 0) {
    const table = tableOf(saved[0]);
    const group = saved.filter((sql) => tableOf(sql) === table);
    const rest = saved.filter((sql) => tableOf(sql) !== table);
    // See sortsFitInMemory: a file-backed sorter that never writes its file sorts twice as fast.
    const fileSorter = sortsFitInMemory(sqlite, group);
    if (fileSorter) sqlite.pragma('temp_store = FILE');
    try {
      sqlite.transaction(() => {
        for (const sql of group) createIndex(sqlite, sql);
        syncState.setDroppedIndexes(sqlite, rest);
      })();
    } finally {
      if (fileSorter) sqlite.pragma('temp_store = MEMORY');
    }
    saved = rest;
  }
  sqlite.pragma('analysis_limit = 1000');
  sqlite.exec('ANALYZE');
}

function createIndex(sqlite: Database.Database, sql: string): void {
  const create = sql.replace(/^CREATE (UNIQUE )?INDEX /i, (_, unique: string | undefined) => `CREATE ${unique ?? ''}INDEX IF NOT EXISTS `);
  try {
    sqlite.exec(create);
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE' || !/customers_number/.test(sql)) throw error;
    renumberDuplicates(sqlite);
    sqlite.exec(create);
  }
}

const tableOf = (indexSql: string) => /\bON\s+[`"]?(\w+)/i.exec(indexSql)?.[1] ?? '';

/** SQLITE_MAX_PMASZ: the most SQLite's sorter keeps in memory before it writes a sorted run out. */
const sorterRunLimit = 512 * 1024 * 1024;
/** An index key's bytes beyond the table row's: rowid, record header, the sorter's list link. */
const sortOverheadPerRow = 48;

/**
 * Whether every index about to be built sorts within one in-memory run of SQLite's sorter.
 * The desk runs with temp_store = MEMORY (open.ts) because SQLite3MultipleCiphers does not
 * encrypt temp files. With it the sorter mallocs every key apart and sorts one long linked
 * list; measured on 1 M customers, the rebuild took 25–28 s that way. With temp_store = FILE
 * it fills one buffer up to the page cache's size (at most SQLITE_MAX_PMASZ) and writes a
 * temp file only beyond that: 15 s, and no file opened (strace). So FILE is used only when no
 * sort can outgrow that buffer. A key is at most its table row plus the overhead, and dbstat
 * gives the tables' exact payload.
 */
export function sortsFitInMemory(sqlite: Database.Database, indexSql: string[]): boolean {
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const run = Math.min(sorterRunLimit, cacheSize < 0 ? -cacheSize * 1024 : cacheSize * pageSize);
  const stat = sqlite.prepare(`SELECT payload, ncell FROM dbstat('main', 1) WHERE name = ?`);
  const indexed = new Set(indexSql.map(tableOf));
  for (const table of indexed) {
    const size = stat.get(table) as { payload: number | null; ncell: number | null } | undefined;
    if (!table || (size?.payload ?? 0) + (size?.ncell ?? 0) * sortOverheadPerRow >= run) return false;
  }
  return true;
}

/** Every customer number held by more than one row stays with the newest row (highest rev). */
function renumberDuplicates(sqlite: Database.Database): void {
  sqlite.exec(`CREATE TEMP TABLE bulk_number_losers AS
    SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY number ORDER BY rev DESC, id DESC) AS k FROM customers
                    WHERE number IN (SELECT number FROM customers GROUP BY number HAVING count(*) > 1))
    WHERE k > 1`);
  sqlite.exec(`UPDATE customers SET number = number || '~' || substr(uid, 1, 12) WHERE id IN (SELECT id FROM bulk_number_losers)`);
  sqlite.exec('DROP TABLE bulk_number_losers');
}
