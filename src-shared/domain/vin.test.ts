import { describe, expect, it } from 'vitest';
import { isValidVin, normalizeVin, vinCheckDigit, withCheckDigit } from './vin';

describe('vinCheckDigit', () => {
  it('computes X for the classic example', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(vinCheckDigit('1M8GDM9A0KP042788')).toBe('X');
  });

  it('computes numeric check digits', () => {
    expect(vinCheckDigit('1HGCM82633A004352')).toBe('3');
    expect(vinCheckDigit('11111111111111111')).toBe('1');
  });

  it('returns an empty string when no check digit exists', () => {
    expect(vinCheckDigit('1M8GDM9AXKP04278')).toBe('');
    expect(vinCheckDigit('1M8GDM9AXKP0427O8')).toBe('');
    expect(vinCheckDigit('')).toBe('');
  });
});

describe('isValidVin', () => {
  it('accepts known valid VINs', () => {
    expect(isValidVin('1M8GDM9AXKP042788')).toBe(true);
    expect(isValidVin('1HGCM82633A004352')).toBe(true);
    expect(isValidVin('11111111111111111')).toBe(true);
    expect(isValidVin('JH4KA7561PC008269')).toBe(true);
  });

  it('accepts lower-case, full-width and spaced input', () => {
    expect(isValidVin('1m8gdm9axkp042788')).toBe(true);
    expect(isValidVin('1M8 GDM9AX-KP042788')).toBe(true);
    expect(isValidVin('１Ｍ８ＧＤＭ９ＡＸＫＰ０４２７８８')).toBe(true);
  });

  it('rejects a wrong check digit, bad letters and wrong length', () => {
    expect(isValidVin('1M8GDM9A1KP042788')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP04278')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP0427888')).toBe(false);
    expect(isValidVin('IM8GDM9AXKP042788')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP0427Q8')).toBe(false);
    expect(isValidVin('')).toBe(false);
  });

  it('notices a single changed character', () => {
    expect(isValidVin('1M8GDM9AXKP042789')).toBe(false);
    expect(isValidVin('2M8GDM9AXKP042788')).toBe(false);
  });
});

describe('normalizeVin', () => {
  it('upper-cases, converts full width and strips spaces and dashes', () => {
    expect(normalizeVin(' lfv2a21k-5 6 3 1 2 3 4 5 6 ')).toBe('LFV2A21K563123456');
    expect(normalizeVin('ＬＦＶ')).toBe('LFV');
  });
});

describe('withCheckDigit', () => {
  it('fills in position 9', () => {
    expect(withCheckDigit('1M8GDM9A0KP042788')).toBe('1M8GDM9AXKP042788');
    expect(withCheckDigit('jh4ka7560pc008269')).toBe('JH4KA7561PC008269');
  });

  it('returns input it cannot complete unchanged (normalised)', () => {
    expect(withCheckDigit('abc')).toBe('ABC');
  });
});
