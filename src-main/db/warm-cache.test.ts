import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open';
import { insertCustomers } from '../customers/customer-writer';
import { lookupIndexes, warmIndexChunk, warmLookupIndexes, warmLookupIndexesInBackground } from './warm-cache';

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

  it('walks an index a chunk at a time, every non-null key once, whatever the duplicates and NULLs', () => {
    const { sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-warm-')), 'dealerdesk.sqlite'));
    insertCustomers(
      sqlite,
      Array.from({ length: 230 }, (_, i) => ({ name: `客户${i % 50}`, phones: [{ raw: `1380000${String(i).padStart(4, '0')}` }], vehicles: i % 3 ? [{ plate: `粤B${String(10000 + i)}` }] : [{ vin: `LVGBE40K8PG${String(100000 + i)}` }] })),
      new Date('2026-11-26T08:00:00Z'),
    );
    const plates = lookupIndexes.find((e) => e.index === 'vehicles_plate_local')!;
    const phones = lookupIndexes.find((e) => e.index === 'phones_normalized')!;
    for (const [entry, distinct] of [[plates, 153], [phones, 230]] as const) {
      let after: unknown = null;
      let chunks = 0;
      do {
        after = warmIndexChunk(sqlite, entry, after, 17);
        chunks++;
      } while (after !== null && chunks < 100);
      expect(chunks).toBe(Math.floor(distinct / 17) + 1);
    }
    sqlite.close();
  });
});
