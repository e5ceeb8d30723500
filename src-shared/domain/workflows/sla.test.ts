import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSlaRules, dueAlarms, slaAlarms, slaClock, slaDeadline, type SlaRules } from './sla';
import { localTime } from './zoned-time';

const shanghai = defaultSlaRules;
const working: SlaRules = { ...shanghai, unit: 'working', calendar: { workWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-10-01', '2026-10-02', '2026-10-05'], workdays: ['2026-10-10'] } };

describe('SLA clock', () => {
  it('counts 3 calendar days at the same clock time (seed 004)', () => {
    // Tue 2026-11-24 15:20 Shanghai
    expect(slaDeadline(new Date('2026-11-24T07:20:00Z'), shanghai).toISOString()).toBe('2026-11-27T07:20:00.000Z');
    // Friday → Monday: calendar days run over the weekend
    expect(slaDeadline(new Date('2026-11-27T02:00:00Z'), shanghai).toISOString()).toBe('2026-11-30T02:00:00.000Z');
  });
  it('counts working days over weekends, holidays and make-up days', () => {
    // Fri 2026-11-27 10:00 → Wed 2026-12-02 10:00
    expect(slaDeadline(new Date('2026-11-27T02:00:00Z'), working).toISOString()).toBe('2026-12-02T02:00:00.000Z');
    // Wed 2026-09-30 10:00: Oct 1, 2 holidays, 3-4 weekend, 5 holiday → 6, 7, 8
    expect(slaDeadline(new Date('2026-09-30T02:00:00Z'), working).toISOString()).toBe('2026-10-08T02:00:00.000Z');
    // Accepted Saturday 2026-11-28 21:00 → the clock starts Monday 00:00 → Thursday 00:00
    expect(slaDeadline(new Date('2026-11-28T13:00:00Z'), working).toISOString()).toBe('2026-12-02T16:00:00.000Z');
    // Make-up Saturday 2026-10-10 is a working day
    expect(slaDeadline(new Date('2026-10-09T02:00:00Z'), { ...working, days: 1 }).toISOString()).toBe('2026-10-10T02:00:00.000Z');
  });
  it('keeps the local clock time across a DST change in America/New_York (71 hours)', () => {
    const ny: SlaRules = { ...shanghai, timeZone: 'America/New_York' };
    const start = new Date('2026-03-06T15:00:00Z'); // Fri 10:00 EST
    const due = slaDeadline(start, ny); // Mon 10:00 EDT
    expect(due.toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect((due.getTime() - start.getTime()) / 3_600_000).toBe(71);
  });
  it('calendar deadlines are the same wall time N days later in any zone (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'UTC'), fc.integer({ min: 1, max: 10 }), (start, tz, days) => {
        const rules: SlaRules = { ...shanghai, timeZone: tz, days };
        const due = slaDeadline(start, rules);
        const a = localTime(start, tz);
        const b = localTime(due, tz);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
        // Equal unless the start's clock time falls in a DST gap on the deadline day.
        if (b.minutes === a.minutes) expect(Math.round((Date.parse(b.date) - Date.parse(a.date)) / 86_400_000)).toBe(days);
        else expect(Math.abs(b.minutes - a.minutes)).toBe(60);
      }),
    );
  });
  it('fires reminders before and escalation at the deadline, each once', () => {
    const due = new Date('2026-11-27T07:20:00Z');
    expect(slaAlarms(due).map((a) => [a.key, a.at.toISOString()])).toEqual([
      ['remind-24h', '2026-11-26T07:20:00.000Z'], ['remind-4h', '2026-11-27T03:20:00.000Z'], ['escalate-0h', '2026-11-27T07:20:00.000Z'], ['escalate-24h', '2026-11-28T07:20:00.000Z'],
    ]);
    expect(dueAlarms(due, new Date('2026-11-27T08:00:00Z'), ['remind-24h']).map((a) => a.key)).toEqual(['remind-4h', 'escalate-0h']);
    expect(slaClock(due, new Date('2026-11-27T08:00:00Z'), null).state).toBe('overdue');
    expect(slaClock(due, new Date('2026-11-25T08:00:00Z'), null).state).toBe('running');
    expect(slaClock(due, new Date('2026-11-26T08:00:00Z'), null).state).toBe('due_soon');
    expect(slaClock(due, new Date('2026-11-29T00:00:00Z'), new Date('2026-11-27T07:00:00Z')).state).toBe('met');
  });
});
