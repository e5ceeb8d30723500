// The server's SMS reply queue (issue 8; protocol in src-shared/domain/workflows/sms-reply-protocol.ts).
// Invariants: one row per (dealership, provider, provider id), so a re-pushed batch stores
// nothing twice; a row is held by at most one desk at a time (the claim picks rows with FOR
// UPDATE SKIP LOCKED and stamps claimed_by in the same statement); a claim older than the
// timeout is free again, so a crashed desk loses nothing; acked rows are never handed out.
import { newSecret, sha256 } from '../auth/tokens';
import type { Sql } from '../store/sql';

export interface IncomingReply {
  providerId: string;
  from: string;
  text: string;
  receivedAt: string;
  meta: Record<string, unknown>;
}

export interface ClaimedRow {
  id: number;
  provider: string;
  providerId: string;
  from: string;
  text: string;
  receivedAt: string;
  storedAt: Date;
}

/** A new callback secret for the dealership (the old one stops working); only its hash is kept. */
export async function rotateReplySecret(sql: Sql, dealershipId: number, now: Date): Promise<string> {
  const secret = newSecret();
  await sql.query(
    `INSERT INTO sms_reply_endpoints (dealership_id, secret_hash, rotated_at) VALUES ($1, $2, $3)
     ON CONFLICT (dealership_id) DO UPDATE SET secret_hash = excluded.secret_hash, rotated_at = excluded.rotated_at`,
    [dealershipId, sha256(secret), now],
  );
  return secret;
}

export async function dealershipBySecret(sql: Sql, secret: string): Promise<number | null> {
  if (secret.length < 20 || secret.length > 200) return null;
  const [row] = await sql.query<{ dealership_id: number }>('SELECT dealership_id FROM sms_reply_endpoints WHERE secret_hash = $1', [sha256(secret)]);
  return row?.dealership_id ?? null;
}

export async function storeReplies(sql: Sql, dealershipId: number, provider: string, replies: readonly IncomingReply[], now: Date): Promise<{ stored: number; duplicates: number }> {
  const rows = await sql.query<{ id: number }>(
    `INSERT INTO sms_replies (dealership_id, provider, provider_id, from_number, text, received_at, meta, stored_at)
     SELECT $1, $2, t.provider_id, t.from_number, t.text, t.received_at, t.meta::jsonb, $3
     FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t(provider_id, from_number, text, received_at, meta)
     ON CONFLICT (dealership_id, provider, provider_id) DO NOTHING
     RETURNING id`,
    [
      dealershipId, provider, now,
      replies.map((r) => r.providerId), replies.map((r) => r.from), replies.map((r) => r.text), replies.map((r) => r.receivedAt), replies.map((r) => JSON.stringify(r.meta)),
    ],
  );
  return { stored: rows.length, duplicates: replies.length - rows.length };
}

export interface ClaimOptions {
  dealershipId: number;
  deskId: string;
  limit: number;
  now: Date;
  claimTimeoutMs: number;
  handoffMs: number;
}

export async function claimReplies(sql: Sql, o: ClaimOptions): Promise<ClaimedRow[]> {
  const expired = new Date(o.now.getTime() - o.claimTimeoutMs);
  const handoffSince = new Date(o.now.getTime() - o.handoffMs);
  const rows = await sql.query<{ id: number; provider: string; provider_id: string; from_number: string; text: string; received_at: string; stored_at: Date | string }>(
      `UPDATE sms_replies r SET claimed_by = $2, claimed_at = $3, claims = r.claims + 1
       FROM (
         SELECT id FROM sms_replies
         WHERE dealership_id = $1 AND acked_at IS NULL
           AND (claimed_by IS NULL OR claimed_at <= $4)
           AND NOT ($2 = ANY(declined_by) AND stored_at > $5)
         ORDER BY id LIMIT $6
         FOR UPDATE SKIP LOCKED
       ) pick
       WHERE r.id = pick.id
       RETURNING r.id, r.provider, r.provider_id, r.from_number, r.text, r.received_at, r.stored_at`,
      [o.dealershipId, o.deskId, o.now, expired, handoffSince, o.limit],
  );
  return rows
    .map((r) => ({ id: r.id, provider: r.provider, providerId: r.provider_id, from: r.from_number, text: r.text, receivedAt: r.received_at, storedAt: new Date(r.stored_at) }))
    .sort((a, b) => a.id - b.id);
}

export async function ackReplies(sql: Sql, dealershipId: number, deskId: string, ids: readonly number[], now: Date): Promise<number[]> {
  const rows = await sql.query<{ id: number }>(
    'UPDATE sms_replies SET acked_at = $3 WHERE dealership_id = $1 AND claimed_by = $2 AND acked_at IS NULL AND id = ANY($4::bigint[]) RETURNING id',
    [dealershipId, deskId, now, ids],
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export async function releaseReplies(sql: Sql, dealershipId: number, deskId: string, ids: readonly number[], decline: boolean): Promise<number[]> {
  const rows = await sql.query<{ id: number }>(
    `UPDATE sms_replies SET claimed_by = NULL, claimed_at = NULL,
       declined_by = CASE WHEN $3 AND NOT ($2 = ANY(declined_by)) THEN array_append(declined_by, $2::text) ELSE declined_by END
     WHERE dealership_id = $1 AND claimed_by = $2 AND acked_at IS NULL AND id = ANY($4::bigint[]) RETURNING id`,
    [dealershipId, deskId, decline, ids],
  );
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export async function replyQueueStatus(sql: Sql, dealershipId: number): Promise<{ configured: boolean; rotatedAt: string | null; pending: number; claimed: number; oldestPendingAt: string | null }> {
  const [endpoint] = await sql.query<{ rotated_at: Date | string }>('SELECT rotated_at FROM sms_reply_endpoints WHERE dealership_id = $1', [dealershipId]);
  const [queue] = await sql.query<{ pending: number; claimed: number; oldest: Date | string | null }>(
    `SELECT count(*)::int AS pending, count(claimed_by)::int AS claimed, min(stored_at) AS oldest FROM sms_replies WHERE dealership_id = $1 AND acked_at IS NULL`,
    [dealershipId],
  );
  const iso = (v: Date | string | null | undefined) => (v == null ? null : new Date(v).toISOString());
  return { configured: Boolean(endpoint), rotatedAt: iso(endpoint?.rotated_at), pending: queue.pending, claimed: queue.claimed, oldestPendingAt: iso(queue.oldest) };
}
