// Service workflows (issue 8): work items (工单) with their history, attachments and links,
// appointments, messages (SMS/email outbox and inbox), templates, opt-outs, questionnaires,
// answers and surveys. Every row that desks share has a `uid` so sync (issue 6) can name it.
// `open` and `sort_at` exist for the queues: "my work" is an index range on
// (owner, open, sort_at, id), never a scan. Attachment bytes live in the data folder
// (work-item-attachments/, content-addressed by sha256).
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { customers, vehicles } from './customers';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const workItems = sqliteTable(
  'work_items',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    open: integer('open', { mode: 'boolean' }).notNull().default(true),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: text('category'),
    department: text('department'),
    priority: text('priority').notNull().default('normal'),
    owner: text('owner'),
    createdBy: text('created_by').notNull(),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    vehicleId: integer('vehicle_id').references(() => vehicles.id, { onDelete: 'set null' }),
    /** Reply deadline (SLA kinds) as an ISO instant. */
    deadlineAt: text('deadline_at'),
    /** Queue order: the deadline, the follow-up's next attempt, or the creation time. */
    sortAt: text('sort_at').notNull(),
    repliedAt: text('replied_at'),
    closedAt: text('closed_at'),
    /** Kind-specific fields (rescue place, accident claim, follow-up code…) as JSON. */
    fields: text('fields').notNull().default('{}'),
    /** Seed 003 importance reasons as a JSON array; non-empty routes to the manager. */
    importance: text('importance').notNull().default('[]'),
    alarmsFired: text('alarms_fired').notNull().default('[]'),
    attempts: integer('attempts').notNull().default(0),
    /** Idempotency key of rule-made items ('visit:12:repair:3DC:3'). */
    sourceKey: text('source_key'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('work_items_uid').on(t.uid),
    uniqueIndex('work_items_source_key').on(t.sourceKey),
    index('work_items_owner_queue').on(t.owner, t.open, t.sortAt, t.id),
    index('work_items_kind_queue').on(t.kind, t.open, t.sortAt, t.id),
    index('work_items_open_queue').on(t.open, t.sortAt, t.id),
    index('work_items_department_queue').on(t.department, t.open, t.sortAt, t.id),
    index('work_items_customer').on(t.customerId, t.createdAt),
    index('work_items_deadline').on(t.open, t.deadlineAt),
  ],
);

export const workItemHistory = sqliteTable(
  'work_item_history',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    rev: integer('rev').notNull().default(0),
    workItemId: integer('work_item_id')
      .notNull()
      .references(() => workItems.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    /** A machine action, 'create', 'comment', 'remind', 'escalate', 'answer', 'link'. */
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    data: text('data'),
  },
  (t) => [uniqueIndex('work_item_history_uid').on(t.uid), index('work_item_history_item').on(t.workItemId, t.at)],
);

export const workItemAttachments = sqliteTable(
  'work_item_attachments',
  {
    id: integer('id').primaryKey(),
    workItemId: integer('work_item_id')
      .notNull()
      .references(() => workItems.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('work_item_attachments_item').on(t.workItemId)],
);

/** Calls, messages, appointments and other work items that touched a work item. */
export const workItemLinks = sqliteTable(
  'work_item_links',
  {
    workItemId: integer('work_item_id')
      .notNull()
      .references(() => workItems.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['call', 'message', 'appointment', 'work_item'] }).notNull(),
    ref: text('ref').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workItemId, t.kind, t.ref] }), index('work_item_links_ref').on(t.kind, t.ref)],
);

export const appointments = sqliteTable(
  'appointments',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    rev: integer('rev').notNull().default(0),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    vehicleId: integer('vehicle_id').references(() => vehicles.id, { onDelete: 'set null' }),
    advisor: text('advisor').notNull(),
    date: text('date').notNull(),
    slot: text('slot').notNull(),
    kind: text('kind', { enum: ['maintenance', 'repair', 'first_maintenance', 'inspection', 'viewing'] }).notNull(),
    workRequested: text('work_requested').notNull().default(''),
    status: text('status', { enum: ['booked', 'checked_in', 'cancelled', 'no_show'] }).notNull().default('booked'),
    source: text('source').notNull().default('phone'),
    workItemId: integer('work_item_id').references(() => workItems.id, { onDelete: 'set null' }),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull().default(now),
    checkedInAt: text('checked_in_at'),
  },
  (t) => [uniqueIndex('appointments_uid').on(t.uid), index('appointments_day').on(t.date, t.advisor, t.status), index('appointments_customer').on(t.customerId, t.date)],
);

