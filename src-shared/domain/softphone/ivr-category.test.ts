import { describe, expect, it } from 'vitest';
import { ivrCategory } from './ivr-category';

describe('ivrCategory', () => {
  it('maps digits, sub-menu paths and words', () => {
    expect(ivrCategory('1')).toBe('maintenance');
    expect(ivrCategory('3')).toBe('complaint');
    expect(ivrCategory('2-1')).toBe('repair');
    expect(ivrCategory(' 投诉 ')).toBe('complaint');
    expect(ivrCategory('new_car')).toBe('new_car');
    expect(ivrCategory('Promotion')).toBe('promotion');
  });
  it('uses a configured digit table and ignores unknown values', () => {
    expect(ivrCategory('9', { '9': 'repair' })).toBe('repair');
    expect(ivrCategory('9')).toBeNull();
    expect(ivrCategory('<script>')).toBeNull();
    expect(ivrCategory(null)).toBeNull();
  });
});
