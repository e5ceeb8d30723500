// Softphone capability (issue 4): SIP account and device settings, call records, callbacks.
// JsSIP runs in the renderer (it needs WebRTC); everything that is not media lives in main.
// Invariant: the SIP password goes renderer → main once (settings.set) and never comes back;
// the renderer gets only HA1 = MD5(user:realm:password) to answer digest challenges with
// (JsSIP's `ha1` + `realm` options). HA1 is still a credential for that realm, so it is kept in
// memory only and never logged.
import { z } from 'zod';
import { request } from './define';
import { inquiryCategories } from '../domain/softphone/ivr-category';
import { monitorModes } from '../domain/softphone/monitor';

export const IceServerSchema = z.object({
  urls: z.string().trim().regex(/^(stuns?|turns?):/i, 'stun:, stuns:, turn: or turns: URL').max(300),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional(),
});

export const SoftphoneSettingsSchema = z.object({
  sipUri: z.string().trim().regex(/^sips?:[^@\s]+@[^@\s]+$/i, 'sip:user@domain').max(300).or(z.literal('')),
  wsServers: z.array(z.string().trim().regex(/^wss?:\/\/\S+$/i, 'ws:// or wss:// URL').max(300)).max(4),
  authUser: z.string().trim().max(100),
  /** Digest realm; empty = the SIP URI's domain (what most PBXes challenge with). */
  realm: z.string().trim().max(200),
  displayName: z.string().trim().max(80),
  dialPrefix: z.string().trim().regex(/^[\d*#]*$/).max(8),
  iceServers: z.array(IceServerSchema).max(8),
  iceGatheringTimeoutMs: z.number().int().min(100).max(10_000),
  dtmfMode: z.enum(['rfc4733', 'info']),
  autoAnswer: z.boolean(),
  busyPolicy: z.enum(['reject', 'queue']),
  acwSeconds: z.number().int().min(0).max(600),
  ivrHeader: z.string().trim().regex(/^[A-Za-z0-9-]+$/).max(64),
  /** SIP header carrying the ACD queue the PBX routed the call through (e.g. X-Queue); '' = none. */
  queueHeader: z.string().trim().regex(/^[A-Za-z0-9-]*$/).max(64),
  /** Extensions (SIP users) allowed to listen to and whisper to this desk's calls; [] = nobody
   * (domain/softphone/monitor.ts). */
  monitorSupervisors: z.array(z.string().trim().regex(/^(sips?:)?[^\s@;<>"]+(@[^\s;<>"]+)?$/i, 'extension or sip:user@domain').max(300)).max(50),
  /** Show the agent a discreet "supervisor listening / whispering" badge while monitored. */
  monitorIndicator: z.boolean(),
  devices: z.object({ microphone: z.string().max(300).nullable(), speaker: z.string().max(300).nullable(), ringer: z.string().max(300).nullable() }),
});
export type SoftphoneSettings = z.infer<typeof SoftphoneSettingsSchema>;

export const SoftphoneSettingsViewSchema = SoftphoneSettingsSchema.extend({ hasPassword: z.boolean() });
export type SoftphoneSettingsView = z.infer<typeof SoftphoneSettingsViewSchema>;

export const defaultSoftphoneSettings: SoftphoneSettings = {
  sipUri: '',
  wsServers: [],
  authUser: '',
  realm: '',
  displayName: '',
  dialPrefix: '',
  iceServers: [],
  iceGatheringTimeoutMs: 1500,
  dtmfMode: 'rfc4733',
  autoAnswer: false,
  busyPolicy: 'reject',
  acwSeconds: 30,
  ivrHeader: 'X-IVR-Choice',
  queueHeader: 'X-Queue',
  monitorSupervisors: [],
  monitorIndicator: true,
  devices: { microphone: null, speaker: null, ringer: null },
};

export const callOutcomes = ['answered', 'missed', 'declined', 'rejected-busy', 'failed', 'transferred'] as const;
const isoTime = z.iso.datetime({ offset: true });

export const CallRecordSchema = z.object({
  uid: z.string().min(8).max(100),
  direction: z.enum(['inbound', 'outbound']),
  localNumber: z.string().max(100).nullable(),
  remoteNumber: z.string().max(100),
  remoteNormalized: z.string().max(40).nullable(),
  remoteName: z.string().max(100).nullable().optional(),
  customerId: z.number().int().positive().nullable(),
  vehicleId: z.number().int().positive().nullable(),
  queue: z.string().max(100).nullable(),
  ivrChoice: z.string().max(64).nullable(),
  ringAt: isoTime,
  answerAt: isoTime.nullable(),
  endAt: isoTime.nullable(),
  outcome: z.enum(callOutcomes),
  transferredTo: z.string().max(100).nullable(),
  disposition: z.string().max(64).nullable(),
  inquiryCategory: z.enum(inquiryCategories).nullable(),
  notes: z.string().max(4000).nullable(),
});
export type CallRecordInput = z.infer<typeof CallRecordSchema>;

export const CallRecordViewSchema = CallRecordSchema.extend({
  id: z.number().int(),
  agent: z.string().nullable(),
  talkSeconds: z.number().int().nullable(),
  customerName: z.string().nullable(),
});
export type CallRecordView = z.infer<typeof CallRecordViewSchema>;

export const CallFilterSchema = z.object({
  direction: z.enum(['inbound', 'outbound']).optional(),
  outcome: z.enum(callOutcomes).optional(),
  customerId: z.number().int().positive().optional(),
  /** Digits anywhere in the remote number. */
  number: z.string().regex(/^[\d+*#]*$/).max(40).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const CallbackSchema = z.object({
  callUid: z.string().max(100).nullable(),
  customerId: z.number().int().positive().nullable(),
  phone: z.string().trim().min(3).max(40),
  dueAt: isoTime,
  note: z.string().max(2000).nullable(),
});
export const CallbackViewSchema = CallbackSchema.extend({
  id: z.number().int(),
  customerName: z.string().nullable(),
  agent: z.string().nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
  createdAt: z.string(),
});
export type CallbackView = z.infer<typeof CallbackViewSchema>;

/** Click-to-dial: the number to put in the INVITE for one of a customer's phones, which the
 * agent may only see masked. `display` is what the call panel shows (masked unless the role may
 * see full numbers); `phoneId` omitted = the customer's primary phone (search rows). */
export const DialTargetSchema = z.object({
  customerId: z.number().int().positive(),
  phoneId: z.number().int().positive().optional(),
});
export const DialTargetResultSchema = z.object({
  customerId: z.number().int(),
  phoneId: z.number().int(),
  number: z.string(),
  display: z.string(),
});
export type DialTargetResult = z.infer<typeof DialTargetResultSchema>;

/** Audit trail of live monitoring (who listened to whom, when): the supervisor's desk writes
 * start / mode change / end, the agent's desk writes being monitored and refusing a caller. */
export const MonitorAuditSchema = z.object({
  side: z.enum(['supervisor', 'agent']),
  event: z.enum(['start', 'mode', 'end', 'refused']),
  /** The other desk's extension: the agent's for the supervisor side and vice versa. */
  peer: z.string().trim().min(1).max(100),
  mode: z.enum(monitorModes).nullable(),
  /** The agent's call being monitored (agent side), for the link to its record and recording. */
  callUid: z.string().max(100).nullable(),
  /** SIP status of a refusal (either side). */
  status: z.number().int().min(100).max(699).nullable(),
});
export type MonitorAuditInput = z.infer<typeof MonitorAuditSchema>;

export const softphoneRequests = {
  'softphone.settings.get': request({ input: z.object({}).default({}), output: SoftphoneSettingsViewSchema }),
  /** `password`: omitted = keep the stored one, '' = remove it. */
  'softphone.settings.set': request({
    input: SoftphoneSettingsSchema.partial().extend({ password: z.string().max(200).optional() }),
    output: SoftphoneSettingsViewSchema,
  }),
  'softphone.credentials': request({
    input: z.object({}).default({}),
    output: z.object({ authorizationUser: z.string(), realm: z.string(), ha1: z.string() }).nullable(),
  }),
  'softphone.dialTarget': request({ input: DialTargetSchema, output: DialTargetResultSchema }),
  'softphone.calls.save': request({ input: CallRecordSchema, output: z.object({ id: z.number().int() }) }),
  'softphone.calls.list': request({ input: CallFilterSchema, output: z.object({ records: z.array(CallRecordViewSchema) }) }),
  'softphone.callbacks.schedule': request({ input: CallbackSchema, output: z.object({ id: z.number().int() }) }),
  'softphone.callbacks.list': request({
    input: z.object({ status: z.enum(['open', 'done', 'cancelled']).default('open'), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ callbacks: z.array(CallbackViewSchema) }),
  }),
  /** Supervisor side: refused (forbidden, and audited) for roles that may not monitor. */
  'softphone.monitor.audit': request({ input: MonitorAuditSchema, output: z.object({ id: z.number().int() }) }),
};

export const softphoneEvents = {
  'softphone.calls.changed': z.object({ uid: z.string() }),
};
