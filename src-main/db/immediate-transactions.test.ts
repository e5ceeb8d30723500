import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { expect, it } from 'vitest';
import { openDatabase } from './open';

it('begins desk transactions IMMEDIATE, so a read-then-write never loses to another connection with SQLITE_BUSY_SNAPSHOT', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'dd-immediate-')), 'desk.sqlite');
  const desk = openDatabase(path, { key: 'none' }).sqlite;
  desk.exec('CREATE TABLE counter (n INTEGER)');
  desk.exec('INSERT INTO counter VALUES (0)');
  // Another writer on the same file (the churn worker, the CLI) that does not wait.
  const other = new Database(path);
  other.pragma('busy_timeout = 0');
  let otherWrite: unknown = null;
  desk.transaction(() => {
    const n = desk.prepare('SELECT n FROM counter').pluck().get() as number;
    try {
      other.exec('UPDATE counter SET n = n + 100');
    } catch (error) {
      otherWrite = (error as { code?: string }).code;
    }
    desk.prepare('UPDATE counter SET n = ?').run(n + 1);
  })();
  expect(otherWrite).toBe('SQLITE_BUSY');
  expect(desk.prepare('SELECT n FROM counter').pluck().get()).toBe(1);
  // The variants stay available.
  expect(typeof desk.transaction(() => 1).deferred).toBe('function');
  other.close();
  desk.close();
});
