// A disabled user's desk erases its local copy of the dealership's data at the first contact with
// the server that says so (issue 9, "customer data must not leave with staff"). Erased: the
// database with its WAL/SHM/journal and key file, backups (encrypted with that key, but copies
// all the same), recordings, knowledge-base and work-item attachments, queued e-mail parts and
// the stored SIP password. Kept: window and headset preferences, which say nothing about
// customers. The desk then continues on a new, empty database with a new key, remembering only
// the server address and user name, so it shows the sign-in form: the next user signs in and
// downloads their own data.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DeskKeySource } from '../db/encryption/key-file';
import { databaseKeyOf, openDatabase, type SqliteDatabase } from '../db/open';
import { loadSession } from '../session/session-store';
import { syncState, type ServerConfig } from '../sync/sync-state';
import type { DeskContext } from './context';

/** Folders and files under DATA_DIR that hold customer data besides the database. */
export const customerDataPaths = ['backups', 'recordings', 'kb-attachments', 'work-item-attachments', 'outbox-parts', 'secrets.json'];

export function databaseFiles(path: string, key: DeskKeySource | 'none' | undefined): string[] {
  const sidecars = ['-wal', '-shm', '-journal', '.restoring'].map((suffix) => `${path}${suffix}`);
  return [path, ...sidecars, ...(key && key !== 'none' ? key.files : [])];
}

/** Closes the connection and deletes the database, its side files and its key. */
export function deleteDatabase(sqlite: SqliteDatabase): void {
  const path = sqlite.name;
  const key = databaseKeyOf(sqlite);
  if (sqlite.open) sqlite.close();
  for (const file of databaseFiles(path, key)) rmSync(file, { force: true });
}

/**
 * Wipes the desk and reopens it empty. The caller has stopped everything that holds the old
 * connection (the sync engine); services read ctx.sqlite on every call and get the new one.
 */
export function wipeLocalCache(ctx: DeskContext, options: { server: ServerConfig | null; reason: string }): void {
  const path = ctx.sqlite.name;
  const key = databaseKeyOf(ctx.sqlite);
  deleteDatabase(ctx.sqlite);
  for (const entry of customerDataPaths) rmSync(join(ctx.dataDir, entry), { recursive: true, force: true });
  // The old key file is gone, so the new database gets a new key: a copy of the old file taken
  // earlier stays unreadable.
  const reopened = openDatabase(path, key ? { key } : {});
  ctx.sqlite = reopened.sqlite;
  ctx.db = reopened.db;
  Object.assign(ctx.session, loadSession(ctx.sqlite));
  if (options.server) syncState.setServer(ctx.sqlite, { url: options.server.url, caPem: options.server.caPem, username: options.server.username });
  ctx.log.info('local cache wiped: the user is disabled on the dealership server', { reason: options.reason });
  ctx.emit('customers.changed', {});
  ctx.emit('kb.changed', {});
}
