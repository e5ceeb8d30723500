// Sales orders, deliveries (提车单) and contracts (销售合同). Completing a delivery records the
// actual pick-up, adds the car to the customer's vehicles (with its VIN from stock), marks the
// stock car sold and the order delivered, wins the lead, and plans the 'delivery' follow-ups
// (3DC/7DC, seed 001) through the workflows follow-up service.
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../src-shared/contract/errors';
import type { OrderView } from '../../src-shared/contract/sales';
import { daysBetween } from '../../src-shared/domain/dates';
import { vehicleKeys } from '../../src-shared/domain/customer-keys';
import { furthestAfter, type LeadStage } from '../../src-shared/domain/sales/leads';
import { balanceDue, contractStatusTable, deliveryDelayDays, orderMoneyProblems, orderStatusTable, type ContractStatus, type OrderStatus } from '../../src-shared/domain/sales/orders';
import { canMove } from '../../src-shared/domain/sales/state-table';
import { recordLocalCreate } from '../sync/local-writes';
import { recordUids } from '../sync/record-tables';
import type { WorkflowContext } from '../workflows/context';
import { planFollowUps } from '../workflows/follow-up-service';

type Row = Omit<OrderView, 'balanceYuan' | 'deliveries' | 'contracts'>;
const orderSelect = `SELECT o.id, o.number, o.customer_id AS customerId, c.name AS customerName, o.lead_id AS leadId, o.model, o.trim, o.colour, o.price_yuan AS priceYuan,
  o.deposit_yuan AS depositYuan, o.promised_date AS promisedDate, o.consultant, o.status, o.stock_id AS stockId, o.order_date AS orderDate FROM sales_orders o JOIN customers c ON c.id = o.customer_id`;

function view(ctx: Pick<WorkflowContext, 'sqlite'>, r: Row): OrderView {
  const deliveries = (ctx.sqlite
    .prepare(`SELECT id, order_id AS orderId, planned_date AS plannedDate, actual_date AS actualDate, consultant, status, vehicle_id AS vehicleId FROM deliveries WHERE order_id = ? ORDER BY id`)
    .all(r.id) as Omit<OrderView['deliveries'][number], 'delayDays' | 'followUpIds'>[]).map((d) => ({
    ...d,
    delayDays: deliveryDelayDays(r.promisedDate, d.actualDate, daysBetween),
    // The delivered car's follow-ups, keyed by the vehicle as generateFollowUps keys them (one set wherever planned).
    followUpIds: d.vehicleId === null ? [] : (ctx.sqlite.prepare(`SELECT id FROM work_items WHERE source_key LIKE (SELECT 'vehicle:' || uid || ':%' FROM vehicles WHERE id = ?) ORDER BY id`).pluck().all(d.vehicleId) as number[]),
  }));
  const contracts = ctx.sqlite.prepare(`SELECT id, number, order_id AS orderId, status, amount_yuan AS amountYuan, signed_date AS signedDate FROM sales_contracts WHERE order_id = ? ORDER BY id`).all(r.id) as OrderView['contracts'];
  return { ...r, balanceYuan: balanceDue(r), deliveries, contracts };
}

export function orderById(ctx: Pick<WorkflowContext, 'sqlite'>, id: number): OrderView {
  const r = ctx.sqlite.prepare(`${orderSelect} WHERE o.id = ?`).get(id) as Row | undefined;
  if (!r) throw new DeskError('not-found', `order ${id} not found`);
  return view(ctx, r);
}

export function listOrders(ctx: WorkflowContext, f: { status?: OrderStatus; customerId?: number; limit: number }): OrderView[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.status) { where.push('o.status = ?'); args.push(f.status); }
  if (f.customerId) { where.push('o.customer_id = ?'); args.push(f.customerId); }
  const rows = ctx.sqlite.prepare(`${orderSelect} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.order_date DESC, o.id DESC LIMIT ?`).all(...args, f.limit) as Row[];
  return rows.map((r) => view(ctx, r));
}

function moveLead(ctx: WorkflowContext, leadId: number | null, stage: LeadStage, orderId: number): void {
  if (!leadId) return;
  const lead = ctx.sqlite.prepare('SELECT stage, furthest_stage AS furthest FROM leads WHERE id = ?').get(leadId) as { stage: LeadStage; furthest: Exclude<LeadStage, 'lost'> } | undefined;
  if (!lead) return;
  ctx.sqlite.prepare('UPDATE leads SET stage = ?, furthest_stage = ?, order_id = ?, updated_at = ? WHERE id = ?').run(stage, furthestAfter(lead.furthest, stage), orderId, ctx.now().toISOString(), leadId);
}

