// "My work" and team queues. Open items are ordered by `sort_at` (deadline, next attempt or
// creation) then id, and paged with a keyset cursor, so each page is an index range scan on
// (owner | kind | department, open, sort_at, id) whatever the queue's size.
import type { z } from 'zod';
import { DeskError } from '../../src-shared/contract/errors';
import type { WorkItemView, WorkQueueFilterSchema } from '../../src-shared/contract/work-items';
import type { WorkflowContext } from './context';
import { workItemSelect, type WorkItemRow } from './work-item-repository';
import { workItemView } from './work-item-view';

type Filter = z.output<typeof WorkQueueFilterSchema>;

export function encodeCursor(sortAt: string, id: number): string {
  return Buffer.from(`${sortAt}|${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, number] {
  const [sortAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!sortAt || !Number.isInteger(Number(id))) throw new DeskError('invalid-input', 'bad cursor');
  return [sortAt, Number(id)];
}

export function listWorkItems(ctx: WorkflowContext, f: Filter): { items: WorkItemView[]; nextCursor: string | null } {
  const where: string[] = ['w.open = ?'];
  const args: unknown[] = [f.open ? 1 : 0];
  if (f.scope === 'mine') { where.push('w.owner = ?'); args.push(ctx.session.userName); }
  else if (f.scope === 'team') where.push(f.department ? 'w.department = ?' : 'w.owner IS NULL');
  if (f.scope === 'team' && f.department) args.push(f.department);
  else if (f.department) { where.push('w.department = ?'); args.push(f.department); }
  if (f.kinds?.length) {
    where.push(`w.kind IN (${f.kinds.map(() => '?').join(',')})`);
    args.push(...f.kinds);
  }
  if (f.status) { where.push('w.status = ?'); args.push(f.status); }
  if (f.customerId) { where.push('w.customer_id = ?'); args.push(f.customerId); }
  if (f.overdueOnly) { where.push('w.deadline_at IS NOT NULL AND w.deadline_at < ? AND w.replied_at IS NULL'); args.push(ctx.now().toISOString()); }
  if (f.cursor) {
    const [sortAt, id] = decodeCursor(f.cursor);
    where.push('(w.sort_at > ? OR (w.sort_at = ? AND w.id > ?))');
    args.push(sortAt, sortAt, id);
  }
  const rows = ctx.sqlite.prepare(`${workItemSelect} WHERE ${where.join(' AND ')} ORDER BY w.sort_at, w.id LIMIT ?`).all(...args, f.limit + 1) as WorkItemRow[];
  const page = rows.slice(0, f.limit);
  const now = ctx.now();
  const last = page[page.length - 1];
  return { items: page.map((r) => workItemView(r, now, ctx.session.role)), nextCursor: rows.length > f.limit && last ? encodeCursor(last.sortAt, last.id) : null };
}
