import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ContractClient } from '../../src-shared/contract/client';
import type { DeskPresence } from '../../src-shared/contract/presence';
import type { SoftphoneSettingsView } from '../../src-shared/contract/softphone';
import type { SoftphoneController } from '../softphone/controller';
import { agentEvent, callAdded, callAnswered, callPatched, initialSoftphoneState, newCall, type SoftphoneState } from '../softphone/state/softphone-slice';
import { deskPresenceOf, presenceCall } from './desk-presence';
import { softphoneForPresence, startPresence } from './start';

const settings = { sipUri: 'sip:8005@pbx.example' } as SoftphoneSettingsView;
const inbound = newCall({ id: 'in-1', direction: 'inbound', remoteNumber: '13812345678', remoteName: '王', normalized: '13812345678', ivrChoice: null, ivrCategory: null, ringAt: '2026-05-06T02:00:00.000Z', queue: '售后' });
// A click-to-dial of a masked phone: the screen shows the mask, the number is the real one.
const clickToDial = newCall({ id: 'out-1', direction: 'outbound', remoteNumber: '139****5678', remoteName: '', normalized: '13912345678', ivrChoice: null, ivrCategory: null, ringAt: '2026-05-06T02:10:00.000Z' });

describe('desk presence from the softphone state', () => {
  it('reports the extension, registration, state with its reason, and no call when idle', () => {
    const s: SoftphoneState = { ...initialSoftphoneState, settings, registration: 'registered' };
    expect(deskPresenceOf(s, '2026-05-06T01:00:00.000Z')).toEqual({
      extension: '8005', phoneRegistered: true, state: 'not_ready', reason: 'system', stateSince: '2026-05-06T01:00:00.000Z', call: null,
    });
    expect(deskPresenceOf(initialSoftphoneState, 'x').extension).toBeNull();
  });

  it('reports the answered call with the popped card, its answer time and queue', () => {
    let s = agentEvent({ ...initialSoftphoneState, settings }, { type: 'choose', state: { kind: 'ready' } });
    s = callAdded(s, inbound);
    expect(deskPresenceOf(s, 'x').call).toMatchObject({ phase: 'ringing', since: '2026-05-06T02:00:00.000Z', customerId: null });
    s = callAnswered(s, 'in-1', '2026-05-06T02:00:07.000Z');
    s = callPatched(s, 'in-1', { customerId: 42 });
    expect(deskPresenceOf(s, 'x')).toMatchObject({
      state: 'on_call', reason: null,
      call: { direction: 'inbound', phase: 'connected', number: '13812345678', customerId: 42, since: '2026-05-06T02:00:07.000Z', queue: '售后' },
    });
  });

  it('reports the real number of a click-to-dial call, never the mask shown on screen', () => {
    const s = callAdded(initialSoftphoneState, clickToDial);
    expect(deskPresenceOf(s, 'x').call).toMatchObject({ direction: 'outbound', phase: 'dialing', number: '13912345678' });
  });

  it('prefers the customer’s call to a consultation leg, and a talking call to a ringing one', () => {
    const held = { ...inbound, phase: 'held' as const };
    const consult = { ...clickToDial, id: 'c', phase: 'connected' as const, consultFor: 'in-1' };
    const ringing = { ...clickToDial, id: 'r', phase: 'ringing' as const };
    expect(presenceCall([consult, held])?.id).toBe('in-1');
    expect(presenceCall([ringing, consult])?.id).toBe('c');
    expect(presenceCall([])).toBeNull();
  });
});

describe('startPresence', () => {
  it('reports each change once, with the time the state changed, and hands the monitor to the live view', async () => {
    const sent: DeskPresence[] = [];
    const client = { call: async (_method: string, input: DeskPresence) => void sent.push(input), on: () => () => {} } as unknown as ContractClient;
    const store = createStore<SoftphoneState>()(() => ({ ...initialSoftphoneState, settings }));
    const monitor = { start: async () => {} } as unknown as SoftphoneController['monitor'];
    let clock = Date.parse('2026-05-06T02:00:00.000Z');
    const stop = startPresence(client, { store, controller: { monitor } as SoftphoneController }, () => new Date(clock));
    expect(softphoneForPresence()?.monitor).toBe(monitor);
    expect(sent).toHaveLength(1);
    clock += 5_000;
    store.setState({ now: clock });
    expect(sent).toHaveLength(1);
    store.setState((s) => agentEvent(s, { type: 'choose', state: { kind: 'break' } }));
    expect(sent.map((p) => [p.state, p.stateSince])).toEqual([['not_ready', '2026-05-06T02:00:00.000Z'], ['break', '2026-05-06T02:00:05.000Z']]);
    clock += 3_000;
    store.setState({ registration: 'registered' });
    expect(sent.at(-1)).toMatchObject({ state: 'break', stateSince: '2026-05-06T02:00:05.000Z', phoneRegistered: true });
    stop();
  });
});
