import { describe, expect, it } from 'vitest';
import { defaultQualityCriteria, invalidScores, qualityTotal, qualityTrends } from './scoring';

describe('quality scoring', () => {
  it('weights the criteria scored (hand-computed)', () => {
    // opening 5/5 ×10, identity 3/5 ×15, solution 4/5 ×30 → (50 + 45 + 120) / (5 × 55) = 215/275 = 78.2 %
    expect(qualityTotal(defaultQualityCriteria, { opening: 5, identity: 3, solution: 4 })).toBe(78.2);
    expect(qualityTotal(defaultQualityCriteria, Object.fromEntries(defaultQualityCriteria.map((c) => [c.id, 5])))).toBe(100);
    expect(qualityTotal(defaultQualityCriteria, { opening: 0 })).toBe(0);
    expect(qualityTotal(defaultQualityCriteria, {})).toBeNull();
    expect(qualityTotal([{ id: 'x', label: 'x', weight: 0 }], { x: 3 })).toBeNull();
  });
  it('rejects unknown criteria and out-of-range points', () => {
    expect(invalidScores(defaultQualityCriteria, { opening: 6, closing: 2, nope: 1, attitude: 2.5 })).toEqual(['opening', 'nope', 'attitude']);
  });
  it('averages per agent and month, ignoring unscored reviews in the average', () => {
    expect(qualityTrends([
      { agent: '坐席B', month: '2024-05', total: 80 },
      { agent: '坐席A', month: '2024-06', total: 90 },
      { agent: '坐席A', month: '2024-05', total: 70 },
      { agent: '坐席A', month: '2024-05', total: 75 },
      { agent: '坐席A', month: '2024-05', total: null },
    ])).toEqual([
      { agent: '坐席A', month: '2024-05', reviews: 3, average: 72.5 },
      { agent: '坐席A', month: '2024-06', reviews: 1, average: 90 },
      { agent: '坐席B', month: '2024-05', reviews: 1, average: 80 },
    ]);
  });
});
