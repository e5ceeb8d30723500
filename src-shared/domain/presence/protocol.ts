// Presence of the dealership's desks (issue 9, the supervisor's live view) on the wire between
// desk and dealership server. Presence is ephemeral: the server keeps it in memory only.
//  - POST /presence {deskId, …, sentAt}: a desk reports on every change and as a heartbeat every
//    presenceHeartbeatMs; who reports (user, name, role) comes from the access token, never the
//    body. Times are the desk's clock; the server rebases them by (receivedAt − sentAt) so a desk
//    whose clock is off still shows true durations.
//  - GET /presence?after=V&waitMs=N (supervisor, admin): the dealership's desks. With `after`
//    equal to the current version the server holds the request until something changes or N ms
//    pass (long poll: the desk reaches the server through its sync session's HTTP requests).
//  - A desk not heard from for presenceStaleMs shows as offline; a server restart rebuilds the
//    board from the next heartbeats.
import { z } from 'zod';
import { roles } from '../roles';
import { notReadyReasons } from '../softphone/agent-state';

export const presenceHeartbeatMs = 15_000;
export const presenceStaleMs = 45_000;
/** Entries not heard from for this long are dropped from the board. */
export const presenceForgetMs = 12 * 3600_000;
export const maxPresenceWaitMs = 30_000;

export const presenceStates = ['ready', 'not_ready', 'break', 'after_call_work', 'on_call'] as const;
export type PresenceState = (typeof presenceStates)[number];
/** What the view shows: the reported state, or offline when the desk went silent. */
export type ShownPresenceState = PresenceState | 'offline';

export const presenceCallPhases = ['ringing', 'dialing', 'connected', 'held'] as const;

const isoTime = z.string().min(1).max(40).refine((s) => Number.isFinite(Date.parse(s)), 'not a time');

export const PresenceCallSchema = z.object({
  direction: z.enum(['inbound', 'outbound']),
  phase: z.enum(presenceCallPhases),
  /** The other party's number as the desk knows it (full; masked per viewer when listed). */
  number: z.string().max(64).nullable(),
  /** The customer whose card the desk popped for this call. */
  customerName: z.string().max(100).nullable(),
  since: isoTime,
  queue: z.string().max(100).nullable(),
});
export type PresenceCall = z.infer<typeof PresenceCallSchema>;

const presenceFields = {
  deskId: z.string().min(1).max(64),
  extension: z.string().max(64).nullable(),
  phoneRegistered: z.boolean(),
  state: z.enum(presenceStates),
  reason: z.enum(notReadyReasons).nullable(),
  stateSince: isoTime,
  call: PresenceCallSchema.nullable(),
};

export const PresenceReportSchema = z.object({ ...presenceFields, sentAt: isoTime });
export type PresenceReport = z.infer<typeof PresenceReportSchema>;

export const PresenceEntrySchema = z.object({
  ...presenceFields,
  userName: z.string(),
  role: z.enum(roles),
  lastSeenAt: isoTime,
  stale: z.boolean(),
});
export type PresenceEntry = z.infer<typeof PresenceEntrySchema>;

export const PresenceListSchema = z.object({
  version: z.number().int().nonnegative(),
  serverNow: isoTime,
  entries: z.array(PresenceEntrySchema),
});
export type PresenceList = z.infer<typeof PresenceListSchema>;

export const PresenceQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().optional(),
  waitMs: z.coerce.number().int().min(0).max(maxPresenceWaitMs).default(0),
});
