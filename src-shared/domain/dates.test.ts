import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, isIsoDate, monthsBetween, toIsoDate, todayIn } from './dates';

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-10', 0)).toBe('2024-03-10');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });
});

describe('addMonths', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-05-31', 1)).toBe('2024-06-30');
  });

  it('crosses years both ways', () => {
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2024-02-15', -3)).toBe('2023-11-15');
    expect(addMonths('2024-01-15', -12)).toBe('2023-01-15');
    expect(addMonths('2024-01-15', 0)).toBe('2024-01-15');
  });
});

describe('addYears', () => {
  it('moves Feb 29 to Feb 28 in common years', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2023-06-01', 2)).toBe('2025-06-01');
  });
});

describe('daysBetween', () => {
  it('counts whole days, negative backwards', () => {
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2023-01-01', '2023-12-31')).toBe(364);
    expect(daysBetween('2024-03-10', '2024-03-01')).toBe(-9);
    expect(daysBetween('2024-03-31', '2024-03-31')).toBe(0);
  });
});

describe('monthsBetween', () => {
  it('counts completed calendar months', () => {
    expect(monthsBetween('2024-01-15', '2024-07-14')).toBe(5);
    expect(monthsBetween('2024-01-15', '2024-07-15')).toBe(6);
    expect(monthsBetween('2023-08-31', '2024-02-29')).toBe(6);
    expect(monthsBetween('2023-08-31', '2024-02-28')).toBe(5);
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(1);
    expect(monthsBetween('2024-07-15', '2024-01-15')).toBe(-6);
    expect(monthsBetween('2024-07-15', '2024-01-16')).toBe(-6);
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-1')).toBe(false);
    expect(isIsoDate('2024-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('toIsoDate / todayIn', () => {
  it('uses the UTC date of a Date', () => {
    expect(toIsoDate(new Date('2024-03-01T23:30:00Z'))).toBe('2024-03-01');
  });

  it('takes the date in the given zone', () => {
    const lateUtc = new Date('2024-03-01T17:30:00Z');
    expect(todayIn('Asia/Shanghai', lateUtc)).toBe('2024-03-02');
    expect(todayIn('UTC', lateUtc)).toBe('2024-03-01');
    expect(todayIn('America/Los_Angeles', new Date('2024-03-01T05:00:00Z'))).toBe('2024-02-29');
  });

  it('defaults to and falls back to Asia/Shanghai', () => {
    const lateUtc = new Date('2024-12-31T16:00:00Z');
    expect(todayIn(undefined, lateUtc)).toBe('2025-01-01');
    expect(todayIn('Not/AZone', lateUtc)).toBe('2025-01-01');
  });
});
