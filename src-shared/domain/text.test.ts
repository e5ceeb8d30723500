import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reverseString, toHalfWidth } from './text';

describe('toHalfWidth', () => {
  it('converts full-width digits, letters and punctuation', () => {
    expect(toHalfWidth('１３８－１２３４　５６７８')).toBe('138-1234 5678');
    expect(toHalfWidth('ＡＢＣａｂｃ！～（）')).toBe('ABCabc!~()');
  });

  it('leaves other characters alone', () => {
    expect(toHalfWidth('粤B·12345 – 、')).toBe('粤B·12345 – 、');
    expect(toHalfWidth('')).toBe('');
    expect(toHalfWidth('\uff00\uff5f')).toBe('\uff00\uff5f');
  });
});

describe('reverseString', () => {
  it('reverses by code points', () => {
    expect(reverseString('B12345')).toBe('54321B');
    expect(reverseString('张三丰')).toBe('丰三张');
    expect(reverseString('a𠮷b')).toBe('b𠮷a');
    expect(reverseString('')).toBe('');
  });

  it('agrees with reversing Array.from for any UTF-16 text, lone surrogates and long text included', () => {
    const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), codeUnits), (s) => reverseString(s) === Array.from(s).reverse().join('')), { numRuns: 500 });
    const long = '粤A𠮷'.repeat(2000);
    expect(reverseString(long)).toBe(Array.from(long).reverse().join(''));
  });

  it('leaves half-width text as it is', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => toHalfWidth(s).length === s.length && (/[\uff01-\uff5e\u3000]/.test(s) || toHalfWidth(s) === s)));
  });
});
