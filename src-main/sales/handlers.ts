import type { HandlersFor } from '../contract/dispatcher';
import type { DeskContext } from '../host/context';
import { requestArrival } from './arrival-service';
import { createLead, listLeads, updateLead } from './lead-service';
import { completeDelivery, createContract, createOrder, listOrders, scheduleDelivery, setContractStatus, setOrderStatus } from './order-service';
import { addStockCar, searchStock, setStockStatus } from './stock-service';

type SalesMethods =
  | 'sales.leads.list' | 'sales.leads.create' | 'sales.leads.update' | 'sales.stock.search' | 'sales.stock.add' | 'sales.stock.setStatus' | 'sales.arrivals.request'
  | 'sales.orders.create' | 'sales.orders.list' | 'sales.orders.setStatus' | 'sales.deliveries.schedule' | 'sales.deliveries.complete' | 'sales.contracts.create' | 'sales.contracts.setStatus';

export const salesHandlers: HandlersFor<SalesMethods, DeskContext> = {
  'sales.leads.list': (input, ctx) => listLeads(ctx, input),
  'sales.leads.create': (input, ctx) => createLead(ctx, input),
  'sales.leads.update': (input, ctx) => updateLead(ctx, input),
  'sales.stock.search': ({ query, statuses, limit }, ctx) => searchStock(ctx, query, statuses, limit),
  'sales.stock.add': (input, ctx) => addStockCar(ctx, input),
  'sales.stock.setStatus': (input, ctx) => setStockStatus(ctx, input),
  'sales.arrivals.request': (input, ctx) => ({ id: requestArrival(ctx, input) }),
  'sales.orders.create': (input, ctx) => createOrder(ctx, input),
  'sales.orders.list': (input, ctx) => listOrders(ctx, input),
  'sales.orders.setStatus': ({ id, status }, ctx) => setOrderStatus(ctx, id, status),
  'sales.deliveries.schedule': (input, ctx) => scheduleDelivery(ctx, input),
  'sales.deliveries.complete': (input, ctx) => completeDelivery(ctx, input),
  'sales.contracts.create': (input, ctx) => createContract(ctx, input),
  'sales.contracts.setStatus': (input, ctx) => setContractStatus(ctx, input),
};
