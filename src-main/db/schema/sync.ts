// Desk side of sync (issue 6; protocol in src-shared/domain/sync/protocol.ts).
//  - sync_outbox: every local write of a shared record adds a row here in the same SQLite
//    transaction as the write. mutation_id is AUTOINCREMENT, so ids rise by one and are never
//    reused: with the desk id it is the idempotency key. Rows leave only when the server has
//    acknowledged them.
//  - sync_conflicts: the desk's copy of the server's conflict records (the conflict inbox).
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    mutationId: integer('mutation_id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    uid: text('uid').notNull(),
    op: text('op', { enum: ['upsert', 'delete', 'undelete'] }).notNull(),
    /** JSON object: wire field → new value. */
    fields: text('fields').notNull(),
    baseRev: integer('base_rev').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('sync_outbox_uid').on(t.uid)],
);

/**
 * One row: 1 while the sync engine writes what the server sent, so the change-capture triggers
 * of the capability tables (src-main/sync/record-tables.ts) do not queue it back to the server.
 * Set and cleared inside the applying transaction, so a crash can never leave it set.
 */
export const syncApplyState = sqliteTable('sync_apply_state', {
  id: integer('id').primaryKey(),
  applying: integer('applying').notNull().default(0),
});

export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    uid: text('uid').primaryKey(),
    rev: integer('rev').notNull().default(0),
    kind: text('kind').notNull(),
    entity: text('entity').notNull(),
    recordUid: text('record_uid').notNull(),
    field: text('field'),
    lostValue: text('lost_value'),
    wonValue: text('won_value'),
    lostRev: integer('lost_rev'),
    wonRev: integer('won_rev'),
    lostDesk: text('lost_desk'),
    lostUser: text('lost_user'),
    detectedAt: text('detected_at'),
    resolved: integer('resolved', { mode: 'boolean' }).notNull().default(false),
    resolvedBy: text('resolved_by'),
    reason: text('reason'),
  },
  (t) => [index('sync_conflicts_open').on(t.resolved, t.detectedAt)],
);
