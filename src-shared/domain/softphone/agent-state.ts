// The agent's availability (坐席状态) as a pure state machine. Time is passed in (ISO or epoch
// ms) so the after-call-work countdown is testable. Invariants: 'on_call' is entered and left
// only by call events, never chosen by hand; after-call work ends by itself at `acwUntil` in
// the state the agent was in before the call; unplugging the headset while ready moves the
// agent to not ready (reason 'headset').
export const notReadyReasons = ['meeting', 'training', 'follow_up', 'system', 'headset', 'other'] as const;
export type NotReadyReason = (typeof notReadyReasons)[number];

export type AgentState =
  | { kind: 'ready' }
  | { kind: 'not_ready'; reason: NotReadyReason }
  | { kind: 'break' }
  | { kind: 'after_call_work'; acwUntil: number; resume: ResumeState }
  | { kind: 'on_call'; resume: ResumeState };

/** Where the agent goes back to after a call and its wrap-up. */
export type ResumeState = { kind: 'ready' } | { kind: 'not_ready'; reason: NotReadyReason } | { kind: 'break' };

export type AgentEvent =
  | { type: 'choose'; state: ResumeState }
  | { type: 'call-started' }
  | { type: 'call-ended'; now: number; acwSeconds: number }
  | { type: 'wrap-up-done' }
  | { type: 'tick'; now: number }
  | { type: 'headset-unplugged' };

export const initialAgentState: AgentState = { kind: 'not_ready', reason: 'system' };

function resumeOf(state: AgentState): ResumeState {
  switch (state.kind) {
    case 'ready':
    case 'not_ready':
    case 'break':
      return state;
    case 'after_call_work':
    case 'on_call':
      return state.resume;
  }
}

export function agentTransition(state: AgentState, event: AgentEvent): AgentState {
  switch (event.type) {
    case 'choose':
      if (state.kind === 'on_call') return { kind: 'on_call', resume: event.state };
      return event.state;
    case 'call-started':
      return state.kind === 'on_call' ? state : { kind: 'on_call', resume: resumeOf(state) };
    case 'call-ended': {
      if (state.kind !== 'on_call') return state;
      if (event.acwSeconds <= 0) return state.resume;
      return { kind: 'after_call_work', acwUntil: event.now + event.acwSeconds * 1000, resume: state.resume };
    }
    case 'wrap-up-done':
      return state.kind === 'after_call_work' ? state.resume : state;
    case 'tick':
      return state.kind === 'after_call_work' && event.now >= state.acwUntil ? state.resume : state;
    case 'headset-unplugged': {
      const toNotReady = { kind: 'not_ready', reason: 'headset' } as const;
      if (state.kind === 'ready') return toNotReady;
      if ((state.kind === 'on_call' || state.kind === 'after_call_work') && state.resume.kind === 'ready') return { ...state, resume: toNotReady };
      return state;
    }
  }
}

/** Seconds left of after-call work (0 when not in it). */
export function acwSecondsLeft(state: AgentState, now: number): number {
  return state.kind === 'after_call_work' ? Math.max(0, Math.ceil((state.acwUntil - now) / 1000)) : 0;
}

export type BusyPolicy = 'reject' | 'queue';
export type IncomingDecision = 'offer' | 'reject-busy' | 'leave-to-queue';

/**
 * What to do with a new INVITE. Only a ready agent is offered the call; otherwise it is
 * rejected 486 Busy Here (the PBX/queue then tries the next agent) or left ringing unanswered
 * for the queue's own timeout, as configured. A second call during a call is always 486.
 */
export function incomingDecision(state: AgentState, policy: BusyPolicy): IncomingDecision {
  if (state.kind === 'ready') return 'offer';
  if (state.kind === 'on_call') return 'reject-busy';
  return policy === 'reject' ? 'reject-busy' : 'leave-to-queue';
}
