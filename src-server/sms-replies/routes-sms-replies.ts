// HTTP side of SMS replies (issue 8; protocol and the provider's documented format in
// src-shared/domain/workflows/sms-reply-protocol.ts). The provider's pushes are public routes
// guarded by the dealership's secret in the path, checked before the body is read; desks claim,
// acknowledge and release with their session; admins rotate the secret.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  AckRequestSchema, AliyunSmsUpBatchSchema, aliyunAccepted, ClaimRequestSchema, GenericReplyBodySchema, maxReplyBodyBytes, parseAliyunSendTime, ReleaseRequestSchema,
  smsReplyPaths, type ClaimedReply,
} from '../../src-shared/domain/workflows/sms-reply-protocol';
import { claimsOf, everyRole, type ServerContext } from '../http/app';
import { parseOrRefuse, refuse } from '../http/errors';
import { audit } from '../store/audit';
import { ackReplies, claimReplies, dealershipBySecret, releaseReplies, replyQueueStatus, rotateReplySecret, storeReplies, type IncomingReply } from './reply-store';

export interface SmsReplyOptions {
  /** A claim not acknowledged within this is handed out again (the desk crashed). Default 5 min. */
  claimTimeoutMs?: number;
  /** How long a reply waits for the desk that sent the SMS it answers. Default 10 min. */
  handoffMs?: number;
}

declare module '../http/app' {
  interface ServerOptions {
    smsReplies?: SmsReplyOptions;
  }
}

export const defaultClaimTimeoutMs = 5 * 60_000;
export const defaultHandoffMs = 10 * 60_000;

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 40);

export async function smsReplyRoutes(app: FastifyInstance, ctx: ServerContext, options: SmsReplyOptions = {}): Promise<void> {
  const claimTimeoutMs = options.claimTimeoutMs ?? defaultClaimTimeoutMs;
  const handoffMs = options.handoffMs ?? defaultHandoffMs;
  const dealershipOf = new WeakMap<FastifyRequest, number>();

  // Runs before the body is parsed: a wrong secret costs one indexed lookup and is told nothing.
  const bySecret = async (request: FastifyRequest) => {
    const { secret } = request.params as { secret?: string };
    const dealershipId = secret ? await dealershipBySecret(ctx.sql, secret) : null;
    if (dealershipId === null) refuse('not-found', 'no such endpoint');
    dealershipOf.set(request, dealershipId);
  };
  const inbound = { config: { roles: 'public' as const }, bodyLimit: maxReplyBodyBytes, onRequest: bySecret };

  app.post(smsReplyPaths.aliyun, inbound, async (request) => {
    const batch = parseOrRefuse(AliyunSmsUpBatchSchema, request.body);
    const now = ctx.now();
    const replies = batch.map((r): IncomingReply => {
      const sent = parseAliyunSendTime(r.send_time);
      return {
        providerId: r.sequence_id, from: r.phone_number, text: r.content, receivedAt: (sent ?? now).toISOString(),
        meta: { sendTime: r.send_time, signName: r.sign_name ?? null, destCode: r.dest_code ?? null, ...(sent ? {} : { sendTimeUnreadable: true }) },
      };
    });
    await storeReplies(ctx.sql, dealershipOf.get(request)!, 'aliyun', replies, now);
    return aliyunAccepted;
  });

  app.post(smsReplyPaths.generic, inbound, async (request) => {
    const body = parseOrRefuse(GenericReplyBodySchema, request.body);
    const replies = (Array.isArray(body) ? body : [body]).map((r): IncomingReply => {
      const receivedAt = new Date(r.receivedAt).toISOString();
      return { providerId: r.id ?? `h:${digest(`${r.from}|${r.text}|${receivedAt}`)}`, from: r.from, text: r.text, receivedAt, meta: {} };
    });
    return { ok: true, ...(await storeReplies(ctx.sql, dealershipOf.get(request)!, 'generic', replies, ctx.now())) };
  });

  const deskOf = async (request: FastifyRequest) => {
    const claims = claimsOf(request);
    const [session] = await ctx.sql.query<{ desk_id: string }>('SELECT desk_id FROM sessions WHERE id = $1', [claims.sid]);
    if (!session) refuse('unauthorized', 'no session');
    return { dealershipId: claims.did, deskId: session.desk_id };
  };

  app.post(smsReplyPaths.claim, { config: { roles: everyRole }, bodyLimit: 4096 }, async (request) => {
    const { limit } = parseOrRefuse(ClaimRequestSchema, request.body ?? {});
    const { dealershipId, deskId } = await deskOf(request);
    const now = ctx.now();
    const rows = await claimReplies(ctx.sql, { dealershipId, deskId, limit, now, claimTimeoutMs, handoffMs });
    const replies = rows.map((r): ClaimedReply => ({
      id: r.id, key: `${r.provider}:${r.providerId}`, from: r.from, text: r.text, receivedAt: r.receivedAt, mayDecline: r.storedAt.getTime() > now.getTime() - handoffMs,
    }));
    return { replies, claimTimeoutMs };
  });

  app.post(smsReplyPaths.ack, { config: { roles: everyRole }, bodyLimit: 16 * 1024 }, async (request) => {
    const { ids } = parseOrRefuse(AckRequestSchema, request.body);
    const { dealershipId, deskId } = await deskOf(request);
    return { acked: await ackReplies(ctx.sql, dealershipId, deskId, ids, ctx.now()) };
  });

  app.post(smsReplyPaths.release, { config: { roles: everyRole }, bodyLimit: 16 * 1024 }, async (request) => {
    const { ids, decline } = parseOrRefuse(ReleaseRequestSchema, request.body);
    const { dealershipId, deskId } = await deskOf(request);
    return { released: await releaseReplies(ctx.sql, dealershipId, deskId, ids, decline) };
  });

  // The secret is shown once; whoever configures the provider's console copies the URL then.
  app.post('/admin/sms-replies/secret', { config: { roles: ['admin'] }, bodyLimit: 1024 }, async (request) => {
    const claims = claimsOf(request);
    const secret = await rotateReplySecret(ctx.sql, claims.did, ctx.now());
    await audit(ctx.sql, { dealershipId: claims.did, userId: claims.uid, userName: claims.name, action: 'sms-replies.secret-rotated' });
    return { secret, paths: callbackPaths(secret) };
  });
  app.get('/admin/sms-replies', { config: { roles: ['admin', 'supervisor'] } }, async (request) => replyQueueStatus(ctx.sql, claimsOf(request).did));
}

export function callbackPaths(secret: string): { aliyun: string; generic: string } {
  return { aliyun: smsReplyPaths.aliyun.replace(':secret', secret), generic: smsReplyPaths.generic.replace(':secret', secret) };
}
