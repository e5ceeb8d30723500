// Sync as the renderer sees it (issue 6): connection state, pending outbox, last successful
// sync, the conflict inbox. The wire protocol between desk and server is separate
// (src-shared/domain/sync/protocol.ts).
import { z } from 'zod';
import { request } from './define';

export const connectionStates = ['not-configured', 'connecting', 'online', 'offline', 'signed-out', 'update-required'] as const;

export const SyncStatusSchema = z.object({
  configured: z.boolean(),
  serverUrl: z.string().nullable(),
  connection: z.enum(connectionStates),
  pendingOutbox: z.number().int(),
  /** Age of the oldest unacknowledged local write: a stuck queue shows here within minutes. */
  oldestPendingAt: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  cursor: z.number().int(),
  serverRev: z.number().int().nullable(),
  phase: z.enum(['snapshot', 'incremental']),
  /** Initial download progress (rows stored so far) while phase is snapshot. */
  snapshot: z.object({ entity: z.string(), rows: z.number().int() }).nullable(),
  openConflicts: z.number().int(),
  scope: z.string().nullable(),
});
export type SyncStatusView = z.infer<typeof SyncStatusSchema>;

const ConflictValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))]);

export const ConflictSchema = z.object({
  uid: z.string(),
  /** overwritten: same field edited on two desks; deleted: edit of a deleted record; renumbered; rejected. */
  kind: z.string(),
  entity: z.string(),
  recordUid: z.string(),
  field: z.string().nullable(),
  lostValue: ConflictValueSchema,
  wonValue: ConflictValueSchema,
  lostDesk: z.string().nullable(),
  lostUser: z.string().nullable(),
  detectedAt: z.string().nullable(),
  resolved: z.boolean(),
  resolvedBy: z.string().nullable(),
  reason: z.string().nullable(),
  customerName: z.string().nullable(),
  restorable: z.boolean(),
});
export type ConflictView = z.infer<typeof ConflictSchema>;

const resolvers = ['supervisor', 'admin'] as const;

export const syncRequests = {
  'sync.status': request({ input: z.object({}).default({}), output: SyncStatusSchema }),
  /** Signs this desk in to a dealership server and starts syncing (the password is not stored). */
  'sync.connect': request({
    input: z.object({
      serverUrl: z.string().url().max(300),
      username: z.string().min(1).max(64),
      password: z.string().min(1).max(256),
      /** PEM of the certificate authority to trust for an https server with its own CA. */
      caPem: z.string().max(20_000).optional(),
    }),
    output: SyncStatusSchema,
  }),
  /** Runs a sync cycle now and answers when it is done. */
  'sync.now': request({ input: z.object({}).default({}), output: SyncStatusSchema }),
  'sync.conflicts': request({
    input: z.object({ includeResolved: z.boolean().default(false), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.object({ conflicts: z.array(ConflictSchema) }),
  }),
  'sync.restoreConflict': request({ input: z.object({ uid: z.string().min(1).max(64) }), output: z.object({ ok: z.literal(true) }), roles: resolvers }),
  'sync.dismissConflict': request({ input: z.object({ uid: z.string().min(1).max(64) }), output: z.object({ ok: z.literal(true) }), roles: resolvers }),
};

export const syncEvents = {
  'sync.changed': SyncStatusSchema,
};
