// Insurance renewal funnel (续保), seed 001: policies expiring in 90/60/30 days are listed, the
// customer is contacted and quoted, and the renewal ends renewed or lost with a reason. The
// monthly renewal rate is renewed / policies expiring in the month, target ≥ 20 %.
import { daysBetween } from '../dates';
import type { StatusTable } from '../sales/state-table';

export const renewalStages = ['due', 'contacted', 'quoted', 'renewed', 'lost'] as const;
export type RenewalStage = (typeof renewalStages)[number];

export const renewalStageTable: StatusTable<RenewalStage> = {
  due: ['contacted', 'quoted', 'renewed', 'lost'],
  contacted: ['quoted', 'renewed', 'lost'],
  quoted: ['quoted', 'renewed', 'lost'],
  renewed: [],
  lost: ['contacted'],
};

export const lostReasons = ['price', 'insurer_preference', 'bought_elsewhere', 'sold_car', 'unreachable', 'service_dissatisfied', 'other'] as const;
export type LostReason = (typeof lostReasons)[number];

export interface RenewalRules {
  /** Expiring-list windows in days, widest first. */
  windows: readonly number[];
  /** Monthly renewal rate target (0–1). */
  target: number;
}

export const defaultRenewalRules: RenewalRules = Object.freeze({ windows: Object.freeze([90, 60, 30]), target: 0.2 });

/**
 * The narrowest window the policy falls in (30 before 60 before 90), 'expired' once past the end
 * date, null when further out than the widest window.
 */
export function renewalWindow(endDate: string, today: string, rules: RenewalRules = defaultRenewalRules): number | 'expired' | null {
  const left = daysBetween(today, endDate);
  if (left < 0) return 'expired';
  let hit: number | null = null;
  for (const w of rules.windows) if (left <= w && (hit === null || w < hit)) hit = w;
  return hit;
}

/** A stage change's problems: a lost renewal needs a reason, a quote needs a premium. */
export function renewalChangeProblems(to: RenewalStage, input: { lostReason?: string | null; quoteYuan?: number | null }): string[] {
  if (to === 'lost' && !input.lostReason) return ['lost needs a reason'];
  if (to === 'quoted' && !(typeof input.quoteYuan === 'number' && input.quoteYuan > 0)) return ['quote needs a premium'];
  return [];
}

export interface MonthRenewals {
  /** Policies whose end date falls in the month. */
  expiring: number;
  /** Of those, renewed with us. */
  renewed: number;
  lost: number;
}

export function renewalRate(m: MonthRenewals): number | null {
  return m.expiring === 0 ? null : m.renewed / m.expiring;
}
