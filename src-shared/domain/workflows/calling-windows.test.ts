import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callingWindowPresets, isCallable, nextCallableTime, type CallingWindowRules } from './calling-windows';
import { localTime } from './zoned-time';

const north = callingWindowPresets.north;
const south = callingWindowPresets.south;
// Shanghai is UTC+8 all year: local = UTC + 8h.
const at = (local: string) => new Date(`${local}+08:00`);

describe('calling windows (seed 002)', () => {
  it('offers nobody at 12:30 on a weekday and resumes at 13:00 (14:00 in the south)', () => {
    const t = at('2026-11-26T12:30:00'); // Thursday
    expect(isCallable(t, north)).toBe(false);
    expect(nextCallableTime(t, north)!.toISOString()).toBe(at('2026-11-26T13:00:00').toISOString());
    expect(nextCallableTime(t, south)!.toISOString()).toBe(at('2026-11-26T14:00:00').toISOString());
  });
  it('lengthens the lunch break in summer in the north', () => {
    expect(nextCallableTime(at('2026-07-02T13:10:00'), north)!.toISOString()).toBe(at('2026-07-02T14:00:00').toISOString());
  });
  it('19:30 → next day 08:30; before 08:30 → 08:30; 18:59 is callable', () => {
    expect(nextCallableTime(at('2026-11-26T19:30:00'), north)!.toISOString()).toBe(at('2026-11-27T08:30:00').toISOString());
    expect(nextCallableTime(at('2026-11-26T19:00:00'), north)!.toISOString()).toBe(at('2026-11-27T08:30:00').toISOString());
    expect(nextCallableTime(at('2026-11-26T07:00:00'), north)!.toISOString()).toBe(at('2026-11-26T08:30:00').toISOString());
    expect(isCallable(at('2026-11-26T18:59:00'), north)).toBe(true);
  });
  it('Friday evening → Monday 08:30; holidays are skipped', () => {
    expect(nextCallableTime(at('2026-11-27T19:30:00'), north)!.toISOString()).toBe(at('2026-11-30T08:30:00').toISOString());
    const withHoliday: CallingWindowRules = { ...north, calendar: { ...north.calendar, holidays: ['2026-11-30'] } };
    expect(nextCallableTime(at('2026-11-27T19:30:00'), withHoliday)!.toISOString()).toBe(at('2026-12-01T08:30:00').toISOString());
  });
  it('nextCallableTime is callable, not earlier than now, and nothing between is callable (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-01-01'), max: new Date('2028-01-01'), noInvalidDate: true }), fc.constantFrom(north, south), (now, rules) => {
        const next = nextCallableTime(now, rules)!;
        expect(next.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(isCallable(next, rules)).toBe(true);
        const local = localTime(next, rules.timeZone);
        expect(local.weekday).toBeLessThan(6);
        expect(local.minutes).toBeGreaterThanOrEqual(8 * 60 + 30);
        expect(local.minutes).toBeLessThan(19 * 60);
        // sample the gap minute by minute up to 3 days: nothing earlier is callable
        for (let t = now.getTime(); t < Math.min(next.getTime(), now.getTime() + 3 * 86_400_000); t += 60_000 * 7) expect(isCallable(new Date(t), rules)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
  it('works in other zones', () => {
    const ny: CallingWindowRules = { ...north, timeZone: 'America/New_York', seasons: [] };
    // Sun 2026-03-08 (DST starts) 09:00 EDT → Mon 08:30 EDT
    expect(nextCallableTime(new Date('2026-03-08T13:00:00Z'), ny)!.toISOString()).toBe('2026-03-09T12:30:00.000Z');
  });
});
