// The softphone's zustand slice: plain data and pure reducers `(state, input) → state`
// (style.md §3). Side effects (JsSIP, media, HID, the contract) live in ../controller.ts.
// Invariant: a call's times are set once — ringAt at INVITE arrival (or dial), answerAt at
// confirmation, endAt at termination — and the call record saved to main is built from them.
import type { CallRecordInput, SoftphoneSettingsView } from '../../../src-shared/contract/softphone';
import { agentTransition, initialAgentState, type AgentEvent, type AgentState } from '../../../src-shared/domain/softphone/agent-state';
import type { AudioDevice, DeviceChoice } from '../../../src-shared/domain/softphone/audio-devices';
import type { InquiryCategory } from '../../../src-shared/domain/softphone/ivr-category';
import type { MonitorMode, monitorRefusal } from '../../../src-shared/domain/softphone/monitor';
import type { CallReason } from '../../../src-shared/domain/softphone/why-calling';

export type Registration = 'unconfigured' | 'connecting' | 'registered' | 'unregistered' | 'failed' | 'disconnected';
export type CallPhase = 'ringing' | 'dialing' | 'connected' | 'held' | 'ended';

export interface CallView {
  id: string;
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  remoteName: string;
  normalized: string | null;
  ivrChoice: string | null;
  ivrCategory: InquiryCategory | null;
  /** ACD queue from the PBX's queue header (settings.queueHeader), inbound only. */
  queue: string | null;
  phase: CallPhase;
  muted: boolean;
  ringAt: string;
  answerAt: string | null;
  endAt: string | null;
  outcome: CallRecordInput['outcome'] | null;
  transferredTo: string | null;
  /** null while the phone lookup is running. */
  customerIds: number[] | null;
  customerId: number | null;
  vehicleId: number | null;
  reasons: CallReason[];
  /** Set on a consultation call: the call it consults for (attended transfer / conference). */
  consultFor: string | null;
  conference: boolean;
  quality: { inboundBytes: number; outboundBytes: number; packetsLost: number };
  dtmfSent: string;
}

/** What the agent asked to dial; a click-to-dial carries the masked display and the customer. */
export interface DialRequest {
  input: string;
  display?: string;
  customerId?: number;
}

export interface WrapUp {
  callId: string;
  disposition: string;
  notes: string;
  category: InquiryCategory | null;
  callbackAt: string;
}

/** Supervisor side: the agent this desk is listening to (../monitor/supervisor-monitor.ts). */
export interface MonitoringView {
  target: string;
  mode: MonitorMode;
  phase: 'connecting' | 'connected';
  /** Epoch ms when the agent's desk answered. */
  since: number | null;
}

export type MonitorError = ReturnType<typeof monitorRefusal> | 'not-permitted' | 'not-registered';

/** Agent side: the supervisor listening to this desk's call (../monitor/agent-monitor.ts). */
export interface MonitoredView {
  supervisor: string;
  name: string;
  mode: MonitorMode;
  since: number;
}

export interface SoftphoneState {
  registration: Registration;
  registrationError: string | null;
  agent: AgentState;
  calls: CallView[];
  wrapUps: WrapUp[];
  /** Ended calls kept for their wrap-up, by call id. */
  endedCalls: Record<string, CallView>;
  settings: SoftphoneSettingsView | null;
  devices: AudioDevice[];
  chosen: DeviceChoice;
  headset: { name: string | null; connected: boolean };
  lastDialed: DialRequest | null;
  panel: null | 'settings' | 'history' | 'callbacks' | 'dialpad';
  now: number;
  monitoring: MonitoringView | null;
  monitorError: MonitorError | null;
  monitoredBy: MonitoredView | null;
}

export const initialSoftphoneState: SoftphoneState = {
  registration: 'unconfigured',
  registrationError: null,
  agent: initialAgentState,
  calls: [],
  wrapUps: [],
  endedCalls: {},
  settings: null,
  devices: [],
  chosen: { microphone: null, speaker: null, ringer: null },
  headset: { name: null, connected: false },
  lastDialed: null,
  panel: null,
  now: 0,
  monitoring: null,
  monitorError: null,
  monitoredBy: null,
};

