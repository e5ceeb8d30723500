// SMS replies, provider → dealership server → exactly one desk (issue 8).
//
// Inbound (public; the provider holds no token of ours, so the dealership is named by an
// unguessable secret in the path; unknown secret → 404 and nothing is read or stored):
//   POST /sms/replies/aliyun/:secret   Alibaba Cloud 上行短信 SmsUp, HTTP batch push mode
//        (短信服务控制台 → 通用设置 → 上行消息接收 → HTTP批量推送模式). As documented at
//        help.aliyun.com/zh/sms/developer-reference/smsup-http (also document_detail/101847,
//        knowledge_detail/60127): the body is a JSON array, one object per reply with
//        phone_number, send_time ("2017-09-01 00:00:00", the carrier's push time; one older page
//        shows "20170901000000"), content, sign_name (older pages only), dest_code, sequence_id
//        (Number in older pages, String in the current one). The answer is {"code":0,"msg":…};
//        the platform only checks that code is a number and the HTTP status is 200; anything
//        else (or a timeout) is pushed again after 1, 5 and 10 minutes, then dropped. 5xx is the
//        documented answer for "could not take it now".
//   POST /sms/replies/generic/:secret  any other provider or gateway: {from, text, receivedAt,
//        id?} or an array of them; the answer is {ok, stored, duplicates}.
//   Both are idempotent by (dealership, provider, provider id): sequence_id, the generic `id`,
//   or without one a hash of from|text|receivedAt. A re-pushed batch stores nothing twice.
//
// Delivery (desk users, any role; the desk is the one its session signed in from):
//   POST /sms/replies/claim    {limit}  → {replies: ClaimedReply[], claimTimeoutMs}. Atomically
//        hands out unacknowledged replies nobody holds (or whose claim is older than
//        claimTimeoutMs: that desk crashed), oldest first. A desk that found no message of its
//        own a reply answers may decline it while `mayDecline` (the reply is younger than the
//        hand-off window): the desk that sent the SMS gets the first chance to match it.
//   POST /sms/replies/ack      {ids}   → {acked}. Processed: never handed out again.
//   POST /sms/replies/release  {ids, decline} → {released}. Back to the queue now (decline: not
//        offered to this desk again during the hand-off window).
//   The desk records each reply idempotently by `key` (a replay after a lost ack stores nothing).
import { z } from 'zod';

export const smsReplyPaths = {
  aliyun: '/sms/replies/aliyun/:secret',
  generic: '/sms/replies/generic/:secret',
  claim: '/sms/replies/claim',
  ack: '/sms/replies/ack',
  release: '/sms/replies/release',
} as const;

export const maxReplyBatch = 500;
/** Same cap as messages.receive; a concatenated SMS is far shorter. */
export const maxReplyChars = 1000;
export const maxReplyBodyBytes = 1024 * 1024;
export const maxClaim = 100;

const phoneText = z.string().trim().min(3).max(40).regex(/^[+\d][\d\s()+-]*$/, 'not a phone number');
const idText = z.string().trim().min(1).max(64).regex(/^[\w.:@^-]+$/, 'not an id');

export const AliyunSmsUpSchema = z.object({
  phone_number: phoneText,
  send_time: z.string().trim().max(32),
  content: z.string().max(maxReplyChars),
  sign_name: z.string().max(64).optional(),
  dest_code: z.string().max(32).optional(),
  sequence_id: z.union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).transform(String), idText]),
});
export type AliyunSmsUp = z.infer<typeof AliyunSmsUpSchema>;
export const AliyunSmsUpBatchSchema = z.array(AliyunSmsUpSchema).min(1).max(maxReplyBatch);

/** The documented answer to a push taken; only the numeric code is checked by the platform. */
export const aliyunAccepted = { code: 0, msg: '接收成功' } as const;

export const GenericReplySchema = z.object({
  id: idText.optional(),
  from: phoneText,
  text: z.string().max(maxReplyChars),
  receivedAt: z.iso.datetime({ offset: true }),
});
export const GenericReplyBodySchema = z.union([GenericReplySchema, z.array(GenericReplySchema).min(1).max(maxReplyBatch)]);

/**
 * Alibaba Cloud's send_time is mainland China wall time without an offset ("2017-09-01 00:00:00"
 * or "20170901000000"). null when it is neither.
 */
export function parseAliyunSendTime(value: string): Date | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})[ T]?(\d{2}):?(\d{2}):?(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+08:00`);
  if (Number.isNaN(date.getTime())) return null;
  // Reject rolled-over dates (02-30 → 03-02): the Shanghai wall date must survive the round trip.
  const wall = new Date(date.getTime() + 8 * 3_600_000).toISOString();
  return wall.slice(0, 10) === `${m[1]}-${m[2]}-${m[3]}` ? date : null;
}

export const ClaimRequestSchema = z.strictObject({ limit: z.number().int().min(1).max(maxClaim).default(20) });
export const ReplyIdsSchema = z.array(z.number().int().positive()).min(1).max(maxClaim);
export const AckRequestSchema = z.strictObject({ ids: ReplyIdsSchema });
export const ReleaseRequestSchema = z.strictObject({ ids: ReplyIdsSchema, decline: z.boolean().default(false) });

export const ClaimedReplySchema = z.object({
  id: z.number().int(),
  /** Stable across claims and desks: `<provider>:<provider id>`. */
  key: z.string(),
  from: z.string(),
  text: z.string(),
  receivedAt: z.string(),
  mayDecline: z.boolean(),
});
export type ClaimedReply = z.infer<typeof ClaimedReplySchema>;
export const ClaimResponseSchema = z.object({ replies: z.array(ClaimedReplySchema), claimTimeoutMs: z.number() });
export const AckResponseSchema = z.object({ acked: z.array(z.number().int()) });
export const ReleaseResponseSchema = z.object({ released: z.array(z.number().int()) });
