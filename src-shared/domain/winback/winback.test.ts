import { describe, expect, it } from 'vitest';
import { canMove } from '../sales/state-table';
import { belongsOnWinBack, routeWinBack, winBackOrder, winBackOutcomeProblems, winBackStatusTable } from './winback';

describe('win-back', () => {
  it('lists at-risk and lost customers, not the permanently lost or active', () => {
    expect(belongsOnWinBack('at_risk')).toBe(true);
    expect(belongsOnWinBack('lost')).toBe(true);
    expect(belongsOnWinBack('permanently_lost')).toBe(false);
    expect(belongsOnWinBack('active')).toBe(false);
  });
  it('routes important customers to a manager', () => {
    expect(routeWinBack(['our_fault'])).toEqual({ owner: 'manager', priority: 'high' });
    expect(routeWinBack([])).toEqual({ owner: 'advisor', priority: 'normal' });
  });
  it('orders important and lost first, then longest gone', () => {
    const list = [
      { id: 1, important: false, status: 'at_risk' as const, lastVisit: '2023-01-01' },
      { id: 2, important: false, status: 'lost' as const, lastVisit: '2023-03-01' },
      { id: 3, important: true, status: 'at_risk' as const, lastVisit: '2023-05-01' },
      { id: 4, important: false, status: 'lost' as const, lastVisit: '2022-12-01' },
    ].sort(winBackOrder);
    expect(list.map((x) => x.id)).toEqual([3, 4, 2, 1]);
  });
  it('outcomes need a reason or note; won back is final', () => {
    expect(winBackOutcomeProblems('declined', {})).toHaveLength(1);
    expect(winBackOutcomeProblems('declined', { reason: 'price' })).toEqual([]);
    expect(winBackOutcomeProblems('called', {})).toEqual([]);
    expect(canMove(winBackStatusTable, 'won_back', 'to_call')).toBe(false);
  });
});