export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
    direction: text('direction', { enum: ['out', 'in'] }).notNull(),
    /** Normalized phone number or email address. */
    address: text('address').notNull(),
    templateId: text('template_id'),
    purpose: text('purpose', { enum: ['service', 'marketing', 'reply'] }).notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** Template variables for providers that send by template code (JSON). */
    params: text('params'),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed', 'suppressed', 'received'] }).notNull(),
    reason: text('reason'),
    notBefore: text('not_before'),
    attempts: integer('attempts').notNull().default(0),
    providerId: text('provider_id'),
    error: text('error'),
    expectsReply: text('expects_reply'),
    /** Inbound: the outbound message it answers, and the parsed reply (JSON). */
    replyTo: integer('reply_to'),
    /** The uid of the message answered (what travels with sync; reply_to is this desk's id of it). */
    replyToUid: text('reply_to_uid'),
    parsed: text('parsed'),
    workItemId: integer('work_item_id').references(() => workItems.id, { onDelete: 'set null' }),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
    /** 1: queued on this desk, which alone sends it (every desk holds every desk's outbox). Never synced. */
    queuedHere: integer('queued_here').notNull().default(0),
  },
  (t) => [
    uniqueIndex('messages_uid').on(t.uid),
    index('messages_outbox').on(t.status, t.notBefore),
    index('messages_customer').on(t.customerId, t.createdAt),
    index('messages_address').on(t.address, t.createdAt),
  ],
);

// Templates, opt-outs and questionnaires are one row per natural key on every desk, so their uid
// derives from it (recordUids in src-main/sync/record-tables.ts); null until the desk opens once
// after migration 0014.
export const messageTemplates = sqliteTable('message_templates', {
  id: text('id').primaryKey(),
  uid: text('uid').unique(),
  /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
  rev: integer('rev').notNull().default(0),
  title: text('title').notNull(),
  channel: text('channel', { enum: ['sms', 'email'] }).notNull(),
  purpose: text('purpose', { enum: ['service', 'marketing'] }).notNull(),
  subject: text('subject'),
  body: text('body').notNull(),
  providerTemplateCode: text('provider_template_code'),
  expectsReply: text('expects_reply'),
  updatedAt: text('updated_at').notNull().default(now),
  updatedBy: text('updated_by'),
});

/** 退订: by normalized phone number or email address. */
export const messageOptOuts = sqliteTable('message_opt_outs', {
  address: text('address').primaryKey(),
  uid: text('uid').unique(),
  /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
  rev: integer('rev').notNull().default(0),
  /** 'none': withdrawn (kept, so the withdrawal syncs as an edit of the one row). */
  scope: text('scope', { enum: ['none', 'marketing', 'all'] }).notNull(),
  at: text('at').notNull(),
  source: text('source').notNull(),
});

export const questionnaires = sqliteTable('questionnaires', {
  id: text('id').primaryKey(),
  uid: text('uid').unique(),
  /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
  rev: integer('rev').notNull().default(0),
  title: text('title').notNull(),
  purpose: text('purpose').notNull(),
  definition: text('definition').notNull(),
  updatedAt: text('updated_at').notNull().default(now),
  updatedBy: text('updated_by'),
});

export const surveys = sqliteTable('surveys', {
  id: integer('id').primaryKey(),
  uid: text('uid').notNull().unique(),
  /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
  rev: integer('rev').notNull().default(0),
  name: text('name').notNull(),
  questionnaireId: text('questionnaire_id').notNull(),
  segment: text('segment').notNull(),
  share: real('share').notNull(),
  seed: integer('seed').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
});

export const surveyAnswers = sqliteTable(
  'survey_answers',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull().unique(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    workItemId: integer('work_item_id')
      .notNull()
      .references(() => workItems.id, { onDelete: 'cascade' }),
    questionnaireId: text('questionnaire_id').notNull(),
    surveyId: integer('survey_id').references(() => surveys.id, { onDelete: 'set null' }),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    answers: text('answers').notNull(),
    satisfied: integer('satisfied', { mode: 'boolean' }).notNull(),
    agent: text('agent').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('survey_answers_questionnaire').on(t.questionnaireId, t.createdAt), index('survey_answers_survey').on(t.surveyId)],
);
