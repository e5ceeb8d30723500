// The supervisor's live view of the desks (issue 9). The renderer reports its softphone state
// (presence.report) on every change; main sends it to the dealership server and, for
// supervisors, keeps the board current and pushes it as presence.changed. Without a server the
// board holds this desk only (source 'local'). Wire protocol: src-shared/domain/presence/protocol.ts.
import { z } from 'zod';
import { request } from './define';
import { PresenceEntrySchema, presenceCallPhases, presenceStates } from '../domain/presence/protocol';
import { notReadyReasons } from '../domain/softphone/agent-state';
import { monitorRoles } from '../domain/softphone/monitor';

const isoTime = z.string().min(1).max(40).refine((s) => Number.isFinite(Date.parse(s)), 'not a time');

export const DeskPresenceSchema = z.object({
  /** The desk's own extension (user part of its SIP URI), null when the softphone is not set up. */
  extension: z.string().max(64).nullable(),
  phoneRegistered: z.boolean(),
  state: z.enum(presenceStates),
  reason: z.enum(notReadyReasons).nullable(),
  stateSince: isoTime,
  call: z.object({
    direction: z.enum(['inbound', 'outbound']),
    phase: z.enum(presenceCallPhases),
    number: z.string().max(64).nullable(),
    /** The card popped for the call; main reads the customer's name from its cache. */
    customerId: z.number().int().positive().nullable(),
    since: isoTime,
    queue: z.string().max(100).nullable(),
  }).nullable(),
});
export type DeskPresence = z.infer<typeof DeskPresenceSchema>;

/** Why only this desk is listed: no server configured, not signed in, unreachable, or refused. */
export const presenceProblems = ['no-server', 'signed-out', 'offline', 'forbidden', 'server-error'] as const;

export const PresenceViewSchema = z.object({
  source: z.enum(['server', 'local']),
  problem: z.enum(presenceProblems).nullable(),
  /** The clock the entries' times are on (the server's, or this desk's for 'local'). */
  serverNow: isoTime,
  entries: z.array(PresenceEntrySchema.extend({ self: z.boolean() })),
});
export type PresenceView = z.infer<typeof PresenceViewSchema>;
export type PresenceViewEntry = PresenceView['entries'][number];

export const presenceRequests = {
  'presence.report': request({ input: DeskPresenceSchema, output: z.object({ ok: z.literal(true) }) }),
  /** The board now; keeps it pushed (presence.changed) while the view asks at least every minute. */
  'presence.list': request({ input: z.object({}).default({}), output: PresenceViewSchema, roles: monitorRoles }),
};

export const presenceEvents = {
  'presence.changed': PresenceViewSchema,
};
