// The sales screen's state: one list per tab with its filter, the stock panel's search (usable
// from the card during a call), the last message and error.
import { createStore } from 'zustand/vanilla';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { RenewalRow } from '../../../src-shared/contract/insurance';
import type { ArrivalNotice, LeadView, OrderView, StockCarView } from '../../../src-shared/contract/sales';
import type { WinBackRow } from '../../../src-shared/contract/supervisor';
import type { LeadStage } from '../../../src-shared/domain/sales/leads';
import type { StockStatus } from '../../../src-shared/domain/sales/stock';

export const salesTabs = ['leads', 'stock', 'orders', 'renewals', 'winBack'] as const;
export type SalesTab = (typeof salesTabs)[number];
export type RenewalWindow = 30 | 60 | 90 | 'expired' | 'all';

export interface SalesState {
  tab: SalesTab;
  leads: { stage: LeadStage | ''; mine: boolean; rows: LeadView[] | null };
  stock: { query: string; status: StockStatus | ''; rows: StockCarView[] | null; notified: ArrivalNotice[] | null };
  orders: { rows: OrderView[] | null };
  renewals: { window: RenewalWindow; rows: RenewalRow[] | null };
  winBack: { importantOnly: boolean; rows: WinBackRow[] | null };
  panel: { open: boolean; query: string; rows: StockCarView[] | null };
  message: string | null;
  error: ContractError | null;
}

export type SalesStore = ReturnType<typeof createSalesStore>;

export function createSalesStore() {
  return createStore<SalesState>()(() => ({
    tab: 'leads',
    leads: { stage: '', mine: false, rows: null },
    stock: { query: '', status: '', rows: null, notified: null },
    orders: { rows: null },
    renewals: { window: 90, rows: null },
    winBack: { importantOnly: false, rows: null },
    panel: { open: false, query: '', rows: null },
    message: null,
    error: null,
  }));
}
