// Insurance (issue 9, seed 000 保险管理 and seed 001 续保): policies per vehicle with their cover
// items, and one renewal row per expiring policy that walks the funnel of
// src-shared/domain/insurance/renewal.ts (due → contacted → quoted → renewed | lost with reason).
import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers, vehicles } from './customers';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const policies = sqliteTable(
  'policies',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    vehicleId: integer('vehicle_id').notNull().references(() => vehicles.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    insurer: text('insurer').notNull(),
    policyNumber: text('policy_number'),
    kind: text('kind').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    premiumYuan: real('premium_yuan').notNull().default(0),
    /** The policy this one renewed (through us). */
    renewsPolicyId: integer('renews_policy_id'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('policies_uid').on(t.uid), index('policies_vehicle').on(t.vehicleId, t.endDate), index('policies_end').on(t.endDate)],
);

export const policyItems = sqliteTable(
  'policy_items',
  {
    id: integer('id').primaryKey(),
    /** Null only for rows written before policy items synced (the migration fills them). */
    uid: text('uid'),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    policyId: integer('policy_id').notNull().references(() => policies.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    sumInsuredYuan: real('sum_insured_yuan'),
    premiumYuan: real('premium_yuan').notNull(),
  },
  (t) => [uniqueIndex('policy_items_uid').on(t.uid), index('policy_items_policy').on(t.policyId)],
);

export const renewals = sqliteTable(
  'renewals',
  {
    id: integer('id').primaryKey(),
    /** One renewal per policy, so its uid derives from the policy's (recordUids.renewal); null until the desk opens once after migration 0014. */
    uid: text('uid'),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    policyId: integer('policy_id').notNull().references(() => policies.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    quoteYuan: real('quote_yuan'),
    lostReason: text('lost_reason'),
    note: text('note'),
    renewedPolicyId: integer('renewed_policy_id'),
    agent: text('agent'),
    /** The end date of the expiring policy, copied for the monthly rate (by month of expiry). */
    expiryDate: text('expiry_date').notNull(),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('renewals_uid').on(t.uid), uniqueIndex('renewals_policy').on(t.policyId), index('renewals_expiry').on(t.expiryDate, t.stage)],
);
