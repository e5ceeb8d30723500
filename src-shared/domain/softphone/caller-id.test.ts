import { describe, expect, it } from 'vitest';
import { extractCallerId, parseNameAddr } from './caller-id';

describe('extractCallerId', () => {
  it('prefers a tel: P-Asserted-Identity over From', () => {
    const c = extractCallerId({ pAssertedIdentity: ['"王先生" <sip:13812345678@pbx.local>, <tel:+8613812345678>'], from: '"anonymous" <sip:anonymous@anonymous.invalid>' });
    expect(c.source).toBe('p-asserted-identity');
    expect(c.normalized).toBe('13812345678');
    expect(c.displayName).toBe('王先生');
  });

  it('falls back to From when PAI is absent or not a number', () => {
    expect(extractCallerId({ from: '"李四" <sip:075512345678@10.0.0.1;user=phone>;tag=abc' })).toMatchObject({ source: 'from', number: '075512345678', normalized: '075512345678', displayName: '李四' });
    expect(extractCallerId({ pAssertedIdentity: '<sip:queue@pbx>', from: '<sip:13912345678@pbx>' })).toMatchObject({ source: 'from', normalized: '13912345678' });
  });

  it('handles a bare addr-spec and percent-encoded user', () => {
    expect(parseNameAddr('sip:%2B8613812345678@x;tag=1')).toEqual({ displayName: '', user: '+8613812345678' });
  });

  it('keeps hostile display names as capped plain text', () => {
    const long = '"' + '<script>alert(1)</script>\'; DROP TABLE customers;-- 你好'.repeat(40) + '" <sip:13812345678@evil>';
    const c = extractCallerId({ from: long });
    expect(Array.from(c.displayName).length).toBeLessThanOrEqual(80);
    expect(c.displayName.startsWith('<script>')).toBe(true);
    expect(c.normalized).toBe('13812345678');
  });

  it('strips control and bidi characters and survives garbage', () => {
    const c = extractCallerId({ from: '"a\u202eb\u0000c\r\nd" <sip:1001@x>' });
    expect(c.displayName).toBe('a b c d');
    for (const junk of ['', '<<<>>>', '"unterminated <sip:', 'sip:@', ';;;', 'x'.repeat(100_000)]) {
      expect(() => extractCallerId({ from: junk, pAssertedIdentity: junk })).not.toThrow();
    }
    expect(extractCallerId({}).source).toBe('none');
  });

  it('caps an absurdly long number', () => {
    const c = extractCallerId({ from: `<sip:${'9'.repeat(5000)}@x>` });
    expect(c.number.length).toBeLessThanOrEqual(40);
    expect(c.normalized).toBeNull();
  });
});
