// Every desk database ever created must upgrade to the latest schema: for each migration k, a
// database built from migrations 0..k (with data in it) migrates to the latest, keeps its rows,
// and ends with exactly the schema of a fresh database.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientMigrationsFolder, openDatabase } from '../../src-main/db/open';

const folder = clientMigrationsFolder();
const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };

function firstMigrations(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-mig-'));
  mkdirSync(join(dir, 'meta'));
  const entries = journal.entries.slice(0, count);
  for (const entry of entries) cpSync(join(folder, `${entry.tag}.sql`), join(dir, `${entry.tag}.sql`));
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}

function schemaOf(sqlite: Database.Database): string[] {
  return (sqlite.prepare(`SELECT type || ' ' || name || ': ' || ifnull(sql, '') AS s FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).pluck().all() as string[]);
}

describe('client migrations', () => {
  const fresh = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-fresh-')), 'desk.sqlite'));
  const latestSchema = schemaOf(fresh.sqlite);
  fresh.sqlite.close();

  it('has a journal whose tags name what each migration does', () => {
    expect(journal.entries.length).toBeGreaterThan(0);
    for (const entry of journal.entries) expect(entry.tag).toMatch(/^\d{4}_[a-z0-9-]+$/);
  });

  for (let k = 1; k <= journal.entries.length; k++) {
    it(`upgrades a database made by migrations 1..${k} to the latest, keeping its data`, () => {
      const path = join(mkdtempSync(join(tmpdir(), 'dd-old-')), 'desk.sqlite');
      const old = new Database(path);
      migrate(drizzle(old), { migrationsFolder: firstMigrations(k) });
      old.prepare(`INSERT INTO customers (uid, number, name, name_reversed, pinyin, pinyin_initials) VALUES ('u1', 'C00000001', '张三', '三张', 'zhangsan', 'zs')`).run();
      old.prepare(`INSERT INTO phones (customer_id, kind, raw, normalized, reversed) VALUES (1, 'mobile', '138 1234 5678', '13812345678', '87654321831')`).run();
      old.close();

      const upgraded = openDatabase(path);
      expect(schemaOf(upgraded.sqlite)).toEqual(latestSchema);
      expect(upgraded.sqlite.prepare('SELECT name FROM customers WHERE number = ?').pluck().get('C00000001')).toBe('张三');
      expect(upgraded.sqlite.prepare('SELECT normalized FROM phones').pluck().get()).toBe('13812345678');
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(upgraded.sqlite.pragma('foreign_key_check')).toEqual([]);
      upgraded.sqlite.close();
    });
  }
});
