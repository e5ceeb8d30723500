// Opens the desk's SQLite file: encrypted at rest (./encryption/cipher.ts: SQLCipher 4 scheme,
// key from ./encryption/key-file.ts, applied before any other statement), WAL so readers never
// block the writer, foreign keys on, synchronous=NORMAL (safe with WAL: a power cut loses at most
// the last commits, never corrupts), and applies drizzle-kit's migrations from migrations/client/.
// A plaintext desk from before encryption is encrypted in place on its first open.
import Database from 'better-sqlite3-multiple-ciphers';
import type PlainDatabase from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeskError } from '../../src-shared/contract/errors';
import { applyKey, databaseFileKind, encryptInPlace, keyWorks } from './encryption/cipher';
import { keyFileSource, type DeskKeySource } from './encryption/key-file';
import * as schema from './schema/index';
import { installChangeCapture } from '../sync/record-tables';

export type DeskDb = BetterSQLite3Database<typeof schema>;
/** The multiple-ciphers driver has better-sqlite3's API; the desk types it as better-sqlite3. */
export type SqliteDatabase = PlainDatabase.Database;
export interface OpenedDatabase {
  sqlite: SqliteDatabase;
  db: DeskDb;
  path: string;
  /** Where its key came from ('none': a plaintext file, bench baselines only). */
  key: DeskKeySource | 'none';
}

export interface OpenOptions {
  migrationsFolder?: string;
  /**
   * Default: the key file beside the database (created on first open). Electron passes a
   * source wrapped by safeStorage. 'none' opens a plaintext file as it is (the benchmarks'
   * unencrypted baseline) and refuses an encrypted one.
   */
  key?: DeskKeySource | 'none';
  readonly?: boolean;
}

/** Walks up from this module to the folder holding migrations/client (source tree or bundle). */
export function clientMigrationsFolder(): string {
  if (process.env.DEALERDESK_MIGRATIONS) return process.env.DEALERDESK_MIGRATIONS;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'migrations', 'client');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('migrations/client not found next to the application');
}

export function applyPragmas(sqlite: SqliteDatabase, options: { encrypted?: boolean } = {}): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('temp_store = MEMORY');
  if (options.encrypted) {
    // Encrypted pages cannot be memory-mapped; decrypted pages live in SQLite's own cache, so
    // it gets the room the OS page cache had (search hydration and card open reread pages).
    // 640 MB holds the warmed lookup indexes of a 1 M-customer desk (≈ 430 MB, warm-cache.ts)
    // plus the table pages of the day's cards; a 100 k desk fills a tenth of it.
    sqlite.pragma('cache_size = -655360');
  } else {
    sqlite.pragma('cache_size = -65536');
    // Reads map the file instead of copying pages through read(): random lookups over a
    // 1 GB+ cache (search hydration, card open) cost about half as much.
    sqlite.pragma('mmap_size = 4294967296');
  }
}

const keys = new WeakMap<object, DeskKeySource | 'none'>();

/**
 * Every `transaction()` on a desk connection begins IMMEDIATE. A deferred transaction that reads
 * and then writes fails at once with SQLITE_BUSY_SNAPSHOT (busy_timeout does not help) when
 * another connection committed in between: the churn worker, the CLI, or a second desk process
 * on the same folder. Taking the write lock up front makes such a transaction wait its turn.
 */
function beginTransactionsImmediately(sqlite: SqliteDatabase): void {
  const transaction = sqlite.transaction.bind(sqlite);
  // Each variant carries the others (.deferred, .immediate, .exclusive) as properties.
  sqlite.transaction = ((fn: (...args: never[]) => unknown) => transaction(fn).immediate) as SqliteDatabase['transaction'];
}

/** The key source a connection was opened with (restore and wipe reopen/delete with it). */
export function databaseKeyOf(sqlite: SqliteDatabase): DeskKeySource | 'none' | undefined {
  return keys.get(sqlite);
}

function nativeOptions(readonly: boolean): Database.Options {
  // The Electron host started from a source checkout loads a multiple-ciphers binding built for
  // Electron's ABI (scripts/start.mjs builds it); packaged apps get theirs rebuilt by electron-builder.
  const binding = process.env.DEALERDESK_SQLITE_BINDING;
  return { ...(binding ? { nativeBinding: binding } : {}), ...(readonly ? { readonly: true, fileMustExist: true } : {}) };
}

/**
 * A connection to `path` with its key applied and checked, nothing else run yet. Throws
 * DeskError('unavailable') for a missing or wrong key; the file is never written before the
 * key is known to be right.
 */
export function openKeyed(path: string, source: DeskKeySource | 'none', options: { readonly?: boolean } = {}): { sqlite: SqliteDatabase; encrypted: boolean } {
  const readonly = options.readonly ?? false;
  const kind = path === ':memory:' ? 'missing' : databaseFileKind(path);
  if (source === 'none' || path === ':memory:' || (readonly && kind === 'plaintext')) {
    if (kind === 'encrypted') throw new DeskError('unavailable', `${path} is encrypted and was opened without a key`);
    return { sqlite: new Database(path, nativeOptions(readonly)) as unknown as SqliteDatabase, encrypted: false };
  }
  let key = source.load();
  if (!key && kind === 'encrypted') {
    throw new DeskError('unavailable', `${path} is encrypted and its key (${source.description}) is missing; without the key the data cannot be read`);
  }
  if (!key && readonly) throw new DeskError('unavailable', `${path} has no database key yet (${source.description})`);
  key ??= source.create();
  const sqlite = new Database(path, nativeOptions(readonly)) as unknown as SqliteDatabase;
  try {
    if (kind === 'plaintext') {
      encryptInPlace(sqlite, key);
    } else {
      applyKey(sqlite, key);
    }
    if (!keyWorks(sqlite)) {
      throw new DeskError('unavailable', `${path} cannot be read with the database key in ${source.description}: the key is wrong or the file is not a Dealerdesk database`);
    }
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { sqlite, encrypted: true };
}

export function openDatabase(path: string, options: OpenOptions = {}): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const source = options.key ?? keyFileSource(path);
  const { sqlite, encrypted } = openKeyed(path, source, { readonly: options.readonly });
  if (!options.readonly) beginTransactionsImmediately(sqlite);
  keys.set(sqlite, source);
  const db = drizzle(sqlite, { schema });
  if (!options.readonly) {
    applyPragmas(sqlite, { encrypted });
    migrate(db, { migrationsFolder: options.migrationsFolder ?? clientMigrationsFolder() });
    installChangeCapture(sqlite);
  }
  return { sqlite, db, path, key: source };
}
