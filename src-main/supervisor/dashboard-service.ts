// The supervisor dashboard (issue 9): every chart for a period of months. Visit, due-maintenance
// and churn figures come from kpi_monthly (built by churn-job.ts); calls, renewals, follow-ups,
// complaints and the sales funnel are read live (indexed ranges over small tables).
import type { Dashboard } from '../../src-shared/contract/supervisor';
import { callsByHour, callSummary, type CallFact } from '../../src-shared/domain/kpi/calls';
import { followUpCompletion } from '../../src-shared/domain/kpi/follow-ups';
import { defaultKpiTargets, rate, type KpiTargets } from '../../src-shared/domain/kpi/rates';
import { visitKinds } from '../../src-shared/domain/kpi/visits';
import { salesFunnel, type FunnelLead } from '../../src-shared/domain/sales/leads';
import { renewalsByMonth } from '../insurance/policy-service';
import type { WorkflowContext } from '../workflows/context';
import { loadWorkflowSettings } from '../workflows/settings';
import { complaintStats } from '../workflows/statistics';
import { figuresBuiltAt } from './churn-job';
import { period, type Period } from './period';

export function kpiTargets(sqlite: WorkflowContext['sqlite']): KpiTargets {
  const raw = sqlite.prepare(`SELECT value FROM settings WHERE key = 'supervisor.targets'`).pluck().get() as string | undefined;
  return raw ? { ...defaultKpiTargets, ...(JSON.parse(raw) as Partial<KpiTargets>) } : defaultKpiTargets;
}

/** Wrap-up time needs the moment the wrap-up was saved; call_log keeps it only if the softphone records it. */
function wrapUpColumn(sqlite: WorkflowContext['sqlite']): string | null {
  const cols = (sqlite.prepare(`PRAGMA table_info(call_log)`).all() as { name: string }[]).map((c) => c.name);
  return cols.includes('wrap_up_seconds') ? 'wrap_up_seconds' : cols.includes('wrapped_up_at') ? `CAST(round((julianday(wrapped_up_at) - julianday(end_at)) * 86400) AS INTEGER)` : null;
}

export function callFacts(ctx: Pick<WorkflowContext, 'sqlite'>, p: Period): CallFact[] {
  const wrap = wrapUpColumn(ctx.sqlite);
  return (ctx.sqlite.prepare(`SELECT direction, ring_at, answer_at, talk_seconds, ${wrap ?? 'NULL'} FROM call_log WHERE ring_at >= ? AND ring_at < ?`).raw().all(p.startIso, p.endIso) as [CallFact['direction'], string, string | null, number | null, number | null][])
    .map(([direction, ringAt, answerAt, talkSeconds, wrapUpSeconds]) => ({ direction, ringAt, answerAt, talkSeconds, wrapUpSeconds }));
}

function monthly(ctx: Pick<WorkflowContext, 'sqlite'>, metric: string, p: Period): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of ctx.sqlite.prepare(`SELECT month, key, value FROM kpi_monthly WHERE metric = ? AND month >= ? AND month <= ?`).all(metric, p.from, p.to) as { month: string; key: string; value: number }[]) {
    let m = out.get(r.month);
    if (!m) out.set(r.month, (m = new Map()));
    m.set(r.key, r.value);
  }
  return out;
}

const sum = (m: Map<string, number> | undefined) => [...(m?.values() ?? [])].reduce((a, b) => a + b, 0);

export function followUpFacts(ctx: Pick<WorkflowContext, 'sqlite'>, p: Period) {
  return (ctx.sqlite
    .prepare(`SELECT coalesce(json_extract(fields, '$.code'), category) AS code, json_extract(fields, '$.dueDate') AS dueDate, json_extract(fields, '$.lastOutcome') AS outcome
      FROM work_items WHERE kind = 'follow_up' AND json_extract(fields, '$.dueDate') BETWEEN ? AND ?`)
    .all(p.firstDay, p.lastDay) as { code: string | null; dueDate: string; outcome: string | null }[]).map((r) => ({ code: r.code ?? '—', dueDate: r.dueDate, completed: r.outcome === 'completed' }));
}

