// The signed-in user's scope changed (an advisor given another book, a role change): rows
// downloaded for the old scope go, local rows not yet on the server (rev 0) and the outbox
// stay, and the next cycle snapshots the new scope.
import type Database from 'better-sqlite3';
import { syncState } from './sync-state';

export function resetForNewScope(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    for (const table of ['service_visits', 'phones', 'vehicles', 'customers']) {
      sqlite.prepare(`DELETE FROM ${table} WHERE rev > 0 AND uid NOT IN (SELECT uid FROM sync_outbox)`).run();
    }
    sqlite.prepare('DELETE FROM sync_conflicts').run();
    syncState.restartSnapshot(sqlite);
  })();
}
