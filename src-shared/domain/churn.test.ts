import { describe, expect, it } from 'vitest';
import { churnRules, churnStatus, countsAgainstAdvisorChurn, lastVisit, visitClass } from './churn';

const today = '2024-06-15';

describe('visitClass', () => {
  it('classes by visits in the last 12 months (seed 003)', () => {
    expect(visitClass(['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'], today)).toBe('A');
    expect(visitClass(['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01'], today)).toBe('A');
    expect(visitClass(['2024-01-01', '2024-02-01', '2024-03-01'], today)).toBe('B');
    expect(visitClass(['2024-01-01', '2024-02-01'], today)).toBe('B');
    expect(visitClass(['2024-01-01'], today)).toBe('C');
    expect(visitClass([], today)).toBe('D');
  });

  it('ignores visits outside the window, in the future, malformed or on the same day', () => {
    expect(visitClass(['2023-06-15', '2023-01-01'], today)).toBe('D');
    expect(visitClass(['2023-06-16'], today)).toBe('C');
    expect(visitClass(['2024-06-15'], today)).toBe('C');
    expect(visitClass(['2024-06-16', 'not a date', ''], today)).toBe('D');
    expect(visitClass(['2024-03-01', '2024-03-01', '2024-03-01', '2024-03-01'], today)).toBe('C');
  });

  it('follows configured thresholds', () => {
    expect(visitClass(['2024-01-01', '2024-02-01'], today, { ...churnRules, classAMinVisits: 2 })).toBe('A');
  });
});

describe('churnStatus', () => {
  it('is new without any visit', () => {
    expect(churnStatus(null, today)).toBe('new');
    expect(churnStatus('', today)).toBe('new');
  });

  it('switches exactly at 6, 12 and 24 months', () => {
    expect(churnStatus('2024-06-15', today)).toBe('active');
    expect(churnStatus('2023-12-16', today)).toBe('active');
    expect(churnStatus('2023-12-15', today)).toBe('at_risk');
    expect(churnStatus('2023-06-16', today)).toBe('at_risk');
    expect(churnStatus('2023-06-15', today)).toBe('lost');
    expect(churnStatus('2022-06-16', today)).toBe('lost');
    expect(churnStatus('2022-06-15', today)).toBe('permanently_lost');
    expect(churnStatus('2015-01-01', today)).toBe('permanently_lost');
  });

  it('treats a future last visit (bad data) as active', () => {
    expect(churnStatus('2025-01-01', today)).toBe('active');
  });

  it('handles month ends', () => {
    expect(churnStatus('2023-08-31', '2024-02-28')).toBe('active');
    expect(churnStatus('2023-08-31', '2024-02-29')).toBe('at_risk');
  });
});

describe('countsAgainstAdvisorChurn', () => {
  it('counts from month 7 until month 12 is over', () => {
    expect(countsAgainstAdvisorChurn('2023-12-16', today)).toBe(false);
    expect(countsAgainstAdvisorChurn('2023-12-15', today)).toBe(true);
    expect(countsAgainstAdvisorChurn('2023-09-01', today)).toBe(true);
    expect(countsAgainstAdvisorChurn('2023-06-16', today)).toBe(true);
    expect(countsAgainstAdvisorChurn('2023-06-15', today)).toBe(false);
    expect(countsAgainstAdvisorChurn(null, today)).toBe(false);
  });
});

describe('lastVisit', () => {
  it('picks the latest valid date', () => {
    expect(lastVisit(['2023-01-01', '2024-02-01', 'x', '2023-12-31'])).toBe('2024-02-01');
    expect(lastVisit([])).toBeNull();
  });
});
