// Server tables of the capability records that sync (KB articles, history and attachments, work items and
// history, appointments, call records; since sync schema 4 sales, insurance, membership, win-back,
// quality review, questionnaires, surveys and messaging), built from their wire definition in
// src-shared/domain/sync/entities.ts: one column per wire field (`fooBar` → foo_bar, a
// reference `workItem` → work_item_uid), plus the record columns every shared table has.
import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, type PgColumnBuilderBase } from 'drizzle-orm/pg-core';
import { entityFields, fieldType, parentOf, type SyncEntity } from '../../src-shared/domain/sync/entities';

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function capabilityTable<E extends SyncEntity>(entity: E) {
  const columns: Record<string, PgColumnBuilderBase> = {
    dealershipId: integer('dealership_id').notNull(),
    uid: text('uid').notNull(),
    rev: bigint('rev', { mode: 'number' }).notNull(),
    deleted: boolean('deleted').notNull().default(false),
    fieldRevs: jsonb('field_revs').notNull().default(sql`'{}'::jsonb`),
  };
  const references: string[] = [];
  for (const field of entityFields[entity]) {
    if (parentOf(entity, field)) {
      columns[field] = text(`${snake(field)}_uid`);
      references.push(field);
      continue;
    }
    const type = fieldType(field);
    const name = snake(field);
    columns[field] = type === 'int' ? bigint(name, { mode: 'number' }) : type === 'real' ? doublePrecision(name) : type === 'bool' ? boolean(name) : text(name);
  }
  return pgTable(entity, columns, (t) => {
    const col = (name: string) => (t as Record<string, any>)[name];
    return [
      primaryKey({ columns: [col('dealershipId'), col('uid')] }),
      index(`${entity}_rev`).on(col('dealershipId'), col('rev')),
      ...references.map((field) => index(`${entity}_${snake(field)}`).on(col('dealershipId'), col(field))),
    ];
  });
}

export const kbArticles = capabilityTable('kb_articles');
export const kbArticleVersions = capabilityTable('kb_article_versions');
export const workItems = capabilityTable('work_items');
export const workItemHistory = capabilityTable('work_item_history');
export const appointments = capabilityTable('appointments');
export const callRecords = capabilityTable('call_records');
export const kbAttachments = capabilityTable('kb_attachments');
export const leads = capabilityTable('leads');
export const stockCars = capabilityTable('stock_cars');
export const arrivalRequests = capabilityTable('arrival_requests');
export const salesOrders = capabilityTable('sales_orders');
export const deliveries = capabilityTable('deliveries');
export const salesContracts = capabilityTable('sales_contracts');
export const policies = capabilityTable('policies');
export const policyItems = capabilityTable('policy_items');
export const renewals = capabilityTable('renewals');
export const membershipPoints = capabilityTable('membership_points');
export const winBacks = capabilityTable('win_backs');
export const qualityReviews = capabilityTable('quality_reviews');
export const qualityComments = capabilityTable('quality_comments');
export const questionnaires = capabilityTable('questionnaires');
export const surveys = capabilityTable('surveys');
export const surveyAnswers = capabilityTable('survey_answers');
export const messageTemplates = capabilityTable('message_templates');
export const messages = capabilityTable('messages');
export const messageOptOuts = capabilityTable('message_opt_outs');
