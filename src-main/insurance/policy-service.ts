// Policies per vehicle with cover items, and the renewal funnel (续保) over them: expiring lists
// at 90/60/30 days, stage changes along src-shared/domain/insurance/renewal.ts, and the monthly
// renewal rate (renewed / policies ending in the month, seed 001 target ≥ 20 %).
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DeskError } from '../../src-shared/contract/errors';
import type { NewPolicySchema, PolicyView, RenewalRow } from '../../src-shared/contract/insurance';
import { addDays, daysBetween, todayIn } from '../../src-shared/domain/dates';
import { coverProblems, policyKind, premiumTotal, type CoverItem } from '../../src-shared/domain/insurance/cover';
import { defaultRenewalRules, renewalChangeProblems, renewalStageTable, renewalWindow, type RenewalStage } from '../../src-shared/domain/insurance/renewal';
import { canMove } from '../../src-shared/domain/sales/state-table';
import { editRecord } from '../sync/local-writes';
import { recordUids } from '../sync/record-tables';
import type { WorkflowContext } from '../workflows/context';
import { loadWorkflowSettings } from '../workflows/settings';

type NewPolicy = z.output<typeof NewPolicySchema>;

export function dealershipToday(ctx: Pick<WorkflowContext, 'sqlite' | 'now'>): string {
  return todayIn(loadWorkflowSettings(ctx.sqlite).dealership.timeZone, ctx.now());
}

const policySelect = `SELECT p.id, p.vehicle_id AS vehicleId, p.customer_id AS customerId, v.plate, p.insurer, p.policy_number AS policyNumber, p.kind, p.start_date AS startDate,
  p.end_date AS endDate, p.premium_yuan AS premiumYuan, p.renews_policy_id AS renewsPolicyId FROM policies p JOIN vehicles v ON v.id = p.vehicle_id`;

function withItems(ctx: Pick<WorkflowContext, 'sqlite'>, rows: Omit<PolicyView, 'items'>[]): PolicyView[] {
  const items = ctx.sqlite.prepare('SELECT code, sum_insured_yuan AS sumInsuredYuan, premium_yuan AS premiumYuan FROM policy_items WHERE policy_id = ? ORDER BY id');
  return rows.map((r) => ({ ...r, items: items.all(r.id) as CoverItem[] }));
}

export function listPolicies(ctx: Pick<WorkflowContext, 'sqlite'>, f: { customerId?: number; vehicleId?: number }): PolicyView[] {
  if (!f.customerId && !f.vehicleId) throw new DeskError('invalid-input', 'name a customer or a vehicle');
  const rows = (f.vehicleId
    ? ctx.sqlite.prepare(`${policySelect} WHERE p.vehicle_id = ? ORDER BY p.end_date DESC`).all(f.vehicleId)
    : ctx.sqlite.prepare(`${policySelect} WHERE p.customer_id = ? ORDER BY p.end_date DESC`).all(f.customerId)) as Omit<PolicyView, 'items'>[];
  return withItems(ctx, rows);
}

