// Wire protocol between desk and dealership server (issue 6; design notes in
// shared/docs/sync.md §B). Desk and server never import each other: both validate with these
// schemas. Summary:
//  - push: POST /sync/push {deskId, schemaVersion, mutations}; mutation ids rise by one per
//    desk (SQLite AUTOINCREMENT in the desk's outbox) and (deskId, id) is the idempotency key:
//    the server skips ids ≤ the desk's last applied id and refuses a gap, so a retried,
//    duplicated or reordered push is applied at most once.
//  - pull: GET /sync/pull?after=V — every row change with rev > V in rev order (one rev per
//    row change, one dealership-wide sequence, assigned under a lock so rev order is commit
//    order), tombstones included, plus the current state of parents the page's rows reference.
//  - snapshot: GET /sync/snapshot?entity=E&after=UID — current rows by uid; the first page's
//    serverRev is R0 and after the last entity the desk pulls from R0 (idempotent catch-up).
//  - poke: the WebSocket /sync/events sends {type:'poke', rev} after commits; data always
//    arrives through pull.
import { z } from 'zod';
import { syncEntities } from './entities';

/**
 * Bump when entity fields or the wire shape change; a server refuses desks below its minimum
 * (by default this version: an older desk could not parse the new entities on a pull page, so
 * it is told to update and keeps its outbox). 2 added the capability records, 3 kb_attachments, 4 sales, insurance, membership,
 * quality review, surveys and messaging.
 */
export const SYNC_SCHEMA_VERSION = 4;
export const maxPushMutations = 500;
export const maxPullLimit = 10_000;
export const defaultPullLimit = 2_000;
export const maxSnapshotLimit = 20_000;
export const defaultSnapshotLimit = 10_000;
/** Wire values up to this; each field's own limit (entities.ts longTextFields) is checked by the server. */
export const maxFieldChars = 200_000;
/** A desk's push stays under the server's body limit (4 MB) whatever its articles weigh. */
export const maxPushChars = 2_000_000;
export const schemaVersionHeader = 'x-dealerdesk-sync-schema';

export const WireValueSchema = z.union([z.string().max(maxFieldChars), z.number().finite(), z.boolean(), z.null()]);
export const SyncEntitySchema = z.enum(syncEntities);
export const UidSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/);
export const DeskIdSchema = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const MutationSchema = z.strictObject({
  id: z.number().int().positive(),
  entity: SyncEntitySchema,
  uid: UidSchema,
  op: z.enum(['upsert', 'delete', 'undelete']),
  fields: z.record(z.string().max(40), WireValueSchema).refine((f) => Object.keys(f).length <= 40, 'too many fields'),
  /** Rev of the record as the desk last saw it (0: created on the desk). */
  baseRev: z.number().int().min(0),
  /** Desk wall clock, for display only: never compared. */
  at: z.string().max(40),
});
export type Mutation = z.infer<typeof MutationSchema>;

export const PushRequestSchema = z.strictObject({
  deskId: DeskIdSchema,
  schemaVersion: z.number().int().positive(),
  mutations: z.array(MutationSchema).min(1).max(maxPushMutations),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PushResponseSchema = z.object({
  lastMutationId: z.number().int().min(0),
  serverRev: z.number().int().min(0),
  applied: z.number().int(),
  skipped: z.number().int(),
  rejected: z.array(z.object({ mutationId: z.number().int(), reason: z.string() })),
  conflicts: z.number().int(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** A row change: e entity, u uid, r rev, d deleted (tombstone), v values in entityFields + derivedFields order. */
export const ChangeSchema = z.object({
  e: SyncEntitySchema,
  u: UidSchema,
  r: z.number().int().min(0),
  d: z.boolean().optional(),
  /** Present and true when the row left this desk's scope: remove it locally, it is not deleted. */
  x: z.boolean().optional(),
  v: z.array(WireValueSchema).optional(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const PullQuerySchema = z.object({
  deskId: DeskIdSchema,
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(defaultPullLimit),
});

export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  parents: z.array(ChangeSchema),
  nextRev: z.number().int().min(0),
  upToDate: z.boolean(),
  /** Highest mutation of this desk applied at or before nextRev: outbox entries up to it are acknowledged. */
  lastMutationId: z.number().int().min(0),
  serverRev: z.number().int().min(0),
});
export type PullResponse = z.infer<typeof PullResponseSchema>;

export const SnapshotQuerySchema = z.object({
  deskId: DeskIdSchema,
  entity: SyncEntitySchema,
  after: z.string().max(64).default(''),
  /** The page covers (after, until] (from GET /sync/snapshot/boundaries); without it, `limit` rows after `after`. */
  until: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(maxSnapshotLimit).default(defaultSnapshotLimit),
});

export const SnapshotBoundariesQuerySchema = SnapshotQuerySchema.omit({ until: true });

/** The uid of every `limit`-th row after `after`: where full pages end. Empty for a scoped desk. */
export const SnapshotBoundariesSchema = z.object({ boundaries: z.array(z.string().min(1).max(64)) });

/** rows: [uid, rev, ...values] tuples; nextAfter null when the entity is done. */
export interface SnapshotPage {
  entity: (typeof syncEntities)[number];
  rows: (string | number | boolean | null)[][];
  /** Where the next page starts; null when the entity is done. A page asked with `until` ends there, unless it filled up first. */
  nextAfter: string | null;
  serverRev: number;
  /**
   * Uids deleted on the server within this page's uid range: a desk whose snapshot restarted
   * after a crash may hold them from its first try, and the page's live rows do not say so.
   */
  deleted?: string[];
}

export const PokeSchema = z.object({ type: z.literal('poke'), rev: z.number().int().min(0) });
export type Poke = z.infer<typeof PokeSchema>;

export const LoginRequestSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
  deskId: DeskIdSchema,
});
export const RefreshRequestSchema = z.strictObject({ refreshToken: z.string().min(10).max(512) });
export const TokenResponseSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  accessExpiresAt: z.string(),
  userName: z.string(),
  role: z.enum(['agent', 'advisor', 'supervisor', 'sales', 'admin']),
  scope: z.string(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export const serverErrorCodes = [
  'unauthorized', 'token-expired', 'forbidden', 'locked', 'invalid-input', 'too-large', 'gap', 'desk-outdated', 'server-outdated',
  'not-found', 'internal', 'unavailable',
  // The user was disabled by an administrator: the desk wipes its local cache (issue 9).
  'disabled',
] as const;
export const ServerErrorSchema = z.object({
  code: z.enum(serverErrorCodes),
  message: z.string(),
  lastMutationId: z.number().int().optional(),
  minSchemaVersion: z.number().int().optional(),
});
export type ServerError = z.infer<typeof ServerErrorSchema>;
