import { describe, expect, it } from 'vitest';
import { buildSynonymIndex, cleanSynonymGroup, defaultSynonymGroups } from './synonyms';

describe('synonym index', () => {
  const index = buildSynonymIndex(defaultSynonymGroups);

  it('expands equivalent terms both ways', () => {
    expect(index.expand('首保')).toContain('首次保养');
    expect(index.expand('首次保养')).toContain('首保');
    expect(index.expand('首保')).not.toContain('首保');
  });

  it('expands related terms (保险 ≈ 车险, 拖车 ≈ 道路救援)', () => {
    expect(index.expand('车险')).toContain('保险');
    expect(index.expand('拖车')).toContain('道路救援');
  });

  it('matches terms regardless of width, case and code punctuation', () => {
    expect(index.expand('ＰＨＥＶ')).toContain('混动');
    expect(index.expand('ehev')).toContain('混动');
  });

  it('finds synonym terms inside a query however it would be segmented', () => {
    expect(index.termsIn('首次保养做什么')).toContain('首次保养');
    expect(index.termsIn('我的车打不着火了')).toContain('打不着火');
    expect(index.termsIn('随便问问')).toEqual([]);
  });

  it('uses an edited list, not the defaults', () => {
    const edited = buildSynonymIndex([{ kind: 'equivalent', terms: ['钣喷', '喷漆房'] }]);
    expect(edited.expand('钣喷')).toEqual(['喷漆房']);
    expect(edited.expand('首保')).toEqual([]);
  });
});

describe('cleanSynonymGroup', () => {
  it('trims, drops blanks and duplicates, and refuses groups of one', () => {
    expect(cleanSynonymGroup({ kind: 'equivalent', terms: [' 年审 ', '年检', '年审', ''] })).toEqual({ kind: 'equivalent', terms: ['年审', '年检'] });
    expect(cleanSynonymGroup({ kind: 'related', terms: ['年审', ' 年审'] })).toBeNull();
  });
});
