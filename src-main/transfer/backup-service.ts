// Backup and restore of the desk's SQLite file. A backup is `VACUUM INTO` from the live
// connection: a consistent snapshot in one self-contained file, encrypted with the desk's own key
// (SQLite's online backup API cannot copy between encrypted and unkeyed connections), so it can
// be restored on this desk, or elsewhere together with the desk's key file. Plaintext backups
// from before encryption restore too and are encrypted on the way in. Restore invariant: the
// live database is never left half-restored: the candidate is checked first (integrity_check,
// Dealerdesk tables, migrations not newer than this build), the current data is saved as a
// pre-restore backup, the candidate is prepared (keyed, migrated, new sync identity) in a staging
// file beside the live one, and only then swapped in with one rename; the desk reconnects to it.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { forgetDeskIdentity } from '../sync/sync-state';
import { startSyncIfConfigured, stopSync } from '../sync/handlers';
import { DeskError } from '../../src-shared/contract/errors';
import { can } from '../../src-shared/domain/roles';
import { clientMigrationsFolder, databaseKeyOf, openDatabase, openKeyed, type SqliteDatabase } from '../db/open';
import { copyDatabaseTo } from '../db/encryption/cipher';
import type { DeskKeySource } from '../db/encryption/key-file';
import type { DeskContext } from '../host/context';
import { fileStamp } from './export-service';

export interface BackupFile {
  path: string;
  bytes: number;
  createdAt: string;
}

const backupName = /^dealerdesk-\d{8}-\d{6}(-[a-z0-9-]+)?\.sqlite$/;

export function backupsDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

function requireBackupRole(ctx: DeskContext): void {
  if (!can(ctx.session.role, 'backupDatabase')) throw new DeskError('forbidden', `role ${ctx.session.role} may not back up or restore the database`);
}

export async function backupDatabase(ctx: DeskContext, suffix = ''): Promise<{ path: string; bytes: number }> {
  requireBackupRole(ctx);
  const dir = backupsDir(ctx.dataDir);
  mkdirSync(dir, { recursive: true });
  const base = `dealerdesk-${fileStamp(ctx.now())}${suffix ? `-${suffix}` : ''}`;
  let path = join(dir, `${base}.sqlite`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${base}-${n}.sqlite`);
  // One self-contained file in rollback-journal mode (no -wal/-shm beside it on a stick).
  copyDatabaseTo(ctx.sqlite, path);
  ctx.log.info('database backed up', { path });
  return { path, bytes: statSync(path).size };
}

export function listBackups(ctx: DeskContext): BackupFile[] {
  requireBackupRole(ctx);
  const dir = backupsDir(ctx.dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => backupName.test(name))
    .map((name) => {
      const stat = statSync(join(dir, name));
      return { path: join(dir, name), bytes: stat.size, createdAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.path.localeCompare(a.path));
}

function deskKey(ctx: DeskContext): DeskKeySource | 'none' {
  return databaseKeyOf(ctx.sqlite) ?? 'none';
}

/** Throws invalid-input with the reason when `path` is not a restorable Dealerdesk database. */
export function checkBackupFile(path: string, key: DeskKeySource | 'none'): void {
  if (!existsSync(path) || !statSync(path).isFile()) throw new DeskError('not-found', `no backup file at ${path}`);
  let candidate: SqliteDatabase | null = null;
  try {
    try {
      candidate = openKeyed(path, key, { readonly: true }).sqlite;
    } catch (error) {
      if (error instanceof DeskError) {
        throw new DeskError('invalid-input', `${path} cannot be read with this desk's key: it is not a Dealerdesk backup, or it was made on another desk (restore it there, or copy that desk's key file here)`);
      }
      throw error;
    }
    const integrity = candidate.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new DeskError('invalid-input', `the backup is damaged (integrity_check: ${String(integrity)})`);
    const tables = new Set(candidate.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    if (!tables.has('customers') || !tables.has('phones')) throw new DeskError('invalid-input', 'the file is not a Dealerdesk database (no customers table)');
    if (!tables.has('__drizzle_migrations')) throw new DeskError('invalid-input', 'the file is not a Dealerdesk database (no migration table)');
    const applied = candidate.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
    const known = knownMigrationCount();
    if (applied > known) throw new DeskError('invalid-input', `the backup was made by a newer Dealerdesk (${applied} migrations, this build knows ${known}); update Dealerdesk first`);
  } catch (error) {
    if (error instanceof DeskError) throw error;
    throw new DeskError('invalid-input', `cannot read the backup: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    candidate?.close();
  }
}

function knownMigrationCount(): number {
  const journal = JSON.parse(readFileSync(join(clientMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

const sidecars = (path: string) => [`${path}-wal`, `${path}-shm`, `${path}-journal`];

/** The candidate as the live file will be: keyed with the desk's key, migrated, a new sync identity. */
function prepareStaging(source: string, staging: string, key: DeskKeySource | 'none'): void {
  for (const file of [staging, ...sidecars(staging)]) rmSync(file, { force: true });
  copyFileSync(source, staging);
  const { sqlite } = openDatabase(staging, { key });
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new DeskError('invalid-input', `the backup failed integrity_check after migration: ${String(integrity)}`);
    forgetDeskIdentity(sqlite);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.close();
  }
}

export async function restoreDatabase(ctx: DeskContext, path: string): Promise<{ restoredFrom: string; safetyBackup: string }> {
  requireBackupRole(ctx);
  const source = resolve(path);
  const livePath = ctx.sqlite.name;
  if (resolve(livePath) === source) throw new DeskError('invalid-input', 'that is the live database itself');
  const key = deskKey(ctx);
  checkBackupFile(source, key);
  const safety = await backupDatabase(ctx, 'pre-restore');
  const staging = `${livePath}.restoring`;
  try {
    prepareStaging(source, staging, key);
  } catch (error) {
    for (const file of [staging, ...sidecars(staging)]) rmSync(file, { force: true });
    if (error instanceof DeskError) throw error;
    throw new DeskError('unavailable', `restore failed, the database is unchanged: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The swap: nothing may hold the live file, and no WAL of the old content may survive to be
  // replayed onto the new one.
  await stopSync(ctx);
  ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  ctx.sqlite.close();
  for (const file of sidecars(livePath)) rmSync(file, { force: true });
  renameSync(staging, livePath);
  const reopened = openDatabase(livePath, { key });
  ctx.sqlite = reopened.sqlite;
  ctx.db = reopened.db;
  if (ctx.host !== 'cli') startSyncIfConfigured(ctx);
  ctx.log.info('database restored', { from: source, safetyBackup: safety.path });
  ctx.emit('customers.changed', {});
  return { restoredFrom: source, safetyBackup: safety.path };
}
