import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../src-shared/contract/errors';
import { seedDemoData } from '../../demo/seed';
import { openDatabase } from '../open';
import { databaseFileKind } from './cipher';
import { keyFilePath, keyFileSource } from './key-file';
import type { KeyProtector } from './key-protector';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'dd-enc-')), 'dealerdesk.sqlite');
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A seeded desk, closed; returns one customer's name and phone to look for in the bytes. */
function seededDesk(path: string, key?: 'none'): { name: string; phone: string; customers: number } {
  const { sqlite } = openDatabase(path, key ? { key } : {});
  seedDemoData(sqlite, { customers: 300, seed: 3, today: '2025-06-15' });
  const row = sqlite.prepare('SELECT c.name, p.normalized AS phone FROM customers c JOIN phones p ON p.customer_id = c.id ORDER BY c.id LIMIT 1').get() as { name: string; phone: string };
  const customers = sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  sqlite.close();
  return { ...row, customers };
}

function expectUnreadable(path: string, secrets: string[]): void {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
  for (const secret of secrets) expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
  expect(databaseFileKind(path)).toBe('encrypted');
}

function deskError(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DeskError);
    return error as DeskError;
  }
  throw new Error('expected a DeskError');
}

describe('the desk database at rest', () => {
  it('is encrypted on disk, with its key in a 0600 file beside it, and reopens with that key', () => {
    const path = fresh();
    const { name, phone, customers } = seededDesk(path);
    expectUnreadable(path, [name, phone, 'CREATE TABLE']);
    if (process.platform !== 'win32') expect(statSync(keyFilePath(path)).mode & 0o777).toBe(0o600);
    const { sqlite } = openDatabase(path);
    expect(sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(customers);
    expect(sqlite.prepare('SELECT count(*) FROM customers WHERE name = ?').pluck().get(name)).toBeGreaterThan(0);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    // The WAL holds encrypted pages too.
    sqlite.prepare("UPDATE customers SET name = '钱多多' WHERE id = 1").run();
    expect(existsSync(`${path}-wal`)).toBe(true);
    expect(readFileSync(`${path}-wal`).includes(Buffer.from('钱多多'))).toBe(false);
    sqlite.close();
  });

  it('refuses a wrong or missing key clearly and leaves the file untouched', () => {
    const path = fresh();
    seededDesk(path);
    const before = sha(path);
    const keyFile = keyFilePath(path);
    const right = readFileSync(keyFile);
    writeFileSync(keyFile, JSON.stringify({ version: 1, protection: 'none', key: 'ab'.repeat(32) }), { mode: 0o600 });
    const wrong = deskError(() => openDatabase(path));
    expect(wrong.code).toBe('unavailable');
    expect(wrong.message).toMatch(/cannot be read with the database key/);
    expect(sha(path)).toBe(before);

    writeFileSync(keyFile, '');
    expect(deskError(() => openDatabase(path)).message).toMatch(/key file .* is damaged/);

    rmSync(keyFile);
    const missing = deskError(() => openDatabase(path));
    expect(missing.message).toMatch(/encrypted and its key .* is missing/);
    expect(existsSync(keyFile)).toBe(false); // no new key is made up for existing data
    expect(sha(path)).toBe(before);
    expect(deskError(() => openDatabase(path, { key: 'none' })).message).toMatch(/opened without a key/);

    writeFileSync(keyFile, right, { mode: 0o600 });
    openDatabase(path).sqlite.close();
  });

  it.skipIf(process.platform === 'win32')('refuses a key file other users can read', () => {
    const path = fresh();
    seededDesk(path);
    chmodSync(keyFilePath(path), 0o644);
    const error = deskError(() => openDatabase(path));
    expect(error.message).toMatch(/permissions 0644.*chmod 600/);
    chmodSync(keyFilePath(path), 0o600);
    openDatabase(path).sqlite.close();
  });

  it('encrypts a plaintext desk from before encryption in place, keeping every row', () => {
    const path = fresh();
    const { name, phone, customers } = seededDesk(path, 'none');
    // An unclean shutdown may leave committed rows only in the WAL: they must survive too.
    const plain = openDatabase(path, { key: 'none' }).sqlite;
    plain.prepare("UPDATE customers SET name = '孙悟空' WHERE id = 2").run();
    const counts = plain.prepare('SELECT (SELECT count(*) FROM phones) AS phones, (SELECT count(*) FROM vehicles) AS vehicles').get();
    // Simulate a crash: copy the files while the WAL is not yet checkpointed.
    const crashed = join(mkdtempSync(join(tmpdir(), 'dd-enc-crash-')), 'dealerdesk.sqlite');
    writeFileSync(crashed, readFileSync(path));
    writeFileSync(`${crashed}-wal`, readFileSync(`${path}-wal`));
    plain.close();
    expect(readFileSync(path).includes(Buffer.from(name))).toBe(true);

    for (const file of [path, crashed]) {
      expect(databaseFileKind(file)).toBe('plaintext');
      const { sqlite } = openDatabase(file);
      expect(sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(customers);
      expect(sqlite.prepare('SELECT name FROM customers WHERE id = 2').pluck().get()).toBe('孙悟空');
      expect(sqlite.prepare('SELECT (SELECT count(*) FROM phones) AS phones, (SELECT count(*) FROM vehicles) AS vehicles').get()).toEqual(counts);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      sqlite.close();
      expectUnreadable(file, [name, phone, '孙悟空']);
      openDatabase(file).sqlite.close();
    }
  });

  it('keeps only the wrapped key when the host has a keychain, and refuses when it is gone', () => {
    const path = fresh();
    let available = true;
    const mask = Buffer.alloc(32, 0x5a);
    const protector: KeyProtector = {
      kind: 'test-keychain',
      isAvailable: () => available,
      wrap: (key) => Buffer.concat([Buffer.from('W:'), Buffer.from(key.map((b, i) => b ^ mask[i]))]),
      unwrap: (blob) => {
        if (blob.subarray(0, 2).toString() !== 'W:') throw new Error('not ours');
        return Buffer.from(blob.subarray(2).map((b, i) => b ^ mask[i]));
      },
    };
    const { sqlite } = openDatabase(path, { key: keyFileSource(path, protector) });
    sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1')").run();
    sqlite.close();
    const stored = JSON.parse(readFileSync(keyFilePath(path), 'utf8')) as { protection: string; key: string };
    expect(stored.protection).toBe('test-keychain');
    const unwrapped = protector.unwrap(Buffer.from(stored.key, 'base64'));
    expect(readFileSync(keyFilePath(path), 'utf8')).not.toContain(unwrapped.toString('hex'));
    const again = openDatabase(path, { key: keyFileSource(path, protector) }).sqlite;
    expect(again.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe('1');
    again.close();
    // Plain Node cannot use a keychain-wrapped key, nor can a desk whose keyring went away.
    expect(deskError(() => openDatabase(path)).message).toMatch(/protected by test-keychain/);
    available = false;
    expect(deskError(() => openDatabase(path, { key: keyFileSource(path, protector) })).message).toMatch(/not available/);
  });

  it('wraps a key that was kept in the clear once a keychain is available', () => {
    const path = fresh();
    openDatabase(path).sqlite.close();
    const protector: KeyProtector = { kind: 'k', isAvailable: () => true, wrap: (k) => Buffer.from(k).reverse(), unwrap: (b) => Buffer.from(b).reverse() };
    openDatabase(path, { key: keyFileSource(path, protector) }).sqlite.close();
    expect(JSON.parse(readFileSync(keyFilePath(path), 'utf8'))).toMatchObject({ protection: 'k' });
    openDatabase(path, { key: keyFileSource(path, protector) }).sqlite.close();
  });
});
