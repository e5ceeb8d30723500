// An encrypted desk reads every page through SQLite's cache, decrypting it on first use (about
// 20 µs a page here); a plaintext desk's pages come from the OS through mmap. So the indexes an
// incoming call and the search box touch first are read once after the desk opens, a few thousand
// entries per event-loop turn, and the first caller of the day is looked
// up as fast as the thousandth. Their pages (≈ 430 MB at 1 M customers) fit the encrypted page cache
// (src-main/db/open.ts).
import type Database from 'better-sqlite3';

/** Index → a column it holds (a covering count reads only the index's pages). */
export const lookupIndexes: readonly { index: string; table: string; column: string }[] = [
  { index: 'phones_normalized', table: 'phones', column: 'normalized' },
  { index: 'vehicles_plate_local', table: 'vehicles', column: 'plate_local' },
  { index: 'vehicles_plate_reversed', table: 'vehicles', column: 'plate_reversed' },
  { index: 'phones_reversed', table: 'phones', column: 'reversed' },
  { index: 'vehicles_vin_reversed', table: 'vehicles', column: 'vin_reversed' },
  { index: 'customers_name', table: 'customers', column: 'name' },
  { index: 'customers_pinyin', table: 'customers', column: 'pinyin' },
  { index: 'customers_pinyin_initials', table: 'customers', column: 'pinyin_initials' },
  // What a hit's hydration reads: its phones and plates, and its number, name and tier.
  { index: 'phones_customer', table: 'phones', column: 'customer_id' },
  { index: 'vehicles_customer', table: 'vehicles', column: 'customer_id' },
  { index: 'customers_search_hit', table: 'customers', column: 'id' },
];

function present(sqlite: Database.Database, index: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(index) !== undefined;
}

/** Reads one index's pages into the page cache; false when the index does not exist. */
export function warmIndex(sqlite: Database.Database, entry: (typeof lookupIndexes)[number]): boolean {
  if (!sqlite.open || !present(sqlite, entry.index)) return false;
  sqlite.prepare(`SELECT count(${entry.column}) FROM ${entry.table} INDEXED BY ${entry.index}`).pluck().get();
  return true;
}

/** All lookup indexes at once (benchmarks, tests). */
export function warmLookupIndexes(sqlite: Database.Database): number {
  return lookupIndexes.filter((entry) => warmIndex(sqlite, entry)).length;
}

/** Index entries read per event-loop turn in the background: a few milliseconds of decryption. */
const chunkRows = 5000;

/**
 * Reads the next `rows` keys of an index after `after` (key order; NULL keys are never looked
 * up, so skipped). Returns the last key read, or null when the index is done or absent.
 */
export function warmIndexChunk(sqlite: Database.Database, entry: (typeof lookupIndexes)[number], after: unknown, rows = chunkRows): unknown {
  if (!sqlite.open || !present(sqlite, entry.index)) return null;
  const from = after === null ? '' : `AND ${entry.column} > ?`;
  const keys = sqlite
    .prepare(`SELECT ${entry.column} FROM ${entry.table} INDEXED BY ${entry.index} WHERE ${entry.column} IS NOT NULL ${from} ORDER BY ${entry.column} LIMIT ?`)
    .pluck()
    .all(...(after === null ? [] : [after]), rows);
  return keys.length < rows ? null : keys[keys.length - 1];
}

/**
 * In the background, a few thousand index entries per event-loop turn, so a desk that just
 * opened keeps answering calls and clicks while it warms (a whole index per turn held the main
 * process for up to ~300 ms at 1 M customers). Returns a cancel.
 */
export function warmLookupIndexesInBackground(sqlite: Database.Database, onError: (error: unknown) => void): () => void {
  let i = 0;
  let after: unknown = null;
  let timer: NodeJS.Immediate | null = null;
  const next = () => {
    timer = null;
    if (i >= lookupIndexes.length) return;
    try {
      after = warmIndexChunk(sqlite, lookupIndexes[i], after);
      if (after === null) i++;
    } catch (error) {
      onError(error);
      return;
    }
    timer = setImmediate(next);
  };
  timer = setImmediate(next);
  return () => {
    if (timer) clearImmediate(timer);
    i = lookupIndexes.length;
  };
}
