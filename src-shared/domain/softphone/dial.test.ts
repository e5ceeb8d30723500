import { describe, expect, it } from 'vitest';
import { dialString, dialTarget } from './dial';

describe('dialTarget', () => {
  it('adds the outbound prefix to external numbers only', () => {
    expect(dialTarget('138-1234-5678', { prefix: '9', domain: 'pbx' })).toBe('sip:913812345678@pbx');
    expect(dialTarget('8001', { prefix: '9', domain: 'pbx' })).toBe('sip:8001@pbx');
    expect(dialTarget('913812345678', { prefix: '9', domain: 'pbx' })).toBe('sip:913812345678@pbx');
    expect(dialTarget('tel:+86 138 1234 5678', { prefix: '', domain: 'pbx' })).toBe('sip:+8613812345678@pbx');
  });
  it('rejects input without digits and strips injection attempts', () => {
    expect(dialTarget('abc', { prefix: '', domain: 'x' })).toBeNull();
    expect(dialString('1001>;evil=<sip:x')).toBe('1001');
  });
});
