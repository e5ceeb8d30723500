// Wires the workflow screens to the desk: strings merged into the app's i18next instance under
// `wf`, a store and actions over the contract client, contract events and role switches that
// refresh what is on screen, and the screen-pop rule (a card opened by a call brings the
// customers screen forward unless a workflow screen shows that card itself).
import { createContext, useContext } from 'react';
import type { i18n } from 'i18next';
import { useStore } from 'zustand';
import type { ContractClient } from '../../src-shared/contract/client';
import { addDays, todayIn } from '../../src-shared/domain/dates';
import type { DeskHandle } from '../app/desk-context';
import { focusSearch } from '../app/focus';
import { workflowsEn, workflowsZhCN } from './i18n';
import { careEn, careZhCN } from './i18n-care';
import './workflows.css';
import { inlineCard, isWorkflowScreen, navigationStore, showScreen } from './navigation';
import { createWorkflowActions, type WorkflowActions } from './state/workflows-actions';
import { createWorkflowsStore, type WorkflowsState, type WorkflowsStore } from './state/workflows-store';

export const dealershipTimeZone = 'Asia/Shanghai';

export interface WorkflowsHandle {
  store: WorkflowsStore;
  actions: WorkflowActions;
  desk: DeskHandle;
  client: ContractClient;
}

export const WorkflowsContext = createContext<WorkflowsHandle | null>(null);

export function useWorkflowsHandle(): WorkflowsHandle | null {
  return useContext(WorkflowsContext);
}

function useHandle(): WorkflowsHandle {
  const handle = useContext(WorkflowsContext);
  if (!handle) throw new Error('WorkflowsContext is missing');
  return handle;
}

export function useWf<T>(selector: (state: WorkflowsState) => T): T {
  return useStore(useHandle().store, selector);
}

export function useWfStore(): WorkflowsStore {
  return useHandle().store;
}

export function useWfActions(): WorkflowActions {
  return useHandle().actions;
}

/** The contract client, for the care, message, questionnaire and survey screens' own stores. */
export function useWfClient(): ContractClient {
  return useHandle().client;
}

export function startWorkflows(client: ContractClient, desk: DeskHandle, i18n: i18n): WorkflowsHandle {
  i18n.addResourceBundle('zh-CN', 'translation', { wf: workflowsZhCN }, true, false);
  i18n.addResourceBundle('en', 'translation', { wf: workflowsEn }, true, false);
  i18n.addResourceBundle('zh-CN', 'translation', { wf: careZhCN }, true, false);
  i18n.addResourceBundle('en', 'translation', { wf: careEn }, true, false);
  const today = todayIn(dealershipTimeZone, new Date());
  const store = createWorkflowsStore(today, addDays(today, -29));
  const actions = createWorkflowActions(client, store, desk);

  let pending: ReturnType<typeof setTimeout> | null = null;
  client.on('workItems.changed', () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      void actions.refreshVisible();
    }, 150);
  });

  let role = desk.store.getState().session.session?.user.role;
  let openId = desk.store.getState().card.openId;
  desk.store.subscribe((state) => {
    const nextRole = state.session.session?.user.role;
    if (nextRole !== role) {
      role = nextRole;
      void actions.refreshVisible();
    }
    if (state.card.openId !== openId) {
      openId = state.card.openId;
      if (openId !== null && openId !== inlineCard.id && isWorkflowScreen(navigationStore.getState().screen)) showScreen('customers');
    }
  });

  navigationStore.subscribe((s, before) => {
    if (s.screen !== before.screen && isWorkflowScreen(s.screen)) void actions.refreshVisible();
  });

  window.addEventListener(
    'keydown',
    (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k' && isWorkflowScreen(navigationStore.getState().screen)) {
        showScreen('customers');
        setTimeout(() => focusSearch(), 0);
      }
    },
    true,
  );
  return { store, actions, desk, client };
}
