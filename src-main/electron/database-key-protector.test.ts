import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFilePath, keyFileSource } from '../db/encryption/key-file';
import { openDatabase } from '../db/open';
import { safeStorageKeyProtector } from './database-key-protector';
import type { SafeStorageLike } from './secret-store';

/** safeStorage as Electron behaves: ciphertext bound to one "OS account" (the secret here). */
function fakeSafeStorage(account: string, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(`${account}|${Buffer.from(text).toString('base64')}`),
    decryptString: (blob) => {
      const [owner, body] = blob.toString().split('|');
      if (owner !== account) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(body, 'base64').toString();
    },
  };
}

describe('the database key under safeStorage', () => {
  it('keeps only the keychain-wrapped key on disk and opens with it', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dd-ekey-')), 'dealerdesk.sqlite');
    const source = keyFileSource(path, safeStorageKeyProtector(fakeSafeStorage('alice')));
    const { sqlite } = openDatabase(path, { key: source });
    sqlite.prepare("INSERT INTO settings (key, value) VALUES ('probe', 'x')").run();
    sqlite.close();
    const file = JSON.parse(readFileSync(keyFilePath(path), 'utf8')) as { protection: string; key: string };
    expect(file.protection).toBe('os-keychain');
    expect(source.load()?.length).toBe(32);
    expect(readFileSync(keyFilePath(path), 'utf8')).not.toContain(source.load()!.toString('hex'));
    expect(openDatabase(path, { key: source }).sqlite.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe('x');
    // Another OS account's keychain cannot unwrap it.
    expect(() => openDatabase(path, { key: keyFileSource(path, safeStorageKeyProtector(fakeSafeStorage('mallory'))) })).toThrow(/cannot be unwrapped/);
  });

  it('treats a basic_text backend as no keychain', () => {
    expect(safeStorageKeyProtector(fakeSafeStorage('a', 'basic_text')).isAvailable()).toBe(false);
    expect(safeStorageKeyProtector(fakeSafeStorage('a', 'kwallet5')).isAvailable()).toBe(true);
  });
});
