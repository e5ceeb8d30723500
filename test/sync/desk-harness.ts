// Desks for sync tests: a real desk database (all migrations) in a temp folder and a sync
// engine pointed at a server URL, plus a canonical dump of the shared records for comparing
// desks with each other and with the server.
import type Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/db/open';
import { SyncEngine, type SyncEngineOptions } from '../../src-main/sync/sync-engine';
import { syncState } from '../../src-main/sync/sync-state';
import { deskRows, deskTable } from '../../src-main/sync/desk-rows';
import { entityFields, syncEntities, type SyncEntity } from '../../src-shared/domain/sync/entities';
import type { Sql } from '../../src-server/store/sql';
import { columnOf } from '../../src-server/store/records';
import type { WorkflowContext } from '../../src-main/workflows/context';
import type { Role } from '../../src-shared/domain/roles';

export interface TestDesk {
  dir: string;
  sqlite: Database.Database;
  engine: SyncEngine;
  reopen(): TestDesk;
  close(): Promise<void>;
}

/** The context a desk's services get for `userName` signed in as `role`, on a fixed clock. */
export function deskContext(desk: TestDesk, userName: string, role: Role, now: () => Date): WorkflowContext {
  return { sqlite: desk.sqlite, dataDir: desk.dir, session: { userName, role, locale: 'zh-CN' }, now, emit: () => undefined, log: { info: () => undefined, error: () => undefined } };
}

/** The desk's own id of the synced row `uid` of `table`. */
export function localIdOf(desk: TestDesk, table: string, uid: string): number {
  return desk.sqlite.prepare(`SELECT id FROM ${table} WHERE uid = ?`).pluck().get(uid) as number;
}

export function openTestDesk(options: { serverUrl: string; username: string; password: string; dir?: string } & Partial<SyncEngineOptions>): TestDesk {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'dd-desk-'));
  const { sqlite } = openDatabase(join(dir, 'dealerdesk.sqlite'));
  syncState.setServer(sqlite, { url: options.serverUrl, caPem: options.server?.caPem });
  const engine = new SyncEngine({
    retryBaseMs: 20,
    retryMaxMs: 200,
    websocket: false,
    ...options,
    sqlite,
    server: options.server ?? { url: options.serverUrl },
    credentials: { username: options.username, password: options.password },
  });
  const desk: TestDesk = {
    dir,
    sqlite,
    engine,
    reopen() {
      return openTestDesk({ ...options, dir });
    },
    async close() {
      await engine.stop();
      if (sqlite.open) sqlite.close();
    },
  };
  return desk;
}

export type Dump = Record<SyncEntity, Record<string, unknown[]>>;

/** Every shared record on the desk by uid, wire values in field order. */
export function dumpDesk(sqlite: Database.Database): Dump {
  const rows = deskRows(sqlite);
  const out = {} as Dump;
  for (const entity of syncEntities) {
    out[entity] = {};
    const uids = sqlite.prepare(`SELECT uid FROM ${deskTable(entity)} WHERE uid IS NOT NULL ORDER BY uid`).pluck().all() as string[];
    for (const uid of uids) {
      const row = rows.read(entity, uid);
      if (row) out[entity][uid] = row.values;
    }
  }
  return out;
}

/** The same dump from the server's store (live rows only). */
export async function dumpServer(sql: Sql, dealershipId: number, entities: readonly SyncEntity[] = syncEntities): Promise<Dump> {
  const out = {} as Dump;
  for (const entity of syncEntities) {
    out[entity] = {};
    if (!entities.includes(entity)) continue;
    const cols = entityFields[entity].map(columnOf).join(', ');
    const rows = await sql.query<Record<string, unknown>>(`SELECT uid, ${cols} FROM ${entity} WHERE dealership_id = $1 AND NOT deleted ORDER BY uid`, [dealershipId]);
    for (const row of rows) out[entity][row.uid as string] = entityFields[entity].map((f) => row[columnOf(f)] ?? null);
  }
  return out;
}