export function createPolicy(ctx: WorkflowContext, p: NewPolicy, renewsPolicyId: number | null = null): PolicyView {
  const problems = [...coverProblems(p.items), ...(p.endDate <= p.startDate ? ['end date must follow the start date'] : [])];
  if (problems.length) throw new DeskError('invalid-input', problems.join('; '), problems.map((message) => ({ path: 'items', message })));
  const vehicle = ctx.sqlite.prepare('SELECT uid, customer_id AS customerId, insurance_expiry AS expiry FROM vehicles WHERE id = ?').get(p.vehicleId) as { uid: string; customerId: number; expiry: string | null } | undefined;
  if (!vehicle) throw new DeskError('not-found', `vehicle ${p.vehicleId} not found`);
  const write = () => {
    const id = ctx.sqlite
      .prepare(`INSERT INTO policies (uid, vehicle_id, customer_id, insurer, policy_number, kind, start_date, end_date, premium_yuan, renews_policy_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
      .pluck()
      .get(randomUUID(), p.vehicleId, vehicle.customerId, p.insurer, p.policyNumber ?? null, policyKind(p.items), p.startDate, p.endDate, premiumTotal(p.items), renewsPolicyId) as number;
    const item = ctx.sqlite.prepare('INSERT INTO policy_items (uid, policy_id, code, sum_insured_yuan, premium_yuan) VALUES (?, ?, ?, ?, ?)');
    for (const i of p.items) item.run(randomUUID(), id, i.code, i.sumInsuredYuan, i.premiumYuan);
    // The card's due list reads the vehicle's expiry: keep it on the latest policy (a shared field: an edit that syncs).
    if (!vehicle.expiry || vehicle.expiry < p.endDate) editRecord(ctx.sqlite, 'vehicles', vehicle.uid, { insuranceCompany: p.insurer, insuranceExpiry: p.endDate }, ctx.now());
    return id;
  };
  const id = ctx.sqlite.inTransaction ? write() : ctx.sqlite.transaction(write)();
  return withItems(ctx, [ctx.sqlite.prepare(`${policySelect} WHERE p.id = ?`).get(id) as Omit<PolicyView, 'items'>])[0];
}

const renewalSelect = `SELECT p.id AS policyId, p.customer_id AS customerId, c.name AS customerName, v.plate, v.model, p.insurer, p.end_date AS endDate,
  coalesce(r.stage, 'due') AS stage, r.quote_yuan AS quoteYuan, r.lost_reason AS lostReason, r.note, r.agent
  FROM policies p JOIN vehicles v ON v.id = p.vehicle_id JOIN customers c ON c.id = p.customer_id LEFT JOIN renewals r ON r.policy_id = p.id`;

type RenewalBase = Omit<RenewalRow, 'daysLeft' | 'window'>;

function finish(r: RenewalBase, today: string): RenewalRow {
  return { ...r, daysLeft: daysBetween(today, r.endDate), window: renewalWindow(r.endDate, today, defaultRenewalRules) };
}

/** Policies ending within the window (or up to 30 days past, for 'expired'); renewals already made by a newer policy are not listed. */
export function renewalList(ctx: WorkflowContext, f: { window: 30 | 60 | 90 | 'expired' | 'all'; stage?: RenewalStage; limit: number }): RenewalRow[] {
  const today = dealershipToday(ctx);
  const [from, to] = f.window === 'expired' ? [addDays(today, -30), addDays(today, -1)] : f.window === 'all' ? [addDays(today, -30), addDays(today, 90)] : [today, addDays(today, f.window)];
  const rows = ctx.sqlite
    .prepare(`${renewalSelect} WHERE p.end_date >= ? AND p.end_date <= ? AND NOT EXISTS (SELECT 1 FROM policies n WHERE n.renews_policy_id = p.id)
      ${f.stage ? `AND coalesce(r.stage, 'due') = ?` : ''} ORDER BY p.end_date, p.id LIMIT ?`)
    .all(...[from, to, ...(f.stage ? [f.stage] : []), f.limit]) as RenewalBase[];
  return rows.map((r) => finish(r, today));
}

export function renewalRow(ctx: WorkflowContext, policyId: number): RenewalRow {
  const r = ctx.sqlite.prepare(`${renewalSelect} WHERE p.id = ?`).get(policyId) as RenewalBase | undefined;
  if (!r) throw new DeskError('not-found', `policy ${policyId} not found`);
  return finish(r, dealershipToday(ctx));
}

export interface RenewalChange {
  policyId: number;
  stage: RenewalStage;
  quoteYuan?: number | null;
  lostReason?: string | null;
  note?: string | null;
  newPolicy?: Omit<NewPolicy, 'vehicleId'>;
}

export function updateRenewal(ctx: WorkflowContext, c: RenewalChange): RenewalRow {
  const current = renewalRow(ctx, c.policyId);
  if (c.stage !== current.stage && !canMove(renewalStageTable, current.stage, c.stage)) throw new DeskError('conflict', `a renewal cannot go from ${current.stage} to ${c.stage}`);
  const problems = renewalChangeProblems(c.stage, { lostReason: c.lostReason, quoteYuan: c.quoteYuan ?? current.quoteYuan });
  if (problems.length) throw new DeskError('invalid-input', problems.join('; '), problems.map((message) => ({ path: c.stage === 'lost' ? 'lostReason' : 'quoteYuan', message })));
  ctx.sqlite.transaction(() => {
    let renewedPolicyId: number | null = null;
    if (c.stage === 'renewed' && c.newPolicy) {
      const vehicleId = ctx.sqlite.prepare('SELECT vehicle_id FROM policies WHERE id = ?').pluck().get(c.policyId) as number;
      renewedPolicyId = createPolicy(ctx, { ...c.newPolicy, vehicleId }, c.policyId).id;
    }
    ctx.sqlite
      .prepare(`INSERT INTO renewals (uid, policy_id, stage, quote_yuan, lost_reason, note, renewed_policy_id, agent, expiry_date, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(policy_id) DO UPDATE SET stage = excluded.stage, quote_yuan = coalesce(excluded.quote_yuan, renewals.quote_yuan), lost_reason = excluded.lost_reason,
          note = coalesce(excluded.note, renewals.note), renewed_policy_id = coalesce(excluded.renewed_policy_id, renewals.renewed_policy_id), agent = excluded.agent, updated_at = excluded.updated_at`)
      // One renewal per policy on every desk: its uid derives from the policy's.
      .run(recordUids.renewal(ctx.sqlite.prepare('SELECT uid FROM policies WHERE id = ?').pluck().get(c.policyId) as string), c.policyId, c.stage, c.quoteYuan ?? null, c.stage === 'lost' ? c.lostReason : null, c.note ?? null, renewedPolicyId, ctx.session.userName, current.endDate, ctx.now().toISOString());
  })();
  return renewalRow(ctx, c.policyId);
}

/** Per month of expiry: policies ending, renewed, lost (from..to inclusive, 'YYYY-MM'). */
export function renewalsByMonth(sqlite: WorkflowContext['sqlite'], from: string, to: string): { month: string; expiring: number; renewed: number; lost: number }[] {
  return sqlite
    .prepare(`SELECT substr(p.end_date, 1, 7) AS month, count(*) AS expiring, sum(r.stage = 'renewed') AS renewed, sum(r.stage = 'lost') AS lost
      FROM policies p LEFT JOIN renewals r ON r.policy_id = p.id WHERE p.end_date >= ? AND p.end_date < ? GROUP BY month ORDER BY month`)
    .all(`${from}-01`, `${to}-32`)
    .map((r) => {
      const x = r as { month: string; expiring: number; renewed: number | null; lost: number | null };
      return { month: x.month, expiring: x.expiring, renewed: x.renewed ?? 0, lost: x.lost ?? 0 };
    });
}
