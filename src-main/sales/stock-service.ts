// Stock cars (库存车辆): lookup during a call by model, trim, colour or VIN tail (an index prefix
// scan on search_key, or the VIN's unique index), and status changes along the table of
// src-shared/domain/sales/stock.ts. A car that becomes physically available (leaves transit)
// fires the car-arrival reminder (arrival-service.ts) in the same transaction.
import { DeskError } from '../../src-shared/contract/errors';
import type { ArrivalNotice, StockCarView } from '../../src-shared/contract/sales';
import { normalizeModelText } from '../../src-shared/domain/sales/arrival';
import { canMove } from '../../src-shared/domain/sales/state-table';
import { arrives, stockStatusTable, type StockStatus } from '../../src-shared/domain/sales/stock';
import type { WorkflowContext } from '../workflows/context';
import { notifyArrival } from './arrival-service';
import { recordUids } from '../sync/record-tables';

const carSelect = `SELECT id, vin, model, trim, colour, status, location, price_yuan AS priceYuan, expected_arrival AS expectedArrival, arrived_at AS arrivedAt, order_id AS orderId FROM stock_cars`;

export function searchKey(model: string, trim: string | null | undefined, colour: string | null | undefined, vin: string): string {
  return normalizeModelText(`${model}|${trim ?? ''}|${colour ?? ''}|${vin}`);
}

export function stockCar(ctx: Pick<WorkflowContext, 'sqlite'>, id: number): StockCarView {
  const r = ctx.sqlite.prepare(`${carSelect} WHERE id = ?`).get(id) as StockCarView | undefined;
  if (!r) throw new DeskError('not-found', `stock car ${id} not found`);
  return r;
}

/** Words in the query must all appear in model|trim|colour|VIN; the first word as a prefix uses the index. */
export function searchStock(ctx: Pick<WorkflowContext, 'sqlite'>, query: string, statuses: readonly StockStatus[] | undefined, limit: number): StockCarView[] {
  const words = query.split(/\s+/).map(normalizeModelText).filter(Boolean);
  const wanted = statuses?.length ? statuses : (['in_stock', 'in_transit', 'reserved'] as StockStatus[]);
  const statusSql = `status IN (${wanted.map(() => '?').join(',')})`;
  if (!words.length) return ctx.sqlite.prepare(`${carSelect} WHERE ${statusSql} ORDER BY model, id LIMIT ?`).all(...wanted, limit) as StockCarView[];
  const likes = words.map(() => `instr(search_key, ?) > 0`).join(' AND ');
  const prefix = ctx.sqlite.prepare(`${carSelect} WHERE search_key >= ? AND search_key < ? AND ${statusSql} AND ${likes} ORDER BY search_key LIMIT ?`).all(words[0], `${words[0]}\uffff`, ...wanted, ...words, limit) as StockCarView[];
  if (prefix.length >= limit) return prefix;
  const seen = new Set(prefix.map((c) => c.id));
  const rest = (ctx.sqlite.prepare(`${carSelect} WHERE ${statusSql} AND ${likes} ORDER BY model, id LIMIT ?`).all(...wanted, ...words, limit) as StockCarView[]).filter((c) => !seen.has(c.id));
  return [...prefix, ...rest].slice(0, limit);
}

export interface NewStockCar {
  vin: string;
  model: string;
  trim?: string | null;
  colour?: string | null;
  status: 'in_transit' | 'in_stock';
  location?: string | null;
  priceYuan?: number | null;
  expectedArrival?: string | null;
}

export function addStockCar(ctx: WorkflowContext, car: NewStockCar): { car: StockCarView; notified: ArrivalNotice[] } {
  const vin = car.vin.toUpperCase().replace(/\s+/g, '');
  if (ctx.sqlite.prepare('SELECT 1 FROM stock_cars WHERE vin = ?').get(vin)) throw new DeskError('conflict', `VIN ${vin} is already in stock`);
  const at = ctx.now().toISOString();
  return ctx.sqlite.transaction(() => {
    const id = ctx.sqlite
      .prepare(`INSERT INTO stock_cars (uid, vin, model, trim, colour, status, location, price_yuan, expected_arrival, arrived_at, search_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
      .pluck()
      .get(recordUids.stockCar(vin), vin, car.model, car.trim ?? null, car.colour ?? null, car.status, car.location ?? null, car.priceYuan ?? null, car.expectedArrival ?? null, car.status === 'in_stock' ? at : null, searchKey(car.model, car.trim, car.colour, vin), at) as number;
    const notified = car.status === 'in_stock' ? notifyArrival(ctx, id) : [];
    ctx.emit('sales.changed', { kind: 'stock', ids: [id] });
    return { car: stockCar(ctx, id), notified };
  })();
}

export function setStockStatus(ctx: WorkflowContext, input: { id: number; status: StockStatus; location?: string | null; orderId?: number | null }): { car: StockCarView; notified: ArrivalNotice[] } {
  return ctx.sqlite.transaction(() => {
    const car = stockCar(ctx, input.id);
    if (input.status !== car.status && !canMove(stockStatusTable, car.status, input.status)) throw new DeskError('conflict', `a car cannot go from ${car.status} to ${input.status}`);
    const orderId = input.orderId !== undefined ? input.orderId : car.orderId;
    if (orderId && !ctx.sqlite.prepare('SELECT 1 FROM sales_orders WHERE id = ?').get(orderId)) throw new DeskError('not-found', `order ${orderId} not found`);
    const at = ctx.now().toISOString();
    const arriving = arrives(input.status, car.arrivedAt !== null);
    const arrivedAt = car.arrivedAt ?? (arriving ? at : null);
    ctx.sqlite.prepare('UPDATE stock_cars SET status = ?, location = ?, order_id = ?, arrived_at = ?, updated_at = ? WHERE id = ?').run(input.status, input.location !== undefined ? input.location : car.location, orderId, arrivedAt, at, car.id);
    if (orderId) ctx.sqlite.prepare(`UPDATE sales_orders SET stock_id = ?, status = CASE WHEN status = 'open' THEN 'allocated' ELSE status END WHERE id = ?`).run(car.id, orderId);
    const notified = arriving ? notifyArrival(ctx, car.id) : [];
    ctx.emit('sales.changed', { kind: 'stock', ids: [car.id] });
    return { car: stockCar(ctx, car.id), notified };
  })();
}
