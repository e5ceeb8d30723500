// Sales (issue 9, seed 000 销售管理): leads, stock lookup during a call, "tell me when it
// arrives" requests and the car-arrival reminder, orders, deliveries (a delivery starts the
// 3DC/7DC follow-ups) and contracts. Statuses come from src-shared/domain/sales/.
import { z } from 'zod';
import { request } from './define';
import { permissions } from '../domain/roles';
import { leadSources, leadStages } from '../domain/sales/leads';
import { stockStatuses } from '../domain/sales/stock';
import { contractStatuses, deliveryStatuses, orderStatuses } from '../domain/sales/orders';

const text = (max: number) => z.string().trim().max(max);
const id = z.number().int().positive();
const date = z.iso.date();
const yuan = z.number().min(0).max(100_000_000);
const sales = permissions.manageSales;
const salesOffice = permissions.manageSalesOffice;

export const LeadViewSchema = z.object({
  id: z.number().int(), customerId: z.number().int(), customerName: z.string(), source: z.enum(leadSources), models: z.array(z.string()), budgetYuan: z.number().nullable(),
  stage: z.enum(leadStages), furthestStage: z.enum(leadStages), lostReason: z.string().nullable(), consultant: z.string().nullable(), nextStep: z.string().nullable(),
  nextStepDate: z.string().nullable(), orderId: z.number().int().nullable(), createdAt: z.string(),
});
export type LeadView = z.infer<typeof LeadViewSchema>;

export const StockCarViewSchema = z.object({
  id: z.number().int(), vin: z.string(), model: z.string(), trim: z.string().nullable(), colour: z.string().nullable(), status: z.enum(stockStatuses), location: z.string().nullable(),
  priceYuan: z.number().nullable(), expectedArrival: z.string().nullable(), arrivedAt: z.string().nullable(), orderId: z.number().int().nullable(),
});
export type StockCarView = z.infer<typeof StockCarViewSchema>;

export const ArrivalNoticeSchema = z.object({
  kind: z.enum(['order', 'request']), id: z.number().int(), customerId: z.number().int(), customerName: z.string(), consultant: z.string().nullable(),
  workItemId: z.number().int().nullable(), messageId: z.number().int().nullable(), messageProblem: z.string().nullable(),
});
export type ArrivalNotice = z.infer<typeof ArrivalNoticeSchema>;

export const DeliveryViewSchema = z.object({
  id: z.number().int(), orderId: z.number().int(), plannedDate: z.string(), actualDate: z.string().nullable(), consultant: z.string().nullable(),
  status: z.enum(deliveryStatuses), vehicleId: z.number().int().nullable(), delayDays: z.number().int().nullable(), followUpIds: z.array(z.number().int()),
});
export const ContractViewSchema = z.object({ id: z.number().int(), number: z.string(), orderId: z.number().int(), status: z.enum(contractStatuses), amountYuan: z.number(), signedDate: z.string().nullable() });
export const OrderViewSchema = z.object({
  id: z.number().int(), number: z.string(), customerId: z.number().int(), customerName: z.string(), leadId: z.number().int().nullable(), model: z.string(), trim: z.string().nullable(),
  colour: z.string().nullable(), priceYuan: z.number(), depositYuan: z.number(), balanceYuan: z.number(), promisedDate: z.string(), consultant: z.string().nullable(),
  status: z.enum(orderStatuses), stockId: z.number().int().nullable(), orderDate: z.string(), deliveries: z.array(DeliveryViewSchema), contracts: z.array(ContractViewSchema),
});
export type OrderView = z.infer<typeof OrderViewSchema>;

export const NewLeadSchema = z.object({
  customerId: id, source: z.enum(leadSources).default('phone'), models: z.array(text(100).min(1)).max(10).default([]), budgetYuan: yuan.nullable().optional(),
  consultant: text(64).nullable().optional(), nextStep: text(500).nullable().optional(), nextStepDate: date.nullable().optional(),
});

export const salesRequests = {
  'sales.leads.list': request({
    input: z.object({ stage: z.enum(leadStages).optional(), customerId: id.optional(), mine: z.boolean().default(false), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(LeadViewSchema), roles: sales,
  }),
  'sales.leads.create': request({ input: NewLeadSchema, output: LeadViewSchema, roles: sales }),
  'sales.leads.update': request({
    input: z.object({ id, stage: z.enum(leadStages).optional(), lostReason: text(200).nullable().optional(), consultant: text(64).nullable().optional(), nextStep: text(500).nullable().optional(), nextStepDate: date.nullable().optional(), models: z.array(text(100).min(1)).max(10).optional() }),
    output: LeadViewSchema, roles: sales,
  }),
  'sales.stock.search': request({
    input: z.object({ query: text(100).default(''), statuses: z.array(z.enum(stockStatuses)).max(4).optional(), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(StockCarViewSchema),
  }),
  'sales.stock.add': request({
    input: z.object({ vin: text(17).min(6), model: text(100).min(1), trim: text(100).nullable().optional(), colour: text(50).nullable().optional(), status: z.enum(['in_transit', 'in_stock']).default('in_transit'), location: text(100).nullable().optional(), priceYuan: yuan.nullable().optional(), expectedArrival: date.nullable().optional() }),
    output: z.object({ car: StockCarViewSchema, notified: z.array(ArrivalNoticeSchema) }), roles: salesOffice,
  }),
  'sales.stock.setStatus': request({
    input: z.object({ id, status: z.enum(stockStatuses), location: text(100).nullable().optional(), orderId: id.nullable().optional() }),
    output: z.object({ car: StockCarViewSchema, notified: z.array(ArrivalNoticeSchema) }), roles: salesOffice,
  }),
  'sales.arrivals.request': request({
    input: z.object({ customerId: id, model: text(100).min(1), trim: text(100).nullable().optional(), colour: text(50).nullable().optional(), consultant: text(64).nullable().optional(), leadId: id.nullable().optional() }),
    output: z.object({ id: z.number().int() }),
  }),
  'sales.orders.create': request({
    input: z.object({ customerId: id, leadId: id.nullable().optional(), model: text(100).min(1), trim: text(100).nullable().optional(), colour: text(50).nullable().optional(), priceYuan: yuan, depositYuan: yuan.default(0), promisedDate: date, consultant: text(64).nullable().optional(), orderDate: date.optional() }),
    output: OrderViewSchema, roles: salesOffice,
  }),
  'sales.orders.list': request({
    input: z.object({ status: z.enum(orderStatuses).optional(), customerId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(OrderViewSchema), roles: sales,
  }),
  'sales.orders.setStatus': request({ input: z.object({ id, status: z.enum(orderStatuses) }), output: OrderViewSchema, roles: salesOffice }),
  'sales.deliveries.schedule': request({ input: z.object({ orderId: id, plannedDate: date, consultant: text(64).nullable().optional() }), output: OrderViewSchema, roles: salesOffice }),
  'sales.deliveries.complete': request({
    input: z.object({ deliveryId: id, actualDate: date, plate: text(20).nullable().optional() }),
    output: OrderViewSchema, roles: salesOffice,
  }),
  'sales.contracts.create': request({ input: z.object({ orderId: id, number: text(40).min(1).optional(), amountYuan: yuan.optional() }), output: OrderViewSchema, roles: salesOffice }),
  'sales.contracts.setStatus': request({ input: z.object({ id, status: z.enum(contractStatuses), signedDate: date.optional() }), output: OrderViewSchema, roles: salesOffice }),
};

export const salesEvents = {
  'sales.changed': z.object({ kind: z.enum(['lead', 'stock', 'order']), ids: z.array(z.number().int()) }),
};
