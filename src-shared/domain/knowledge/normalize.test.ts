import { describe, expect, it } from 'vitest';
import { modelKey, normalizeText, parseChineseNumber } from './normalize';

describe('normalizeText', () => {
  it('folds full-width letters, digits and punctuation to half-width', () => {
    expect(normalizeText('ＣＲ－Ｖ　Ｐ０４２０')).toBe('CRV P0420');
  });

  it('joins model names and codes written with inner punctuation', () => {
    expect(normalizeText('CR-V')).toBe('CRV');
    expect(normalizeText('致在 ZR-V')).toBe('致在 ZRV');
    expect(normalizeText('e:PHEV')).toBe('ePHEV');
    expect(normalizeText('0W-20机油')).toBe('0W20机油');
  });

  it('writes every spelling of a distance the same way', () => {
    const forms = ['5000公里', '5千公里', '五千公里', '5000km', '5000 KM', '5k公里', '5000千米'];
    for (const form of forms) expect(normalizeText(form).trim(), form).toBe('5000 km');
    expect(normalizeText('1.5万公里').trim()).toBe('15000 km');
    expect(normalizeText('两万公里').trim()).toBe('20000 km');
    expect(normalizeText('三万五千公里').trim()).toBe('35000 km');
  });

  it('leaves other numbers and case alone', () => {
    expect(normalizeText('3年或10万公里').trim()).toBe('3年或100000 km');
    expect(normalizeText('Honda SENSING 2.0')).toBe('Honda SENSING 2.0');
  });
});

describe('parseChineseNumber', () => {
  it('reads colloquial numerals', () => {
    expect(parseChineseNumber('五千')).toBe(5000);
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('一万二千')).toBe(12000);
    expect(parseChineseNumber('五百')).toBe(500);
    expect(parseChineseNumber('公里')).toBeNull();
  });
});

describe('modelKey', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(modelKey('致在 ZR-V')).toBe(modelKey('致在zrv'));
    expect(modelKey('雅阁 锐·混动')).toBe('雅阁锐混动');
  });
});
