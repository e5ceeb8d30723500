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
});
