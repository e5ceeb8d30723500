// Every dashboard figure drills down to its records (issue 9). Phone numbers are masked for
// roles that may not see them (roles.ts seeFullPhones) — the same rule as search and the card.
import { DeskError } from '../../src-shared/contract/errors';
import type { DrillDownInput, Records } from '../../src-shared/contract/supervisor';
import { addMonths } from '../../src-shared/domain/dates';
import { funnelRank, leadFunnelStages, type LeadStage } from '../../src-shared/domain/sales/leads';
import { formatPhone, maskPhone } from '../../src-shared/domain/phone';
import { can } from '../../src-shared/domain/roles';
import { defaultDueMaintenanceRules, maintenanceKinds, visitKinds } from '../../src-shared/domain/kpi/visits';
import { zoneOffsetMinutes } from '../../src-shared/domain/workflows/zoned-time';
import { missingCase } from '../../src-shared/contract/errors';
import type { WorkflowContext } from '../workflows/context';
import { loadWorkflowSettings } from '../workflows/settings';
import { period, type Period } from './period';

type Cell = string | number | null;
type Query = { columns: string[]; sql: string; args: unknown[]; countSql?: string; total?: number; map?: (row: Cell[]) => Cell[] };

function monthRange(p: Period, month: string | undefined): [string, string] {
  if (month && (month < p.from || month > p.to)) throw new DeskError('invalid-input', 'the month is outside the period', [{ path: 'month', message: 'outside' }]);
  return month ? [`${month}-01`, `${month}-31`] : [p.firstDay, p.lastDay];
}

function aggregate(ctx: WorkflowContext, metric: string, p: Period, month: string | undefined, key: string | undefined): number {
  const [a, b] = month ? [month, month] : [p.from, p.to];
  return (ctx.sqlite.prepare(`SELECT coalesce(sum(value), 0) FROM kpi_monthly WHERE metric = ? AND month >= ? AND month <= ? ${key ? 'AND key = ?' : ''}`).pluck().get(metric, a, b, ...(key ? [key] : [])) as number) | 0;
}

