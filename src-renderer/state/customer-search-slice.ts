// Search fires as the agent types. Invariant: a response is shown only if it answers a request
// newer than the one on screen, so a slow early reply can never overwrite a later one.
import type { ContractError } from '../../src-shared/contract/errors';
import type { CustomerHit } from '../../src-shared/contract/customers';
import { asContractError, patch, type ActionDeps } from './action-deps';

export const searchDebounceMs = 60;
/** The contract's maximum; the list is virtualized, so 200 rows cost no more than 20. */
export const searchLimit = 200;

export interface SearchState {
  query: string;
  /** Id of the newest request sent; 0 before any. */
  requestId: number;
  /** Id of the request whose hits are on screen. */
  shownId: number;
  /** The query the hits on screen answer (exports use it, not the half-typed box). */
  shownQuery: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  hits: CustomerHit[];
  tookMs: number | null;
  error: ContractError | null;
  selected: number;
}

export const initialSearchState: SearchState = {
  query: '',
  requestId: 0,
  shownId: 0,
  shownQuery: '',
  status: 'idle',
  hits: [],
  tookMs: null,
  error: null,
  selected: 0,
};

export function queryTyped(state: SearchState, query: string): SearchState {
  if (query.trim() === '') {
    // Clearing the box drops any answer still on its way.
    return { ...state, query, hits: [], status: 'idle', error: null, selected: 0, tookMs: null, shownQuery: '', shownId: state.requestId };
  }
  return { ...state, query };
}

export function searchStarted(state: SearchState, requestId: number): SearchState {
  return { ...state, requestId, status: 'loading', error: null };
}

export function searchAnswered(state: SearchState, requestId: number, query: string, answer: { hits: CustomerHit[]; tookMs: number }): SearchState {
  if (requestId <= state.shownId) return state;
  const previousId = state.hits[state.selected]?.id;
  const keep = query === state.shownQuery && previousId !== undefined ? answer.hits.findIndex((hit) => hit.id === previousId) : -1;
  return {
    ...state,
    shownId: requestId,
    shownQuery: query,
    hits: answer.hits,
    tookMs: answer.tookMs,
    status: requestId === state.requestId ? 'ready' : 'loading',
    error: null,
    selected: keep >= 0 ? keep : 0,
  };
}

export function searchFailed(state: SearchState, requestId: number, error: ContractError): SearchState {
  if (requestId !== state.requestId) return state;
  return { ...state, status: 'error', error };
}

export function selectionMoved(state: SearchState, delta: number): SearchState {
  if (state.hits.length === 0) return state;
  const selected = Math.min(state.hits.length - 1, Math.max(0, state.selected + delta));
  return selected === state.selected ? state : { ...state, selected };
}

export function selectionSet(state: SearchState, index: number): SearchState {
  if (index < 0 || index >= state.hits.length || index === state.selected) return state;
  return { ...state, selected: index };
}

export function selectedHit(state: SearchState): CustomerHit | null {
  return state.hits[state.selected] ?? null;
}

export function createSearchActions({ client, store }: ActionDeps, timers: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } = globalThis) {
  const update = (fn: (slice: SearchState) => SearchState) => patch(store, 'search', fn);
  let debounce: ReturnType<typeof setTimeout> | null = null;

  async function runSearch() {
    const query = store.getState().search.query.trim();
    if (!query) return;
    const requestId = store.getState().search.requestId + 1;
    update((s) => searchStarted(s, requestId));
    try {
      const answer = await client.call('customers.search', { query, limit: searchLimit });
      update((s) => searchAnswered(s, requestId, query, answer));
    } catch (error) {
      update((s) => searchFailed(s, requestId, asContractError(error)));
    }
  }

  return {
    typeQuery(query: string) {
      update((s) => queryTyped(s, query));
      if (debounce) timers.clearTimeout(debounce);
      debounce = null;
      if (query.trim() === '') return;
      debounce = timers.setTimeout(() => {
        debounce = null;
        void runSearch();
      }, searchDebounceMs);
    },
    /** Search again now (Enter before the debounce fired, or data changed underneath). */
    searchNow: runSearch,
    moveSelection: (delta: number) => update((s) => selectionMoved(s, delta)),
    select: (index: number) => update((s) => selectionSet(s, index)),
  };
}
export type SearchActions = ReturnType<typeof createSearchActions>;
