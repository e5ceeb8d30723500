import { describe, expect, it } from 'vitest';
import { checkVin, cleanCell, isScientificNotation, parseDate, parseGender, parseMileage, parseModelYear } from './field-values';

describe('parseDate', () => {
  it.each([
    ['2023-05-01', '2023-05-01'], ['2023/5/1', '2023-05-01'], ['2023.5.1', '2023-05-01'], ['2023年5月1日', '2023-05-01'],
    ['20230501', '2023-05-01'], ['45047', '2023-05-01'], ['2023/5/1 0:00', '2023-05-01'], ['2023-05-01 13:45:10', '2023-05-01'],
    ['２０２３－０５－０１', '2023-05-01'], ['25/12/2023', '2023-12-25'], ['12/25/2023', '2023-12-25'], ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (raw, iso) => {
    expect(parseDate(raw)).toEqual({ value: iso });
  });

  it.each([
    ['2023-02-29', 'date_invalid'], ['2023-13-01', 'date_invalid'], ['05/06/2023', 'date_ambiguous'], ['yesterday', 'date_invalid'],
    ['123', 'date_invalid'], ['2023-5', 'date_invalid'], ['1850-01-01', 'date_out_of_range'],
  ])('rejects %s as %s', (raw, code) => {
    expect(parseDate(raw)).toEqual({ error: { code, params: { value: raw } } });
  });
});

describe('other fields', () => {
  it('gender', () => {
    expect(parseGender('男')).toEqual({ value: 'M' });
    expect(parseGender('女士')).toEqual({ value: 'F' });
    expect(parseGender('m')).toEqual({ value: 'M' });
    expect(parseGender('未知')).toEqual({ error: { code: 'gender_invalid', params: { value: '未知' } } });
  });

  it('mileage', () => {
    expect(parseMileage('45,000公里')).toEqual({ value: 45000 });
    expect(parseMileage('8000km')).toEqual({ value: 8000 });
    expect(parseMileage('1.2万公里')).toEqual({ value: 12000 });
    expect(parseMileage('12345 KM')).toEqual({ value: 12345 });
    expect(parseMileage('很多')).toEqual({ error: { code: 'mileage_invalid', params: { value: '很多' } } });
    expect(parseMileage('400万公里')).toEqual({ error: { code: 'mileage_implausible', params: { km: '4000000' } } });
  });

  it('model year', () => {
    const now = new Date('2024-05-01T00:00:00Z');
    expect(parseModelYear('2021款', now)).toEqual({ value: 2021 });
    expect(parseModelYear('2031', now)).toHaveProperty('error');
  });

  it('scientific notation from Excel is recognised', () => {
    expect(isScientificNotation('1.38123E+10')).toBe(true);
    expect(isScientificNotation('13812345678')).toBe(false);
  });

  it('cleanCell strips export markers and placeholder values', () => {
    expect(cleanCell('\t13812345678')).toBe('13812345678');
    expect(cleanCell(" '0755123")).toBe("'0755123");
    expect(cleanCell("'0755123")).toBe('0755123');
    expect(cleanCell(' 无 ')).toBe('');
    expect(cleanCell('--')).toBe('');
  });

  it('VIN: shape is an error, a wrong check digit a warning', () => {
    expect(checkVin('lsvam4187c2184847')).toEqual({ vin: 'LSVAM4187C2184847' });
    expect(checkVin('LSVAM4187C2184848')).toEqual({
      vin: 'LSVAM4187C2184848',
      warning: { code: 'vin_check_digit', params: { value: 'LSVAM4187C2184848', actual: '7', expected: '9' } },
    });
    expect(checkVin('LSVAM41')).toEqual({ error: { code: 'vin_length', params: { value: 'LSVAM41', length: '7' } } });
    expect(checkVin('LSVAM4187C218484O')).toMatchObject({ error: { code: 'vin_characters' } });
  });
});
