// Applying what the server sends, each page in ONE SQLite transaction together with the
// cursor that says it was applied: a crash (even SIGKILL) mid-apply rolls the page back and
// the page is fetched again; writes are conditional on rev, so a replay is harmless.
// Rebase (Replicache's pattern): after a page, the desk's own pending edits of the touched
// records are applied again on top, so downloads never wait for uploads and the screen never
// shows a pending edit undone.
import type Database from 'better-sqlite3';
import { entityFields, type SyncEntity, type WireValue } from '../../src-shared/domain/sync/entities';
import type { Change, PullResponse, SnapshotPage } from '../../src-shared/domain/sync/protocol';
import { deskRows } from './desk-rows';
import { acknowledge, pendingFor, pendingUids } from './outbox';
import { snapshotWriter } from './snapshot-writer';
import { syncState, type SnapshotPosition } from './sync-state';

export interface ApplyFaults {
  /** Throws inside the apply transaction (a desk crash mid-apply, in-process). */
  beforeCommit?: (what: 'pull' | 'snapshot') => void;
}

export interface PullApplyResult {
  applied: number;
  acknowledged: number;
  changedCustomers: number;
}

export function applyPullPage(sqlite: Database.Database, page: PullResponse, faults?: ApplyFaults): PullApplyResult {
  return sqlite.transaction(() => {
    const rows = deskRows(sqlite);
    const acknowledged = acknowledge(sqlite, page.lastMutationId);
    const touched = new Set<string>();
    let applied = 0;
    for (const change of page.parents) if (applyChange(rows, change, touched)) applied++;
    for (const change of page.changes) if (applyChange(rows, change, touched)) applied++;
    rebase(sqlite, touched);
    syncState.setCursor(sqlite, Math.max(syncState.cursor(sqlite), page.nextRev));
    faults?.beforeCommit?.('pull');
    return { applied, acknowledged, changedCustomers: touched.size };
  })();
}

function applyChange(rows: ReturnType<typeof deskRows>, change: Change, touched: Set<string>): boolean {
  touched.add(change.u);
  if (change.d || change.x) return rows.remove(change.e, change.u);
  return rows.write(change.e, change.u, change.r, change.v ?? []);
}

/** Pending local edits of the touched records, written again over the server's values. */
function rebase(sqlite: Database.Database, touched: Set<string>): void {
  const rows = deskRows(sqlite);
  for (const m of pendingFor(sqlite, touched)) {
    if (m.op === 'delete') {
      rows.remove(m.entity, m.uid);
      continue;
    }
    const current = rows.read(m.entity, m.uid);
    if (!current) continue; // deleted on the server or out of scope: the push will tell (conflict inbox)
    const fields = entityFields[m.entity] as readonly string[];
    const next: WireValue[] = [...current.values];
    for (const [field, value] of Object.entries(m.fields)) {
      const i = fields.indexOf(field);
      if (i >= 0) next[i] = value;
    }
    const derived = 'name' in m.fields ? [] : rows.readDerived(m.entity, m.uid);
    rows.write(m.entity, m.uid, current.rev, [...next, ...derived], true);
  }
}

export function applySnapshotPage(sqlite: Database.Database, page: SnapshotPage, position: SnapshotPosition, next: SnapshotPosition | null, faults?: ApplyFaults): number {
  return sqlite.transaction(() => {
    const entity = page.entity as SyncEntity;
    const pending = pendingUids(sqlite);
    const touched = new Set<string>();
    const written = snapshotWriter(sqlite).write(entity, page.rows);
    if (pending.size > 0) for (const row of page.rows) if (pending.has(row[0] as string)) touched.add(row[0] as string);
    rebase(sqlite, touched);
    if (next === null) {
      syncState.setSnapshot(sqlite, null);
      syncState.setCursor(sqlite, position.r0 ?? page.serverRev);
    } else {
      syncState.setSnapshot(sqlite, next);
    }
    faults?.beforeCommit?.('snapshot');
    return written;
  })();
}
