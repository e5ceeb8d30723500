import { describe, expect, it } from 'vitest';
import { agentEvent, callAdded, callAnswered, callEnded, callRecord, initialSoftphoneState, newCall, wrapUpClosed, wrapUpEdited } from './softphone-slice';

const ringing = newCall({ id: 'call-aaaa-1', direction: 'inbound', remoteNumber: '13812345678', remoteName: '王', normalized: '13812345678', ivrChoice: '2', ivrCategory: 'repair', ringAt: '2026-11-26T02:00:00.000Z' });

describe('softphone slice', () => {
  it('answer → end opens a wrap-up with the IVR category and puts the agent in after-call work', () => {
    let s = agentEvent(initialSoftphoneState, { type: 'choose', state: { kind: 'ready' } });
    s = callAdded(s, ringing);
    expect(s.calls[0].customerIds).toBeNull();
    s = callAnswered(s, ringing.id, '2026-11-26T02:00:05.000Z');
    expect(s.agent.kind).toBe('on_call');
    s = callEnded(s, ringing.id, '2026-11-26T02:02:05.000Z', 'answered', 30);
    expect(s.calls).toEqual([]);
    expect(s.agent.kind).toBe('after_call_work');
    expect(s.wrapUps).toEqual([{ callId: ringing.id, disposition: '', notes: '', category: 'repair', callbackAt: '' }]);
    s = wrapUpEdited(s, ringing.id, { disposition: 'resolved', notes: 'n' });
    const record = callRecord(s.endedCalls[ringing.id], 'sip:8001@x', s.wrapUps[0]);
    expect(record).toMatchObject({ outcome: 'answered', answerAt: '2026-11-26T02:00:05.000Z', endAt: '2026-11-26T02:02:05.000Z', disposition: 'resolved', inquiryCategory: 'repair' });
    s = wrapUpClosed(s, ringing.id);
    expect(s.agent).toEqual({ kind: 'ready' });
    expect(s.endedCalls).toEqual({});
  });

  it('an unanswered call ends as missed without a wrap-up', () => {
    const s = callEnded(callAdded(initialSoftphoneState, ringing), ringing.id, '2026-11-26T02:00:20.000Z', 'missed', 30);
    expect(s.wrapUps).toEqual([]);
    expect(s.endedCalls[ringing.id].outcome).toBe('missed');
    expect(callRecord(s.endedCalls[ringing.id], null, null)).not.toHaveProperty('talkSeconds');
  });

  it('records the ACD queue from the queue header, trimmed to the column size', () => {
    const queued = newCall({ ...ringing, id: 'call-q-1', queue: '售后服务队列'.repeat(30) });
    const s = callEnded(callAnswered(callAdded(initialSoftphoneState, queued), queued.id, '2026-11-26T02:00:03.000Z'), queued.id, '2026-11-26T02:01:00.000Z', 'answered', 0);
    const record = callRecord(s.endedCalls[queued.id], null, null);
    expect(record.queue).toHaveLength(100);
    expect(record.queue!.startsWith('售后服务队列')).toBe(true);
    expect(callRecord(ringing, null, null).queue).toBeNull();
  });
});
