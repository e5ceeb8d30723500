// Wires the sales and insurance screens (issue 9) to the desk: strings under `sales` (and the top
// bar's `app.nav.sales`), a store and actions over the contract client, sales.changed refreshing
// the visible list, and the compact stock panel a caller's card can use during the call.
import type { i18n } from 'i18next';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { useStore } from 'zustand';
import type { ContractClient } from '../../src-shared/contract/client';
import type { DeskState } from '../state/store';
import type { DeskHandle } from '../app/desk-context';
import { navigationStore } from '../workflows/navigation';
import { StockPanelRoot } from './components/stock-panel';
import { salesEn, salesZhCN } from './i18n';
import { createSalesActions, type SalesActions } from './state/sales-actions';
import { createSalesStore, type SalesState, type SalesStore } from './state/sales-store';
import './sales.css';

export interface SalesHandle {
  store: SalesStore;
  actions: SalesActions;
  desk: DeskHandle;
}

let current: SalesHandle | null = null;

function handle(): SalesHandle {
  if (!current) throw new Error('startSales has not run');
  return current;
}

export function useSales<T>(selector: (state: SalesState) => T): T {
  return useStore(handle().store, selector);
}

export function useSalesActions(): SalesActions {
  return handle().actions;
}

/** The desk's state, for components mounted outside the app's DeskContext (the stock panel). */
export function useSalesDesk<T>(selector: (state: DeskState) => T): T {
  return useStore(handle().desk.store, selector);
}

export function startSales(client: ContractClient, desk: DeskHandle, i18n: i18n): SalesHandle {
  i18n.addResourceBundle('zh-CN', 'translation', { sales: salesZhCN, app: { nav: { sales: salesZhCN.nav } } }, true, false);
  i18n.addResourceBundle('en', 'translation', { sales: salesEn, app: { nav: { sales: salesEn.nav } } }, true, false);
  const store = createSalesStore();
  const actions = createSalesActions(client, store);
  current = { store, actions, desk };

  navigationStore.subscribe((s, before) => {
    if (s.screen === 'sales' && before.screen !== 'sales') void actions.refreshTab();
  });
  let pending: ReturnType<typeof setTimeout> | null = null;
  client.on('sales.changed', () => {
    if (pending || navigationStore.getState().screen !== 'sales') return;
    pending = setTimeout(() => {
      pending = null;
      void actions.refreshTab();
    }, 150);
  });

  const host = document.createElement('div');
  host.id = 'sales-root';
  document.body.append(host);
  createRoot(host).render(
    <I18nextProvider i18n={i18n}>
      <StockPanelRoot />
    </I18nextProvider>,
  );
  return current;
}
