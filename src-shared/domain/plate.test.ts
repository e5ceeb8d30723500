import { describe, expect, it } from 'vitest';
import { formatPlate, normalizePlate, provinceAbbreviations } from './plate';

describe('normalizePlate', () => {
  it('splits province and local part and reverses the local part', () => {
    expect(normalizePlate('粤B12345')).toEqual({ plate: '粤B12345', province: '粤', local: 'B12345', reversed: '54321B' });
  });

  it('removes separators, upper-cases and converts full-width characters', () => {
    for (const raw of ['粤b·12345', ' 粤 B 12345 ', '粤B-12345', '粤B.12345', '粤B•12345', '粤B_12345', '粤Ｂ１２３４５', '粤B\u300012345']) {
      expect(normalizePlate(raw)?.plate).toBe('粤B12345');
    }
  });

  it('accepts 8-character new-energy plates', () => {
    expect(normalizePlate('京AD12345')).toEqual({ plate: '京AD12345', province: '京', local: 'AD12345', reversed: '54321DA' });
    expect(normalizePlate('沪A·12345F')?.local).toBe('A12345F');
  });

  it('accepts special suffixes', () => {
    expect(normalizePlate('粤B1234学')?.local).toBe('B1234学');
    expect(normalizePlate('京A1234警')?.local).toBe('A1234警');
    expect(normalizePlate('鲁B1234挂')?.local).toBe('B1234挂');
    expect(normalizePlate('沪A1234领')?.reversed).toBe('领4321A');
    expect(normalizePlate('粤Z1234港')?.local).toBe('Z1234港');
  });

  it('keeps plates without a province (local part only, embassy plates)', () => {
    expect(normalizePlate('b12345')).toEqual({ plate: 'B12345', province: null, local: 'B12345', reversed: '54321B' });
    expect(normalizePlate('使014578')).toEqual({ plate: '使014578', province: null, local: '使014578', reversed: '875410使' });
  });

  it('knows every province abbreviation', () => {
    expect(provinceAbbreviations).toHaveLength(31);
    for (const p of provinceAbbreviations) expect(normalizePlate(`${p}A12345`)?.province).toBe(p);
  });

  it('rejects empty input and foreign characters', () => {
    for (const raw of ['', '   ', '·-', '粤', '粤B12345!', '粤B粤12345', '无牌', 'B 123 &']) expect(normalizePlate(raw)).toBeNull();
  });
});

describe('formatPlate', () => {
  it('puts the middle dot after the issuing-authority letter', () => {
    expect(formatPlate('粤B12345')).toBe('粤B·12345');
    expect(formatPlate('京ad12345')).toBe('京A·D12345');
    expect(formatPlate('粤 B-1234学')).toBe('粤B·1234学');
  });

  it('shows plates without a province, and unparseable input, unchanged', () => {
    expect(formatPlate('b12345')).toBe('B12345');
    expect(formatPlate('无牌')).toBe('无牌');
  });
});
