// Win-back list (seed 004): at-risk and lost customers from the churn snapshot, with the reason
// recorded, a call-by date, attempts and the outcome. Important customers (seed 003, the facts of
// src-shared/domain/workflows/routing.ts) go to the department manager with high priority.
import { DeskError } from '../../src-shared/contract/errors';
import type { WinBackRow } from '../../src-shared/contract/supervisor';
import { addDays, todayIn } from '../../src-shared/domain/dates';
import { maskPhone, formatPhone } from '../../src-shared/domain/phone';
import { can } from '../../src-shared/domain/roles';
import { canMove } from '../../src-shared/domain/sales/state-table';
import { routeWinBack, winBackOutcomeProblems, winBackStatusTable, type WinBackStatus } from '../../src-shared/domain/winback/winback';
import { defaultRoutingRules, importanceReasons, isInfluentialMark } from '../../src-shared/domain/workflows/routing';
import { recordUids } from '../sync/record-tables';
import type { WorkflowContext } from '../workflows/context';
import { loadWorkflowSettings } from '../workflows/settings';

const rowSelect = `SELECT w.id, w.customer_id AS customerId, c.name AS customerName,
  (SELECT normalized FROM phones p WHERE p.customer_id = w.customer_id ORDER BY p.is_primary DESC, p.id LIMIT 1) AS phone, a.name AS advisorName,
  w.churn_status AS churnStatus, w.last_visit AS lastVisit, w.status, w.reason, w.note, w.importance, w.owner, w.call_by AS callBy, w.attempts, w.outcome_at AS outcomeAt
  FROM win_backs w JOIN customers c ON c.id = w.customer_id LEFT JOIN advisors a ON a.id = c.advisor_id`;

type Row = Omit<WinBackRow, 'importance'> & { importance: string };

function view(ctx: WorkflowContext, r: Row): WinBackRow {
  const reveal = can(ctx.session.role, 'seeFullPhones');
  return { ...r, phone: r.phone ? (reveal ? formatPhone(r.phone) : maskPhone(r.phone)) : null, importance: JSON.parse(r.importance) as string[] };
}

function importanceOf(ctx: WorkflowContext, customerId: number, lastVisit: string | null): string[] {
  const since = lastVisit ? addDays(lastVisit, -defaultRoutingRules.repeatRepairWindowDays) : '0000';
  const repairs = ctx.sqlite
    .prepare(`SELECT max(n) FROM (SELECT count(*) AS n FROM service_visits WHERE customer_id = ? AND kind IN ('repair','warranty') AND visit_date > ? GROUP BY vehicle_id)`)
    .pluck().get(customerId, since) as number | null;
  const complaints = ctx.sqlite
    .prepare(`SELECT coalesce(max(json_extract(fields, '$.ourFault') = 1), 0) AS ourFault, coalesce(max(json_extract(fields, '$.major') = 1), 0) AS major FROM work_items WHERE customer_id = ? AND kind = 'complaint'`)
    .get(customerId) as { ourFault: number; major: number };
  const c = ctx.sqlite.prepare('SELECT category, membership_tier AS tier, custom_fields AS custom FROM customers WHERE id = ?').get(customerId) as { category: string | null; tier: string | null; custom: string };
  const influential = isInfluentialMark(c.category) || Object.values(JSON.parse(c.custom || '{}') as Record<string, unknown>).some((v) => typeof v === 'string' && isInfluentialMark(v));
  return importanceReasons({ recentRepairsOfVehicle: repairs ?? 0, ourFault: complaints.ourFault === 1, major: complaints.major === 1, influential });
}

/** Adds at-risk and lost customers not yet on the list, most recently lapsed first (the most winnable). */
export function buildWinBackList(ctx: WorkflowContext, limit: number): { added: number; important: number } {
  const settings = loadWorkflowSettings(ctx.sqlite);
  const today = todayIn(settings.dealership.timeZone, ctx.now());
  const at = ctx.now().toISOString();
  const manager = settings.managers.service ?? settings.managers.customer_service ?? settings.managers.management ?? null;
  return ctx.sqlite.transaction(() => {
    const candidates = ctx.sqlite
      .prepare(`SELECT s.customer_id AS customerId, c.uid AS customerUid, s.status, s.last_visit AS lastVisit, a.name AS advisor FROM churn_snapshot s JOIN customers c ON c.id = s.customer_id LEFT JOIN advisors a ON a.id = s.advisor_id
        WHERE s.status IN ('at_risk','lost') AND NOT EXISTS (SELECT 1 FROM win_backs w WHERE w.customer_id = s.customer_id) ORDER BY s.last_visit DESC LIMIT ?`)
      .all(limit) as { customerId: number; customerUid: string; status: string; lastVisit: string | null; advisor: string | null }[];
    const insert = ctx.sqlite.prepare(`INSERT INTO win_backs (uid, customer_id, status, churn_status, last_visit, importance, owner, call_by, created_at, updated_at) VALUES (?, ?, 'to_call', ?, ?, ?, ?, ?, ?, ?)`);
    let important = 0;
    for (const c of candidates) {
      const reasons = importanceOf(ctx, c.customerId, c.lastVisit);
      const route = routeWinBack(reasons as never);
      if (reasons.length) important += 1;
      // One win-back per customer on every desk (the list may be built on two): its uid derives from the customer's.
      insert.run(recordUids.winBack(c.customerUid), c.customerId, c.status, c.lastVisit, JSON.stringify(reasons), route.owner === 'manager' ? (manager ?? '部门经理') : c.advisor, addDays(today, route.priority === 'high' ? 1 : 3), at, at);
    }
    return { added: candidates.length, important };
  })();
}

export function listWinBacks(ctx: WorkflowContext, f: { status?: WinBackStatus; importantOnly: boolean; limit: number }): WinBackRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.status) { where.push('w.status = ?'); args.push(f.status); }
  if (f.importantOnly) where.push(`w.importance <> '[]'`);
  const rows = ctx.sqlite
    .prepare(`${rowSelect} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY (w.importance = '[]'), (w.churn_status <> 'lost'), w.call_by, w.last_visit LIMIT ?`)
    .all(...args, f.limit) as Row[];
  return rows.map((r) => view(ctx, r));
}

export function recordWinBack(ctx: WorkflowContext, input: { id: number; status: WinBackStatus; reason?: string | null; note?: string | null }): WinBackRow {
  const current = ctx.sqlite.prepare(`${rowSelect} WHERE w.id = ?`).get(input.id) as Row | undefined;
  if (!current) throw new DeskError('not-found', `win-back ${input.id} not found`);
  if (!canMove(winBackStatusTable, current.status, input.status)) throw new DeskError('conflict', `a win-back cannot go from ${current.status} to ${input.status}`);
  const problems = winBackOutcomeProblems(input.status, { reason: input.reason ?? current.reason, note: input.note ?? current.note });
  if (problems.length) throw new DeskError('invalid-input', problems.join('; '), [{ path: 'reason', message: problems[0] }]);
  const at = ctx.now().toISOString();
  const final = input.status === 'won_back' || input.status === 'declined';
  ctx.sqlite
    .prepare(`UPDATE win_backs SET status = ?, reason = coalesce(?, reason), note = coalesce(?, note), attempts = attempts + ?, outcome_at = ?, updated_at = ? WHERE id = ?`)
    .run(input.status, input.reason ?? null, input.note ?? null, input.status === 'to_call' ? 0 : 1, final ? at : null, at, input.id);
  return view(ctx, ctx.sqlite.prepare(`${rowSelect} WHERE w.id = ?`).get(input.id) as Row);
}