export interface NewOrder {
  customerId: number; leadId?: number | null; model: string; trim?: string | null; colour?: string | null; priceYuan: number; depositYuan: number; promisedDate: string; consultant?: string | null; orderDate?: string;
}

export function createOrder(ctx: WorkflowContext, o: NewOrder): OrderView {
  const problems = orderMoneyProblems(o);
  if (problems.length) throw new DeskError('invalid-input', problems.join('; '), problems.map((message) => ({ path: 'depositYuan', message })));
  if (!ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(o.customerId)) throw new DeskError('not-found', `customer ${o.customerId} not found`);
  const at = ctx.now().toISOString();
  return ctx.sqlite.transaction(() => {
    const seq = (ctx.sqlite.prepare('SELECT count(*) FROM sales_orders').pluck().get() as number) + 1;
    const number = `SO${at.slice(0, 10).replace(/-/g, '')}${String(seq).padStart(5, '0')}`;
    const id = ctx.sqlite
      .prepare(`INSERT INTO sales_orders (uid, number, customer_id, lead_id, model, trim, colour, price_yuan, deposit_yuan, promised_date, consultant, status, order_date, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id`)
      .pluck()
      .get(randomUUID(), number, o.customerId, o.leadId ?? null, o.model, o.trim ?? null, o.colour ?? null, o.priceYuan, o.depositYuan, o.promisedDate, o.consultant ?? ctx.session.userName, o.orderDate ?? at.slice(0, 10), at) as number;
    moveLead(ctx, o.leadId ?? null, 'won', id);
    ctx.emit('sales.changed', { kind: 'order', ids: [id] });
    return orderById(ctx, id);
  })();
}

export function setOrderStatus(ctx: WorkflowContext, id: number, status: OrderStatus): OrderView {
  const o = orderById(ctx, id);
  if (o.status === status) return o;
  if (!canMove(orderStatusTable, o.status, status)) throw new DeskError('conflict', `an order cannot go from ${o.status} to ${status}`);
  if (status === 'delivered') throw new DeskError('invalid-input', 'complete the delivery record to deliver an order');
  if (status === 'allocated' && o.stockId === null) throw new DeskError('invalid-input', 'allocate a stock car to the order first');
  ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare('UPDATE sales_orders SET status = ? WHERE id = ?').run(status, id);
    if (status === 'cancelled' && o.stockId) {
      ctx.sqlite.prepare(`UPDATE stock_cars SET order_id = NULL, status = CASE WHEN status = 'reserved' THEN (CASE WHEN arrived_at IS NULL THEN 'in_transit' ELSE 'in_stock' END) ELSE status END WHERE id = ?`).run(o.stockId);
      ctx.sqlite.prepare('UPDATE sales_orders SET stock_id = NULL WHERE id = ?').run(id);
    }
    if (status === 'open' && o.stockId) {
      ctx.sqlite.prepare('UPDATE stock_cars SET order_id = NULL WHERE id = ? AND order_id = ?').run(o.stockId, id);
      ctx.sqlite.prepare('UPDATE sales_orders SET stock_id = NULL WHERE id = ?').run(id);
    }
  })();
  ctx.emit('sales.changed', { kind: 'order', ids: [id] });
  return orderById(ctx, id);
}

export function scheduleDelivery(ctx: WorkflowContext, input: { orderId: number; plannedDate: string; consultant?: string | null }): OrderView {
  const o = orderById(ctx, input.orderId);
  if (o.status === 'cancelled' || o.status === 'delivered') throw new DeskError('conflict', `order ${o.number} is ${o.status}`);
  const planned = o.deliveries.find((d) => d.status === 'planned');
  if (planned) ctx.sqlite.prepare('UPDATE deliveries SET planned_date = ?, consultant = ? WHERE id = ?').run(input.plannedDate, input.consultant ?? planned.consultant, planned.id);
  else ctx.sqlite.prepare(`INSERT INTO deliveries (uid, order_id, customer_id, planned_date, consultant, status) VALUES (?, ?, ?, ?, ?, 'planned')`).run(randomUUID(), o.id, o.customerId, input.plannedDate, input.consultant ?? o.consultant);
  ctx.emit('sales.changed', { kind: 'order', ids: [o.id] });
  return orderById(ctx, o.id);
}

