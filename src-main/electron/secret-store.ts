// Secrets the desk must keep across restarts (first: the agent's SIP password) are encrypted
// with Electron's safeStorage (DPAPI on Windows, the keyring via libsecret/kwallet on Linux)
// and kept as base64 ciphertext in DATA_DIR/secrets.json. Plaintext never touches the disk:
// where safeStorage has no real backend (Linux without a keyring reports 'basic_text', a
// hard-coded key) the store says it is unavailable and the renderer must ask every session.
// The softphone uses it for the SIP password (softphone-secrets.ts, wired in main.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonAtomically } from './json-file';

/** The slice of Electron's safeStorage used here; a fake in tests. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface SecretStore {
  isAvailable(): boolean;
  get(name: string): string | null;
  set(name: string, value: string): boolean;
  delete(name: string): void;
}

const weakBackends = new Set(['basic_text', 'unknown']);
const namePattern = /^[a-z][a-z0-9.-]{0,63}$/;

export function secretsPath(dataDir: string): string {
  return join(dataDir, 'secrets.json');
}

export function createSecretStore(safeStorage: SafeStorageLike, dataDir: string): SecretStore {
  const path = secretsPath(dataDir);
  const read = (): Record<string, string> => {
    try {
      const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
      return Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    } catch {
      return {};
    }
  };
  const checkName = (name: string) => {
    if (!namePattern.test(name)) throw new TypeError(`invalid secret name: ${name.slice(0, 40)}`);
  };
  const store: SecretStore = {
    isAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      const backend = safeStorage.getSelectedStorageBackend?.();
      return backend === undefined || !weakBackends.has(backend);
    },
    get(name) {
      checkName(name);
      const encoded = read()[name];
      if (encoded === undefined || !store.isAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(encoded, 'base64'));
      } catch {
        // Encrypted under another OS account or a reset keyring: as good as absent.
        return null;
      }
    },
    set(name, value) {
      checkName(name);
      if (!store.isAvailable()) return false;
      const all = read();
      all[name] = safeStorage.encryptString(value).toString('base64');
      writeJsonAtomically(path, all);
      return true;
    },
    delete(name) {
      checkName(name);
      const all = read();
      if (!(name in all)) return;
      delete all[name];
      writeJsonAtomically(path, all);
    },
  };
  return store;
}
