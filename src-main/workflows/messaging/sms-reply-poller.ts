// Customers' SMS replies reach the desk through the dealership server (issue 8; protocol in
// src-shared/domain/workflows/sms-reply-protocol.ts): the provider pushes them to the server,
// desks behind NAT claim them. One poll: claim a batch → record each with receiveMessage (keyed
// by the reply's server key, so a replay after a lost acknowledgement records nothing) → ack.
// A reply this desk cannot match to an SMS it sent is declined while the server still allows
// it: the desk that sent the rating or invitation gets the first chance to match it. A reply
// that fails here stays claimed; the server hands it out again after its claim timeout.
// The server session is the desk's running sync engine (SyncEngine.request), which registers
// itself with setSmsReplySession when it starts and with null when it stops.
import { normalizePhone } from '../../../src-shared/domain/phone';
import { AckResponseSchema, ClaimResponseSchema, smsReplyPaths, type ClaimedReply } from '../../../src-shared/domain/workflows/sms-reply-protocol';
import type { HttpResult } from '../../sync/transport';
import type { WorkflowContext } from '../context';
import { receiveMessage } from './message-service';

export interface SmsReplySession {
  /** null: stopped or not signed in. */
  request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpResult | null>;
}

const sessions = new WeakMap<object, SmsReplySession>();
const listeners = new WeakMap<object, () => void>();

/** Called by the sync session when it starts (and with null when it stops); polls at once. */
export function setSmsReplySession(ctx: object, session: SmsReplySession | null): void {
  if (session) sessions.set(ctx, session);
  else sessions.delete(ctx);
  if (session) listeners.get(ctx)?.();
}

export function smsReplySession(ctx: object): SmsReplySession | null {
  return sessions.get(ctx) ?? null;
}

/** How far back receiveMessage looks for the message a reply answers (matchReply's window). */
const matchWindowDays = 14;

/** Whether this desk sent an SMS to the number within the matching window before the reply (other desks' messages sync here too). */
export function sentSmsTo(ctx: WorkflowContext, from: string, receivedAt: Date): boolean {
  const phone = normalizePhone(from)?.normalized ?? from.replace(/\D/g, '');
  const since = new Date(receivedAt.getTime() - matchWindowDays * 86_400_000).toISOString();
  return ctx.sqlite
    .prepare(`SELECT 1 FROM messages WHERE address = ? AND channel = 'sms' AND direction = 'out' AND status = 'sent' AND queued_here = 1 AND coalesce(sent_at, created_at) >= ? LIMIT 1`)
    .get(phone, since) !== undefined;
}

export interface PollResult {
  /** false: no server session, or the server refused the claim. */
  connected: boolean;
  recorded: number;
  declined: number;
  failed: number;
  acked: number;
}

export class SmsReplyServerError extends Error {}

async function post(session: SmsReplySession, path: string, body: unknown): Promise<unknown> {
  const result = await session.request('POST', path, body);
  if (!result) return null;
  if (result.status !== 200) throw new SmsReplyServerError(`${path}: HTTP ${result.status} ${JSON.stringify(result.body).slice(0, 200)}`);
  return result.body;
}

export const replyMessageUid = (reply: Pick<ClaimedReply, 'key'>) => `sms-reply:${reply.key}`;

export async function pollSmsReplies(ctx: WorkflowContext, session: SmsReplySession, options: { batch?: number; maxRounds?: number } = {}): Promise<PollResult> {
  const batch = options.batch ?? 50;
  const result: PollResult = { connected: true, recorded: 0, declined: 0, failed: 0, acked: 0 };
  for (let round = 0; round < (options.maxRounds ?? 10); round++) {
    const body = await post(session, smsReplyPaths.claim, { limit: batch });
    if (body === null) return { ...result, connected: false };
    const { replies } = ClaimResponseSchema.parse(body);
    const done: number[] = [];
    const declined: number[] = [];
    for (const reply of replies) {
      const receivedAt = new Date(reply.receivedAt);
      const at = Number.isNaN(receivedAt.getTime()) ? ctx.now() : receivedAt;
      if (reply.mayDecline && !sentSmsTo(ctx, reply.from, at)) {
        declined.push(reply.id);
        continue;
      }
      try {
        receiveMessage(ctx, reply.from, reply.text, at, { uid: replyMessageUid(reply) });
        done.push(reply.id);
      } catch (error) {
        result.failed++;
        ctx.log.error('SMS reply not recorded', { reply: reply.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
    result.recorded += done.length;
    result.declined += declined.length;
    if (done.length) {
      const acked = await post(session, smsReplyPaths.ack, { ids: done });
      if (acked !== null) result.acked += AckResponseSchema.parse(acked).acked.length;
    }
    if (declined.length) await post(session, smsReplyPaths.release, { ids: declined, decline: true });
    if (replies.length < batch) break;
  }
  return result;
}

/**
 * Polls every `intervalMs` (and as soon as a server session registers) until the returned stop
 * is called. Offline is normal for a desk: network errors are not logged.
 */
export function runSmsReplyPolling(ctx: WorkflowContext, intervalMs = 30_000): () => void {
  let running = false;
  const tick = () => {
    const session = smsReplySession(ctx);
    if (running || !session) return;
    running = true;
    pollSmsReplies(ctx, session)
      .catch((error) => {
        if ((error as { code?: unknown })?.code !== 'offline') ctx.log.error('SMS reply poll failed', { error: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  listeners.set(ctx, tick);
  return () => {
    clearInterval(timer);
    listeners.delete(ctx);
  };
}
