// Membership (会员, seed 000 客户资料管理 and seed 004 member cards): the tier follows spending
// over a configurable period with configurable thresholds; points are earned per yuan spent and
// redeemed, never below zero.
import { addMonths, isIsoDate } from '../dates';

export interface TierThreshold {
  code: string;
  /** Stored in customers.membership_tier and shown on the card (普通, 银卡, 金卡, 钻石 — the labels the demo desk and imports use). */
  label: string;
  minSpendYuan: number;
}

export interface MembershipRules {
  periodMonths: number;
  /** Any order; the highest threshold met wins. */
  tiers: readonly TierThreshold[];
  pointsPerYuan: number;
  /** Yuan a point is worth when redeemed. */
  yuanPerPoint: number;
}

export const defaultMembershipRules: MembershipRules = Object.freeze({
  periodMonths: 12,
  tiers: Object.freeze([
    { code: 'standard', label: '普通', minSpendYuan: 0 },
    { code: 'silver', label: '银卡', minSpendYuan: 3_000 },
    { code: 'gold', label: '金卡', minSpendYuan: 10_000 },
    { code: 'diamond', label: '钻石', minSpendYuan: 30_000 },
  ]),
  pointsPerYuan: 1,
  yuanPerPoint: 0.01,
});

export interface Spend {
  date: string;
  amountYuan: number | null;
}

/** Spending in (today − periodMonths, today]; future, malformed and missing amounts ignored. */
export function spendInPeriod(spends: readonly Spend[], today: string, rules: MembershipRules = defaultMembershipRules): number {
  const start = addMonths(today, -rules.periodMonths);
  let sum = 0;
  for (const s of spends) if (isIsoDate(s.date) && s.date > start && s.date <= today && typeof s.amountYuan === 'number' && s.amountYuan > 0) sum += s.amountYuan;
  return Math.round(sum * 100) / 100;
}

export function tierFor(spendYuan: number, rules: MembershipRules = defaultMembershipRules): TierThreshold | null {
  let best: TierThreshold | null = null;
  for (const t of rules.tiers) if (spendYuan >= t.minSpendYuan && (best === null || t.minSpendYuan > best.minSpendYuan)) best = t;
  return best;
}

export function tierProblems(rules: MembershipRules): string[] {
  const problems: string[] = [];
  if (!(rules.periodMonths >= 1 && rules.periodMonths <= 60)) problems.push('period must be 1–60 months');
  const codes = new Set<string>();
  const mins = new Set<number>();
  for (const t of rules.tiers) {
    if (codes.has(t.code)) problems.push(`duplicate tier ${t.code}`);
    if (mins.has(t.minSpendYuan)) problems.push(`two tiers at ${t.minSpendYuan}`);
    if (t.minSpendYuan < 0) problems.push(`negative threshold on ${t.code}`);
    codes.add(t.code);
    mins.add(t.minSpendYuan);
  }
  if (rules.pointsPerYuan < 0 || rules.yuanPerPoint < 0) problems.push('negative point rates');
  return problems;
}

/** Points earned for a spend: whole points, rounded down. */
export function pointsEarned(amountYuan: number, rules: MembershipRules = defaultMembershipRules): number {
  return amountYuan > 0 ? Math.floor(amountYuan * rules.pointsPerYuan + 1e-9) : 0;
}

export type RedeemResult = { ok: true; balanceAfter: number; valueYuan: number } | { ok: false; reason: 'not-positive' | 'insufficient' };

export function redeem(balance: number, points: number, rules: MembershipRules = defaultMembershipRules): RedeemResult {
  if (!Number.isInteger(points) || points <= 0) return { ok: false, reason: 'not-positive' };
  if (points > balance) return { ok: false, reason: 'insufficient' };
  return { ok: true, balanceAfter: balance - points, valueYuan: Math.round(points * rules.yuanPerPoint * 100) / 100 };
}

/** Balance of a ledger of signed point entries (earned +, redeemed −). */
export function pointsBalance(entries: readonly { points: number }[]): number {
  return entries.reduce((s, e) => s + e.points, 0);
}
