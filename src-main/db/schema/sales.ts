// Sales (issue 9, seed 000 销售管理): leads (意向客户), stock cars (库存车辆), "tell me when it
// arrives" requests, orders, deliveries (提车单) and contracts (销售合同). Statuses follow the
// tables in src-shared/domain/sales/. `stock_cars.search_key` is model+trim+colour+VIN
// normalized (upper case, no spaces) so a lookup during a call is an index prefix scan.
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers, vehicles } from './customers';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const leads = sqliteTable(
  'leads',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    customerId: integer('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    /** Models of interest as a JSON array of strings. */
    models: text('models').notNull().default('[]'),
    budgetYuan: real('budget_yuan'),
    stage: text('stage').notNull(),
    furthestStage: text('furthest_stage').notNull(),
    lostReason: text('lost_reason'),
    consultant: text('consultant'),
    nextStep: text('next_step'),
    nextStepDate: text('next_step_date'),
    orderId: integer('order_id'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('leads_uid').on(t.uid), index('leads_customer').on(t.customerId), index('leads_stage').on(t.stage, t.nextStepDate), index('leads_created').on(t.createdAt)],
);

export const stockCars = sqliteTable(
  'stock_cars',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    vin: text('vin').notNull(),
    model: text('model').notNull(),
    trim: text('trim'),
    colour: text('colour'),
    status: text('status').notNull(),
    location: text('location'),
    priceYuan: real('price_yuan'),
    expectedArrival: text('expected_arrival'),
    arrivedAt: text('arrived_at'),
    orderId: integer('order_id'),
    searchKey: text('search_key').notNull(),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('stock_cars_uid').on(t.uid), uniqueIndex('stock_cars_vin').on(t.vin), index('stock_cars_search').on(t.searchKey), index('stock_cars_status').on(t.status, t.model)],
);

export const arrivalRequests = sqliteTable(
  'arrival_requests',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    customerId: integer('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    leadId: integer('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    model: text('model').notNull(),
    trim: text('trim'),
    colour: text('colour'),
    consultant: text('consultant'),
    status: text('status', { enum: ['waiting', 'notified', 'cancelled'] }).notNull().default('waiting'),
    notifiedStockId: integer('notified_stock_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('arrival_requests_uid').on(t.uid), index('arrival_requests_waiting').on(t.status, t.createdAt)],
);

export const salesOrders = sqliteTable(
  'sales_orders',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    number: text('number').notNull(),
    customerId: integer('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    leadId: integer('lead_id').references(() => leads.id, { onDelete: 'set null' }),
    model: text('model').notNull(),
    trim: text('trim'),
    colour: text('colour'),
    priceYuan: real('price_yuan').notNull(),
    depositYuan: real('deposit_yuan').notNull().default(0),
    promisedDate: text('promised_date').notNull(),
    consultant: text('consultant'),
    status: text('status').notNull(),
    stockId: integer('stock_id'),
    orderDate: text('order_date').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('sales_orders_uid').on(t.uid), uniqueIndex('sales_orders_number').on(t.number), index('sales_orders_status').on(t.status, t.orderDate), index('sales_orders_customer').on(t.customerId)],
);

export const deliveries = sqliteTable(
  'deliveries',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    orderId: integer('order_id').notNull().references(() => salesOrders.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    vehicleId: integer('vehicle_id').references(() => vehicles.id, { onDelete: 'set null' }),
    plannedDate: text('planned_date').notNull(),
    actualDate: text('actual_date'),
    consultant: text('consultant'),
    status: text('status').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('deliveries_uid').on(t.uid), index('deliveries_order').on(t.orderId), index('deliveries_planned').on(t.status, t.plannedDate)],
);

export const salesContracts = sqliteTable(
  'sales_contracts',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    number: text('number').notNull(),
    orderId: integer('order_id').notNull().references(() => salesOrders.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    amountYuan: real('amount_yuan').notNull(),
    signedDate: text('signed_date'),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('sales_contracts_uid').on(t.uid), uniqueIndex('sales_contracts_number').on(t.number), index('sales_contracts_order').on(t.orderId)],
);
