// Win-back of lost customers (seed 004: record why they left, call soon, apologise, fix, report
// the outcome). The list holds at-risk and lost customers (../churn.ts); important customers
// (seed 003: repeat repairs, our fault, major complaint, influential — ../workflows/routing.ts)
// are routed to a manager instead of the advisor.
import type { ChurnStatus } from '../churn';
import type { ImportanceReason } from '../workflows/routing';
import type { StatusTable } from '../sales/state-table';

export const winBackStatuses = ['to_call', 'called', 'won_back', 'declined', 'unreachable'] as const;
export type WinBackStatus = (typeof winBackStatuses)[number];

export const winBackStatusTable: StatusTable<WinBackStatus> = {
  to_call: ['called', 'won_back', 'declined', 'unreachable'],
  called: ['called', 'won_back', 'declined', 'unreachable'],
  unreachable: ['called', 'won_back', 'declined', 'unreachable'],
  won_back: [],
  declined: ['to_call'],
};

export const churnReasons = ['price', 'repair_quality', 'service_attitude', 'waiting_time', 'distance', 'moved', 'sold_car', 'other_dealer', 'unknown', 'other'] as const;
export type ChurnReason = (typeof churnReasons)[number];

/** Whether a churn status belongs on the win-back list (permanently lost: on file, not called). */
export function belongsOnWinBack(status: ChurnStatus): boolean {
  return status === 'at_risk' || status === 'lost';
}

export interface WinBackRouting {
  owner: 'manager' | 'advisor';
  priority: 'high' | 'normal';
}

export function routeWinBack(reasons: readonly ImportanceReason[]): WinBackRouting {
  return reasons.length ? { owner: 'manager', priority: 'high' } : { owner: 'advisor', priority: 'normal' };
}

/** "Call soon": lost before at-risk, important first, then longest gone. */
export function winBackOrder(a: { important: boolean; status: ChurnStatus; lastVisit: string | null }, b: typeof a): number {
  const rank = (x: typeof a) => (x.important ? 0 : 2) + (x.status === 'lost' ? 0 : 1);
  return rank(a) - rank(b) || (a.lastVisit ?? '').localeCompare(b.lastVisit ?? '');
}

/** An outcome (won back / declined) needs a note or reason recorded. */
export function winBackOutcomeProblems(to: WinBackStatus, input: { reason?: string | null; note?: string | null }): string[] {
  if ((to === 'declined' || to === 'won_back') && !input.reason && !input.note?.trim()) return ['record why (reason or note)'];
  return [];
}