export function completeDelivery(ctx: WorkflowContext, input: { deliveryId: number; actualDate: string; plate?: string | null }): OrderView {
  const d = ctx.sqlite.prepare('SELECT id, uid, order_id AS orderId, status FROM deliveries WHERE id = ?').get(input.deliveryId) as { id: number; uid: string; orderId: number; status: string } | undefined;
  if (!d) throw new DeskError('not-found', `delivery ${input.deliveryId} not found`);
  if (d.status !== 'planned') throw new DeskError('conflict', `delivery ${d.id} is ${d.status}`);
  const o = orderById(ctx, d.orderId);
  if (o.status !== 'allocated') throw new DeskError('conflict', 'only an order with an allocated car can be delivered');
  const car = ctx.sqlite.prepare('SELECT vin, model, colour FROM stock_cars WHERE id = ?').get(o.stockId) as { vin: string; model: string; colour: string | null };
  const now = ctx.now();
  ctx.sqlite.transaction(() => {
    // The same car whichever desk completes the delivery: two desks doing it offline make one vehicle.
    const uid = recordUids.deliveredVehicle(d.uid);
    const vehicleId = ctx.sqlite
      .prepare(`INSERT INTO vehicles (uid, customer_id, plate, plate_local, plate_reversed, vin, vin_reversed, model, colour, purchase_date) VALUES (@uid, @customerId, @plate, @plateLocal, @plateReversed, @vin, @vinReversed, @model, @colour, @purchaseDate) RETURNING id`)
      .pluck()
      .get({ uid, customerId: o.customerId, ...vehicleKeys(input.plate ?? null, car.vin), model: car.model, colour: car.colour, purchaseDate: input.actualDate }) as number;
    recordLocalCreate(ctx.sqlite, 'vehicles', uid, now);
    ctx.sqlite.prepare(`UPDATE deliveries SET status = 'delivered', actual_date = ?, vehicle_id = ? WHERE id = ?`).run(input.actualDate, vehicleId, d.id);
    ctx.sqlite.prepare(`UPDATE sales_orders SET status = 'delivered' WHERE id = ?`).run(o.id);
    ctx.sqlite.prepare(`UPDATE stock_cars SET status = 'sold', updated_at = ? WHERE id = ?`).run(now.toISOString(), o.stockId);
    moveLead(ctx, o.leadId, 'won', o.id);
    planFollowUps(ctx, { trigger: 'delivery', eventDate: input.actualDate, eventKey: `vehicle:${uid}`, customerId: o.customerId, vehicleId });
  })();
  ctx.emit('sales.changed', { kind: 'order', ids: [o.id] });
  ctx.emit('customers.changed', { ids: [o.customerId] });
  return orderById(ctx, o.id);
}

export function createContract(ctx: WorkflowContext, input: { orderId: number; number?: string; amountYuan?: number }): OrderView {
  const o = orderById(ctx, input.orderId);
  if (o.contracts.some((c) => c.status === 'draft' || c.status === 'signed')) throw new DeskError('conflict', `order ${o.number} already has a contract`);
  const number = input.number ?? `HT${o.number.slice(2)}-${o.contracts.length + 1}`;
  ctx.sqlite.prepare(`INSERT INTO sales_contracts (uid, number, order_id, status, amount_yuan, updated_at) VALUES (?, ?, ?, 'draft', ?, ?)`).run(randomUUID(), number, o.id, input.amountYuan ?? o.priceYuan, ctx.now().toISOString());
  return orderById(ctx, o.id);
}

export function setContractStatus(ctx: WorkflowContext, input: { id: number; status: ContractStatus; signedDate?: string }): OrderView {
  const c = ctx.sqlite.prepare('SELECT id, order_id AS orderId, status, signed_date AS signedDate FROM sales_contracts WHERE id = ?').get(input.id) as { id: number; orderId: number; status: ContractStatus; signedDate: string | null } | undefined;
  if (!c) throw new DeskError('not-found', `contract ${input.id} not found`);
  if (c.status !== input.status && !canMove(contractStatusTable, c.status, input.status)) throw new DeskError('conflict', `a contract cannot go from ${c.status} to ${input.status}`);
  const signed = input.status === 'signed' ? (input.signedDate ?? ctx.now().toISOString().slice(0, 10)) : c.signedDate;
  ctx.sqlite.prepare('UPDATE sales_contracts SET status = ?, signed_date = ?, updated_at = ? WHERE id = ?').run(input.status, signed, ctx.now().toISOString(), c.id);
  return orderById(ctx, c.orderId);
}
