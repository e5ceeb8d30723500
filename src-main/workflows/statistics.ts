// Complaint statistics (seed 000: 投诉…有关统计分析): counts by category, department and vehicle
// model, time to reply, and the share replied within the SLA deadline (seed 004: 3 days);
// the rescue dispatch board; and the customer timeline of everything sent, received and done.
import type { ComplaintStats, WorkItemView } from '../../src-shared/contract/work-items';
import { rescueStates } from '../../src-shared/domain/workflows/state-machines';
import { zonedInstant } from '../../src-shared/domain/workflows/zoned-time';
import { addDays } from '../../src-shared/domain/dates';
import type { WorkflowContext } from './context';
import { loadWorkflowSettings } from './settings';
import { workItemSelect, type WorkItemRow } from './work-item-repository';
import { workItemView } from './work-item-view';

export function complaintStats(ctx: WorkflowContext, from: string, to: string): ComplaintStats {
  const tz = loadWorkflowSettings(ctx.sqlite).dealership.timeZone;
  const start = zonedInstant(from, 0, tz).toISOString();
  const end = zonedInstant(addDays(to, 1), 0, tz).toISOString();
  const range = `FROM work_items w LEFT JOIN vehicles v ON v.id = w.vehicle_id WHERE w.kind = 'complaint' AND w.created_at >= ? AND w.created_at < ?`;
  const totals = ctx.sqlite
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(w.open), 0) AS open, count(w.replied_at) AS replied,
         coalesce(sum(w.replied_at IS NOT NULL AND w.replied_at <= w.deadline_at), 0) AS kept,
         coalesce(sum((w.replied_at IS NOT NULL AND w.replied_at > w.deadline_at) OR (w.replied_at IS NULL AND w.deadline_at < ?)), 0) AS missed,
         avg(CASE WHEN w.replied_at IS NOT NULL THEN (julianday(w.replied_at) - julianday(w.created_at)) * 24 END) AS avgHours
       ${range}`,
    )
    .get(ctx.now().toISOString(), start, end) as { total: number; open: number; replied: number; kept: number; missed: number; avgHours: number | null };
  const group = (expr: string) =>
    ctx.sqlite.prepare(`SELECT coalesce(${expr}, '—') AS key, count(*) AS count ${range} GROUP BY 1 ORDER BY count DESC, key`).all(start, end) as { key: string; count: number }[];
  return {
    total: totals.total,
    open: totals.open,
    replied: totals.replied,
    slaKept: totals.kept,
    slaMissed: totals.missed,
    slaKeptRate: totals.replied ? totals.kept / totals.replied : null,
    avgHoursToReply: totals.avgHours === null ? null : Math.round(totals.avgHours * 10) / 10,
    byCategory: group('w.category'),
    byDepartment: group('w.department'),
    byModel: group('v.model'),
  };
}

export function rescueBoard(ctx: WorkflowContext): { columns: { status: string; items: WorkItemView[] }[] } {
  const rows = ctx.sqlite.prepare(`${workItemSelect} WHERE w.kind = 'rescue' AND w.open = 1 ORDER BY w.sort_at, w.id LIMIT 500`).all() as WorkItemRow[];
  const now = ctx.now();
  return {
    columns: rescueStates.filter((s) => s !== 'closed').map((status) => ({ status, items: rows.filter((r) => r.status === status).map((r) => workItemView(r, now, ctx.session.role)) })),
  };
}

export function customerTimeline(ctx: WorkflowContext, customerId: number, limit: number) {
  return ctx.sqlite
    .prepare(
      `SELECT * FROM (
         SELECT h.at AS at, 'work_item' AS kind, w.id AS id, w.title || ' · ' || h.action AS title, h.note AS detail
           FROM work_item_history h JOIN work_items w ON w.id = h.work_item_id WHERE w.customer_id = ?
         UNION ALL
         SELECT coalesce(sent_at, created_at), 'message', id, (CASE direction WHEN 'in' THEN '← ' ELSE '→ ' END) || channel || ' ' || status, body FROM messages WHERE customer_id = ?
         UNION ALL
         SELECT created_at, 'appointment', id, '预约 ' || date || ' ' || slot || ' ' || advisor || ' (' || status || ')', work_requested FROM appointments WHERE customer_id = ?
         UNION ALL
         SELECT ring_at, 'call', id, direction || ' ' || coalesce(outcome, ''), notes FROM call_log WHERE customer_id = ?
       ) ORDER BY at DESC LIMIT ?`,
    )
    .all(customerId, customerId, customerId, customerId, limit) as { at: string; kind: 'work_item' | 'message' | 'appointment' | 'call'; id: number; title: string; detail: string | null }[];
}
