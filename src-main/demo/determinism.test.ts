import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { seedDemoData, seededTables } from './seed';

const dir = mkdtempSync(join(tmpdir(), 'demo-determinism-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function seededDigests(name: string, seed: number, today = '2025-06-15'): Record<string, string> {
  const { sqlite } = openDatabase(join(dir, `${name}.sqlite`));
  try {
    seedDemoData(sqlite, { customers: 400, seed, today });
    return digests(sqlite);
  } finally {
    sqlite.close();
  }
}

function digests(sqlite: Database.Database): Record<string, string> {
  const out: Record<string, string> = {};
  for (const table of [...seededTables, 'advisors']) {
    const hash = createHash('sha256');
    for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).raw().iterate()) hash.update(JSON.stringify(row));
    out[table] = hash.digest('hex');
  }
  return out;
}

describe('demo seed determinism', () => {
  it('gives identical rows for the same seed and today, different rows for another seed', () => {
    const first = seededDigests('a', 11);
    expect(seededDigests('b', 11)).toEqual(first);
    const other = seededDigests('c', 12);
    for (const table of seededTables) expect(other[table], table).not.toBe(first[table]);
  });

  it('moves the history with `today`', () => {
    const { sqlite } = openDatabase(join(dir, 'd.sqlite'));
    try {
      seedDemoData(sqlite, { customers: 50, seed: 11, today: '2030-01-01' });
      const latest = sqlite.prepare('SELECT max(visit_date) AS d FROM service_visits').get() as { d: string };
      expect(latest.d > '2029-06-01' && latest.d <= '2030-01-01').toBe(true);
    } finally {
      sqlite.close();
    }
  });
});
