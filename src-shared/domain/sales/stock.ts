// Stock cars (库存车辆): in transit → in stock → reserved → sold. A reservation can be released
// (back to in stock) and a car still in transit can be reserved for an order already.
import type { StatusTable } from './state-table';

export const stockStatuses = ['in_transit', 'in_stock', 'reserved', 'sold'] as const;
export type StockStatus = (typeof stockStatuses)[number];

export const stockStatusTable: StatusTable<StockStatus> = {
  in_transit: ['in_stock', 'reserved'],
  in_stock: ['reserved', 'sold'],
  reserved: ['in_stock', 'sold'],
  sold: [],
};

/**
 * A car arrives (到车) the first time it enters stock: from transit, or from a reservation made
 * while it was still in transit. Later moves back into stock (a released reservation) are not
 * arrivals.
 */
export function arrives(to: StockStatus, arrivedBefore: boolean): boolean {
  return to === 'in_stock' && !arrivedBefore;
}

/** Cars a caller can be offered now or soon (searchable during a call). */
export function isOfferable(status: StockStatus): boolean {
  return status === 'in_stock' || status === 'in_transit';
}
