// The search indexes and the unique customer-number index dropped for an initial sync come
// back, also when two rows ended up with one number while the snapshot ran (the newest keeps it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { dropBulkIndexes, restoreBulkIndexes, sortsFitInMemory } from './bulk-indexes';
import { snapshotWriter } from './snapshot-writer';
import { syncState } from './sync-state';
import { numberedCustomerRow, snapshotCustomerRow } from '../../test/support/wire-rows';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function openDesk() {
  const dir = mkdtempSync(join(tmpdir(), 'dd-bulk-indexes-'));
  dirs.push(dir);
  return openDatabase(join(dir, 'dealerdesk.sqlite'), { key: 'none' }).sqlite;
}

const indexNames = (sqlite: ReturnType<typeof openDesk>) =>
  (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('customers', 'phones', 'vehicles', 'service_visits') AND sql IS NOT NULL ORDER BY name`).pluck().all() as string[]);

describe('bulk indexes', () => {
  it('drops the search and number indexes, keeps the uid and search-hit indexes, and restores them all', () => {
    const sqlite = openDesk();
    const before = indexNames(sqlite);
    dropBulkIndexes(sqlite);
    const during = indexNames(sqlite);
    expect(during).toEqual(['customers_search_hit', 'customers_uid', 'phones_uid', 'service_visits_uid', 'vehicles_uid']);
    expect(syncState.droppedIndexes(sqlite).some((sql) => sql.startsWith('CREATE UNIQUE INDEX `customers_number`'))).toBe(true);
    restoreBulkIndexes(sqlite);
    expect(indexNames(sqlite)).toEqual(before);
    expect(syncState.droppedIndexes(sqlite)).toEqual([]);
  });

  it('gives a number held twice to the newest row and a provisional one to the other', () => {
    const sqlite = openDesk();
    dropBulkIndexes(sqlite);
    const customer = (uid: string, rev: number, number: string) => snapshotCustomerRow({ uid, rev, number, name: '张伟', pinyin: 'zhangwei', pinyinInitials: 'zw' });
    sqlite.transaction(() => {
      // Read before and after the number moved from c-old to c-new on the server.
      snapshotWriter(sqlite).write('customers', [customer('c-old', 5, 'C00000007'), customer('c-other', 6, 'C00000008')]);
      snapshotWriter(sqlite).write('customers', [customer('c-new', 9, 'C00000007')]);
    })();
    restoreBulkIndexes(sqlite);
    const numbers = Object.fromEntries(sqlite.prepare('SELECT uid, number FROM customers').raw().all() as [string, string][]);
    expect(numbers).toEqual({ 'c-new': 'C00000007', 'c-old': 'C00000007~c-old', 'c-other': 'C00000008' });
    expect(() => sqlite.prepare(`UPDATE customers SET number = 'C00000008' WHERE uid = 'c-new'`).run()).toThrow(/UNIQUE/);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('sorts in the file-backed sorter only while every rebuilt table fits in one in-memory run', () => {
    const sqlite = openDesk();
    dropBulkIndexes(sqlite);
    const rows = Array.from({ length: 2000 }, (_, i) => numberedCustomerRow(i));
    sqlite.transaction(() => snapshotWriter(sqlite).write('customers', rows))();
    const saved = syncState.droppedIndexes(sqlite);
    expect(sortsFitInMemory(sqlite, saved)).toBe(true);
    sqlite.pragma('cache_size = -64'); // 64 KiB: less than the customers' rows
    expect(sortsFitInMemory(sqlite, saved)).toBe(false);
    expect(sortsFitInMemory(sqlite, saved.filter((sql) => !/ON `customers`/.test(sql)))).toBe(true);
  });

  it('does nothing, not even ANALYZE, when no index is waiting (every sync cycle calls it)', () => {
    const sqlite = openDesk();
    const stat = () => sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'`).pluck().get();
    expect(stat()).toBe(0);
    restoreBulkIndexes(sqlite);
    expect(stat()).toBe(0);
    dropBulkIndexes(sqlite);
    restoreBulkIndexes(sqlite);
    expect(stat()).toBe(1);
  });
});
