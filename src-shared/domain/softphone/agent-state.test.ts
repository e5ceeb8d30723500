import { describe, expect, it } from 'vitest';
import { acwSecondsLeft, agentTransition, incomingDecision, type AgentState } from './agent-state';

const ready: AgentState = { kind: 'ready' };

describe('agent state machine', () => {
  it('goes on call, into after-call work with a countdown, and back to ready', () => {
    let s = agentTransition(ready, { type: 'call-started' });
    expect(s).toEqual({ kind: 'on_call', resume: ready });
    s = agentTransition(s, { type: 'call-ended', now: 1_000, acwSeconds: 30 });
    expect(s.kind).toBe('after_call_work');
    expect(acwSecondsLeft(s, 11_000)).toBe(20);
    expect(agentTransition(s, { type: 'tick', now: 30_999 }).kind).toBe('after_call_work');
    expect(agentTransition(s, { type: 'tick', now: 31_000 })).toEqual(ready);
    expect(agentTransition(s, { type: 'wrap-up-done' })).toEqual(ready);
  });

  it('skips after-call work when it is configured to 0 s', () => {
    const s = agentTransition(agentTransition(ready, { type: 'call-started' }), { type: 'call-ended', now: 0, acwSeconds: 0 });
    expect(s).toEqual(ready);
  });

  it('choosing a state during a call changes where the agent resumes, not the call', () => {
    const s = agentTransition(agentTransition(ready, { type: 'call-started' }), { type: 'choose', state: { kind: 'break' } });
    expect(s).toEqual({ kind: 'on_call', resume: { kind: 'break' } });
    expect(agentTransition(s, { type: 'call-ended', now: 0, acwSeconds: 0 })).toEqual({ kind: 'break' });
  });

  it('unplugging the headset while ready moves to not ready (headset)', () => {
    expect(agentTransition(ready, { type: 'headset-unplugged' })).toEqual({ kind: 'not_ready', reason: 'headset' });
    expect(agentTransition({ kind: 'break' }, { type: 'headset-unplugged' })).toEqual({ kind: 'break' });
    const onCall = agentTransition(ready, { type: 'call-started' });
    expect(agentTransition(onCall, { type: 'headset-unplugged' })).toEqual({ kind: 'on_call', resume: { kind: 'not_ready', reason: 'headset' } });
  });

  it('offers calls only when ready; otherwise 486 or queue as configured', () => {
    expect(incomingDecision(ready, 'reject')).toBe('offer');
    expect(incomingDecision({ kind: 'not_ready', reason: 'meeting' }, 'reject')).toBe('reject-busy');
    expect(incomingDecision({ kind: 'not_ready', reason: 'meeting' }, 'queue')).toBe('leave-to-queue');
    expect(incomingDecision({ kind: 'on_call', resume: ready }, 'queue')).toBe('reject-busy');
  });
});
