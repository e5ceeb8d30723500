// The knowledge base's own zustand store (like the workflows' store): the search as typed, the
// open card's context and suggestions, the article on screen and which pane shows it, and the
// dialogs (send by email, article preview over the card). Components never call the contract.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { KbArticle, KbContext, KbHit } from '../../../src-shared/contract/knowledge';
import { initialKbSearch, type KbSearchState } from './kb-search';

export interface KbCardState {
  customerId: number | null;
  name: string;
  email: string | null;
  context: KbContext | null;
  suggestions: KbHit[];
  suggestionsFor: string | null;
}

export interface KbArticleState {
  id: number | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: KbArticle | null;
  error: ContractError | null;
}

export type KbTab = 'search' | 'synonyms' | 'mail';
export type KbPane = 'article' | 'history' | 'edit' | 'new';

export interface KbNotice {
  kind: 'ok' | 'warning' | 'error';
  text: string;
}

export interface KbState {
  search: KbSearchState;
  card: KbCardState;
  tab: KbTab;
  pane: KbPane;
  article: KbArticleState;
  /** The send-by-email dialog, for this article. */
  sending: { articleId: number; title: string; attachments: number } | null;
  /** An article opened from the card panel, shown over the card so the call screen stays. */
  preview: number | null;
  notice: KbNotice | null;
}

export const initialKbCard: KbCardState = { customerId: null, name: '', email: null, context: null, suggestions: [], suggestionsFor: null };

export type KbStore = StoreApi<KbState>;

export function createKbStore(): KbStore {
  return createStore<KbState>()(() => ({
    search: initialKbSearch,
    card: initialKbCard,
    tab: 'search',
    pane: 'article',
    article: { id: null, status: 'idle', data: null, error: null },
    sending: null,
    preview: null,
    notice: null,
  }));
}
