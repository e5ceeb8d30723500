// What this desk reports as its presence (presence.report), derived from the softphone's state
// only: the agent state machine (src-shared/domain/softphone/agent-state.ts) and the call in
// progress. Nothing is guessed: no softphone settings → no extension; no card popped → no
// customer.
import type { DeskPresence } from '../../src-shared/contract/presence';
import type { AgentState } from '../../src-shared/domain/softphone/agent-state';
import { extensionOf } from '../../src-shared/domain/softphone/monitor';
import type { CallView, SoftphoneState } from '../softphone/state/softphone-slice';

/** Changes exactly when the shown state does (a new not-ready reason starts a new state). */
export function stateKey(agent: AgentState): string {
  return agent.kind === 'not_ready' ? `not_ready:${agent.reason}` : agent.kind;
}

/** The call a supervisor wants to see: the customer's talking or held call before consultation legs, then a ringing or dialling one. */
export function presenceCall(calls: readonly CallView[]): CallView | null {
  const live = calls.filter((c) => c.phase !== 'ended');
  const talking = (c: CallView) => c.phase === 'connected' || c.phase === 'held';
  return live.find((c) => c.phase === 'connected' && !c.consultFor) ?? live.find((c) => c.phase === 'held' && !c.consultFor) ?? live.find(talking)
    ?? live.find((c) => c.phase === 'ringing') ?? live.find((c) => c.phase === 'dialing') ?? null;
}

export function deskPresenceOf(s: Pick<SoftphoneState, 'agent' | 'calls' | 'registration' | 'settings'>, stateSince: string): DeskPresence {
  const call = presenceCall(s.calls);
  const sipUri = s.settings?.sipUri ?? '';
  return {
    extension: sipUri ? extensionOf(sipUri) || null : null,
    phoneRegistered: s.registration === 'registered',
    state: s.agent.kind,
    reason: s.agent.kind === 'not_ready' ? s.agent.reason : null,
    stateSince,
    call: call && call.phase !== 'ended'
      ? {
        direction: call.direction,
        phase: call.phase,
        number: (call.normalized ?? call.remoteNumber).slice(0, 64) || null,
        customerId: call.customerId,
        since: call.answerAt ?? call.ringAt,
        queue: call.queue ? call.queue.slice(0, 100) : null,
      }
      : null,
  };
}
