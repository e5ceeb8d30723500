import { describe, expect, it } from 'vitest';
import { applyDiff, diffLines, diffStats } from './diff';

describe('diffLines', () => {
  it('finds the changed lines of an edited article', () => {
    const before = '# 首保\n首保在5000公里\n带保养手册';
    const after = '# 首保\n首保在5000公里或6个月\n带保养手册\n带行驶证';
    expect(diffLines(before, after)).toEqual([
      { op: 'equal', text: '# 首保' },
      { op: 'delete', text: '首保在5000公里' },
      { op: 'insert', text: '首保在5000公里或6个月' },
      { op: 'equal', text: '带保养手册' },
      { op: 'insert', text: '带行驶证' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffLines('', 'a\nb')).toEqual([{ op: 'insert', text: 'a' }, { op: 'insert', text: 'b' }]);
    expect(diffLines('a', '')).toEqual([{ op: 'delete', text: 'a' }]);
    expect(diffLines('', '')).toEqual([]);
  });

  it('is a shortest edit script (Myers: abcabba → cbabac needs 5 edits)', () => {
    const d = diffLines('a\nb\nc\na\nb\nb\na', 'c\nb\na\nb\na\nc');
    const { inserted, deleted } = diffStats(d);
    expect(inserted + deleted).toBe(5);
    expect(applyDiff(d)).toEqual({ before: 'a\nb\nc\na\nb\nb\na', after: 'c\nb\na\nb\na\nc' });
  });
});
