import { describe, expect, it } from 'vitest';
import { segment, segmentForIndex } from './segmenter';
import { normalizeText } from '../../src-shared/domain/knowledge/normalize';

describe('segment (jieba + dealership words)', () => {
  it('keeps dealership words whole that a general dictionary splits', () => {
    expect(segment('首保多少公里')).toEqual(expect.arrayContaining(['首保']));
    expect(segment('年审要带什么')).toEqual(expect.arrayContaining(['年审']));
    expect(segment('钣喷多久能好')).toEqual(expect.arrayContaining(['钣喷']));
    expect(segment('续保和二保')).toEqual(expect.arrayContaining(['续保', '二保']));
    expect(segment('三包政策')).toEqual(expect.arrayContaining(['三包']));
  });

  it('emits the words inside long words in search mode', () => {
    expect(segment('刹车片异响')).toEqual(expect.arrayContaining(['刹车片', '刹车', '异响']));
    expect(segment('变速箱顿挫')).toEqual(expect.arrayContaining(['变速箱', '顿挫']));
  });

  it('normalises codes and distances before segmenting', () => {
    expect(segment('ＣＲ－Ｖ 的P0420故障码')).toEqual(expect.arrayContaining(['CRV', 'P0420', '故障码']));
    expect(segment('5千公里保养')).toEqual(['5000', 'km', '保养']);
  });

  it('drops punctuation and spaces', () => {
    expect(segment('拖车！ 电话？')).toEqual(['拖车', '电话']);
  });

  it('indexes each character once in the precise stream and keeps sub-words apart', () => {
    const { words, subwords } = segmentForIndex(normalizeText('更换刹车片和变速箱油'));
    expect(words.join('')).toBe('更换刹车片和变速箱油');
    expect(subwords).toEqual(expect.arrayContaining(['刹车']));
  });
});
