// Restoring what the server refused (issue 6: nothing silently dropped, every desk converges).
// A push answers each permanent rejection with its mutation id only, and a push whose answer
// was lost is skipped when retried, so its rejections are not named again. The desk therefore
// asks, for the mutations a push acknowledged that may have been rejected, which ones were and
// what the server holds for their records now:
//   POST /sync/rejected {deskId, mutations: [{id, entity, uid, withChildren}]}
//   → {rejected: [mutation ids], records: [changes]}
// `records` holds, per rejected mutation, the record's current row (tombstone `d`, or `x` when
// the server has no such record or it is outside the desk's scope), with `withChildren` (a
// refused delete, which took the desk's copies of its children along) the live rows that
// reference it, and the current rows of the parents those rows reference.
import { z } from 'zod';
import { ChangeSchema, DeskIdSchema, SyncEntitySchema, UidSchema, maxPushMutations } from './protocol';

export const rejectedRecordsPath = '/sync/rejected';

export const RejectedRecordsRequestSchema = z.strictObject({
  deskId: DeskIdSchema,
  mutations: z
    .array(z.strictObject({ id: z.number().int().positive(), entity: SyncEntitySchema, uid: UidSchema, withChildren: z.boolean() }))
    .min(1)
    .max(maxPushMutations),
});
export type RejectedRecordsRequest = z.infer<typeof RejectedRecordsRequestSchema>;

export const RejectedRecordsResponseSchema = z.object({
  rejected: z.array(z.number().int()),
  records: z.array(ChangeSchema),
});
export type RejectedRecordsResponse = z.infer<typeof RejectedRecordsResponseSchema>;
