// Wires this desk's softphone to presence: every change of what deskPresenceOf derives is
// reported to main (presence.report), with the time the agent state last changed; and the
// supervisor's live view reaches the softphone's monitor (监听/耳语) through softphoneForPresence.
import type { ContractClient } from '../../src-shared/contract/client';
import type { SoftphoneController } from '../softphone/controller';
import type { SoftphoneState } from '../softphone/state/softphone-slice';
import type { SoftphoneStore } from '../softphone/state/softphone-store';
import { deskPresenceOf, stateKey } from './desk-presence';

export interface PresenceSoftphone {
  store: SoftphoneStore;
  monitor: SoftphoneController['monitor'];
}

let attached: PresenceSoftphone | null = null;

/** The softphone of this window, or null when there is none (the live view then offers no 监听). */
export function softphoneForPresence(): PresenceSoftphone | null {
  return attached;
}

export function startPresence(client: ContractClient, softphone: { store: SoftphoneStore; controller: SoftphoneController }, now: () => Date = () => new Date()): () => void {
  attached = { store: softphone.store, monitor: softphone.controller.monitor };
  let key = stateKey(softphone.store.getState().agent);
  let since = now().toISOString();
  let sent = '';
  const report = (s: SoftphoneState) => {
    const next = stateKey(s.agent);
    if (next !== key) {
      key = next;
      since = now().toISOString();
    }
    const presence = deskPresenceOf(s, since);
    const text = JSON.stringify(presence);
    if (text === sent) return;
    sent = text;
    client.call('presence.report', presence).catch(() => {
      sent = '';
    });
  };
  report(softphone.store.getState());
  return softphone.store.subscribe(report);
}
