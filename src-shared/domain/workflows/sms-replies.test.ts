import { describe, expect, it } from 'vitest';
import { matchReply, parseReply, type SentMessageRef } from './sms-replies';

describe('SMS replies (seed 002 templates #4 and #10)', () => {
  it('parses ratings, RSVPs and opt-outs', () => {
    expect(parseReply('很好')).toEqual({ kind: 'rating', score: 5 });
    expect(parseReply(' 较差。')).toEqual({ kind: 'rating', score: 2 });
    expect(parseReply('4')).toEqual({ kind: 'rating', score: 4 });
    expect(parseReply('３分')).toEqual({ kind: 'rating', score: 3 });
    expect(parseReply('y')).toEqual({ kind: 'rsvp', attending: true });
    expect(parseReply('Ｙ')).toEqual({ kind: 'rsvp', attending: true });
    expect(parseReply('TD')).toEqual({ kind: 'opt_out' });
    expect(parseReply('退订')).toEqual({ kind: 'opt_out' });
    expect(parseReply('车什么时候能修好')).toEqual({ kind: 'text' });
    expect(parseReply('6')).toEqual({ kind: 'text' });
  });
  it('matches a reply to the latest message to that number that asked for it', () => {
    const sent: SentMessageRef[] = [
      { id: 1, customerId: 10, phone: '13800000001', sentAt: new Date('2026-11-01T02:00:00Z'), expectsReply: 'rating' },
      { id: 2, customerId: 10, phone: '13800000001', sentAt: new Date('2026-11-20T02:00:00Z'), expectsReply: 'rsvp' },
      { id: 3, customerId: 10, phone: '13800000001', sentAt: new Date('2026-11-24T02:00:00Z'), expectsReply: 'rating' },
      { id: 4, customerId: 11, phone: '13800000002', sentAt: new Date('2026-11-25T02:00:00Z'), expectsReply: 'rating' },
    ];
    const now = new Date('2026-11-25T03:00:00Z');
    expect(matchReply('13800000001', '5', now, sent).message?.id).toBe(3);
    expect(matchReply('13800000001', 'Y', now, sent).message?.id).toBe(2);
    expect(matchReply('13800000002', '一般', now, sent)).toMatchObject({ customerId: 11, message: { id: 4 }, parsed: { score: 3 } });
    // too old: 14 days
    expect(matchReply('13800000001', 'Y', new Date('2026-12-10T03:00:00Z'), sent).message).toBeNull();
    // unknown number
    expect(matchReply('13900000000', '5', now, sent)).toMatchObject({ message: null, customerId: null });
  });
});
