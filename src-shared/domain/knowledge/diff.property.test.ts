import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDiff, diffLines, diffStats } from './diff';

const text = fc.array(fc.constantFrom('首保', '年审', '三包', '', '拖车', '机油'), { maxLength: 25 }).map((lines) => lines.join('\n'));

describe('diffLines (property)', () => {
  it('rebuilds both versions exactly', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const { before, after } = applyDiff(diffLines(a, b));
        expect(before).toBe(a);
        expect(after).toBe(b);
      }),
    );
  });

  it('reports no change for equal texts and never more edits than both lengths', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(diffStats(diffLines(a, a))).toEqual({ inserted: 0, deleted: 0 });
        const { inserted, deleted } = diffStats(diffLines(a, b));
        const lines = (s: string) => (s === '' ? 0 : s.split('\n').length);
        expect(inserted + deleted).toBeLessThanOrEqual(lines(a) + lines(b));
      }),
    );
  });
});
