// The one write path for work items, their history, links and attachment rows. Every write
// of a work item goes through this module (and appointment-/message-repository.ts for theirs)
// so that the sync outbox of issue 6 can be hooked in one place when its API lands: each
// function here runs inside the caller's transaction when one is open.
import { ruleUid } from '../sync/record-tables';
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../src-shared/contract/errors';

export interface WorkItemRow {
  id: number;
  uid: string;
  kind: string;
  status: string;
  open: number;
  title: string;
  description: string;
  category: string | null;
  department: string | null;
  priority: string;
  owner: string | null;
  createdBy: string;
  customerId: number | null;
  customerName: string | null;
  vehicleId: number | null;
  plate: string | null;
  model: string | null;
  deadlineAt: string | null;
  sortAt: string;
  repliedAt: string | null;
  closedAt: string | null;
  fields: string;
  importance: string;
  alarmsFired: string;
  attempts: number;
  sourceKey: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface NewWorkItemRow {
  kind: string;
  status: string;
  title: string;
  description: string;
  category: string | null;
  department: string | null;
  priority: string;
  owner: string | null;
  createdBy: string;
  customerId: number | null;
  vehicleId: number | null;
  deadlineAt: string | null;
  sortAt: string;
  fields: Record<string, unknown>;
  importance: string[];
  sourceKey: string | null;
  at: string;
}

const selectColumns = `w.id, w.uid, w.kind, w.status, w.open, w.title, w.description, w.category, w.department, w.priority, w.owner,
  w.created_by AS createdBy, w.customer_id AS customerId, c.name AS customerName, w.vehicle_id AS vehicleId, v.plate, v.model,
  w.deadline_at AS deadlineAt, w.sort_at AS sortAt, w.replied_at AS repliedAt, w.closed_at AS closedAt, w.fields, w.importance,
  w.alarms_fired AS alarmsFired, w.attempts, w.source_key AS sourceKey, w.version, w.created_at AS createdAt, w.updated_at AS updatedAt`;
export const workItemFrom = `FROM work_items w LEFT JOIN customers c ON c.id = w.customer_id LEFT JOIN vehicles v ON v.id = w.vehicle_id`;
export const workItemSelect = `SELECT ${selectColumns} ${workItemFrom}`;

function statements(sqlite: Database.Database) {
  return {
    insert: sqlite.prepare(
      `INSERT INTO work_items (uid, kind, status, open, title, description, category, department, priority, owner, created_by, customer_id, vehicle_id,
         deadline_at, sort_at, fields, importance, source_key, created_at, updated_at)
       VALUES (@uid, @kind, @status, 1, @title, @description, @category, @department, @priority, @owner, @createdBy, @customerId, @vehicleId,
         @deadlineAt, @sortAt, @fields, @importance, @sourceKey, @at, @at)
       ON CONFLICT DO NOTHING`,
    ),
    byId: sqlite.prepare(`${workItemSelect} WHERE w.id = ?`),
    history: sqlite.prepare(
      `INSERT INTO work_item_history (uid, work_item_id, at, actor, action, from_status, to_status, note, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(uid) DO NOTHING`,
    ),
    listHistory: sqlite.prepare(
      `SELECT id, at, actor, action, from_status AS fromStatus, to_status AS toStatus, note, data FROM work_item_history WHERE work_item_id = ? ORDER BY at, id`,
    ),
    link: sqlite.prepare(`INSERT OR IGNORE INTO work_item_links (work_item_id, kind, ref) VALUES (?, ?, ?)`),
    links: sqlite.prepare(`SELECT kind, ref FROM work_item_links WHERE work_item_id = ? ORDER BY kind, ref`),
    attach: sqlite.prepare(`INSERT INTO work_item_attachments (work_item_id, name, mime, size, sha256, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    attachments: sqlite.prepare(`SELECT id, name, mime, size, created_by AS createdBy, created_at AS createdAt FROM work_item_attachments WHERE work_item_id = ? ORDER BY id`),
    attachment: sqlite.prepare(`SELECT id, work_item_id AS workItemId, name, mime, sha256 FROM work_item_attachments WHERE id = ?`),
  };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof statements>>();
function prepared(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = statements(sqlite)));
  return s;
}

/** Inserts a work item; null when `sourceKey` already made one (rule-made items are idempotent). */
export function insertWorkItem(sqlite: Database.Database, row: NewWorkItemRow): number | null {
  // A rule-made item has the same uid on every desk that runs the rule: synced, they are one item.
  const uid = row.sourceKey ? ruleUid(row.sourceKey) : randomUUID();
  const r = prepared(sqlite).insert.run({ ...row, uid, fields: JSON.stringify(row.fields), importance: JSON.stringify(row.importance) });
  return r.changes ? Number(r.lastInsertRowid) : null;
}

export function workItemRow(sqlite: Database.Database, id: number): WorkItemRow {
  const row = prepared(sqlite).byId.get(id) as WorkItemRow | undefined;
  if (!row) throw new DeskError('not-found', `work item ${id} not found`);
  return row;
}

export type WorkItemPatch = Partial<{
  status: string;
  open: boolean;
  owner: string | null;
  department: string | null;
  deadlineAt: string | null;
  sortAt: string;
  repliedAt: string | null;
  closedAt: string | null;
  fields: Record<string, unknown>;
  alarmsFired: string[];
  attempts: number;
  priority: string;
}>;

const columnOf: Record<keyof WorkItemPatch, string> = {
  status: 'status', open: 'open', owner: 'owner', department: 'department', deadlineAt: 'deadline_at', sortAt: 'sort_at', repliedAt: 'replied_at',
  closedAt: 'closed_at', fields: 'fields', alarmsFired: 'alarms_fired', attempts: 'attempts', priority: 'priority',
};

/** Applies a patch and bumps the version; `expectedVersion` makes it a compare-and-set. */
export function updateWorkItem(sqlite: Database.Database, id: number, patch: WorkItemPatch, at: string, expectedVersion?: number): void {
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const [key, value] of Object.entries(patch) as [keyof WorkItemPatch, unknown][]) {
    if (value === undefined) continue;
    sets.push(`${columnOf[key]} = ?`);
    values.push(typeof value === 'boolean' ? (value ? 1 : 0) : value !== null && typeof value === 'object' ? JSON.stringify(value) : value);
  }
  sets.push('version = version + 1', 'updated_at = ?');
  values.push(at, id);
  let where = 'id = ?';
  if (expectedVersion !== undefined) {
    where += ' AND version = ?';
    values.push(expectedVersion);
  }
  const r = sqlite.prepare(`UPDATE work_items SET ${sets.join(', ')} WHERE ${where}`).run(...values);
  if (r.changes === 0) throw new DeskError('conflict', `work item ${id} changed meanwhile; reload it`);
}

export interface HistoryInput {
  at: string;
  actor: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
  /** Entries a rule or the scheduler writes get a uid derived from what made them (ruleUid), so desks agree. */
  uid?: string;
}

export function appendHistory(sqlite: Database.Database, workItemId: number, h: HistoryInput): number {
  const r = prepared(sqlite).history.run(h.uid ?? randomUUID(), workItemId, h.at, h.actor, h.action, h.fromStatus ?? null, h.toStatus ?? null, h.note ?? null, h.data ? JSON.stringify(h.data) : null);
  return Number(r.lastInsertRowid);
}

export function historyOf(sqlite: Database.Database, workItemId: number) {
  return (prepared(sqlite).listHistory.all(workItemId) as { id: number; at: string; actor: string; action: string; fromStatus: string | null; toStatus: string | null; note: string | null; data: string | null }[]).map(
    (h) => ({ ...h, data: h.data ? (JSON.parse(h.data) as Record<string, unknown>) : null }),
  );
}

export function linkWorkItem(sqlite: Database.Database, workItemId: number, kind: 'call' | 'message' | 'appointment' | 'work_item', ref: string): void {
  prepared(sqlite).link.run(workItemId, kind, ref);
}

export function linksOf(sqlite: Database.Database, workItemId: number) {
  return prepared(sqlite).links.all(workItemId) as { kind: 'call' | 'message' | 'appointment' | 'work_item'; ref: string }[];
}

export function insertAttachment(sqlite: Database.Database, workItemId: number, a: { name: string; mime: string; size: number; sha256: string; createdBy: string; at: string }): number {
  return Number(prepared(sqlite).attach.run(workItemId, a.name, a.mime, a.size, a.sha256, a.createdBy, a.at).lastInsertRowid);
}

export function attachmentsOf(sqlite: Database.Database, workItemId: number) {
  return prepared(sqlite).attachments.all(workItemId) as { id: number; name: string; mime: string; size: number; createdBy: string; createdAt: string }[];
}

export function attachmentRow(sqlite: Database.Database, id: number) {
  const row = prepared(sqlite).attachment.get(id) as { id: number; workItemId: number; name: string; mime: string; sha256: string } | undefined;
  if (!row) throw new DeskError('not-found', `attachment ${id} not found`);
  return row;
}
