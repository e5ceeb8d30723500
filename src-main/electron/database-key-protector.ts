// The desk database's key wrapped by Electron's safeStorage (DPAPI on Windows, the Keychain on
// macOS, libsecret/kwallet on Linux): the key file beside the database then holds only a blob
// that this OS account's keychain can unwrap (src-main/db/encryption/key-file.ts). Where
// safeStorage has no real backend (Linux 'basic_text', a hard-coded key) it reports itself
// unavailable and the desk keeps the key as the browser host does, in a mode-0600 file.
import type { KeyProtector } from '../db/encryption/key-protector';
import type { SafeStorageLike } from './secret-store';

const weakBackends = new Set(['basic_text', 'unknown']);

export function safeStorageKeyProtector(safeStorage: SafeStorageLike): KeyProtector {
  return {
    kind: 'os-keychain',
    isAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      const backend = safeStorage.getSelectedStorageBackend?.();
      return backend === undefined || !weakBackends.has(backend);
    },
    // safeStorage wraps strings; the key travels as hex and never touches the disk unwrapped.
    wrap: (key) => safeStorage.encryptString(key.toString('hex')),
    unwrap: (blob) => Buffer.from(safeStorage.decryptString(blob), 'hex'),
  };
}
