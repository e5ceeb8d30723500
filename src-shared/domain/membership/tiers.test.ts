import { describe, expect, it } from 'vitest';
import { defaultMembershipRules, pointsBalance, pointsEarned, redeem, spendInPeriod, tierFor, tierProblems } from './tiers';

describe('membership tiers', () => {
  const today = '2024-06-30';
  it('sums spending in the last 12 months only', () => {
    const spends = [
      { date: '2024-06-30', amountYuan: 1000 },
      { date: '2023-07-01', amountYuan: 2000 },
      { date: '2023-06-30', amountYuan: 4000 }, // exactly 12 months back: outside
      { date: '2024-07-01', amountYuan: 9000 }, // future
      { date: '2024-01-01', amountYuan: null },
      { date: 'bad', amountYuan: 5 },
    ];
    expect(spendInPeriod(spends, today)).toBe(3000);
    expect(spendInPeriod(spends, today, { ...defaultMembershipRules, periodMonths: 24 })).toBe(7000);
  });
  it('picks the highest threshold met', () => {
    expect(tierFor(0)?.code).toBe('standard');
    expect(tierFor(2999.99)?.code).toBe('standard');
    expect(tierFor(3000)?.code).toBe('silver');
    expect(tierFor(10000)?.code).toBe('gold');
    expect(tierFor(29999)?.code).toBe('gold');
    expect(tierFor(100000)?.code).toBe('diamond');
    expect(tierFor(10, { ...defaultMembershipRules, tiers: [{ code: 'vip', label: 'VIP', minSpendYuan: 100 }] })).toBeNull();
  });
  it('validates rules', () => {
    expect(tierProblems(defaultMembershipRules)).toEqual([]);
    expect(tierProblems({ ...defaultMembershipRules, periodMonths: 0, tiers: [{ code: 'a', label: 'a', minSpendYuan: 1 }, { code: 'a', label: 'b', minSpendYuan: 1 }] })).toEqual([
      'period must be 1–60 months', 'duplicate tier a', 'two tiers at 1',
    ]);
  });
  it('earns whole points and never redeems below zero', () => {
    expect(pointsEarned(1234.56)).toBe(1234);
    expect(pointsEarned(-5)).toBe(0);
    expect(pointsEarned(100, { ...defaultMembershipRules, pointsPerYuan: 0.1 })).toBe(10);
    expect(redeem(500, 200)).toEqual({ ok: true, balanceAfter: 300, valueYuan: 2 });
    expect(redeem(500, 501)).toEqual({ ok: false, reason: 'insufficient' });
    expect(redeem(500, 0)).toEqual({ ok: false, reason: 'not-positive' });
    expect(redeem(500, 1.5)).toEqual({ ok: false, reason: 'not-positive' });
    expect(pointsBalance([{ points: 100 }, { points: -30 }, { points: 5 }])).toBe(75);
  });
});
