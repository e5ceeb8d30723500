// The signed-in user's scope changed (an advisor given another book, a role change): rows
// downloaded for the old scope go, local rows not yet on the server (rev 0) and the outbox
// stay, and the next cycle snapshots the new scope.
import type Database from 'better-sqlite3';
import { syncEntities } from '../../src-shared/domain/sync/entities';
import { deskTable } from './desk-rows';
import { asServerWrite } from './record-tables';
import { syncState } from './sync-state';

export function resetForNewScope(sqlite: Database.Database): void {
  sqlite.transaction(() =>
    asServerWrite(sqlite, () => {
      const children = [...syncEntities].reverse().filter((e) => e !== 'conflicts');
      for (const entity of children) {
        sqlite.prepare(`DELETE FROM ${deskTable(entity)} WHERE rev > 0 AND uid NOT IN (SELECT uid FROM sync_outbox)`).run();
      }
      sqlite.prepare('DELETE FROM sync_conflicts').run();
      syncState.restartSnapshot(sqlite);
    }),
  )();
}
