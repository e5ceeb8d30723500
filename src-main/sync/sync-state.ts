// The desk's sync bookkeeping, in the settings table. The cursor and the snapshot position are
// only ever written inside the same transaction as the rows they describe, so a crash can
// replay a page (harmless: writes are conditional on rev) but never skip one.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { SyncEntity } from '../../src-shared/domain/sync/entities';

export interface SnapshotPosition {
  /** Entity being downloaded and the last uid stored. */
  entity: SyncEntity;
  after: string;
  /** Server rev when the snapshot began: incremental pull continues from here. */
  r0: number | null;
  rows: number;
}

export interface ServerConfig {
  url: string;
  /** PEM of the CA (or self-signed certificate) this desk trusts for the server; else the system's. */
  caPem?: string;
  username?: string;
}

const get = (sqlite: Database.Database, key: string) => sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
const set = (sqlite: Database.Database, key: string, value: string) =>
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
const remove = (sqlite: Database.Database, key: string) => sqlite.prepare('DELETE FROM settings WHERE key = ?').run(key);

export const syncState = {
  deskId(sqlite: Database.Database): string {
    let id = get(sqlite, 'sync.deskId');
    if (!id) set(sqlite, 'sync.deskId', (id = randomUUID()));
    return id;
  },
  cursor: (sqlite: Database.Database) => Number(get(sqlite, 'sync.cursor') ?? 0),
  setCursor: (sqlite: Database.Database, rev: number) => set(sqlite, 'sync.cursor', String(rev)),
  /** null: the snapshot is done (or never needed); incremental pull from cursor. */
  snapshot(sqlite: Database.Database): SnapshotPosition | null {
    const raw = get(sqlite, 'sync.snapshot');
    if (raw === undefined) return get(sqlite, 'sync.cursor') === undefined ? { entity: 'customers', after: '', r0: null, rows: 0 } : null;
    return raw === 'done' ? null : (JSON.parse(raw) as SnapshotPosition);
  },
  setSnapshot: (sqlite: Database.Database, position: SnapshotPosition | null) => set(sqlite, 'sync.snapshot', position ? JSON.stringify(position) : 'done'),
  restartSnapshot(sqlite: Database.Database): void {
    remove(sqlite, 'sync.snapshot');
    remove(sqlite, 'sync.cursor');
  },
  scope: (sqlite: Database.Database) => get(sqlite, 'sync.scope') ?? null,
  setScope: (sqlite: Database.Database, scope: string) => set(sqlite, 'sync.scope', scope),
  lastSyncAt: (sqlite: Database.Database) => get(sqlite, 'sync.lastSyncAt') ?? null,
  setLastSyncAt: (sqlite: Database.Database, at: string) => set(sqlite, 'sync.lastSyncAt', at),
  server(sqlite: Database.Database): ServerConfig | null {
    const raw = get(sqlite, 'sync.server');
    return raw ? (JSON.parse(raw) as ServerConfig) : null;
  },
  setServer: (sqlite: Database.Database, config: ServerConfig) => set(sqlite, 'sync.server', JSON.stringify(config)),
  // The refresh token belongs in the OS keychain on Electron (src-main/electron/secret-store.ts);
  // here it is kept beside the data, which is what the browser host and the CLI can do.
  refreshToken: (sqlite: Database.Database) => get(sqlite, 'sync.refreshToken') ?? null,
  setRefreshToken(sqlite: Database.Database, token: string | null): void {
    if (token) set(sqlite, 'sync.refreshToken', token);
    else remove(sqlite, 'sync.refreshToken');
  },
  droppedIndexes: (sqlite: Database.Database): string[] => JSON.parse(get(sqlite, 'sync.droppedIndexes') ?? '[]') as string[],
  setDroppedIndexes(sqlite: Database.Database, sql: string[]): void {
    if (sql.length) set(sqlite, 'sync.droppedIndexes', JSON.stringify(sql));
    else remove(sqlite, 'sync.droppedIndexes');
  },
};

export function isSyncConfigured(sqlite: Database.Database): boolean {
  return syncState.server(sqlite) !== null;
}

/**
 * After a backup is restored the desk must not reuse its old identity: the server has already
 * seen its mutation ids up to a point the backup predates, so re-sent edits would be skipped as
 * duplicates and silently lost. The restored desk becomes a new desk: new id, pending outbox
 * renumbered from 1 (the server expects a new desk's first mutation to be 1), and a fresh
 * download from the server with those pending edits re-applied on top.
 */
export function forgetDeskIdentity(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    for (const key of ['sync.deskId', 'sync.cursor', 'sync.snapshot']) remove(sqlite, key);
    sqlite.exec('CREATE TEMP TABLE outbox_renumber AS SELECT mutation_id AS old, row_number() OVER (ORDER BY mutation_id) AS new FROM sync_outbox');
    // Negate first so no renumbered id collides with one not yet renumbered.
    sqlite.prepare('UPDATE sync_outbox SET mutation_id = -mutation_id').run();
    sqlite.prepare('UPDATE sync_outbox SET mutation_id = (SELECT new FROM outbox_renumber WHERE old = -sync_outbox.mutation_id)').run();
    sqlite.exec('DROP TABLE outbox_renumber');
    sqlite.prepare("UPDATE sqlite_sequence SET seq = (SELECT count(*) FROM sync_outbox) WHERE name = 'sync_outbox'").run();
  })();
}
