import { describe, expect, it } from 'vitest';
import { defaultWorkflowSettings } from '../../../src-shared/contract/workflow-settings';
import { callingWindowPresets, nextCallableTime } from '../../../src-shared/domain/workflows/calling-windows';
import { callingReason, localClockText } from './calling-reason';

const north = defaultWorkflowSettings.callingWindows;
const south = JSON.parse(JSON.stringify(callingWindowPresets.south)) as typeof north;

function reasonAt(iso: string, rules = north) {
  return callingReason(nextCallableTime(new Date(iso), rules)?.toISOString() ?? null, rules);
}

describe('why the follow-up queue is empty', () => {
  it('12:30 on a weekday is the lunch break until 13:00 (seed 002)', () => {
    const r = reasonAt('2026-11-25T12:30:00+08:00');
    expect(r).toMatchObject({ kind: 'break', lunch: true, from: '12:00', to: '13:00' });
    expect(localClockText(r.nextAt!, north.timeZone, new Date('2026-11-25T12:30:00+08:00'))).toBe('13:00');
  });

  it('in the south the midday rest lasts until 14:00', () => {
    expect(reasonAt('2026-11-25T13:30:00+08:00', south)).toMatchObject({ kind: 'break', from: '12:00', to: '14:00' });
  });

  it('northern summer season lengthens the break', () => {
    expect(reasonAt('2026-07-15T13:15:00+08:00')).toMatchObject({ kind: 'break', to: '14:00' });
  });

  it('evenings and weekends are outside the window; the next time is the next working morning', () => {
    const evening = reasonAt('2026-11-25T19:30:00+08:00');
    expect(evening.kind).toBe('outside');
    expect(localClockText(evening.nextAt!, north.timeZone, new Date('2026-11-25T19:30:00+08:00'))).toBe('11-26 08:30');
    const saturday = reasonAt('2026-11-28T10:00:00+08:00');
    expect(saturday.kind).toBe('outside');
    expect(localClockText(saturday.nextAt!, north.timeZone, new Date('2026-11-28T10:00:00+08:00'))).toBe('11-30 08:30');
  });
});
