// Replies to SMS (seed 002): template #4 asks for the repair quality as 很好/良好/一般/较差/很差
// (we also accept the digits 5–1 and "5分"), template #10 asks "如参加请回复Y". Carriers'
// unsubscribe words (TD, 退订, T, N退订, STOP) opt the number out. A reply is matched to the
// latest message sent to the same number within `maxAgeDays` that expects that kind of reply.
export type ParsedReply =
  | { kind: 'rating'; score: 1 | 2 | 3 | 4 | 5 }
  | { kind: 'rsvp'; attending: boolean }
  | { kind: 'opt_out' }
  | { kind: 'text' };

const ratingWords: Record<string, 1 | 2 | 3 | 4 | 5> = { 很好: 5, 非常好: 5, 良好: 4, 好: 4, 一般: 3, 较差: 2, 差: 2, 很差: 1, 非常差: 1 };

function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s“”"'‘’。.!!,,、]/g, '')
    .toUpperCase();
}

export function parseReply(text: string): ParsedReply {
  const t = normalize(text);
  if (/^(TD|T|退订|N?退订|STOP|UNSUBSCRIBE|取消订阅|退)$/.test(t)) return { kind: 'opt_out' };
  if (/^(Y|YES|是|参加|好的参加|确认参加)$/.test(t)) return { kind: 'rsvp', attending: true };
  if (/^(N|NO|不参加|否)$/.test(t)) return { kind: 'rsvp', attending: false };
  const digit = /^([1-5])分?$/.exec(t);
  if (digit) return { kind: 'rating', score: Number(digit[1]) as 1 | 2 | 3 | 4 | 5 };
  if (Object.prototype.hasOwnProperty.call(ratingWords, t)) return { kind: 'rating', score: ratingWords[t] };
  return { kind: 'text' };
}

export interface SentMessageRef {
  id: number;
  customerId: number | null;
  /** Normalized number the message went to. */
  phone: string;
  sentAt: Date;
  expectsReply: 'rating' | 'rsvp' | null;
}

export interface ReplyMatch {
  parsed: ParsedReply;
  /** The message answered, when the reply is a rating or RSVP to one. */
  message: SentMessageRef | null;
  customerId: number | null;
}

export function matchReply(phone: string, text: string, receivedAt: Date, sent: readonly SentMessageRef[], maxAgeDays = 14): ReplyMatch {
  const parsed = parseReply(text);
  const mine = sent
    .filter((m) => m.phone === phone && m.sentAt.getTime() <= receivedAt.getTime() && receivedAt.getTime() - m.sentAt.getTime() <= maxAgeDays * 86_400_000)
    .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime());
  const wanted = parsed.kind === 'rating' || parsed.kind === 'rsvp' ? parsed.kind : null;
  const message = wanted ? mine.find((m) => m.expectsReply === wanted) ?? null : null;
  // "N" is both an RSVP decline and a carrier opt-out word: without an invitation to answer it is not a decline.
  const effective: ParsedReply = parsed.kind === 'rsvp' && !message && !parsed.attending ? { kind: 'text' } : parsed;
  return { parsed: effective, message, customerId: message?.customerId ?? mine[0]?.customerId ?? null };
}
