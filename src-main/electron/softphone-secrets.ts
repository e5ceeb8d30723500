// The softphone's SecretStore (src-main/softphone/secret-store.ts) on top of the Electron
// safeStorage store (./secret-store.ts), registered with useSecretStore at start-up so the SIP
// password is encrypted by the OS keychain / DPAPI instead of the browser host's file fallback.
// Without a real keychain (Linux 'basic_text') nothing is written: the password lives in memory
// for this session only and the agent types it again after a restart. Plaintext never hits disk.
import type { Logger } from '../host/context';
import { useSecretStore, type SecretStore as SoftphoneSecretStore } from '../softphone/secret-store';
import type { SecretStore as EncryptedStore } from './secret-store';

export function softphoneSecretStore(encrypted: EncryptedStore, log: Logger): SoftphoneSecretStore {
  const session = new Map<string, string>();
  let warned = false;
  const warnOnce = () => {
    if (warned) return;
    warned = true;
    log.error('no OS keychain for safeStorage: the SIP password is kept for this session only');
  };
  return {
    get kind() {
      return encrypted.isAvailable() ? ('os-keychain' as const) : ('memory' as const);
    },
    get(key) {
      return session.get(key) ?? encrypted.get(key);
    },
    set(key, value) {
      if (encrypted.set(key, value)) {
        session.delete(key);
        return;
      }
      warnOnce();
      session.set(key, value);
    },
    delete(key) {
      session.delete(key);
      encrypted.delete(key);
    },
  };
}

/** Start-up wiring for main.ts: the desk's softphone handlers use safeStorage from here on. */
export function registerSoftphoneSecrets(ctx: { dataDir: string }, encrypted: EncryptedStore, log: Logger): SoftphoneSecretStore {
  const store = softphoneSecretStore(encrypted, log);
  useSecretStore(ctx, store);
  return store;
}