export function newCall(
  init: Pick<CallView, 'id' | 'direction' | 'remoteNumber' | 'remoteName' | 'normalized' | 'ivrChoice' | 'ivrCategory' | 'ringAt'> & { queue?: string | null; consultFor?: string | null },
): CallView {
  return {
    ...init,
    queue: init.queue ?? null,
    phase: init.direction === 'inbound' ? 'ringing' : 'dialing',
    muted: false,
    answerAt: null,
    endAt: null,
    outcome: null,
    transferredTo: null,
    customerIds: init.normalized ? null : [],
    customerId: null,
    vehicleId: null,
    reasons: [],
    consultFor: init.consultFor ?? null,
    conference: false,
    quality: { inboundBytes: 0, outboundBytes: 0, packetsLost: 0 },
    dtmfSent: '',
  };
}

export function callAdded(s: SoftphoneState, call: CallView): SoftphoneState {
  return { ...s, calls: [...s.calls.filter((c) => c.id !== call.id), call] };
}

export function callPatched(s: SoftphoneState, id: string, patch: Partial<CallView>): SoftphoneState {
  if (!s.calls.some((c) => c.id === id)) return s;
  return { ...s, calls: s.calls.map((c) => (c.id === id ? { ...c, ...patch } : c)) };
}

export function callAnswered(s: SoftphoneState, id: string, at: string): SoftphoneState {
  const call = s.calls.find((c) => c.id === id);
  if (!call || call.answerAt) return s;
  const next = callPatched(s, id, { phase: 'connected', answerAt: at, outcome: 'answered' });
  return { ...next, agent: agentTransition(next.agent, { type: 'call-started' }) };
}

/** The call ended: remove it, open its wrap-up when it was answered, move the agent on. */
export function callEnded(s: SoftphoneState, id: string, at: string, outcome: CallRecordInput['outcome'], acwSeconds: number): SoftphoneState {
  const call = s.calls.find((c) => c.id === id);
  if (!call) return s;
  const ended: CallView = { ...call, phase: 'ended', endAt: at, outcome: call.outcome === 'transferred' ? 'transferred' : call.answerAt ? (call.outcome ?? outcome) : outcome };
  const calls = s.calls.filter((c) => c.id !== id);
  const stillTalking = calls.some((c) => c.answerAt && c.phase !== 'ended');
  let agent = s.agent;
  if (call.answerAt && !stillTalking) agent = agentTransition(agent, { type: 'call-ended', now: Date.parse(at), acwSeconds });
  const wrapUps = call.answerAt && !call.consultFor
    ? [...s.wrapUps, { callId: id, disposition: '', notes: '', category: call.ivrCategory, callbackAt: '' }]
    : s.wrapUps;
  return { ...s, calls, agent, wrapUps, endedCalls: { ...s.endedCalls, [id]: ended } };
}

export function wrapUpEdited(s: SoftphoneState, callId: string, patch: Partial<Omit<WrapUp, 'callId'>>): SoftphoneState {
  return { ...s, wrapUps: s.wrapUps.map((w) => (w.callId === callId ? { ...w, ...patch } : w)) };
}

export function wrapUpClosed(s: SoftphoneState, callId: string): SoftphoneState {
  const wrapUps = s.wrapUps.filter((w) => w.callId !== callId);
  const agent = wrapUps.length === 0 ? agentTransition(s.agent, { type: 'wrap-up-done' }) : s.agent;
  const endedCalls = { ...s.endedCalls };
  delete endedCalls[callId];
  return { ...s, wrapUps, agent, endedCalls };
}

export function agentEvent(s: SoftphoneState, event: AgentEvent): SoftphoneState {
  const agent = agentTransition(s.agent, event);
  return agent === s.agent ? s : { ...s, agent };
}

/** Record for main, from a finished (or wrapped-up) call. */
export function callRecord(call: CallView, localNumber: string | null, wrapUp: WrapUp | null): CallRecordInput {
  return {
    uid: call.id,
    direction: call.direction,
    localNumber,
    remoteNumber: call.remoteNumber.slice(0, 100) || '(unknown)',
    remoteNormalized: call.normalized,
    remoteName: call.remoteName.slice(0, 100) || null,
    customerId: call.customerId,
    vehicleId: call.vehicleId,
    queue: call.queue ? call.queue.slice(0, 100) : null,
    ivrChoice: call.ivrChoice ? call.ivrChoice.slice(0, 64) : null,
    ringAt: call.ringAt,
    answerAt: call.answerAt,
    endAt: call.endAt,
    outcome: call.outcome ?? 'failed',
    transferredTo: call.transferredTo,
    disposition: wrapUp?.disposition || null,
    inquiryCategory: wrapUp?.category ?? call.ivrCategory,
    notes: wrapUp?.notes || null,
  };
}
