import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone, type NormalizedPhone } from './phone';
import { toHalfWidth } from './text';

const digit = fc.constantFrom(...'0123456789'.split(''));
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const nonZero = fc.constantFrom(...'123456789'.split(''));

const mobile = fc.tuple(fc.constantFrom(...'3456789'.split('')), digits(9)).map(([b, rest]) => `1${b}${rest}`);
const areaCode = fc.oneof(
  fc.constant('010'),
  digit.map((d) => `02${d}`),
  // 0400 and 0800 are not area codes: without the trunk 0 they would be 400/800 service numbers.
  fc.tuple(fc.constantFrom(...'3456789'.split('')), digits(2)).map(([a, b]) => `0${a}${b}`).filter((code) => code !== '0400' && code !== '0800'),
);
const landline = fc
  .tuple(areaCode, nonZero, digits(7), fc.boolean())
  .map(([area, first, rest, short]) => area + first + (area.length === 4 && short ? rest.slice(1) : rest));
const tollFree = fc.tuple(fc.constantFrom('400', '800'), digits(7)).map(([p, rest]) => p + rest);

const separator = fc.constantFrom('', ' ', '-', '.', '/', '—', '、', '  ', ' - ', '·');

/** Splits the digits at random points and joins the groups with random separators. */
function spaced(number: string): fc.Arbitrary<string> {
  return fc.array(fc.tuple(fc.integer({ min: 1, max: number.length - 1 }), separator), { maxLength: 4 }).map((cuts) => {
    const sorted = [...new Map(cuts.map(([at, sep]) => [at, sep])).entries()].sort((a, b) => a[0] - b[0]);
    let out = '';
    let from = 0;
    for (const [at, sep] of sorted) {
      out += number.slice(from, at) + sep;
      from = at;
    }
    return out + number.slice(from);
  });
}

const prefixed = (kind: 'mobile' | 'landline' | 'tollFree', n: string) => {
  const national = kind === 'landline' ? n.slice(1) : n;
  const options = ['', '+86 ', '+86', '0086 ', '0086-', '86'].map((p) => (p ? p + national : n));
  if (kind === 'mobile') options.push('0' + n, '+86 0' + n);
  if (kind === 'landline') options.push('+86 (0)' + national, '(' + n.slice(0, n.startsWith('01') || n.startsWith('02') ? 3 : 4) + ')' + n.slice(n.startsWith('01') || n.startsWith('02') ? 3 : 4));
  return fc.constantFrom(...options);
};

const extension = fc.option(
  fc.tuple(fc.constantFrom(' ext ', 'ext.', 'x', ' X', '转', '#', ',', ';ext=', ' 分机 '), fc.integer({ min: 0, max: 99999 })).map(([m, e]) => [m, String(e)] as const),
  { nil: null },
);

const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

function variant(kind: 'mobile' | 'landline' | 'tollFree', number: fc.Arbitrary<string>) {
  return number.chain((n) =>
    fc.record({
      n: fc.constant(n),
      text: prefixed(kind, n).chain(spaced),
      ext: extension,
      wide: fc.boolean(),
      uri: fc.constantFrom('', 'tel:', 'sip:', 'TEL:'),
      host: fc.constantFrom('', '@pbx.local', '@10.1.1.1:5060'),
    }),
  );
}

const strip = (p: NormalizedPhone | null) => p && { normalized: p.normalized, kind: p.kind, areaCode: p.areaCode };

describe('normalizePhone properties', () => {
  for (const [kind, arb, expected] of [
    ['mobile', mobile, 'mobile'],
    ['landline', landline, 'landline'],
    ['tollFree', tollFree, 'service'],
  ] as const) {
    it(`every spelling of a ${kind} number normalizes to the same value`, () => {
      fc.assert(
        fc.property(variant(kind, arb), ({ n, text, ext, wide, uri, host }) => {
          const body = text + (ext ? ext[0] + ext[1] : '');
          const raw = uri + (wide ? fullWidth(body) : body) + (uri ? host : '');
          const got = normalizePhone(raw);
          expect(got?.normalized, raw).toBe(n);
          expect(got?.kind, raw).toBe(expected);
          expect(got?.extension, raw).toBe(ext ? ext[1] : undefined);
          if (kind === 'landline') expect(n.startsWith(got!.areaCode!), raw).toBe(true);
        }),
        { numRuns: 400 },
      );
    });
  }

  const phoneish = fc.array(fc.constantFrom(...'0123456789 +-().#,x转86'.split(''), '0086', '+86', 'ext', '１', '８'), { maxLength: 30 }).map((a) => a.join(''));
  const anyString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), phoneish, fc.stringMatching(/^[0-9]{0,24}$/));

  it('is idempotent and outputs digits only', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const n = normalizePhone(s);
        if (n === null) return;
        expect(n.normalized).toMatch(/^\d{3,20}$/);
        if (n.extension !== undefined) expect(n.extension).toMatch(/^\d{1,6}$/);
        expect(strip(normalizePhone(n.normalized))).toEqual(strip(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws and rejects strings without digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ maxLength: 400 })), (s) => {
        const n = normalizePhone(s);
        if (!/\d/.test(toHalfWidth(s))) expect(n).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});
