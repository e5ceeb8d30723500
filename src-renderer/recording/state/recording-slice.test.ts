import { describe, expect, it } from 'vitest';
import { activeAdded, activePatched, callGone, filterEdited, filterForRequest, initialRecordingState } from './recording-slice';

describe('recording slice', () => {
  it('tracks a call from offered to recording to gone', () => {
    let s = { ...initialRecordingState, offered: [{ callId: 'c1', remoteNumber: '138' }] };
    s = activeAdded(s, { callId: 'c1', remoteNumber: '138', phase: 'starting', recordingId: null, startedAt: 0, error: null });
    expect(s.offered).toEqual([]);
    s = activePatched(s, 'c1', { phase: 'paused', recordingId: 7 });
    expect(s.active[0]).toMatchObject({ phase: 'paused', recordingId: 7 });
    expect(callGone(s, 'c1').active).toEqual([]);
  });

  it('drops empty filter fields and ends a day filter at the end of that day', () => {
    const s = filterEdited(filterEdited(initialRecordingState, { customer: '王', agent: '' }), { to: '2026-05-01' });
    expect(s.filter).toEqual({ customer: '王', to: '2026-05-01' });
    expect(filterForRequest(s.filter)).toMatchObject({ customer: '王', to: '2026-05-01T23:59:59.999Z', limit: 200 });
  });
});
