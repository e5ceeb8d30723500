import { describe, expect, it } from 'vitest';
import { advisorChurnByMonth, churnByClass, classify, lastVisitAsOf, monthEndsBack } from './churn-report';

describe('churn report', () => {
  it('last visit as of a date', () => {
    const d = ['2023-01-01', '2023-05-01', '2023-09-01'];
    expect(lastVisitAsOf(d, '2022-12-31')).toBeNull();
    expect(lastVisitAsOf(d, '2023-05-01')).toBe('2023-05-01');
    expect(lastVisitAsOf(d, '2023-08-31')).toBe('2023-05-01');
    expect(lastVisitAsOf(d, '2030-01-01')).toBe('2023-09-01');
  });
  it('classifies with the churn.ts rules as of a date', () => {
    expect(classify(['2023-07-01', '2023-10-01', '2024-01-01', '2024-04-01'], '2024-06-15')).toEqual({ visitClass: 'A', status: 'active', lastVisit: '2024-04-01', countsAgainstAdvisor: false });
    expect(classify(['2023-09-01'], '2024-06-15')).toEqual({ visitClass: 'C', status: 'at_risk', lastVisit: '2023-09-01', countsAgainstAdvisor: true });
    expect(classify(['2022-01-01'], '2024-06-15')).toMatchObject({ visitClass: 'D', status: 'permanently_lost', countsAgainstAdvisor: false });
    expect(classify([], '2024-06-15')).toMatchObject({ status: 'new', lastVisit: null });
  });
  it('month ends', () => {
    expect(monthEndsBack('2024-03-15', 3)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(monthEndsBack('2024-01-05', 2)).toEqual(['2023-12-31', '2024-01-31']);
  });
  it('counts a customer against the advisor in months 7–12 only, until they return', () => {
    // Last visit 2023-01-15: six full months at 2023-07-15 → counts at the ends of Jul…Dec 2023 (month 12 completes 2024-01-15).
    const customers = [
      { advisorId: 1, visitDates: ['2023-01-15'] },
      // returns in Oct 2023: counts Jul, Aug, Sep, then not.
      { advisorId: 1, visitDates: ['2023-01-10', '2023-10-05'] },
      { advisorId: 2, visitDates: ['2023-06-01'] },
      { advisorId: 2, visitDates: ['2020-01-01'] }, // permanently lost: not in the book
    ];
    const rows = advisorChurnByMonth(customers, monthEndsBack('2024-01-31', 8)); // Jun 2023 … Jan 2024
    const of = (adv: number) => rows.filter((r) => r.advisorId === adv).map((r) => `${r.month}:${r.churned}/${r.book}`);
    expect(of(1)).toEqual(['2023-06:0/2', '2023-07:2/2', '2023-08:2/2', '2023-09:2/2', '2023-10:1/2', '2023-11:1/2', '2023-12:1/2', '2024-01:0/2']);
    expect(of(2)).toEqual(['2023-06:0/1', '2023-07:0/1', '2023-08:0/1', '2023-09:0/1', '2023-10:0/1', '2023-11:0/1', '2023-12:1/1', '2024-01:1/1']);
    expect(rows.find((r) => r.advisorId === 1 && r.month === '2023-07')?.rate).toBe(1);
  });
  it('counts by class and status', () => {
    const t = churnByClass([{ visitClass: 'A', status: 'active' }, { visitClass: 'D', status: 'lost' }, { visitClass: 'D', status: 'lost' }]);
    expect(t.A.active).toBe(1);
    expect(t.D.lost).toBe(2);
    expect(t.B.active).toBe(0);
  });
});
