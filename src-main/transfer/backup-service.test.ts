import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { closeSync, copyFileSync, cpSync, openSync, writeSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientMigrationsFolder, openDatabase } from '../db/open';
import { keyFileSource } from '../db/encryption/key-file';
import { seedDemoData } from '../demo/seed';
import { backupDatabase, listBackups, restoreDatabase } from './backup-service';
import { transferHandlers } from './handlers';
import { runImport } from './import-service';
import { countRows, createTestContext, type TestContext } from './test-context';

const contexts: TestContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.sqlite.open && c.close()));
function context(role: Parameters<typeof createTestContext>[0] = 'admin') {
  const ctx = createTestContext(role);
  contexts.push(ctx);
  return ctx;
}
const csv = (text: string) => ({ fileName: 'a.csv', bytes: new TextEncoder().encode(text) });

describe('backup and restore', () => {
  it('gives a restored desk a new sync identity so its pending edits are not skipped as already seen', async () => {
    const ctx = context();
    await runImport(ctx, csv('姓名,手机\n李四,13800138000\n王五,13900139000\n'), { skipInvalidRows: false });
    const setting = (key: string) => ctx.sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key);
    ctx.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('sync.deskId', 'desk-before'), ('sync.cursor', '41'), ('sync.snapshot', 'done')").run();
    // The server has acknowledged the first mutations: they left the outbox.
    const firstPending = ctx.sqlite.prepare('SELECT min(mutation_id) FROM sync_outbox').pluck().get() as number;
    ctx.sqlite.prepare('DELETE FROM sync_outbox WHERE mutation_id = ?').run(firstPending);
    const pendingBefore = ctx.sqlite.prepare('SELECT uid, op, fields FROM sync_outbox ORDER BY mutation_id').all();
    expect(pendingBefore.length).toBeGreaterThan(0);
    const backup = await backupDatabase(ctx);

    await restoreDatabase(ctx, backup.path);
    expect(setting('sync.deskId')).toBeUndefined();
    expect(setting('sync.cursor')).toBeUndefined();
    expect(setting('sync.snapshot')).toBeUndefined();
    const ids = ctx.sqlite.prepare('SELECT mutation_id FROM sync_outbox ORDER BY mutation_id').pluck().all();
    expect(ids).toEqual(pendingBefore.map((_, i) => i + 1));
    expect(ctx.sqlite.prepare('SELECT uid, op, fields FROM sync_outbox ORDER BY mutation_id').all()).toEqual(pendingBefore);
    // The next local write continues the new sequence.
    await runImport(ctx, csv('姓名,手机\n赵六,13700137000\n'), { skipInvalidRows: false });
    expect(ctx.sqlite.prepare('SELECT min(mutation_id) FROM sync_outbox WHERE mutation_id > ?').pluck().get(pendingBefore.length)).toBe(pendingBefore.length + 1);
  });

  it('restores the data as it was at backup time into the live connection', async () => {
    const ctx = context();
    await runImport(ctx, csv('姓名,手机\n李四,13800138000\n王五,13900139000\n'), { skipInvalidRows: false });
    const backup = await backupDatabase(ctx);
    expect(backup.path).toMatch(/backups[/\\]dealerdesk-\d{8}-\d{6}\.sqlite$/);
    expect(backup.bytes).toBeGreaterThan(0);
    expect(existsSync(`${backup.path}-wal`)).toBe(false);

    await runImport(ctx, csv('姓名,手机\n赵六,13700137000\n'), { skipInvalidRows: false });
    ctx.sqlite.prepare("UPDATE customers SET name = '改名' WHERE name = '李四'").run();
    expect(countRows(ctx).customers).toBe(3);

    const result = await restoreDatabase(ctx, backup.path);
    expect(result.restoredFrom).toBe(backup.path);
    expect(ctx.sqlite.prepare('SELECT name FROM customers ORDER BY id').pluck().all()).toEqual(['李四', '王五']);
    expect(ctx.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(ctx.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ctx.events.at(-1)).toEqual({ event: 'customers.changed', payload: {} });

    // The data replaced by the restore is kept as a pre-restore backup.
    const deskKey = keyFileSource(join(ctx.dataDir, 'dealerdesk.sqlite'));
    const safety = openDatabase(result.safetyBackup, { key: deskKey, readonly: true }).sqlite;
    expect(safety.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(3);
    safety.close();
    expect(listBackups(ctx).map((b) => b.path).sort()).toEqual([backup.path, result.safetyBackup].sort());

    // A fresh connection sees the restored file too.
    const other = openDatabase(join(ctx.dataDir, 'dealerdesk.sqlite'), { readonly: true }).sqlite;
    expect(other.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(2);
    other.close();
  });

  it('writes backups encrypted with the desk key and still restores a plaintext one from before encryption', async () => {
    const ctx = context();
    await runImport(ctx, csv('姓名,手机\n欧阳震华,13800138000\n'), { skipInvalidRows: false });
    const backup = await backupDatabase(ctx);
    const bytes = readFileSync(backup.path);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('欧阳震华'))).toBe(false);
    expect(bytes.includes(Buffer.from('13800138000'))).toBe(false);

    const old = join(ctx.dataDir, 'backups', 'dealerdesk-20240101-000000.sqlite');
    const plain = openDatabase(old, { key: 'none' }).sqlite;
    seedDemoData(plain, { customers: 5, seed: 1, today: '2024-01-01' });
    const names = plain.prepare('SELECT name FROM customers ORDER BY id').pluck().all() as string[];
    plain.pragma('journal_mode = DELETE');
    plain.close();
    expect(readFileSync(old).includes(Buffer.from(names[0]))).toBe(true);
    await restoreDatabase(ctx, old);
    expect(ctx.sqlite.prepare('SELECT name FROM customers ORDER BY id').pluck().all()).toEqual(names);
    ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(join(ctx.dataDir, 'dealerdesk.sqlite')).includes(Buffer.from(names[0]))).toBe(false);

    // A backup from another desk (another key) is refused with a reason, and nothing changes.
    const other = context();
    const foreign = await backupDatabase(other);
    await expect(restoreDatabase(ctx, foreign.path)).rejects.toThrow(/made on another desk/);
    expect(ctx.sqlite.prepare('SELECT name FROM customers ORDER BY id').pluck().all()).toEqual(names);
  });

  it('refuses files that are not a sound Dealerdesk database and leaves the live data alone', async () => {
    const ctx = context();
    await runImport(ctx, csv('姓名,手机\n李四,13800138000\n'), { skipInvalidRows: false });
    const notSqlite = join(ctx.dataDir, 'notes.sqlite');
    writeFileSync(notSqlite, 'just text');
    await expect(restoreDatabase(ctx, notSqlite)).rejects.toMatchObject({ code: 'invalid-input' });

    const foreign = join(ctx.dataDir, 'foreign.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)');
    db.close();
    await expect(restoreDatabase(ctx, foreign)).rejects.toThrow(/not a Dealerdesk database/);

    const damaged = join(ctx.dataDir, 'damaged.sqlite');
    const backup = await backupDatabase(ctx);
    copyFileSync(backup.path, damaged);
    const bytes = Buffer.alloc(4096, 0xab);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, bytes, 0, bytes.length, 4096 * 2);
    closeSync(fd);
    await expect(restoreDatabase(ctx, damaged)).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(restoreDatabase(ctx, join(ctx.dataDir, 'missing.sqlite'))).rejects.toMatchObject({ code: 'not-found' });
    expect(countRows(ctx).customers).toBe(1);
  });

  it('migrates a backup made before the newest migration, and refuses one from a newer build', async () => {
    const ctx = context();
    await runImport(ctx, csv('姓名,手机\n李四,13800138000\n'), { skipInvalidRows: false });
    const olderBackup = await backupDatabase(ctx);
    // A "newer build": the real migrations plus one more.
    const newer = join(ctx.dataDir, 'migrations-newer');
    cpSync(clientMigrationsFolder(), newer, { recursive: true });
    const journal = JSON.parse(readFileSync(join(newer, 'meta', '_journal.json'), 'utf8'));
    const last = journal.entries.at(-1);
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_restore-test-marker' });
    writeFileSync(join(newer, 'meta', '_journal.json'), JSON.stringify(journal));
    writeFileSync(join(newer, '9999_restore-test-marker.sql'), 'CREATE TABLE restore_test_marker (id integer PRIMARY KEY);');
    const hasMarker = () => ctx.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'restore_test_marker'").pluck().get();
    process.env.DEALERDESK_MIGRATIONS = newer;
    try {
      migrate(ctx.db, { migrationsFolder: newer });
      const newerBackup = await backupDatabase(ctx);
      await restoreDatabase(ctx, olderBackup.path);
      expect(hasMarker()).toBe(1);
      expect(countRows(ctx).customers).toBe(1);
      delete process.env.DEALERDESK_MIGRATIONS;
      await expect(restoreDatabase(ctx, newerBackup.path)).rejects.toThrow(/newer Dealerdesk/);
    } finally {
      delete process.env.DEALERDESK_MIGRATIONS;
    }
  });

  it('is admin only, through services and handlers', async () => {
    const ctx = context('supervisor');
    await expect(backupDatabase(ctx)).rejects.toMatchObject({ code: 'forbidden' });
    expect(() => listBackups(ctx)).toThrow(/may not/);
    await expect(Promise.resolve().then(() => transferHandlers['transfer.restore']({ path: '/tmp/x.sqlite' }, ctx))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
