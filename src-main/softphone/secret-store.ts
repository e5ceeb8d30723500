// Where the SIP password lives. The Electron host implements SecretStore with safeStorage (OS
// keychain / DPAPI / libsecret; src-main/electron/secret-store.ts) and registers it with
// `useSecretStore(ctx, store)` at start-up. The browser host has no OS keychain: it falls back
// to FileSecretStore, a file readable only by the desk's OS user (mode 0600) — WEAKER: anyone
// who can read DATA_DIR as that user can read the password. An Electron desk without a real
// keychain keeps it in memory for the session ('memory'). Values are never logged.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SecretStore {
  readonly kind: 'os-keychain' | 'memory' | 'file';
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
}

export class FileSecretStore implements SecretStore {
  readonly kind = 'file' as const;
  constructor(private readonly path: string) {}

  private read(): Record<string, string> {
    if (!existsSync(this.path)) return {};
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  private write(values: Record<string, string>): void {
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify(values), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.path);
  }

  get(key: string): string | null {
    const v = this.read()[key];
    return typeof v === 'string' ? Buffer.from(v, 'base64').toString('utf8') : null;
  }

  set(key: string, value: string): void {
    // base64 only keeps the password from being read over a shoulder; it is not encryption.
    this.write({ ...this.read(), [key]: Buffer.from(value, 'utf8').toString('base64') });
  }

  delete(key: string): void {
    const values = this.read();
    if (!(key in values)) return;
    delete values[key];
    this.write(values);
  }
}

const registered = new WeakMap<object, SecretStore>();

/** Called by a host that has a better store than the file fallback (Electron: safeStorage). */
export function useSecretStore(ctx: object, store: SecretStore): void {
  registered.set(ctx, store);
}

export function secretStoreFor(ctx: { dataDir: string }): SecretStore {
  let store = registered.get(ctx);
  if (!store) {
    store = new FileSecretStore(join(ctx.dataDir, 'secrets.json'));
    registered.set(ctx, store);
  }
  return store;
}
