// Day numbers must agree with the string dates of dates.ts wherever they claim support.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, isIsoDate } from '../dates';
import { addMonthsToDay, isoOfDay, parseDay, unsupportedDay } from './day-numbers';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dateLike = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

describe('day numbers', () => {
  it('parse exactly the ISO dates, to the day count of dates.ts', () => {
    fc.assert(fc.property(dateLike, (s) => {
      const day = parseDay(s);
      expect(day === day).toBe(isIsoDate(s));
      if (!isIsoDate(s)) return;
      if (Number(s.slice(0, 4)) < 100) expect(day).toBe(unsupportedDay);
      else {
        expect(day).toBe(daysBetween('1970-01-01', s));
        expect(isoOfDay(day)).toBe(s);
      }
    }), { numRuns: 5000 });
    for (const s of ['2024-1-01', '2024-01-01 ', 'x2024-01-01', '2023-02-29', '']) expect(Number.isNaN(parseDay(s))).toBe(true);
  });

  it('add months like addMonths (clamped to the month end)', () => {
    fc.assert(fc.property(dateLike.filter((s) => isIsoDate(s) && Number(s.slice(0, 4)) >= 100), fc.integer({ min: -1200, max: 1200 }), (s, n) => {
      const r = addMonthsToDay(parseDay(s), n);
      const want = addMonths(s, n);
      if (r === unsupportedDay) expect(Number(want.slice(0, want.indexOf('-', 1))) < 100 || want.length > 10).toBe(true);
      else expect(isoOfDay(r)).toBe(want);
    }), { numRuns: 3000 });
  });
});
