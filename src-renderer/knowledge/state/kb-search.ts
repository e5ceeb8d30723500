// The KB search as the agent types: every keystroke starts a search with a higher sequence
// number; a reply is shown only if it answers the newest request (replies can arrive out of
// order), so the list never jumps back to an older query.
import type { ContractError } from '../../../src-shared/contract/errors';
import type { KbContext, KbHit } from '../../../src-shared/contract/knowledge';
import type { KbCategory } from '../../../src-shared/domain/knowledge/categories';

export interface KbFilter {
  category: KbCategory | null;
  model: string;
}

export interface KbSearchState {
  query: string;
  filter: KbFilter;
  /** Rank for the open card's vehicle (the agent can switch it off). */
  useCardContext: boolean;
  seq: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** What the shown list is: typed search, suggestions for the card, or the newest articles. */
  mode: 'search' | 'suggest' | 'list';
  hits: KbHit[];
  tookMs: number | null;
  error: ContractError | null;
}

export const initialKbSearch: KbSearchState = {
  query: '',
  filter: { category: null, model: '' },
  useCardContext: true,
  seq: 0,
  status: 'idle',
  mode: 'list',
  hits: [],
  tookMs: null,
  error: null,
};

export type KbSearchRequest =
  | { kind: 'search'; query: string; context?: KbContext; filter?: { category?: KbCategory; model?: string } }
  | { kind: 'suggest'; context: KbContext }
  | { kind: 'list'; category?: KbCategory };

/** Which call answers the current inputs. */
export function searchRequest(state: Pick<KbSearchState, 'query' | 'filter' | 'useCardContext'>, cardContext: KbContext | null): KbSearchRequest {
  const context = state.useCardContext && cardContext && Object.keys(cardContext).length > 0 ? cardContext : undefined;
  const filter = { ...(state.filter.category ? { category: state.filter.category } : {}), ...(state.filter.model.trim() ? { model: state.filter.model.trim() } : {}) };
  const hasFilter = Object.keys(filter).length > 0;
  if (state.query.trim()) return { kind: 'search', query: state.query, ...(context ? { context } : {}), ...(hasFilter ? { filter } : {}) };
  if (context && !state.filter.category) return { kind: 'suggest', context };
  if (state.filter.model.trim()) return { kind: 'search', query: '', ...(context ? { context } : {}), filter };
  return { kind: 'list', ...(state.filter.category ? { category: state.filter.category } : {}) };
}

export function searchStarted(state: KbSearchState): KbSearchState {
  return { ...state, seq: state.seq + 1, status: 'loading', error: null };
}

export function searchAnswered(state: KbSearchState, seq: number, mode: KbSearchState['mode'], hits: KbHit[], tookMs: number | null): KbSearchState {
  if (seq !== state.seq) return state;
  return { ...state, status: 'ready', mode, hits, tookMs, error: null };
}

export function searchFailed(state: KbSearchState, seq: number, error: ContractError): KbSearchState {
  if (seq !== state.seq) return state;
  return { ...state, status: 'error', error };
}
