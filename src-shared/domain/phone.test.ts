import { describe, expect, it } from 'vitest';
import { formatPhone, maskPhone, normalizePhone, splitPhoneList } from './phone';

describe('normalizePhone: mobiles', () => {
  it('accepts the usual spellings', () => {
    for (const raw of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '(138)1234.5678',
      '+86 138 1234 5678',
      '+86-13812345678',
      '0086 138 1234 5678',
      '8613812345678',
      '013812345678',
      '１３８１２３４５６７８',
      '＋８６　１３８－１２３４－５６７８',
      '138—1234—5678',
      '138、1234。5678',
      'tel:+8613812345678',
      'sip:+8613812345678@pbx.local',
      'SIP:013812345678@10.0.0.1:5060;transport=udp',
      "'13812345678",
      '="13812345678"',
      '手机：13812345678',
      '\ufeff13812345678\u200b',
    ]) {
      expect(normalizePhone(raw), raw).toEqual({ normalized: '13812345678', kind: 'mobile' });
    }
  });

  it('knows all mobile prefixes 13–19 only', () => {
    expect(normalizePhone('19912345678')?.kind).toBe('mobile');
    expect(normalizePhone('16612345678')?.kind).toBe('mobile');
    expect(normalizePhone('12012345678')?.kind).toBe('other');
  });
});

describe('normalizePhone: landlines', () => {
  it('keeps trunk 0 and area code', () => {
    expect(normalizePhone('020-12345678')).toEqual({ normalized: '02012345678', kind: 'landline', areaCode: '020' });
    expect(normalizePhone('(010) 8765 4321')).toEqual({ normalized: '01087654321', kind: 'landline', areaCode: '010' });
    expect(normalizePhone('0755-12345678')).toEqual({ normalized: '075512345678', kind: 'landline', areaCode: '0755' });
    expect(normalizePhone('0571 12345678')).toEqual({ normalized: '057112345678', kind: 'landline', areaCode: '0571' });
    expect(normalizePhone('0898-6123456')).toEqual({ normalized: '08986123456', kind: 'landline', areaCode: '0898' });
  });

  it('restores the trunk 0 after a country code', () => {
    for (const raw of ['+86 20 1234 5678', '+86 (0)20 1234 5678', '0086-20-12345678', '862012345678', 'tel:+86-20-12345678']) {
      expect(normalizePhone(raw), raw).toEqual({ normalized: '02012345678', kind: 'landline', areaCode: '020' });
    }
    expect(normalizePhone('+86 755 1234 5678')?.normalized).toBe('075512345678');
  });

  it('accepts local numbers without area code', () => {
    expect(normalizePhone('8765 4321')).toEqual({ normalized: '87654321', kind: 'landline' });
    expect(normalizePhone('6123456')).toEqual({ normalized: '6123456', kind: 'landline' });
    expect(normalizePhone('8612345')).toEqual({ normalized: '8612345', kind: 'landline' });
  });
});

describe('normalizePhone: extensions', () => {
  it('splits extensions off after the usual markers', () => {
    const cases: [string, string][] = [
      ['020-12345678 ext 123', '123'],
      ['020-12345678 ext. 123', '123'],
      ['020-12345678x123', '123'],
      ['020-12345678 X 123', '123'],
      ['020-12345678转123', '123'],
      ['020-12345678 转分机 123', '123'],
      ['020-12345678#123', '123'],
      ['020-12345678,123', '123'],
      ['020-12345678,,123', '123'],
      ['tel:+86-20-12345678;ext=123', '123'],
      ['020-12345678-123', '123'],
      ['（020）12345678－123', '123'],
    ];
    for (const [raw, ext] of cases) {
      expect(normalizePhone(raw), raw).toEqual({ normalized: '02012345678', kind: 'landline', areaCode: '020', extension: ext });
    }
  });

  it('splits extensions off mobiles and 400 numbers', () => {
    expect(normalizePhone('13812345678转8001')).toEqual({ normalized: '13812345678', kind: 'mobile', extension: '8001' });
    expect(normalizePhone('400-123-4567-2')).toEqual({ normalized: '4001234567', kind: 'service', extension: '2' });
  });

  it('ignores a marker without digits', () => {
    expect(normalizePhone('13812345678#')).toEqual({ normalized: '13812345678', kind: 'mobile' });
    expect(normalizePhone('13812345678 ext')).toEqual({ normalized: '13812345678', kind: 'mobile' });
  });

  it('rejects a second full number where an extension should be', () => {
    expect(normalizePhone('13812345678,13912345678')).toBeNull();
    expect(normalizePhone('13812345678;13912345678')).toBeNull();
  });
});

