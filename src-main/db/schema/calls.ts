// Call log written by the softphone capability (issue 4); created with the foundation so the
// customer card can already show a customer's calls.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers, vehicles } from './customers';

export const callLog = sqliteTable(
  'call_log',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    localNumber: text('local_number'),
    remoteNumber: text('remote_number').notNull(),
    remoteNormalized: text('remote_normalized'),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    vehicleId: integer('vehicle_id').references(() => vehicles.id, { onDelete: 'set null' }),
    agent: text('agent'),
    queue: text('queue'),
    ivrChoice: text('ivr_choice'),
    ringAt: text('ring_at').notNull(),
    answerAt: text('answer_at'),
    endAt: text('end_at'),
    talkSeconds: integer('talk_seconds'),
    disposition: text('disposition'),
    notes: text('notes'),
    /** Inquiry category chosen in the wrap-up (pre-selected from the IVR choice). */
    inquiryCategory: text('inquiry_category'),
    /** 'answered' | 'missed' | 'declined' | 'rejected-busy' | 'failed' | 'transferred'. */
    outcome: text('outcome'),
    transferredTo: text('transferred_to'),
  },
  (t) => [index('call_log_customer').on(t.customerId, t.ringAt), index('call_log_ring_at').on(t.ringAt)],
);

/** Callbacks scheduled from the wrap-up form (回访 / 回电). */
export const callbacks = sqliteTable(
  'callbacks',
  {
    id: integer('id').primaryKey(),
    callUid: text('call_uid'),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    phone: text('phone').notNull(),
    dueAt: text('due_at').notNull(),
    note: text('note'),
    agent: text('agent'),
    status: text('status', { enum: ['open', 'done', 'cancelled'] }).notNull().default('open'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('callbacks_due').on(t.status, t.dueAt)],
);
