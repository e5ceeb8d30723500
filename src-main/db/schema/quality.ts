// Quality review (质检, issue 9): one review per recording (the latest reviewer's scores, JSON
// keyed by criterion id, with the weighted total and the agent/month copied for trend queries)
// and comments pinned at a millisecond offset in the recording. The form itself lives in settings
// ('quality.criteria').
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { recordings } from './recordings';

export const qualityReviews = sqliteTable(
  'quality_reviews',
  {
    id: integer('id').primaryKey(),
    recordingId: integer('recording_id').notNull().references(() => recordings.id, { onDelete: 'cascade' }),
    agent: text('agent').notNull(),
    month: text('month').notNull(),
    reviewer: text('reviewer').notNull(),
    scores: text('scores').notNull(),
    total: real('total'),
    note: text('note'),
    reviewedAt: text('reviewed_at').notNull(),
  },
  (t) => [uniqueIndex('quality_reviews_recording').on(t.recordingId), index('quality_reviews_month_agent').on(t.month, t.agent)],
);

export const qualityComments = sqliteTable(
  'quality_comments',
  {
    id: integer('id').primaryKey(),
    recordingId: integer('recording_id').notNull().references(() => recordings.id, { onDelete: 'cascade' }),
    atMs: integer('at_ms').notNull(),
    author: text('author').notNull(),
    text: text('text').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('quality_comments_recording').on(t.recordingId, t.atMs)],
);