function query(ctx: WorkflowContext, f: DrillDownInput, p: Period, tz: string): Query {
  const [d0, d1] = monthRange(p, f.month);
  switch (f.figure) {
    case 'calls': {
      const offset = zoneOffsetMinutes(new Date(p.startIso), tz);
      const where = ['l.ring_at >= ?', 'l.ring_at < ?'];
      const args: unknown[] = [f.month ? new Date(Date.parse(`${f.month}-01T00:00:00Z`) - offset * 60_000).toISOString() : p.startIso, f.month ? new Date(Date.parse(`${addMonths(`${f.month}-01`, 1)}T00:00:00Z`) - offset * 60_000).toISOString() : p.endIso];
      if (f.key && /^\d{1,2}$/.test(f.key)) { where.push(`CAST(strftime('%H', l.ring_at, ?) AS INTEGER) = ?`); args.push(`${offset >= 0 ? '+' : ''}${offset} minutes`, Number(f.key)); }
      else if (f.key === 'answered') where.push(`l.direction = 'inbound' AND l.answer_at IS NOT NULL`);
      else if (f.key === 'abandoned') where.push(`l.direction = 'inbound' AND l.answer_at IS NULL`);
      else if (f.key === 'inbound' || f.key === 'outbound') { where.push('l.direction = ?'); args.push(f.key); }
      const reveal = can(ctx.session.role, 'seeFullPhones');
      return {
        columns: ['ringAt', 'direction', 'remoteNumber', 'customerName', 'agent', 'outcome', 'talkSeconds'],
        sql: `SELECT l.ring_at, l.direction, coalesce(l.remote_normalized, l.remote_number), c.name, l.agent, l.outcome, l.talk_seconds FROM call_log l LEFT JOIN customers c ON c.id = l.customer_id WHERE ${where.join(' AND ')} ORDER BY l.ring_at`,
        args, countSql: `SELECT count(*) FROM call_log l WHERE ${where.join(' AND ')}`,
        map: (r) => [r[0], r[1], r[2] === null ? null : reveal ? formatPhone(String(r[2])) : maskPhone(String(r[2])), r[3], r[4], r[5], r[6]],
      };
    }
    case 'visits':
    case 'appointments': {
      if (f.key && !(visitKinds as readonly string[]).includes(f.key)) throw new DeskError('invalid-input', `unknown visit kind ${f.key}`);
      const where = ['s.visit_date >= ?', 's.visit_date <= ?', ...(f.key ? ['s.kind = ?'] : []), ...(f.figure === 'appointments' ? ['s.by_appointment = 1'] : [])];
      return {
        columns: ['visitDate', 'kind', 'customerNumber', 'customerName', 'plate', 'advisor', 'byAppointment', 'amountYuan'],
        sql: `SELECT s.visit_date, s.kind, c.number, c.name, v.plate, s.advisor, s.by_appointment, s.amount_yuan FROM service_visits s JOIN customers c ON c.id = s.customer_id JOIN vehicles v ON v.id = s.vehicle_id WHERE ${where.join(' AND ')}`,
        args: [d0, d1, ...(f.key ? [f.key] : [])],
        total: aggregate(ctx, f.figure === 'appointments' ? 'visits_appt' : 'visits', p, f.month, f.key),
      };
    }
    case 'dueMaintenance': {
      const rules = defaultDueMaintenanceRules;
      const kinds = [...maintenanceKinds].map((k) => `'${k}'`).join(',');
      // Maintenance visits whose next due date falls in the range, with the next maintenance visit (if any).
      const next = `(SELECT min(n.visit_date) FROM service_visits n WHERE n.vehicle_id = s.vehicle_id AND n.kind IN (${kinds}) AND n.visit_date > s.visit_date)`;
      const due = `date(s.visit_date, '+${rules.intervalMonths} months')`;
      const met = `${next} <= date(${due}, '+${rules.graceDays} days')`;
      const cond = f.key === 'met' ? `AND ${met}` : f.key === 'missed' ? `AND (${next} IS NULL OR NOT ${met})` : '';
      return {
        columns: ['dueDate', 'lastMaintenance', 'nextVisit', 'customerNumber', 'customerName', 'plate', 'model'],
        sql: `SELECT ${due}, s.visit_date, ${next}, c.number, c.name, v.plate, v.model FROM service_visits s JOIN customers c ON c.id = s.customer_id JOIN vehicles v ON v.id = s.vehicle_id
          WHERE s.kind IN (${kinds}) AND s.visit_date >= ? AND s.visit_date <= ? AND ${due} >= ? AND ${due} <= ? AND date(${due}, '+${rules.graceDays} days') < date('now') ${cond}`,
        args: [addMonths(d0, -rules.intervalMonths - 1), d1, d0, d1],
        total: f.key === 'met' ? aggregate(ctx, 'due_maint', p, f.month, 'met') : f.key === 'missed' ? aggregate(ctx, 'due_maint', p, f.month, 'due') - aggregate(ctx, 'due_maint', p, f.month, 'met') : aggregate(ctx, 'due_maint', p, f.month, 'due'),
      };
    }
    case 'renewals': {
      const cond = f.key && f.key !== 'expiring' ? `AND coalesce(r.stage, 'due') = ?` : '';
      const where = `p.end_date >= ? AND p.end_date <= ? ${cond}`;
      const args = [d0, d1, ...(cond ? [f.key] : [])];
      return {
        columns: ['endDate', 'customerNumber', 'customerName', 'plate', 'insurer', 'stage', 'quoteYuan', 'lostReason', 'agent'],
        sql: `SELECT p.end_date, c.number, c.name, v.plate, p.insurer, coalesce(r.stage, 'due'), r.quote_yuan, r.lost_reason, r.agent FROM policies p JOIN customers c ON c.id = p.customer_id JOIN vehicles v ON v.id = p.vehicle_id LEFT JOIN renewals r ON r.policy_id = p.id WHERE ${where} ORDER BY p.end_date`,
        args, countSql: `SELECT count(*) FROM policies p LEFT JOIN renewals r ON r.policy_id = p.id WHERE ${where}`,
      };
    }
    case 'followUps': {
      const where = [`w.kind = 'follow_up'`, `json_extract(w.fields, '$.dueDate') BETWEEN ? AND ?`];
      const args: unknown[] = [d0, d1];
      if (f.key === 'completed') where.push(`json_extract(w.fields, '$.lastOutcome') = 'completed'`);
      else if (f.key === 'not_completed') where.push(`coalesce(json_extract(w.fields, '$.lastOutcome'), '') <> 'completed'`);
      else if (f.key) { where.push(`coalesce(json_extract(w.fields, '$.code'), w.category) = ?`); args.push(f.key); }
      return {
        columns: ['dueDate', 'code', 'title', 'customerName', 'owner', 'status', 'outcome'],
        sql: `SELECT json_extract(w.fields, '$.dueDate'), coalesce(json_extract(w.fields, '$.code'), w.category), w.title, c.name, w.owner, w.status, json_extract(w.fields, '$.lastOutcome') FROM work_items w LEFT JOIN customers c ON c.id = w.customer_id WHERE ${where.join(' AND ')} ORDER BY 1, w.id`,
        args, countSql: `SELECT count(*) FROM work_items w WHERE ${where.join(' AND ')}`,
      };
    }
    case 'complaints': {
      const where = [`w.kind = 'complaint'`, 'w.created_at >= ?', 'w.created_at < ?'];
      const args: unknown[] = [p.startIso, p.endIso];
      if (f.key === 'kept') where.push('w.replied_at IS NOT NULL AND w.replied_at <= w.deadline_at');
      else if (f.key === 'missed') { where.push('((w.replied_at IS NOT NULL AND w.replied_at > w.deadline_at) OR (w.replied_at IS NULL AND w.deadline_at < ?))'); args.push(ctx.now().toISOString()); }
      else if (f.key === 'open') where.push('w.open = 1');
      return {
        columns: ['createdAt', 'title', 'category', 'customerName', 'owner', 'deadlineAt', 'repliedAt', 'status'],
        sql: `SELECT w.created_at, w.title, w.category, c.name, w.owner, w.deadline_at, w.replied_at, w.status FROM work_items w LEFT JOIN customers c ON c.id = w.customer_id WHERE ${where.join(' AND ')} ORDER BY w.created_at`,
        args, countSql: `SELECT count(*) FROM work_items w WHERE ${where.join(' AND ')}`,
      };
    }
    case 'churn': {
      const where: string[] = [];
      const args: unknown[] = [];
      if (f.key && /^[ABCD]$/.test(f.key)) { where.push('s.visit_class = ?'); args.push(f.key); }
      else if (f.key === 'counts_against') where.push('s.counts_against = 1');
      else if (f.key) { where.push('s.status = ?'); args.push(f.key); }
      if (f.advisorId === 0) where.push('s.advisor_id IS NULL');
      else if (f.advisorId !== undefined) { where.push('s.advisor_id = ?'); args.push(f.advisorId); }
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      return {
        columns: ['customerNumber', 'customerName', 'advisor', 'visitClass', 'churnStatus', 'lastVisit'],
        sql: `SELECT c.number, c.name, a.name, s.visit_class, s.status, s.last_visit FROM churn_snapshot s JOIN customers c ON c.id = s.customer_id LEFT JOIN advisors a ON a.id = s.advisor_id ${w} ORDER BY s.last_visit DESC`,
        args, countSql: `SELECT count(*) FROM churn_snapshot s ${w}`,
      };
    }
    case 'funnel': {
      const where = ['l.created_at >= ?', 'l.created_at < ?'];
      const args: unknown[] = [p.startIso, p.endIso];
      if (f.key === 'lost') where.push(`l.stage = 'lost'`);
      else if (f.key) {
        if (!(leadFunnelStages as readonly string[]).includes(f.key)) throw new DeskError('invalid-input', `unknown stage ${f.key}`);
        const reached = leadFunnelStages.filter((s) => funnelRank(s) >= funnelRank(f.key as LeadStage));
        where.push(`l.furthest_stage IN (${reached.map(() => '?').join(',')})`);
        args.push(...reached);
      }
      return {
        columns: ['createdAt', 'customerName', 'source', 'models', 'stage', 'furthestStage', 'consultant', 'lostReason'],
        sql: `SELECT l.created_at, c.name, l.source, l.models, l.stage, l.furthest_stage, l.consultant, l.lost_reason FROM leads l JOIN customers c ON c.id = l.customer_id WHERE ${where.join(' AND ')} ORDER BY l.created_at`,
        args, countSql: `SELECT count(*) FROM leads l WHERE ${where.join(' AND ')}`,
      };
    }
    default:
      return missingCase(f.figure);
  }
}

export function drillDown(ctx: WorkflowContext, f: DrillDownInput, limit: number, offset: number): Records {
  const tz = loadWorkflowSettings(ctx.sqlite).dealership.timeZone;
  const p = period(f.from, f.to, tz);
  const q = query(ctx, f, p, tz);
  const raw = ctx.sqlite.prepare(`${q.sql} LIMIT ? OFFSET ?`).raw().all(...q.args, limit, offset) as Cell[][];
  const rows = q.map ? raw.map(q.map) : raw;
  const total = q.total ?? (q.countSql ? (ctx.sqlite.prepare(q.countSql).pluck().get(...q.args) as number) : rows.length);
  return { columns: q.columns, rows, total };
}
