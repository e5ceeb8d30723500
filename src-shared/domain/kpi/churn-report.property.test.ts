import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsAgainstAdvisorChurn, lastVisit } from '../churn';
import { addDays } from '../dates';
import { advisorChurnByMonth, lastVisitAsOf, monthEndsBack } from './churn-report';

const dateArb = fc.integer({ min: 0, max: 1500 }).map((n) => addDays('2020-01-01', n));

describe('advisor churn properties', () => {
  it('agrees with countsAgainstAdvisorChurn on the visits up to each month end', () => {
    fc.assert(fc.property(fc.array(fc.record({ advisorId: fc.integer({ min: 1, max: 3 }), visitDates: fc.array(dateArb, { maxLength: 6 }).map((d) => [...new Set(d)].sort()) }), { maxLength: 20 }), (customers) => {
      const ends = monthEndsBack('2023-12-15', 12);
      const rows = advisorChurnByMonth(customers, ends);
      for (const end of ends) for (const adv of [1, 2, 3]) {
        const expected = customers.filter((c) => c.advisorId === adv && countsAgainstAdvisorChurn(lastVisit(c.visitDates.filter((d) => d <= end)), end)).length;
        const row = rows.find((r) => r.advisorId === adv && r.month === end.slice(0, 7));
        expect(row?.churned ?? 0).toBe(expected);
        if (row) expect(row.churned).toBeLessThanOrEqual(row.book);
      }
    }));
  });
  it('lastVisitAsOf equals the linear scan', () => {
    fc.assert(fc.property(fc.array(dateArb, { maxLength: 10 }), dateArb, (d, at) => {
      const sorted = [...d].sort();
      expect(lastVisitAsOf(sorted, at)).toBe(lastVisit(sorted.filter((x) => x <= at)));
    }));
  });
});
