// Monthly performance appraisal (绩效考核) per agent and advisor, with the weights of
// src-shared/domain/kpi/appraisal.ts (or settings 'supervisor.appraisal'). Agents: answer rate,
// follow-up completion, renewal rate, complaint replies on time; advisors: appointment rate and
// their book's churn (lower is better).
import { appraise, defaultAppraisalRules, type AppraisalMetric, type AppraisalRules } from '../../src-shared/domain/kpi/appraisal';
import { rate } from '../../src-shared/domain/kpi/rates';
import type { WorkflowContext } from '../workflows/context';
import { loadWorkflowSettings } from '../workflows/settings';
import { kpiTargets } from './dashboard-service';
import { period } from './period';

export const defaultChurnRateTarget = 0.1;

function rules(sqlite: WorkflowContext['sqlite']): AppraisalRules {
  const raw = sqlite.prepare(`SELECT value FROM settings WHERE key = 'supervisor.appraisal'`).pluck().get() as string | undefined;
  return raw ? { ...defaultAppraisalRules, ...(JSON.parse(raw) as Partial<AppraisalRules>) } : { ...defaultAppraisalRules, weights: { ...defaultAppraisalRules.weights, churnRate: 20 } };
}

export function appraisal(ctx: WorkflowContext, month: string) {
  const p = period(month, month, loadWorkflowSettings(ctx.sqlite).dealership.timeZone);
  const t = kpiTargets(ctx.sqlite);
  const targets: Partial<Record<AppraisalMetric, number>> = { ...t, churnRate: defaultChurnRateTarget };
  const r = rules(ctx.sqlite);
  const agents = new Map<string, Partial<Record<AppraisalMetric, number | null>>>();
  const of = (name: string) => agents.get(name) ?? (agents.set(name, {}), agents.get(name)!);
  for (const c of ctx.sqlite.prepare(`SELECT agent, count(*) AS n, count(answer_at) AS a FROM call_log WHERE direction = 'inbound' AND agent IS NOT NULL AND ring_at >= ? AND ring_at < ? GROUP BY agent`).all(p.startIso, p.endIso) as { agent: string; n: number; a: number }[]) of(c.agent).answerRate = rate(c.a, c.n);
  for (const f of ctx.sqlite.prepare(`SELECT owner, count(*) AS n, sum(json_extract(fields, '$.lastOutcome') = 'completed') AS done FROM work_items WHERE kind = 'follow_up' AND owner IS NOT NULL AND json_extract(fields, '$.dueDate') BETWEEN ? AND ? GROUP BY owner`).all(p.firstDay, p.lastDay) as { owner: string; n: number; done: number }[]) of(f.owner).followUpCompletion = rate(f.done, f.n);
  for (const x of ctx.sqlite.prepare(`SELECT agent, count(*) AS n, sum(stage = 'renewed') AS done FROM renewals WHERE agent IS NOT NULL AND expiry_date BETWEEN ? AND ? GROUP BY agent`).all(p.firstDay, p.lastDay) as { agent: string; n: number; done: number }[]) of(x.agent).renewalRate = rate(x.done, x.n);
  for (const x of ctx.sqlite.prepare(`SELECT owner, count(replied_at) AS n, sum(replied_at <= deadline_at) AS kept FROM work_items WHERE kind = 'complaint' AND owner IS NOT NULL AND created_at >= ? AND created_at < ? GROUP BY owner`).all(p.startIso, p.endIso) as { owner: string; n: number; kept: number }[]) of(x.owner).complaintSlaKept = rate(x.kept ?? 0, x.n);

  const advisors = new Map<string, Partial<Record<AppraisalMetric, number | null>>>();
  const visits = ctx.sqlite.prepare(`SELECT key, value FROM kpi_monthly WHERE metric = 'adv_visits' AND month = ?`).all(month) as { key: string; value: number }[];
  const appts = new Map((ctx.sqlite.prepare(`SELECT key, value FROM kpi_monthly WHERE metric = 'adv_appt' AND month = ?`).all(month) as { key: string; value: number }[]).map((x) => [x.key, x.value]));
  for (const v of visits) advisors.set(v.key, { appointmentRate: rate(appts.get(v.key) ?? 0, v.value) });
  const names = new Map((ctx.sqlite.prepare('SELECT id, name FROM advisors').all() as { id: number; name: string }[]).map((a) => [String(a.id), a.name]));
  const churn = new Map((ctx.sqlite.prepare(`SELECT key, value FROM kpi_monthly WHERE metric = 'churn' AND month = ?`).all(month) as { key: string; value: number }[]).map((x) => [x.key, x.value]));
  for (const b of ctx.sqlite.prepare(`SELECT key, value FROM kpi_monthly WHERE metric = 'churn_book' AND month = ?`).all(month) as { key: string; value: number }[]) {
    const name = names.get(b.key);
    if (!name) continue;
    const row = advisors.get(name) ?? {};
    row.churnRate = rate(churn.get(b.key) ?? 0, b.value);
    advisors.set(name, row);
  }
  const out = [
    ...[...agents].map(([person, values]) => ({ person, kind: 'agent' as const, ...appraise(values, targets, r) })),
    ...[...advisors].map(([person, values]) => ({ person, kind: 'advisor' as const, ...appraise(values, targets, r) })),
  ];
  return out.sort((a, b) => a.kind.localeCompare(b.kind) || (b.score ?? -1) - (a.score ?? -1) || a.person.localeCompare(b.person));
}
