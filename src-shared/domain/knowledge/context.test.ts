import { describe, expect, it } from 'vitest';
import { contextFit, modelMatches } from './context';

const article = { category: 'maintenance' as const, models: ['雅阁'], mileage: { min: 0, max: 5000 }, ageMonths: { min: null, max: 6 } };

describe('contextFit', () => {
  it('is neutral without a context', () => {
    expect(contextFit(article, undefined)).toEqual({ factor: 1, fits: false });
  });

  it('raises articles that fit the call and lowers those written for other cars', () => {
    const fits = contextFit(article, { category: 'maintenance', model: '雅阁 锐·混动', mileageKm: 3200, vehicleAgeMonths: 4 });
    expect(fits.fits).toBe(true);
    expect(fits.factor).toBeGreaterThan(2);
    const otherCar = contextFit(article, { model: '飞度' });
    expect(otherCar).toEqual({ factor: expect.any(Number), fits: false });
    expect(otherCar.factor).toBeLessThan(1);
    const tooFar = contextFit(article, { category: 'maintenance', mileageKm: 40_000 });
    expect(tooFar.fits).toBe(false);
  });

  it('treats articles for every model as fitting any car', () => {
    expect(contextFit({ ...article, models: [] }, { model: '飞度' }).factor).toBe(1);
  });
});

describe('modelMatches', () => {
  it('matches a model and its variants, not other models', () => {
    expect(modelMatches('雅阁', '雅阁 锐·混动')).toBe(true);
    expect(modelMatches('ZR-V', 'zrv')).toBe(true);
    expect(modelMatches('雅阁', '飞度')).toBe(false);
  });
});
