// Membership points, win-back, audit and the supervisor's precomputed figures (issue 9).
// `audit_log` records reveals of masked phones (with the reason), exports and alerts; it is
// append-only. `card_views` counts card opens per user and hour for the unusual-viewing alert.
// `churn_snapshot` and `kpi_monthly` are rebuilt by the churn job so the dashboard never scans
// a million customers' visits on open.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const membershipPoints = sqliteTable(
  'membership_points',
  {
    id: integer('id').primaryKey(),
    /** Rule-earned points: derived from source_key (recordUids.membershipPoints); null until the desk opens once after migration 0014. */
    uid: text('uid'),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    customerId: integer('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    /** Positive earned, negative redeemed. */
    points: integer('points').notNull(),
    reason: text('reason').notNull(),
    /** Idempotency of earned points: 'visit:<service visit uid>'. */
    sourceKey: text('source_key'),
    at: text('at').notNull(),
    by: text('by').notNull(),
  },
  (t) => [uniqueIndex('membership_points_uid').on(t.uid), index('membership_points_customer').on(t.customerId, t.at), uniqueIndex('membership_points_source').on(t.sourceKey)],
);

export const winBacks = sqliteTable(
  'win_backs',
  {
    id: integer('id').primaryKey(),
    /** One per customer: derived from the customer's uid (recordUids.winBack); null until the desk opens once after migration 0014. */
    uid: text('uid'),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    customerId: integer('customer_id').notNull().references(() => customers.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    churnStatus: text('churn_status').notNull(),
    lastVisit: text('last_visit'),
    reason: text('reason'),
    note: text('note'),
    /** Seed 003 importance reasons as a JSON array; non-empty: owned by a manager. */
    importance: text('importance').notNull().default('[]'),
    owner: text('owner'),
    callBy: text('call_by'),
    outcomeAt: text('outcome_at'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('win_backs_uid').on(t.uid), uniqueIndex('win_backs_customer').on(t.customerId), index('win_backs_status').on(t.status, t.callBy)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: text('at').notNull().default(now),
    actor: text('actor').notNull(),
    role: text('role').notNull(),
    /** 'reveal_phone' | 'export' | 'export_refused' | 'card_view_alert' */
    action: text('action').notNull(),
    customerId: integer('customer_id'),
    reason: text('reason'),
    data: text('data'),
  },
  (t) => [index('audit_log_at').on(t.at), index('audit_log_action').on(t.action, t.at)],
);

export const cardViews = sqliteTable(
  'card_views',
  {
    actor: text('actor').notNull(),
    /** The hour as an ISO prefix: 2024-06-01T09. */
    hour: text('hour').notNull(),
    count: integer('count').notNull().default(0),
    alerted: integer('alerted', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.actor, t.hour] })],
);

export const churnSnapshot = sqliteTable(
  'churn_snapshot',
  {
    customerId: integer('customer_id').primaryKey(),
    advisorId: integer('advisor_id'),
    visitClass: text('visit_class').notNull(),
    status: text('status').notNull(),
    lastVisit: text('last_visit'),
    countsAgainst: integer('counts_against', { mode: 'boolean' }).notNull(),
    asOf: text('as_of').notNull(),
  },
  (t) => [index('churn_snapshot_status').on(t.status, t.lastVisit), index('churn_snapshot_advisor').on(t.advisorId, t.status)],
);

/** Monthly figures by metric and key ('visits' / 'maintenance' / month '2024-06'). */
export const kpiMonthly = sqliteTable(
  'kpi_monthly',
  {
    metric: text('metric').notNull(),
    month: text('month').notNull(),
    key: text('key').notNull(),
    value: real('value').notNull(),
    builtAt: text('built_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.metric, t.month, t.key] })],
);
