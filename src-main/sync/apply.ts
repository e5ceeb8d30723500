// Applying what the server sends, each page in ONE SQLite transaction together with the
// cursor that says it was applied: a crash (even SIGKILL) mid-apply rolls the page back and
// the page is fetched again; writes are conditional on rev, so a replay is harmless.
// Rebase (Replicache's pattern): after a page, the desk's own pending edits of the touched
// records are applied again on top, so downloads never wait for uploads and the screen never
// shows a pending edit undone. Except a pending create the server takes for a no-op
// (madeAlready, src-shared/domain/sync/merge.ts, the rule push.ts applies): a history entry, or a
// rule-made work item whose source key another desk's run of the rule used first. The server keeps the first desk's row whatever this desk
// pushes, so that row stays here too; the create itself stays queued (the server records it as
// made already, and mutation ids must stay gapless).
// Restore: the server refuses some mutations for good (permission, state machine, a deleted
// parent; validate.ts). The desk then fetches those records' current state (rejected-records.ts)
// and writes it here in the transaction that acknowledges them: a refused create disappears, a
// refused edit or delete is undone, later pending edits go on top again.
import type Database from 'better-sqlite3';
import { entityFields, syncEntities, type SyncEntity, type WireValue } from '../../src-shared/domain/sync/entities';
import { madeAlready } from '../../src-shared/domain/sync/merge';
import type { Change, PullResponse, SnapshotPage } from '../../src-shared/domain/sync/protocol';
import { deskRows } from './desk-rows';
import { acknowledge, pendingFor, pendingUids } from './outbox';
import { inSnapshotTransaction, snapshotWriter } from './snapshot-writer';
import { syncState, type SnapshotPosition } from './sync-state';

export interface ApplyFaults {
  /** Throws inside the apply transaction (a desk crash mid-apply, in-process). */
  beforeCommit?: (what: 'pull' | 'snapshot' | 'restore') => void;
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
    // The server's row is the one to keep (its own check, push.ts): `current` is the row as the server sent it.
    if (madeAlready(m, m.entity === 'work_items' ? current.values[sourceKeyAt] : undefined)) continue;
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

const sourceKeyAt = (entityFields.work_items as readonly string[]).indexOf('sourceKey');

/**
 * Writes the server's current state of records whose mutations it rejected (and the rows those
 * need or took with them), acknowledging the outbox up to `lastMutationId` in the same
 * transaction. A change with `x` or `d` means the server holds no live row: removed here. Rows
 * are written parents first and never over a newer row; returns the entries acknowledged.
 */
export function applyRestoredRecords(sqlite: Database.Database, lastMutationId: number, records: Change[], faults?: ApplyFaults): number {
  const order = (c: Change) => syncEntities.indexOf(c.e);
  const sorted = [...records].sort((a, b) => order(a) - order(b));
  return sqlite.transaction(() => {
    const rows = deskRows(sqlite);
    const acknowledged = acknowledge(sqlite, lastMutationId);
    const touched = new Set<string>();
    // Removals children first (the reverse order), so a parent never goes before its children.
    for (const change of [...sorted].reverse()) if (change.d || change.x) rows.remove(change.e, change.u);
    for (const change of sorted) {
      if (change.d || change.x) continue;
      touched.add(change.u);
      const local = rows.read(change.e, change.u);
      if (!local || change.r >= local.rev) rows.write(change.e, change.u, change.r, change.v ?? [], true);
    }
    rebase(sqlite, touched);
    faults?.beforeCommit?.('restore');
    return acknowledged;
  })();
}

export function applySnapshotPage(sqlite: Database.Database, page: SnapshotPage, position: SnapshotPosition, next: SnapshotPosition | null, faults?: ApplyFaults): number {
  const entity = page.entity as SyncEntity;
  return inSnapshotTransaction(sqlite, entity, page.deleted, () => pendingUids(sqlite).size > 0, () => {
    const pending = pendingUids(sqlite);
    const touched = new Set<string>();
    const written = snapshotWriter(sqlite).write(entity, page.rows, page.deleted);
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
  });
}
