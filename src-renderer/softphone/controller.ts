// Glue of the softphone: engine (JsSIP) and media events → the slice; agent actions → engine;
// finished calls → main (`softphone.calls.save`) at once, again after the wrap-up. Headset
// buttons arrive as the same actions as clicks.
import type { ContractClient } from '../../src-shared/contract/client';
import type { SoftphoneSettings } from '../../src-shared/contract/softphone';
import { incomingDecision, type ResumeState } from '../../src-shared/domain/softphone/agent-state';
import { chooseDevices, lostDevice } from '../../src-shared/domain/softphone/audio-devices';
import { extractCallerId } from '../../src-shared/domain/softphone/caller-id';
import { dialTarget } from '../../src-shared/domain/softphone/dial';
import type { HeadsetAction } from '../../src-shared/domain/softphone/hid-call-control';
import { ivrCategory } from '../../src-shared/domain/softphone/ivr-category';
import type { MonitorMode } from '../../src-shared/domain/softphone/monitor';
import type { DeskHandle } from '../app/desk-context';
import type { CustomerPhoneRef } from '../app/dialer';
import { callMediaTap } from '../recording/call-media-tap';
import { SipEngine, type IncomingInfo } from './engine/sip-engine';
import { WebHidHeadset } from './hid/webhid-headset';
import { LocalConference } from './media/conference';
import { captureMicrophone, listAudioDevices, onDeviceChange, replaceMicrophone, routeTo } from './media/media-devices';
import { Ringer } from './media/ringer';
import { AgentMonitor } from './monitor/agent-monitor';
import { SupervisorMonitor } from './monitor/supervisor-monitor';
import { openCustomer, screenPop } from './screen-pop';
import {
  agentEvent, callAdded, callAnswered, callEnded, callPatched, callRecord, newCall, wrapUpClosed, wrapUpEdited,
  type CallView, type DialRequest, type WrapUp,
} from './state/softphone-slice';
import type { SoftphoneStore } from './state/softphone-store';

