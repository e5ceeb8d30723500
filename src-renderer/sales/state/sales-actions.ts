// Effects of the sales screens, all through the contract client; main checks roles and the
// status tables (src-shared/domain/sales/, insurance/renewal.ts, winback/winback.ts).
import type { ContractClient } from '../../../src-shared/contract/client';
import type { Input } from '../../../src-shared/contract/index';
import { asContractError } from '../../state/action-deps';
import type { SalesState, SalesStore, SalesTab } from './sales-store';

export function createSalesActions(client: ContractClient, store: SalesStore) {
  const patch = <K extends keyof SalesState>(key: K, value: Partial<SalesState[K]>) => store.setState({ [key]: { ...(store.getState()[key] as object), ...value } } as Partial<SalesState>);
  const fail = (error: unknown) => store.setState({ error: asContractError(error), message: null });
  const guard = async <T>(fn: () => Promise<T>): Promise<T | null> => {
    try {
      const out = await fn();
      store.setState({ error: null });
      return out;
    } catch (error) {
      fail(error);
      return null;
    }
  };

  const loadLeads = () => guard(async () => {
    const { stage, mine } = store.getState().leads;
    patch('leads', { rows: await client.call('sales.leads.list', { mine, limit: 200, ...(stage ? { stage } : {}) }) });
  });
  const loadStock = () => guard(async () => {
    const { query, status } = store.getState().stock;
    patch('stock', { rows: await client.call('sales.stock.search', { query, limit: 100, ...(status ? { statuses: [status] } : {}) }) });
  });
  const loadOrders = () => guard(async () => patch('orders', { rows: await client.call('sales.orders.list', { limit: 200 }) }));
  const loadRenewals = () => guard(async () => patch('renewals', { rows: await client.call('insurance.renewals.list', { window: store.getState().renewals.window, limit: 500 }) }));
  const loadWinBack = () => guard(async () => patch('winBack', { rows: await client.call('winBack.list', { importantOnly: store.getState().winBack.importantOnly, limit: 500 }) }));
  const loaders: Record<SalesTab, () => Promise<unknown>> = { leads: loadLeads, stock: loadStock, orders: loadOrders, renewals: loadRenewals, winBack: loadWinBack };
  const refreshTab = () => loaders[store.getState().tab]();

  return {
    refreshTab,
    setTab(tab: SalesTab) {
      store.setState({ tab, message: null, error: null });
      void loaders[tab]();
    },
    setLeadFilter(f: Partial<SalesState['leads']>) {
      patch('leads', f);
      void loadLeads();
    },
    createLead: (input: Input<'sales.leads.create'>) => guard(async () => {
      await client.call('sales.leads.create', input);
      await loadLeads();
      return true;
    }),
    updateLead: (input: Input<'sales.leads.update'>) => guard(async () => {
      await client.call('sales.leads.update', input);
      await loadLeads();
      return true;
    }),
    setStockFilter(f: Partial<SalesState['stock']>) {
      patch('stock', f);
      void loadStock();
    },
    addCar: (input: Input<'sales.stock.add'>) => guard(async () => {
      const out = await client.call('sales.stock.add', input);
      patch('stock', { notified: out.notified });
      await loadStock();
      return true;
    }),
    setCarStatus: (input: Input<'sales.stock.setStatus'>) => guard(async () => {
      const out = await client.call('sales.stock.setStatus', input);
      patch('stock', { notified: out.notified });
      await loadStock();
      return true;
    }),
    createOrder: (input: Input<'sales.orders.create'>) => guard(async () => {
      await client.call('sales.orders.create', input);
      store.setState({ tab: 'orders' });
      await loadOrders();
      return true;
    }),
    orderCall: <M extends 'sales.orders.setStatus' | 'sales.deliveries.schedule' | 'sales.deliveries.complete' | 'sales.contracts.create' | 'sales.contracts.setStatus'>(method: M, input: Input<M>) => guard(async () => {
      await client.call(method, input);
      await loadOrders();
      return true;
    }),
    setRenewalWindow(window: SalesState['renewals']['window']) {
      patch('renewals', { window });
      void loadRenewals();
    },
    updateRenewal: (input: Input<'insurance.renewals.update'>) => guard(async () => {
      await client.call('insurance.renewals.update', input);
      await loadRenewals();
      return true;
    }),
    setWinBackFilter(importantOnly: boolean) {
      patch('winBack', { importantOnly });
      void loadWinBack();
    },
    buildWinBack: () => guard(async () => {
      const out = await client.call('winBack.build', { limit: 5000 });
      await loadWinBack();
      return out;
    }),
    recordWinBack: (input: Input<'winBack.record'>) => guard(async () => {
      await client.call('winBack.record', input);
      await loadWinBack();
      return true;
    }),
    requestArrival: (input: Input<'sales.arrivals.request'>) => guard(async () => client.call('sales.arrivals.request', input)),
    openPanel(open: boolean) {
      patch('panel', { open });
    },
    searchPanel: (query: string) => guard(async () => {
      patch('panel', { query });
      const rows = await client.call('sales.stock.search', { query, limit: 20 });
      if (store.getState().panel.query === query) patch('panel', { rows });
    }),
    say: (message: string | null) => store.setState({ message, error: null }),
    clearMessages: () => store.setState({ message: null, error: null }),
  };
}

export type SalesActions = ReturnType<typeof createSalesActions>;
