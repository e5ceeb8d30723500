import { describe, expect, it } from 'vitest';
import type { KbHit } from '../../../src-shared/contract/knowledge';
import { initialKbSearch, searchAnswered, searchFailed, searchRequest, searchStarted } from './kb-search';

const hit = (id: number): KbHit => ({ id, slug: `a${id}`, title: `t${id}`, category: 'repair', status: 'published', tags: [], models: [], score: 1, fitsContext: false, snippet: [] });

describe('KB search state', () => {
  it('shows only the reply to the newest keystroke, whatever order replies arrive in', () => {
    let s = searchStarted({ ...initialKbSearch, query: '首' });
    const first = s.seq;
    s = searchStarted({ ...s, query: '首保' });
    const second = s.seq;
    s = searchAnswered(s, second, 'search', [hit(2)], 3);
    s = searchAnswered(s, first, 'search', [hit(1)], 9);
    expect(s.hits.map((h) => h.id)).toEqual([2]);
    expect(searchFailed(s, first, { code: 'internal', message: 'x' }).status).toBe('ready');
  });

  it('asks for card suggestions on an empty box, and searches with the card context while typing', () => {
    const ctx = { model: 'CR-V', mileageKm: 30_000 };
    expect(searchRequest(initialKbSearch, ctx)).toEqual({ kind: 'suggest', context: ctx });
    expect(searchRequest(initialKbSearch, null)).toEqual({ kind: 'list' });
    expect(searchRequest({ ...initialKbSearch, query: '异响' }, ctx)).toEqual({ kind: 'search', query: '异响', context: ctx });
    expect(searchRequest({ ...initialKbSearch, query: '异响', useCardContext: false }, ctx)).toEqual({ kind: 'search', query: '异响' });
    expect(searchRequest({ ...initialKbSearch, filter: { category: 'insurance', model: '' } }, ctx)).toEqual({ kind: 'list', category: 'insurance' });
    expect(searchRequest({ ...initialKbSearch, query: '电瓶', filter: { category: null, model: ' 雅阁 ' } }, null)).toEqual({ kind: 'search', query: '电瓶', filter: { model: '雅阁' } });
  });
});
