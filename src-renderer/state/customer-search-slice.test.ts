import { describe, expect, it } from 'vitest';
import type { CustomerHit } from '../../src-shared/contract/customers';
import type { Result } from '../../src-shared/contract/errors';
import { createContractClient } from '../../src-shared/contract/client';
import {
  createSearchActions, initialSearchState, queryTyped, searchAnswered, searchFailed, searchStarted, selectedHit, selectionMoved, selectionSet,
} from './customer-search-slice';
import { createDeskStore } from './store';

const hit = (id: number): CustomerHit => ({ id, number: `C${id}`, name: `客户${id}`, membershipTier: null, phones: [], plates: [], match: 'name', matched: '', score: 1 });
const hits = (...ids: number[]) => ({ hits: ids.map(hit), tookMs: 3 });

describe('customer search reducers', () => {
  it('never lets an older answer replace a newer one', () => {
    let state = queryTyped(initialSearchState, '王');
    state = searchStarted(state, 1);
    state = queryTyped(state, '王小');
    state = searchStarted(state, 2);
    state = searchAnswered(state, 2, '王小', hits(20, 21));
    state = searchAnswered(state, 1, '王', hits(10, 11, 12));
    expect(state.hits.map((h) => h.id)).toEqual([20, 21]);
    expect(state.shownQuery).toBe('王小');
    expect(state.status).toBe('ready');
  });

  it('shows an intermediate answer while the newest request is still loading', () => {
    let state = searchStarted(queryTyped(initialSearchState, '13'), 1);
    state = searchStarted(queryTyped(state, '138'), 2);
    state = searchAnswered(state, 1, '13', hits(1));
    expect(state.hits.map((h) => h.id)).toEqual([1]);
    expect(state.status).toBe('loading');
  });

  it('drops answers still on their way once the box is cleared', () => {
    let state = searchStarted(queryTyped(initialSearchState, '粤B'), 1);
    state = queryTyped(state, '');
    state = searchAnswered(state, 1, '粤B', hits(1, 2));
    expect(state.hits).toEqual([]);
    expect(state.status).toBe('idle');
  });

  it('ignores a failure of a request that is no longer the newest', () => {
    let state = searchStarted(initialSearchState, 1);
    state = searchStarted(state, 2);
    expect(searchFailed(state, 1, { code: 'internal', message: 'x' })).toBe(state);
    expect(searchFailed(state, 2, { code: 'internal', message: 'x' }).status).toBe('error');
  });

  it('moves the selection within bounds and resets it for a new query', () => {
    let state = searchAnswered(searchStarted(queryTyped(initialSearchState, 'a'), 1), 1, 'a', hits(1, 2, 3));
    state = selectionMoved(state, 1);
    state = selectionMoved(state, 5);
    expect(state.selected).toBe(2);
    state = selectionMoved(state, -10);
    expect(state.selected).toBe(0);
    state = selectionSet(state, 1);
    expect(selectedHit(state)?.id).toBe(2);
    expect(selectionSet(state, 7)).toBe(state);
    // Refreshing the same query keeps the same customer selected even if it moved.
    const refreshed = searchAnswered(searchStarted(state, 2), 2, 'a', hits(9, 1, 2));
    expect(selectedHit(refreshed)?.id).toBe(2);
    const other = searchAnswered(searchStarted(refreshed, 3), 3, 'b', hits(2, 5));
    expect(other.selected).toBe(0);
  });
});

describe('customer search actions', () => {
  it('debounces typing into one request and shows only the newest reply', async () => {
    const sent: Array<{ query: string; resolve: (r: Result<unknown>) => void }> = [];
    const client = createContractClient({
      invoke: (_method, input) => new Promise((resolve) => sent.push({ query: (input as { query: string }).query, resolve })),
      onEvent: () => () => {},
    });
    const store = createDeskStore('browser');
    const actions = createSearchActions({ client, store });
    for (const prefix of ['1', '13', '138']) actions.typeQuery(prefix);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(sent.map((call) => call.query)).toEqual(['138']);
    actions.typeQuery('1380');
    await new Promise((resolve) => setTimeout(resolve, 120));
    sent[1].resolve({ ok: true, value: hits(5) });
    sent[0].resolve({ ok: true, value: hits(1, 2) });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().search.hits.map((h) => h.id)).toEqual([5]);
    expect(store.getState().search.shownQuery).toBe('1380');
  });
});
