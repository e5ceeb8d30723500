// Wires the knowledge base to the desk: strings merged into the app's i18next instance under
// `kb`, a store and actions over the contract client, the open customer card feeding the
// search context (its car's model, mileage and age, and the call's inquiry category), contract
// events, and the overlays that work over any screen: the F2 standard-answer picker for every
// reply/note textarea, the send-by-email dialog and the article preview over the card.
import type { i18n } from 'i18next';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { useStore } from 'zustand';
import type { ContractClient } from '../../src-shared/contract/client';
import { can } from '../../src-shared/domain/roles';
import type { InquiryCategory } from '../../src-shared/domain/softphone/ivr-category';
import { DeskContext, type DeskHandle } from '../app/desk-context';
import { KnowledgeOverlays } from './components/knowledge-overlays';
import { knowledgeEn, knowledgeZhCN } from './i18n';
import './knowledge.css';
import { createKbActions, type KbActions } from './state/kb-actions';
import { createKbStore, type KbState, type KbStore } from './state/kb-store';

export interface KnowledgeHandle {
  store: KbStore;
  actions: KbActions;
  desk: DeskHandle;
}

let current: KnowledgeHandle | null = null;

function handle(): KnowledgeHandle {
  if (!current) throw new Error('startKnowledge has not run');
  return current;
}

export function useKb<T>(selector: (state: KbState) => T): T {
  return useStore(handle().store, selector);
}

export function useKbActions(): KbActions {
  return handle().actions;
}

export function knowledgeStarted(): boolean {
  return current !== null;
}

/**
 * For the softphone's screen-pop: the IVR choice of the call that opened this customer's card,
 * so the KB panel suggests (and searches rank first) articles of that inquiry category.
 */
export function setKnowledgeInquiry(customerId: number, category: InquiryCategory | null): void {
  if (!current) return;
  const { card, vehicleId } = current.desk.store.getState().card;
  current.actions.setInquiry(customerId, category, card, vehicleId);
}

export function startKnowledge(client: ContractClient, desk: DeskHandle, i18n: i18n): KnowledgeHandle {
  i18n.addResourceBundle('zh-CN', 'translation', { kb: knowledgeZhCN }, true, false);
  i18n.addResourceBundle('en', 'translation', { kb: knowledgeEn }, true, false);
  const store = createKbStore();
  const isEditor = () => {
    const role = desk.store.getState().session.session?.user.role;
    return role !== undefined && can(role, 'editKnowledge');
  };
  const actions = createKbActions(client, store, isEditor);
  current = { store, actions, desk };

  let card = desk.store.getState().card;
  let role = desk.store.getState().session.session?.user.role;
  desk.store.subscribe((state) => {
    // A card still loading changes nothing yet: the panel follows when it arrives (a screen-pop
    // must not queue a KB list ahead of the caller's card).
    const loading = state.card.openId !== null && state.card.card === null && state.card.status === 'loading';
    if (!loading && (state.card.card !== card.card || state.card.vehicleId !== card.vehicleId || state.card.openId !== card.openId)) {
      card = state.card;
      actions.cardChanged(state.card.openId !== null ? state.card.card : null, state.card.vehicleId);
    }
    const nextRole = state.session.session?.user.role;
    if (nextRole !== role) {
      role = nextRole;
      void actions.runSearch();
    }
  });

  let pending: ReturnType<typeof setTimeout> | null = null;
  client.on('kb.changed', ({ ids }) => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      void actions.runSearch();
      const open = store.getState().article.id;
      if (open !== null && (!ids || ids.includes(open)) && store.getState().pane === 'article') void actions.reloadArticle();
    }, 150);
  });

  void actions.runSearch();

  const host = document.createElement('div');
  host.className = 'kb-overlay-root';
  document.body.append(host);
  createRoot(host).render(
    <I18nextProvider i18n={i18n}>
      <DeskContext.Provider value={desk}>
        <KnowledgeOverlays />
      </DeskContext.Provider>
    </I18nextProvider>,
  );
  return current;
}
