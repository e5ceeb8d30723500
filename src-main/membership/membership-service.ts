// Membership (会员): the tier follows service spending over the configured period
// (src-shared/domain/membership/tiers.ts); points are earned once per visit with an amount
// (keyed 'visit:<visit uid>', so every desk that recomputes earns them once) and redeemed against the balance. Rules live in settings
// 'membership.rules' (JSON), defaulting to the domain's.
import { DeskError } from '../../src-shared/contract/errors';
import { addMonths } from '../../src-shared/domain/dates';
import { defaultMembershipRules, pointsEarned, redeem, spendInPeriod, tierFor, tierProblems, type MembershipRules } from '../../src-shared/domain/membership/tiers';
import { randomUUID } from 'node:crypto';
import { dealershipToday } from '../insurance/policy-service';
import { editRecord } from '../sync/local-writes';
import { recordUids } from '../sync/record-tables';
import type { WorkflowContext } from '../workflows/context';

export function membershipRules(sqlite: WorkflowContext['sqlite']): MembershipRules {
  const raw = sqlite.prepare(`SELECT value FROM settings WHERE key = 'membership.rules'`).pluck().get() as string | undefined;
  if (!raw) return defaultMembershipRules;
  const rules = { ...defaultMembershipRules, ...(JSON.parse(raw) as Partial<MembershipRules>) };
  return tierProblems(rules).length ? defaultMembershipRules : rules;
}

export function saveMembershipRules(sqlite: WorkflowContext['sqlite'], rules: MembershipRules): void {
  const problems = tierProblems(rules);
  if (problems.length) throw new DeskError('invalid-input', problems.join('; '));
  sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('membership.rules', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(JSON.stringify(rules));
}

export function membershipSummary(ctx: WorkflowContext, customerId: number) {
  const rules = membershipRules(ctx.sqlite);
  const today = dealershipToday(ctx);
  if (!ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId)) throw new DeskError('not-found', `customer ${customerId} not found`);
  const spends = ctx.sqlite.prepare('SELECT visit_date AS date, amount_yuan AS amountYuan FROM service_visits WHERE customer_id = ? AND visit_date > ?').all(customerId, addMonths(today, -rules.periodMonths)) as { date: string; amountYuan: number | null }[];
  const spendYuan = spendInPeriod(spends, today, rules);
  const tier = tierFor(spendYuan, rules);
  const balance = (ctx.sqlite.prepare('SELECT coalesce(sum(points), 0) FROM membership_points WHERE customer_id = ?').pluck().get(customerId) as number) | 0;
  const entries = ctx.sqlite.prepare('SELECT id, points, reason, at, by FROM membership_points WHERE customer_id = ? ORDER BY at DESC, id DESC LIMIT 50').all(customerId) as { id: number; points: number; reason: string; at: string; by: string }[];
  return { customerId, tier: tier ? { code: tier.code, label: tier.label } : null, spendYuan, periodMonths: rules.periodMonths, balance, entries };
}

export function redeemPoints(ctx: WorkflowContext, input: { customerId: number; points: number; reason: string }) {
  const rules = membershipRules(ctx.sqlite);
  ctx.sqlite.transaction(() => {
    const balance = ctx.sqlite.prepare('SELECT coalesce(sum(points), 0) FROM membership_points WHERE customer_id = ?').pluck().get(input.customerId) as number;
    const r = redeem(balance, input.points, rules);
    if (!r.ok) throw new DeskError(r.reason === 'insufficient' ? 'conflict' : 'invalid-input', r.reason === 'insufficient' ? `balance ${balance} is below ${input.points}` : 'points must be a positive whole number');
    ctx.sqlite.prepare('INSERT INTO membership_points (uid, customer_id, points, reason, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(randomUUID(), input.customerId, -input.points, input.reason, ctx.now().toISOString(), ctx.session.userName);
  })();
  return membershipSummary(ctx, input.customerId);
}

/** Earns points for visits in the period not yet counted and sets every customer's tier label. */
export function recomputeMembership(ctx: WorkflowContext): { customers: number; changed: number; pointsAdded: number } {
  const rules = membershipRules(ctx.sqlite);
  const today = dealershipToday(ctx);
  const start = addMonths(today, -rules.periodMonths);
  const at = ctx.now().toISOString();
  return ctx.sqlite.transaction(() => {
    let pointsAdded = 0;
    const earn = ctx.sqlite.prepare(`INSERT INTO membership_points (uid, customer_id, points, reason, source_key, at, by) VALUES (?, ?, ?, '消费积分', ?, ?, 'system') ON CONFLICT DO NOTHING`);
    for (const v of ctx.sqlite.prepare(`SELECT id, uid, customer_id AS customerId, amount_yuan AS amount FROM service_visits WHERE visit_date > ? AND visit_date <= ? AND amount_yuan > 0`).all(start, today) as { id: number; uid: string | null; customerId: number; amount: number }[]) {
      const points = pointsEarned(v.amount, rules);
      // By the visit's uid, which every desk shares; a visit that never synced (no uid) by its id here.
      const sourceKey = v.uid ? `visit:${v.uid}` : `visit:${v.id}`;
      if (points > 0 && earn.run(recordUids.membershipPoints(sourceKey), v.customerId, points, sourceKey, at).changes) pointsAdded += points;
    }
    const spend = new Map<number, number>();
    for (const r of ctx.sqlite.prepare(`SELECT customer_id AS id, sum(amount_yuan) AS total FROM service_visits WHERE visit_date > ? AND visit_date <= ? AND amount_yuan > 0 GROUP BY customer_id`).iterate(start, today) as Iterable<{ id: number; total: number }>) spend.set(r.id, r.total);
    let customers = 0, changed = 0;
    for (const c of ctx.sqlite.prepare('SELECT id, uid, membership_tier AS tier FROM customers').all() as { id: number; uid: string; tier: string | null }[]) {
      customers += 1;
      const label = tierFor(spend.get(c.id) ?? 0, rules)?.label ?? null;
      if (label !== c.tier) {
        // The tier is a shared customer field: an edit that syncs (two desks computing it agree).
        editRecord(ctx.sqlite, 'customers', c.uid, { membershipTier: label }, ctx.now());
        changed += 1;
      }
    }
    return { customers, changed, pointsAdded };
  })();
}
