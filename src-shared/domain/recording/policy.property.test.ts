import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPauseMark, closeSpans, type PauseSpan } from './policy';

describe('pause spans (property)', () => {
  it('any sequence of marks gives ordered, non-overlapping spans with at most the last one open', () => {
    const mark = fc.record({ kind: fc.constantFrom('pause' as const, 'resume' as const), atMs: fc.integer({ min: -10, max: 100_000 }) });
    fc.assert(
      fc.property(fc.array(mark, { maxLength: 40 }), (marks) => {
        let spans: PauseSpan[] = [];
        for (const m of marks) spans = applyPauseMark(spans, m);
        spans.forEach((s, i) => {
          expect(s.startMs).toBeGreaterThanOrEqual(0);
          if (i < spans.length - 1) expect(s.endMs).not.toBeNull();
          if (s.endMs !== null) expect(s.endMs).toBeGreaterThanOrEqual(s.startMs);
          if (i > 0) expect(s.startMs).toBeGreaterThanOrEqual(spans[i - 1].endMs!);
        });
        expect(closeSpans(spans, 200_000).every((s) => s.endMs !== null)).toBe(true);
      }),
    );
  });
});
