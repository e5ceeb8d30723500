import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidVin, vinCheckDigit, withCheckDigit } from './vin';

const vinChar = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPRSTUVWXYZ'.split(''));
const vin17 = fc.array(vinChar, { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));

describe('vin properties', () => {
  it('withCheckDigit always yields a valid VIN', () => {
    fc.assert(fc.property(vin17, (vin) => isValidVin(withCheckDigit(vin))));
  });

  it('changing any one non-check character of a valid VIN to another value breaks it, unless weights collide', () => {
    fc.assert(
      fc.property(vin17, fc.integer({ min: 0, max: 16 }), vinChar, (vin, position, replacement) => {
        const valid = withCheckDigit(vin);
        fc.pre(position !== 8 && valid[position] !== replacement);
        const changed = valid.slice(0, position) + replacement + valid.slice(position + 1);
        // Letters share values (A and J are both 1), so equal values keep the VIN valid.
        expect(isValidVin(changed)).toBe(vinCheckDigit(changed) === valid[8]);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof isValidVin(s)).toBe('boolean');
        expect(typeof withCheckDigit(s)).toBe('string');
      }),
    );
  });
});
