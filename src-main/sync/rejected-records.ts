// The desk's half of restoring refused mutations (protocol: src-shared/domain/sync/rejected-records.ts).
// After a push, before its acknowledgement is committed, the desk asks which of the mutations
// that push settled the server rejected: the ones the answer names, or — when the server skipped
// some because an earlier copy of the push got through unanswered — every mutation the answer
// acknowledges. The records come back with the server's current state, and apply.ts writes them
// in the transaction that acknowledges the outbox: a crash in between leaves the outbox as it
// was, and the retried push is skipped and asks again.
import type { Change, Mutation, PushResponse } from '../../src-shared/domain/sync/protocol';
import { RejectedRecordsResponseSchema, rejectedRecordsPath, type RejectedRecordsRequest } from '../../src-shared/domain/sync/rejected-records';
import type { HttpResult } from './transport';

/** The pushed mutations that may have been rejected; `response` null: the push was answered with an error (gap). */
export function mutationsToCheck(batch: Mutation[], lastMutationId: number, response: PushResponse | null): Mutation[] {
  if (response && response.skipped === 0) {
    const rejected = new Set(response.rejected.map((r) => r.mutationId));
    return batch.filter((m) => rejected.has(m.id));
  }
  return batch.filter((m) => m.id <= lastMutationId);
}

/**
 * The server's current state of the records whose mutations it rejected; null when none of
 * `batch` may have been (nothing to restore) or the server predates this endpoint (404).
 * Other refusals throw: the cycle fails and the push is retried.
 */
export async function fetchRejectedRecords(
  call: (path: string, body: unknown) => Promise<HttpResult>,
  deskId: string,
  batch: Mutation[],
  lastMutationId: number,
  response: PushResponse | null,
): Promise<Change[] | null> {
  const candidates = mutationsToCheck(batch, lastMutationId, response);
  if (candidates.length === 0) return null;
  const request: RejectedRecordsRequest = {
    deskId,
    mutations: candidates.map((m) => ({ id: m.id, entity: m.entity, uid: m.uid, withChildren: m.op === 'delete' })),
  };
  const result = await call(rejectedRecordsPath, request);
  if (result.status === 404) return null;
  if (result.status !== 200) {
    const message = (result.body as { message?: unknown } | null)?.message;
    throw new Error(`rejected records refused (${result.status}): ${typeof message === 'string' ? message : 'no message'}`);
  }
  const { rejected, records } = RejectedRecordsResponseSchema.parse(result.body);
  return rejected.length > 0 ? records : null;
}
