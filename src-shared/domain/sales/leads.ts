// Leads (意向客户, seed 000 售前管理): a buyer with intent moves through stages until won (an
// order) or lost. The funnel counts a lead at every stage it has reached, so the conversion from
// one stage to the next is "reached the next / reached this one".
import type { StatusTable } from './state-table';

export const leadSources = ['phone', 'walk_in', 'web', 'referral', 'event', 'other'] as const;
export type LeadSource = (typeof leadSources)[number];

/** Ordered funnel stages; 'lost' is a side exit from any open stage. */
export const leadFunnelStages = ['new', 'contacted', 'test_drive', 'negotiation', 'won'] as const;
export const leadStages = [...leadFunnelStages, 'lost'] as const;
export type LeadStage = (typeof leadStages)[number];

export const leadStageTable: StatusTable<LeadStage> = {
  new: ['contacted', 'test_drive', 'negotiation', 'won', 'lost'],
  contacted: ['test_drive', 'negotiation', 'won', 'lost'],
  test_drive: ['negotiation', 'won', 'lost'],
  negotiation: ['won', 'lost'],
  won: [],
  // A lost lead may be revived (the buyer calls again) — back into the funnel.
  lost: ['contacted'],
};

export function funnelRank(stage: LeadStage): number {
  return (leadFunnelStages as readonly string[]).indexOf(stage);
}

export interface FunnelLead {
  stage: LeadStage;
  /** The furthest funnel stage ever reached (a lost lead keeps where it got to). */
  furthestStage: Exclude<LeadStage, 'lost'>;
}

export interface FunnelRow {
  stage: (typeof leadFunnelStages)[number];
  reached: number;
  /** reached / reached at the previous stage (null for the first stage or an empty previous). */
  conversion: number | null;
}

export function salesFunnel(leads: readonly FunnelLead[]): { rows: FunnelRow[]; total: number; won: number; lost: number; winRate: number | null } {
  const reached = leadFunnelStages.map(() => 0);
  let lost = 0;
  for (const l of leads) {
    const rank = funnelRank(l.furthestStage);
    for (let i = 0; i <= rank; i++) reached[i] += 1;
    if (l.stage === 'lost') lost += 1;
  }
  const rows = leadFunnelStages.map((stage, i) => ({ stage, reached: reached[i], conversion: i === 0 || reached[i - 1] === 0 ? null : reached[i] / reached[i - 1] }));
  const won = reached[reached.length - 1];
  return { rows, total: leads.length, won, lost, winRate: leads.length ? won / leads.length : null };
}

/** The furthest stage after moving to `next`. */
export function furthestAfter(furthest: Exclude<LeadStage, 'lost'>, next: LeadStage): Exclude<LeadStage, 'lost'> {
  if (next === 'lost') return furthest;
  return funnelRank(next) > funnelRank(furthest) ? next : furthest;
}