export function supervisorDashboard(ctx: WorkflowContext, from: string, to: string): Dashboard {
  const tz = loadWorkflowSettings(ctx.sqlite).dealership.timeZone;
  const p = period(from, to, tz);
  const targets = kpiTargets(ctx.sqlite);
  const calls = callFacts(ctx, p);

  const visitsM = monthly(ctx, 'visits', p);
  const apptM = monthly(ctx, 'visits_appt', p);
  const visitsByMonth = p.months.map((month) => {
    const v = visitsM.get(month);
    const row = Object.fromEntries(visitKinds.map((k) => [k, v?.get(k) ?? 0])) as Record<(typeof visitKinds)[number], number>;
    return { month, ...row, total: sum(v), byAppointment: sum(apptM.get(month)) };
  });
  const visitsTotal = visitsByMonth.reduce((s, r) => s + r.total, 0);
  const apptTotal = visitsByMonth.reduce((s, r) => s + r.byAppointment, 0);

  const dueM = monthly(ctx, 'due_maint', p);
  const dueByMonth = p.months.map((month) => {
    const due = dueM.get(month)?.get('due') ?? 0, met = dueM.get(month)?.get('met') ?? 0;
    return { month, due, met, rate: rate(met, due) };
  });
  const dueTotal = dueByMonth.reduce((s, r) => s + r.due, 0), metTotal = dueByMonth.reduce((s, r) => s + r.met, 0);

  const renewalRows = new Map(renewalsByMonth(ctx.sqlite, p.from, p.to).map((r) => [r.month, r]));
  const renewByMonth = p.months.map((month) => {
    const r = renewalRows.get(month) ?? { expiring: 0, renewed: 0, lost: 0 };
    return { month, expiring: r.expiring, renewed: r.renewed, lost: r.lost, rate: rate(r.renewed, r.expiring) };
  });
  const expiring = renewByMonth.reduce((s, r) => s + r.expiring, 0), renewed = renewByMonth.reduce((s, r) => s + r.renewed, 0);

  const complaints = complaintStats(ctx, p.firstDay, p.lastDay);

  const classRows = ctx.sqlite.prepare(`SELECT key, value FROM kpi_monthly WHERE metric = 'class'`).all() as { key: string; value: number }[];
  const byClass = ['A', 'B', 'C', 'D'].map((visitClass) => {
    const row = { visitClass, active: 0, at_risk: 0, lost: 0, permanently_lost: 0, new: 0 };
    for (const r of classRows) {
      const [k, status] = r.key.split(':');
      if (k === visitClass && status in row) (row as Record<string, number | string>)[status] = r.value;
    }
    return row;
  });
  const churnM = monthly(ctx, 'churn', p);
  const bookM = monthly(ctx, 'churn_book', p);
  const churnByMonth = p.months.map((month) => {
    const churned = sum(churnM.get(month)), book = sum(bookM.get(month));
    return { month, churned, book, rate: rate(churned, book) };
  });
  const lastMonth = [...p.months].reverse().find((m) => bookM.has(m)) ?? p.to;
  const advisorNames = new Map((ctx.sqlite.prepare('SELECT id, name FROM advisors').all() as { id: number; name: string }[]).map((a) => [String(a.id), a.name]));
  const byAdvisor = [...(bookM.get(lastMonth) ?? new Map<string, number>()).entries()]
    .map(([key, book]) => {
      const churned = churnM.get(lastMonth)?.get(key) ?? 0;
      return { advisorId: key === '' ? null : Number(key), advisorName: advisorNames.get(key) ?? '—', churned, book, rate: rate(churned, book) };
    })
    .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || a.advisorName.localeCompare(b.advisorName));

  const leads = ctx.sqlite.prepare(`SELECT stage, furthest_stage AS furthestStage FROM leads WHERE created_at >= ? AND created_at < ?`).all(p.startIso, p.endIso) as FunnelLead[];
  const built = figuresBuiltAt(ctx.sqlite);

  return {
    from, to, builtAt: built?.builtAt ?? null,
    targets: { ...targets, appointmentRateIndustry: [targets.appointmentRateIndustry[0], targets.appointmentRateIndustry[1]] },
    calls: { byHour: callsByHour(calls, tz), summary: callSummary(calls) },
    visits: { byMonth: visitsByMonth, total: visitsTotal, byAppointment: apptTotal, appointmentRate: rate(apptTotal, visitsTotal) },
    dueMaintenance: { byMonth: dueByMonth, due: dueTotal, met: metTotal, rate: rate(metTotal, dueTotal) },
    renewals: { byMonth: renewByMonth, expiring, renewed, rate: rate(renewed, expiring) },
    followUps: followUpCompletion(followUpFacts(ctx, p), p.firstDay, p.lastDay),
    complaints: { total: complaints.total, replied: complaints.replied, slaKept: complaints.slaKept, slaMissed: complaints.slaMissed, slaKeptRate: complaints.slaKeptRate },
    churn: { byClass, byMonth: churnByMonth, byAdvisor },
    funnel: salesFunnel(leads),
  };
}
