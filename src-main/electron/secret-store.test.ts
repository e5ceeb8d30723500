import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecretStore, secretsPath, type SafeStorageLike } from './secret-store';

// A stand-in cipher: reversible, but the plaintext must not appear in the file.
function fakeSafeStorage(backend = 'gnome_libsecret', available = true): SafeStorageLike {
  const key = 0x5a;
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(Buffer.from(`v1:${text}`, 'utf8').map((byte) => byte ^ key)),
    decryptString: (data) => {
      const text = Buffer.from(data.map((byte) => byte ^ key)).toString('utf8');
      if (!text.startsWith('v1:')) throw new Error('bad ciphertext');
      return text.slice(3);
    },
  };
}

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dealerdesk-secrets-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

describe('secret store', () => {
  it('round-trips a secret without writing the plaintext', () => {
    const dir = dataDir();
    const store = createSecretStore(fakeSafeStorage(), dir);
    expect(store.get('sip.password')).toBeNull();
    expect(store.set('sip.password', '坐席密码-8008')).toBe(true);
    expect(createSecretStore(fakeSafeStorage(), dir).get('sip.password')).toBe('坐席密码-8008');
    expect(readFileSync(secretsPath(dir), 'utf8')).not.toContain('8008');
    store.delete('sip.password');
    expect(store.get('sip.password')).toBeNull();
  });

  it('refuses to store anything without a real encryption backend', () => {
    for (const safeStorage of [fakeSafeStorage('basic_text'), fakeSafeStorage('gnome_libsecret', false)]) {
      const dir = dataDir();
      const store = createSecretStore(safeStorage, dir);
      expect(store.isAvailable()).toBe(false);
      expect(store.set('sip.password', 'secret')).toBe(false);
      expect(() => readFileSync(secretsPath(dir))).toThrow();
    }
  });

  it('treats undecryptable or damaged entries as absent', () => {
    const dir = dataDir();
    writeFileSync(secretsPath(dir), JSON.stringify({ 'sip.password': Buffer.from('garbage').toString('base64'), other: 5 }));
    const store = createSecretStore(fakeSafeStorage(), dir);
    expect(store.get('sip.password')).toBeNull();
    writeFileSync(secretsPath(dir), 'not json');
    expect(store.get('sip.password')).toBeNull();
    expect(store.set('sip.password', 'x')).toBe(true);
    expect(store.get('sip.password')).toBe('x');
  });

  it('rejects odd names', () => {
    const store = createSecretStore(fakeSafeStorage(), dataDir());
    expect(() => store.set('__proto__', 'x')).toThrow(TypeError);
    expect(() => store.get('../x')).toThrow(TypeError);
  });
});
