// Sales orders, delivery records (提车单) and contracts (销售合同), seed 000 销售管理.
// An order holds model, price, deposit and the promised delivery date; a delivery records
// planned and actual pick-up and the consultant; a delivered car starts 3DC/7DC (seed 001).
import type { StatusTable } from './state-table';

export const orderStatuses = ['open', 'allocated', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];
export const orderStatusTable: StatusTable<OrderStatus> = {
  open: ['allocated', 'cancelled'],
  allocated: ['open', 'delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
};

export const deliveryStatuses = ['planned', 'delivered', 'cancelled'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export const deliveryStatusTable: StatusTable<DeliveryStatus> = {
  planned: ['delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
};

export const contractStatuses = ['draft', 'signed', 'fulfilled', 'terminated'] as const;
export type ContractStatus = (typeof contractStatuses)[number];
export const contractStatusTable: StatusTable<ContractStatus> = {
  draft: ['signed', 'terminated'],
  signed: ['fulfilled', 'terminated'],
  fulfilled: [],
  terminated: [],
};

export interface OrderMoney {
  priceYuan: number;
  depositYuan: number;
}

/** Problems with an order's money: a deposit is never negative nor above the price. */
export function orderMoneyProblems(o: OrderMoney): string[] {
  const problems: string[] = [];
  if (!(o.priceYuan > 0)) problems.push('price must be positive');
  if (o.depositYuan < 0) problems.push('deposit must not be negative');
  if (o.depositYuan > o.priceYuan) problems.push('deposit exceeds price');
  return problems;
}

export function balanceDue(o: OrderMoney): number {
  return Math.round((o.priceYuan - o.depositYuan) * 100) / 100;
}

/** Days a delivery was late against the promise (0 when on time, null while not delivered). */
export function deliveryDelayDays(promisedDate: string, actualDate: string | null, daysBetween: (a: string, b: string) => number): number | null {
  if (!actualDate) return null;
  return Math.max(0, daysBetween(promisedDate, actualDate));
}
