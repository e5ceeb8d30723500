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
import { availableParallelism } from 'node:os';
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
  const saved = syncState.droppedIndexes(sqlite);
  if (saved.length === 0) return;
  // The table scans and sorts of CREATE INDEX may use a second core: downloading is over.
  const threads = sqlite.pragma('threads', { simple: true }) as number;
  sqlite.pragma(`threads = ${Math.min(4, Math.max(1, availableParallelism()))}`);
  try {
    sqlite.transaction(() => {
      for (const sql of saved) {
        const create = sql.replace(/^CREATE (UNIQUE )?INDEX /i, (_, unique: string | undefined) => `CREATE ${unique ?? ''}INDEX IF NOT EXISTS `);
        try {
          sqlite.exec(create);
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE' || !/customers_number/.test(sql)) throw error;
          renumberDuplicates(sqlite);
          sqlite.exec(create);
        }
      }
      syncState.setDroppedIndexes(sqlite, []);
    })();
  } finally {
    sqlite.pragma(`threads = ${threads}`);
  }
  sqlite.pragma('analysis_limit = 1000');
  sqlite.exec('ANALYZE');
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