describe('normalizePhone: service and other numbers', () => {
  it('classes 400/800, 95xxx/96xxx and carrier short numbers as service', () => {
    expect(normalizePhone('400-123-4567')).toEqual({ normalized: '4001234567', kind: 'service' });
    expect(normalizePhone('800 810 8888')).toEqual({ normalized: '8008108888', kind: 'service' });
    expect(normalizePhone('+86 400 123 4567')).toEqual({ normalized: '4001234567', kind: 'service' });
    for (const n of ['95588', '955331', '96196', '10086', '12345', '12315', '114', '110', '119', '120', '122']) {
      expect(normalizePhone(n), n).toEqual({ normalized: n, kind: 'service' });
    }
  });

  it('keeps anything else of 3–20 digits as other', () => {
    expect(normalizePhone('123456')).toEqual({ normalized: '123456', kind: 'other' });
    expect(normalizePhone('0123')).toEqual({ normalized: '0123', kind: 'other' });
    expect(normalizePhone('12345678901234567890')).toEqual({ normalized: '12345678901234567890', kind: 'other' });
  });

  it('only strips a bare 86 in front of a complete number', () => {
    expect(normalizePhone('8612345')?.normalized).toBe('8612345');
    expect(normalizePhone('86110')).toEqual({ normalized: '86110', kind: 'other' });
    expect(normalizePhone('864001234567')?.normalized).toBe('4001234567');
  });

  it('keeps foreign numbers behind the international prefix 00', () => {
    expect(normalizePhone('+852 9123 4567')).toEqual({ normalized: '0085291234567', kind: 'other' });
    expect(normalizePhone('001 415 555 1234')).toEqual({ normalized: '0014155551234', kind: 'other' });
    expect(normalizePhone('+86 12')).toEqual({ normalized: '008612', kind: 'other' });
  });
});

describe('normalizePhone: rejects', () => {
  it('returns null for no digits, too few or too many digits, letters and masks', () => {
    for (const raw of ['', '   ', 'abc', '无', '12', '123456789012345678901', '138****5678', '138abc45678', '138 1234 5678 手机', 'sip:alice@pbx.local', '1+3812345678', '++8613812345678']) {
      expect(normalizePhone(raw), raw).toBeNull();
    }
  });

  it('tolerates non-string input', () => {
    expect(normalizePhone(undefined as unknown as string)).toBeNull();
  });
});

describe('formatPhone', () => {
  it('formats by kind', () => {
    expect(formatPhone('13812345678')).toBe('138 1234 5678');
    expect(formatPhone('02012345678')).toBe('020-1234 5678');
    expect(formatPhone('075512345678')).toBe('0755-1234 5678');
    expect(formatPhone('08986123456')).toBe('0898-612 3456');
    expect(formatPhone('87654321')).toBe('8765 4321');
    expect(formatPhone('4001234567')).toBe('400-123-4567');
    expect(formatPhone('95588')).toBe('95588');
    expect(formatPhone('0085291234567')).toBe('0085291234567');
    expect(formatPhone('not a number')).toBe('not a number');
  });
});

describe('maskPhone', () => {
  it('masks by kind', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('02012345678')).toBe('020-****5678');
    expect(maskPhone('075512345678')).toBe('0755-****5678');
    expect(maskPhone('08986123456')).toBe('0898-***3456');
    expect(maskPhone('87654321')).toBe('****4321');
    expect(maskPhone('4001234567')).toBe('400***4567');
    expect(maskPhone('0085291234567')).toBe('008******4567');
    expect(maskPhone('10086')).toBe('***86');
    expect(maskPhone('110')).toBe('*10');
  });

  it('never shows the full number of anything longer than 2 digits', () => {
    for (const n of ['13812345678', '02012345678', '87654321', '4001234567', '95588', '123', '1234567']) {
      expect(maskPhone(n)).toContain('*');
    }
  });
});

describe('splitPhoneList', () => {
  it('splits cells holding several numbers', () => {
    expect(splitPhoneList('13812345678/13912345678')).toEqual(['13812345678', '13912345678']);
    expect(splitPhoneList('13812345678，020-12345678、0755-1234567')).toEqual(['13812345678', '020-12345678', '0755-1234567']);
    expect(splitPhoneList('13812345678\n13912345678; 87654321')).toEqual(['13812345678', '13912345678', '87654321']);
  });

  it('keeps extensions and short pieces with their number', () => {
    expect(splitPhoneList('020-12345678,123')).toEqual(['020-12345678,123']);
    expect(splitPhoneList('tel:+86-20-12345678;ext=123')).toEqual(['tel:+86-20-12345678;ext=123']);
    expect(splitPhoneList('0755/12345678')).toEqual(['0755/12345678']);
    expect(splitPhoneList('')).toEqual([]);
  });
});
