// Initial sync onto an empty desk builds the secondary (search) indexes once at the end
// instead of keeping 13 B-trees in order row by row, as the demo seed does. The dropped
// indexes' SQL is saved first, so a desk killed mid-snapshot puts them back when the
// snapshot resumes and finishes. uid and number indexes stay: the upserts need them.
import type Database from 'better-sqlite3';
import { syncState } from './sync-state';

const tables = ['customers', 'phones', 'vehicles', 'service_visits'];

export function dropBulkIndexes(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    const indexes = sqlite
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY rowid`)
      .all(...tables) as { name: string; sql: string }[];
    syncState.setDroppedIndexes(sqlite, [...syncState.droppedIndexes(sqlite), ...indexes.map((i) => i.sql)]);
    for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  })();
}

export function restoreBulkIndexes(sqlite: Database.Database): void {
  const saved = syncState.droppedIndexes(sqlite);
  if (saved.length === 0) return;
  sqlite.transaction(() => {
    for (const sql of saved) sqlite.exec(sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS '));
    syncState.setDroppedIndexes(sqlite, []);
  })();
  sqlite.pragma('analysis_limit = 1000');
  sqlite.exec('ANALYZE');
}
