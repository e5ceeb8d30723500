import { describe, expect, it } from 'vitest';
import { AliyunSmsUpBatchSchema, GenericReplyBodySchema, parseAliyunSendTime } from './sms-reply-protocol';

describe('Alibaba Cloud SmsUp push', () => {
  it('reads send_time as Beijing time in both documented spellings, and nothing else', () => {
    expect(parseAliyunSendTime('2017-09-01 00:00:00')?.toISOString()).toBe('2017-08-31T16:00:00.000Z');
    expect(parseAliyunSendTime('20170901000000')?.toISOString()).toBe('2017-08-31T16:00:00.000Z');
    expect(parseAliyunSendTime('2026-02-30 10:00:00')).toBeNull();
    expect(parseAliyunSendTime('2026-11-26 25:00:00')).toBeNull();
    expect(parseAliyunSendTime('yesterday')).toBeNull();
  });

  it('takes sequence_id as a number (older pages) or a string (current page), with or without sign_name', () => {
    const parsed = AliyunSmsUpBatchSchema.parse([
      { phone_number: '13811110000', send_time: '2017-09-01 00:00:00', content: '内容', sign_name: '签名', dest_code: '1234', sequence_id: 1234567890 },
      { phone_number: '13811110000', send_time: '2017-09-01 00:00:00', content: '内容', dest_code: '1234', sequence_id: '1234567891', extra: 'ignored' },
    ]);
    expect(parsed.map((r) => r.sequence_id)).toEqual(['1234567890', '1234567891']);
    expect(AliyunSmsUpBatchSchema.safeParse([{ phone_number: '13811110000', send_time: 'x', content: '1', sequence_id: 1.5 }]).success).toBe(false);
  });

  it('takes the generic form as one reply or a list', () => {
    const one = { from: '13800138001', text: 'Y', receivedAt: '2026-11-26T11:05:00+08:00' };
    expect(GenericReplyBodySchema.safeParse(one).success).toBe(true);
    expect(GenericReplyBodySchema.safeParse([one, { ...one, id: 'gw-1' }]).success).toBe(true);
    expect(GenericReplyBodySchema.safeParse({ ...one, receivedAt: '2026-11-26 11:05' }).success).toBe(false);
  });
});