export function createSoftphoneController(client: ContractClient, desk: DeskHandle, store: SoftphoneStore) {
  const ringer = new Ringer();
  const conference = new LocalConference();
  const remoteAudio = new Map<string, HTMLAudioElement>();
  const microphones = new Map<string, MediaStream>();
  const get = () => store.getState();
  const set = (fn: (s: ReturnType<typeof get>) => ReturnType<typeof get>) => store.setState(fn(get()), true);
  const settings = () => get().settings;
  const nowIso = () => new Date().toISOString();
  const call = (id: string) => get().calls.find((c) => c.id === id);

  const engine = new SipEngine({
    registration(state, cause) {
      store.setState({ registration: state, registrationError: cause ?? null });
    },
    incoming: (info) => void onIncoming(info),
    progress() {},
    confirmed(id) {
      set((s) => callAnswered(s, id, nowIso()));
      callMediaTap.confirmed(id, microphones.get(id), (remoteAudio.get(id)?.srcObject ?? undefined) as MediaStream | undefined, call(id));
      if (!get().calls.some((c) => c.phase === 'ringing')) ringer.stop();
      agentMonitor.callsChanged();
    },
    ended(id, cause) {
      callMediaTap.ended(id);
      const c = call(id);
      if (!c) return;
      const outcome = c.answerAt ? 'answered' : c.direction === 'inbound' ? (cause === 'Rejected' || cause === 'Busy' ? 'declined' : 'missed') : 'failed';
      set((s) => callEnded(s, id, nowIso(), outcome, settings()?.acwSeconds ?? 0));
      cleanupMedia(id);
      if (!get().calls.some((x) => x.phase === 'ringing')) ringer.stop();
      const ended = get().endedCalls[id];
      if (ended) void saveRecord(ended, null);
      if (get().calls.filter((x) => x.conference).length === 1) set((s) => callPatched(s, s.calls.find((x) => x.conference)!.id, { conference: false }));
      if (get().calls.length === 0) conference.close();
      agentMonitor.callsChanged();
    },
    monitorRequest: (session, request) => agentMonitor.offer(session, request),
    hold(id, held, originator) {
      if (originator === 'local') set((s) => callPatched(s, id, { phase: held ? 'held' : 'connected' }));
    },
    remoteStream(id, stream) {
      let el = remoteAudio.get(id);
      if (!el) {
        el = new Audio();
        el.autoplay = true;
        remoteAudio.set(id, el);
      }
      el.srcObject = stream;
      void routeTo(el, get().chosen.speaker);
      void el.play().catch(() => {});
    },
  });

  // Live monitoring (src-shared/domain/softphone/monitor.ts): this desk as the agent listened
  // to, and this desk as the supervisor listening.
  const agentMonitor = new AgentMonitor({
    settings,
    answeredCalls: () => get().calls.filter((c) => c.answerAt).map((c) => ({ id: c.id, microphone: microphones.get(c.id), remote: engine.remoteAudio(c.id) })),
    answer: (session, stream, onTrack) => engine.answerUntracked(session, stream, onTrack),
    routeEar: (el) => void routeTo(el, get().chosen.speaker),
    changed: (view) => store.setState({ monitoredBy: view }),
    audit: (entry) => void client.call('softphone.monitor.audit', { side: 'agent', ...entry }).catch(() => {}),
    now: () => Date.now(),
  });
  const supervisorMonitor = new SupervisorMonitor({
    target(extension) {
      const s = settings();
      if (!s?.sipUri || !engine.isRegistered()) return null;
      return dialTarget(extension, { prefix: '', domain: s.sipUri.split('@')[1] ?? '' });
    },
    displayName: () => settings()?.displayName || (settings()?.sipUri ?? '').replace(/^sips?:/i, '').split('@')[0],
    microphone: () => captureMicrophone(get().chosen.microphone),
    call: (target, options) => engine.callUntracked(target, options),
    routeSpeaker: (el) => void routeTo(el, get().chosen.speaker),
    changed: (monitoring, monitorError) => store.setState({ monitoring, monitorError }),
    async audit(entry) {
      await client.call('softphone.monitor.audit', { side: 'supervisor', ...entry });
    },
    now: () => Date.now(),
  });

  const headset = new WebHidHeadset({
    action: (a) => onHeadset(a),
    connected: (name) => store.setState({ headset: { name, connected: true } }),
    unplugged: () => {
      store.setState({ headset: { name: null, connected: false } });
      set((s) => agentEvent(s, { type: 'headset-unplugged' }));
    },
  });

  function cleanupMedia(id: string) {
    const el = remoteAudio.get(id);
    if (el) el.srcObject = null;
    remoteAudio.delete(id);
    microphones.get(id)?.getTracks().forEach((t) => t.stop());
    microphones.delete(id);
  }

  async function saveRecord(c: CallView, wrapUp: WrapUp | null) {
    try {
      await client.call('softphone.calls.save', callRecord(c, settings()?.sipUri ?? null, wrapUp));
    } catch {
      // The record stays in memory for the wrap-up, which retries the save.
    }
  }

  async function onIncoming(info: IncomingInfo) {
    const s = settings();
    const caller = extractCallerId({ pAssertedIdentity: info.pAssertedIdentity, from: info.from });
    const decision = incomingDecision(get().agent, s?.busyPolicy ?? 'reject');
    const c = newCall({
      id: info.id, direction: 'inbound', remoteNumber: caller.number, remoteName: caller.displayName, normalized: caller.normalized,
      ivrChoice: info.ivrChoice, ivrCategory: ivrCategory(info.ivrChoice), queue: info.queue, ringAt: new Date(performance.timeOrigin + info.arrivedAt).toISOString(),
    });
    performance.mark('softphone-invite', { startTime: info.arrivedAt, detail: { callId: info.id } });
    if (decision === 'reject-busy') {
      engine.reject(info.id, 486);
      void saveRecord({ ...c, endAt: nowIso(), outcome: 'rejected-busy', customerIds: [] }, null);
      return;
    }
    if (decision === 'leave-to-queue') return;
    set((st) => callAdded(st, c));
    ringer.start();
    if (s?.autoAnswer) void answer(info.id);
    if (caller.normalized) await screenPop(client, desk, store, info.id, caller.normalized);
  }

  async function microphoneFor(id: string): Promise<MediaStream> {
    const stream = await captureMicrophone(get().chosen.microphone);
    microphones.set(id, stream);
    return stream;
  }

  async function answer(id: string) {
    const c = call(id);
    if (!c || c.phase !== 'ringing') return;
    ringer.stop();
    // Answering a second call puts the first on hold.
    for (const other of get().calls) if (other.id !== id && other.phase === 'connected') engine.hold(other.id, true);
    engine.answer(id, await microphoneFor(id));
  }

  /** `request.display` replaces the number on screen and in the record (a masked customer phone). */
  async function dial(request: DialRequest, consultFor: string | null = null): Promise<string | null> {
    const s = settings();
    if (!s?.sipUri || !engine.isStarted()) return null;
    const domain = s.sipUri.split('@')[1] ?? '';
    const target = dialTarget(request.input, { prefix: s.dialPrefix, domain });
    if (!target) return null;
    const mic = await captureMicrophone(get().chosen.microphone);
    const id = engine.call(target, { mediaStream: mic });
    microphones.set(id, mic);
    const number = target.slice(4).split('@')[0];
    const call = newCall({
      id, direction: 'outbound', remoteNumber: request.display ?? number, remoteName: '', normalized: request.display ? request.input : null,
      ivrChoice: null, ivrCategory: null, queue: null, ringAt: nowIso(), consultFor,
    });
    set((st) => callAdded(consultFor ? st : { ...st, lastDialed: request }, { ...call, customerId: request.customerId ?? null, customerIds: request.customerId ? [request.customerId] : call.customerIds }));
    return id;
  }

  async function dialCustomer(ref: CustomerPhoneRef): Promise<void> {
    const target = await client.call('softphone.dialTarget', ref);
    await dial({ input: target.number, display: target.display, customerId: target.customerId });
  }

  function activeCall(): CallView | undefined {
    return get().calls.find((c) => c.phase === 'connected') ?? get().calls.find((c) => c.phase === 'ringing') ?? get().calls[0];
  }

  function onHeadset(a: HeadsetAction) {
    const ringing = get().calls.find((c) => c.phase === 'ringing');
    const active = activeCall();
    if (a === 'answer' && ringing) void answer(ringing.id);
    else if (a === 'decline' && ringing) engine.reject(ringing.id, 486);
    else if (a === 'hangup' && active) engine.hangup(active.id);
    else if (a === 'toggle-mute' && active) toggleMute(active.id);
  }

  function toggleMute(id: string) {
    const c = call(id);
    if (!c) return;
    // In a conference the outgoing tracks are mixes that carry the other party too: mute only
    // the agent's microphone feeding them, for both legs at once.
    if (c.conference) {
      const muted = !c.muted;
      conference.muteMicrophone(muted);
      for (const x of get().calls.filter((y) => y.conference)) set((s) => callPatched(s, x.id, { muted }));
      return;
    }
    engine.mute(id, !c.muted);
    if (c.muted) conference.muteMicrophone(false);
    set((s) => callPatched(s, id, { muted: !c.muted }));
  }

  async function refreshDevices() {
    const before = get().chosen;
    const devices = await listAudioDevices();
    const s = settings();
    const chosen = chooseDevices(devices, s?.devices ?? { microphone: null, speaker: null, ringer: null });
    store.setState({ devices, chosen });
    void routeTo(ringer.audioElement(), chosen.ringer);
    for (const el of remoteAudio.values()) void routeTo(el, chosen.speaker);
    agentMonitor.routeEar();
    supervisorMonitor.routeSpeaker();
    const micChanged = before.microphone !== null && chosen.microphone?.deviceId !== before.microphone.deviceId;
    if (before.microphone && lostDevice(before.microphone, devices) && /headset|usb|\(/i.test(before.microphone.label)) {
      set((st) => agentEvent(st, { type: 'headset-unplugged' }));
    }
    if (micChanged) {
      for (const c of get().calls.filter((x) => x.answerAt)) {
        const stream = await captureMicrophone(chosen.microphone);
        microphones.get(c.id)?.getTracks().forEach((t) => t.stop());
        microphones.set(c.id, stream);
        await replaceMicrophone(engine.senders(c.id), stream, c.muted);
      }
      agentMonitor.callsChanged();
    }
  }

  let ticker: ReturnType<typeof setInterval> | null = null;
  let offDevices: (() => void) | null = null;
  let unsubscribe: (() => void) | null = null;

  async function connect() {
    const view = await client.call('softphone.settings.get', {});
    store.setState({ settings: view, registration: view.sipUri && view.wsServers.length ? 'connecting' : 'unconfigured' });
    const credentials = view.hasPassword ? await client.call('softphone.credentials', {}) : null;
    engine.start(view, credentials);
  }

  return {
    async start() {
      ticker = setInterval(() => void tick(), 1000);
      offDevices = onDeviceChange(() => void refreshDevices());
      unsubscribe = store.subscribe((s, prev) => {
        if (s.calls === prev.calls) return;
        const c = s.calls.find((x) => x.phase === 'ringing') ?? s.calls.find((x) => x.phase === 'connected') ?? s.calls.find((x) => x.phase === 'held');
        const phase = !c ? 'idle' : c.phase === 'ringing' ? 'ringing' : c.phase === 'held' ? 'held' : c.phase === 'connected' ? 'in-call' : 'idle';
        void headset.update(phase, c?.muted ?? false);
      });
      await connect();
      await refreshDevices().catch(() => {});
      await headset.init().catch(() => {});
    },
    stop() {
      if (ticker) clearInterval(ticker);
      offDevices?.();
      unsubscribe?.();
      supervisorMonitor.end();
      agentMonitor.end();
      engine.stop();
      ringer.stop();
      conference.close();
    },
    answer,
    decline: (id: string) => engine.reject(id, 486),
    hangup: (id: string) => engine.hangup(id),
    hold(id: string) {
      const c = call(id);
      if (c) engine.hold(id, c.phase !== 'held');
    },
    toggleMute,
    dtmf(id: string, tone: string) {
      engine.dtmf(id, tone, settings()?.dtmfMode ?? 'rfc4733');
      set((s) => callPatched(s, id, { dtmfSent: ((call(id)?.dtmfSent ?? '') + tone).slice(-32) }));
    },
    dial: (input: string) => dial({ input }),
    dialCustomer,
    redial: () => (get().lastDialed ? dial(get().lastDialed!) : Promise.resolve(null)),
    blindTransfer(id: string, target: string) {
      const s = settings();
      const uri = s ? dialTarget(target, { prefix: s.dialPrefix, domain: s.sipUri.split('@')[1] ?? '' }) : null;
      if (!uri) return;
      set((st) => callPatched(st, id, { transferredTo: uri.slice(4).split('@')[0] }));
      engine.blindTransfer(id, uri, (ok) => set((st) => callPatched(st, id, ok ? { outcome: 'transferred' } : { transferredTo: null })));
    },
    async consult(id: string, target: string) {
      engine.hold(id, true);
      return dial({ input: target }, id);
    },
    completeTransfer(consultId: string) {
      const consult = call(consultId);
      if (!consult?.consultFor) return;
      const originalId = consult.consultFor;
      set((st) => callPatched(st, originalId, { transferredTo: consult.remoteNumber }));
      engine.attendedTransfer(originalId, consultId, (ok) => {
        if (ok) {
          set((st) => callPatched(st, originalId, { outcome: 'transferred' }));
          engine.hangup(consultId);
        }
      });
    },
    async conference(consultId: string) {
      const consult = call(consultId);
      if (!consult?.consultFor) return;
      const originalId = consult.consultFor;
      engine.hold(originalId, false);
      const mic = await captureMicrophone(get().chosen.microphone);
      const a = engine.remoteAudio(originalId);
      const b = engine.remoteAudio(consultId);
      if (a && b) {
        await replaceMicrophone(engine.senders(originalId), conference.mix(mic, b), false);
        await replaceMicrophone(engine.senders(consultId), conference.mix(mic, a), false);
      }
      set((st) => callPatched(callPatched(st, originalId, { conference: true, phase: 'connected', muted: false }), consultId, { conference: true, muted: false }));
    },
    chooseCustomer: (callId: string, customerId: number) => openCustomer(client, desk, store, callId, customerId),
    async quickCreate(callId: string, input: { name: string; plate?: string }) {
      const c = call(callId) ?? get().endedCalls[callId];
      if (!c) return;
      const created = await client.call('customers.create', { name: input.name, phone: c.remoteNumber, plate: input.plate || undefined });
      set((s) => callPatched(s, callId, { customerIds: [created.id] }));
      await openCustomer(client, desk, store, callId, created.id);
    },
    chooseAgentState(state: ResumeState) {
      set((s) => agentEvent(s, { type: 'choose', state }));
    },
    editWrapUp: (callId: string, patch: Partial<Omit<WrapUp, 'callId'>>) => set((s) => wrapUpEdited(s, callId, patch)),
    async submitWrapUp(callId: string) {
      const st = get();
      const wrapUp = st.wrapUps.find((w) => w.callId === callId) ?? null;
      const c = st.endedCalls[callId];
      if (c) await saveRecord(c, wrapUp);
      if (c && wrapUp?.callbackAt) {
        const phone = c.normalized ?? c.remoteNumber;
        await client.call('softphone.callbacks.schedule', { callUid: c.id, customerId: c.customerId, phone, dueAt: new Date(wrapUp.callbackAt).toISOString(), note: wrapUp.notes || null });
      }
      set((s) => wrapUpClosed(s, callId));
    },
    async saveSettings(patch: Partial<SoftphoneSettings> & { password?: string }) {
      const view = await client.call('softphone.settings.set', patch);
      store.setState({ settings: view });
      await connect();
      await refreshDevices().catch(() => {});
    },
    async rememberDevices(devices: SoftphoneSettings['devices']) {
      const view = await client.call('softphone.settings.set', { devices });
      store.setState({ settings: view });
      await refreshDevices();
    },
    connectHeadset: () => headset.request(),
    monitor: {
      start: (extension: string, mode: MonitorMode) => supervisorMonitor.start(extension, mode),
      setMode: (mode: MonitorMode) => supervisorMonitor.setMode(mode),
      end: () => supervisorMonitor.end(),
      dismissError: () => store.setState({ monitorError: null }),
    },
    openPanel: (panel: ReturnType<typeof get>['panel']) => store.setState({ panel: get().panel === panel ? null : panel }),
  };

  async function tick() {
    const now = Date.now();
    set((s) => agentEvent({ ...s, now }, { type: 'tick', now }));
    for (const c of get().calls.filter((x) => x.answerAt)) {
      const quality = await engine.stats(c.id);
      set((s) => callPatched(s, c.id, { quality }));
    }
  }
}

export type SoftphoneController = ReturnType<typeof createSoftphoneController>;
