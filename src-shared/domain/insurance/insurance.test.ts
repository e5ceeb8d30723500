import { describe, expect, it } from 'vitest';
import { coverProblems, policyKind, premiumTotal } from './cover';
import { renewalChangeProblems, renewalRate, renewalWindow } from './renewal';

describe('renewal windows', () => {
  const today = '2024-06-01';
  it('puts a policy in the narrowest of the 90/60/30-day windows', () => {
    expect(renewalWindow('2024-06-01', today)).toBe(30);
    expect(renewalWindow('2024-07-01', today)).toBe(30); // 30 days
    expect(renewalWindow('2024-07-02', today)).toBe(60); // 31 days
    expect(renewalWindow('2024-07-31', today)).toBe(60); // 60 days
    expect(renewalWindow('2024-08-01', today)).toBe(90); // 61 days
    expect(renewalWindow('2024-08-30', today)).toBe(90); // 90 days
    expect(renewalWindow('2024-08-31', today)).toBeNull();
    expect(renewalWindow('2024-05-31', today)).toBe('expired');
  });
  it('follows configured windows', () => {
    expect(renewalWindow('2024-06-10', today, { windows: [45, 7], target: 0.2 })).toBe(45);
  });
  it('needs a reason to lose and a premium to quote', () => {
    expect(renewalChangeProblems('lost', {})).toEqual(['lost needs a reason']);
    expect(renewalChangeProblems('lost', { lostReason: 'price' })).toEqual([]);
    expect(renewalChangeProblems('quoted', { quoteYuan: 0 })).toEqual(['quote needs a premium']);
    expect(renewalChangeProblems('renewed', {})).toEqual([]);
  });
  it('rate is renewed over expiring in the month', () => {
    expect(renewalRate({ expiring: 40, renewed: 9, lost: 12 })).toBeCloseTo(0.225);
    expect(renewalRate({ expiring: 0, renewed: 0, lost: 0 })).toBeNull();
  });
});

describe('cover items', () => {
  it('kinds, totals and problems', () => {
    const items = [{ code: 'compulsory' as const, sumInsuredYuan: 200000, premiumYuan: 950 }, { code: 'vehicle_damage' as const, sumInsuredYuan: 150000, premiumYuan: 2100.5 }];
    expect(policyKind(items)).toBe('both');
    expect(policyKind(items.slice(0, 1))).toBe('compulsory');
    expect(policyKind([])).toBe('none');
    expect(premiumTotal(items)).toBe(3050.5);
    expect(coverProblems([...items, items[0]])).toEqual(['duplicate item compulsory']);
  });
});
