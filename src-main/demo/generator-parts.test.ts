import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from '../../src-shared/domain/dates';
import { normalizePlate } from '../../src-shared/domain/plate';
import { reverseString } from '../../src-shared/domain/text';
import { isValidVin } from '../../src-shared/domain/vin';
import { DemoCalendar } from './calendar';
import { reverseBmp } from './people';
import { Prng } from './prng';
import { carModels } from './pools/vehicles';
import { PlateMaker, VinMaker, modelYearCode } from './vehicle-ids';

describe('Prng', () => {
  it('repeats for a seed and draws UUID v4-shaped ids', () => {
    const a = new Prng(5);
    const b = new Prng(5);
    const ids = Array.from({ length: 1_000 }, () => a.uuid());
    expect(Array.from({ length: 1_000 }, () => b.uuid())).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Prng(6).uuid()).not.toBe(ids[0]);
  });
});

describe('DemoCalendar', () => {
  const calendar = new DemoCalendar('2024-02-29');
  it('agrees with addDays and addMonths of the shared date rules', () => {
    fc.assert(
      fc.property(fc.integer({ min: -29_000, max: 3_000 }), fc.integer({ min: 0, max: 240 }), (offset, months) => {
        const iso = addDays('2024-02-29', offset);
        expect(calendar.iso(offset)).toBe(iso);
        expect(calendar.monthsLater(offset, months)).toBe(daysBetween('2024-02-29', addMonths(iso, months)));
      }),
    );
    expect(calendar.iso(-40_000)).toBe(addDays('2024-02-29', -40_000));
  });
  it('rejects a malformed today', () => {
    expect(() => new DemoCalendar('2024-2-30')).toThrow(/YYYY-MM-DD/);
  });
});

describe('plates and VINs', () => {
  it('makes distinct plates that normalise to themselves', () => {
    const plates = new PlateMaker(new Prng(1));
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const { plate, local } = plates.make(i % 10 ? '粤A' : '湘E', i % 20 === 0 ? 'bev' : i % 33 === 0 ? 'phev' : 'petrol');
      seen.add(plate);
      if (i % 97 === 0) expect(normalizePlate(plate)).toMatchObject({ plate, local });
    }
    expect(seen.size).toBe(100_000);
  });

  it('makes distinct valid VINs carrying the model-year code', () => {
    const vins = new VinMaker(new Prng(2));
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const year = 2012 + (i % 14);
      const vin = vins.make(carModels[i % carModels.length], year);
      expect(isValidVin(vin)).toBe(true);
      expect(vin[9]).toBe(modelYearCode(year));
      seen.add(vin);
    }
    expect(seen.size).toBe(20_000);
    expect(modelYearCode(2019)).toBe('K');
    expect(modelYearCode(2025)).toBe('S');
  });

  it('reverses BMP text like reverseString', () => {
    for (const s of ['粤A12345', '陈晓明', '02087654321', '']) expect(reverseBmp(s)).toBe(reverseString(s));
  });
});
