import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { lookupIndexes, warmLookupIndexes, warmLookupIndexesInBackground } from './warm-cache';

describe('warming the lookup indexes of an encrypted desk', () => {
  it('reads every lookup index the schema has into the page cache', () => {
    const { sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-warm-')), 'dealerdesk.sqlite'));
    expect(warmLookupIndexes(sqlite)).toBe(lookupIndexes.length);
    sqlite.close();
  });

  it('works through them one per event-loop turn and stops when cancelled', async () => {
    const { sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-warm-')), 'dealerdesk.sqlite'));
    const errors: unknown[] = [];
    warmLookupIndexesInBackground(sqlite, (e) => errors.push(e));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors).toEqual([]);
    const cancel = warmLookupIndexesInBackground(sqlite, (e) => errors.push(e));
    cancel();
    sqlite.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(errors).toEqual([]);
  });
});
