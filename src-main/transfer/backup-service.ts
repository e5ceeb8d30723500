// Backup and restore of the desk's SQLite file with SQLite's online backup API, which copies a
// consistent snapshot while the desk keeps running. Restore invariant: the live database is
// never left half-restored: the candidate is checked first (integrity_check, Dealerdesk tables,
// migrations not newer than this build), the current data is saved as a pre-restore backup, and
// the copy into the live file is one backup transaction (the destination is locked and
// committed at the end, so a failure leaves the old content). Older schemas are migrated after.
import Database from 'better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { forgetDeskIdentity } from '../sync/sync-state';
import { DeskError } from '../../src-shared/contract/errors';
import { can } from '../../src-shared/domain/roles';
import { clientMigrationsFolder } from '../db/open';
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
  await ctx.sqlite.backup(path);
  // A backup is one self-contained file (no -wal/-shm beside it when opened or copied to a stick).
  const copy = new Database(path);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
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

const sqliteMagic = 'SQLite format 3\u0000';

/** Throws invalid-input with the reason when `path` is not a restorable Dealerdesk database. */
export function checkBackupFile(path: string): void {
  if (!existsSync(path) || !statSync(path).isFile()) throw new DeskError('not-found', `no backup file at ${path}`);
  const head = readFileSync(path).subarray(0, 16).toString('latin1');
  if (head !== sqliteMagic) throw new DeskError('invalid-input', `${path} is not an SQLite database`);
  let candidate: Database.Database | null = null;
  try {
    candidate = new Database(path, { readonly: true, fileMustExist: true });
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

export async function restoreDatabase(ctx: DeskContext, path: string): Promise<{ restoredFrom: string; safetyBackup: string }> {
  requireBackupRole(ctx);
  const source = resolve(path);
  const livePath = ctx.sqlite.name;
  if (resolve(livePath) === source) throw new DeskError('invalid-input', 'that is the live database itself');
  checkBackupFile(source);
  const safety = await backupDatabase(ctx, 'pre-restore');
  const candidate = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // Large steps: the destination stays locked for the whole copy anyway.
    await candidate.backup(livePath, { progress: () => 1_000_000 });
  } catch (error) {
    throw new DeskError('unavailable', `restore failed, the database is unchanged: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    candidate.close();
  }
  const integrity = ctx.sqlite.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') {
    await restoreFrom(safety.path, livePath);
    throw new DeskError('internal', `restored database failed integrity_check; the previous data was put back from ${safety.path}`);
  }
  migrate(ctx.db, { migrationsFolder: clientMigrationsFolder() });
  forgetDeskIdentity(ctx.sqlite);
  ctx.log.info('database restored', { from: source, safetyBackup: safety.path });
  ctx.emit('customers.changed', {});
  return { restoredFrom: source, safetyBackup: safety.path };
}

async function restoreFrom(source: string, livePath: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(livePath, { progress: () => 1_000_000 });
  } finally {
    db.close();
  }
}
