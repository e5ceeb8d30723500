import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPlate, normalizePlate, provinceAbbreviations } from './plate';
import { reverseString } from './text';

const plateChar = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split(''));
const plate = fc
  .tuple(fc.constantFrom(...provinceAbbreviations), fc.constantFrom(...'ABCDEFGHJKLMN'.split('')), fc.array(plateChar, { minLength: 5, maxLength: 6 }))
  .map(([p, letter, rest]) => p + letter + rest.join(''));

describe('normalizePlate properties', () => {
  it('is idempotent, consistent and survives its own display form', () => {
    fc.assert(
      fc.property(plate, (p) => {
        const n = normalizePlate(p)!;
        expect(n.plate).toBe(p);
        expect((n.province ?? '') + n.local).toBe(n.plate);
        expect(reverseString(n.reversed)).toBe(n.local);
        expect(normalizePlate(n.plate)).toEqual(n);
        expect(normalizePlate(formatPlate(p))).toEqual(n);
        expect(normalizePlate(` ${p.toLowerCase()} `)).toEqual(n);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (s) => {
        const n = normalizePlate(s);
        if (n) expect(normalizePlate(n.plate)).toEqual(n);
      }),
    );
  });
});
