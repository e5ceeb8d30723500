// Opens the desk's SQLite file: WAL so readers never block the writer, foreign keys on,
// synchronous=NORMAL (safe with WAL: a power cut loses at most the last commits, never
// corrupts), and applies drizzle-kit's migrations from migrations/client/.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index';

export type DeskDb = BetterSQLite3Database<typeof schema>;
export interface OpenedDatabase {
  sqlite: Database.Database;
  db: DeskDb;
  path: string;
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

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  // Reads map the file instead of copying pages through read(): random lookups over a
  // 1 GB+ cache (search hydration, card open) cost about half as much.
  sqlite.pragma('mmap_size = 4294967296');
}

export function openDatabase(path: string, options: { migrationsFolder?: string } = {}): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // The Electron host started from a source checkout loads a better-sqlite3 built for Electron's
  // ABI (scripts/start.mjs builds it); packaged apps get theirs rebuilt by electron-builder.
  const binding = process.env.DEALERDESK_SQLITE_BINDING;
  const sqlite = new Database(path, binding ? { nativeBinding: binding } : {});
  applyPragmas(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: options.migrationsFolder ?? clientMigrationsFolder() });
  return { sqlite, db, path };
}
