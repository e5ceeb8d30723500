import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointsBalance, redeem, tierFor } from './tiers';

describe('membership properties', () => {
  it('more spending never lowers the tier', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(tierFor(lo)!.minSpendYuan).toBeLessThanOrEqual(tierFor(hi)!.minSpendYuan);
      expect(tierFor(hi)!.minSpendYuan).toBeLessThanOrEqual(hi);
    }));
  });
  it('a sequence of earnings and accepted redemptions never leaves a negative balance', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -10, max: 1000 })), { maxLength: 40 }), (ops) => {
      const ledger: { points: number }[] = [];
      for (const [earn, n] of ops) {
        if (earn) { if (n > 0) ledger.push({ points: n }); }
        else {
          const r = redeem(pointsBalance(ledger), n);
          if (r.ok) ledger.push({ points: -n });
        }
        expect(pointsBalance(ledger)).toBeGreaterThanOrEqual(0);
      }
    }));
  });
});
