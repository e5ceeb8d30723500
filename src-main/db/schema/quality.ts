// Quality review (质检, issue 9): one review per recording (the latest reviewer's scores, JSON
// keyed by criterion id, with the weighted total and the agent/month copied for trend queries)
// and comments pinned at a millisecond offset in the recording. The form itself lives in settings
// ('quality.criteria'). Reviews and comments sync (issue 6) and name their recording by its uid,
// the upload's key on the server: recording_id is set only on a desk that holds the recording, and
// a recording leaving the desk leaves the shared review (set null, never a cascade that would sync).
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { recordings } from './recordings';

export const qualityReviews = sqliteTable(
  'quality_reviews',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    recordingId: integer('recording_id').references(() => recordings.id, { onDelete: 'set null' }),
    recordingUid: text('recording_uid').notNull(),
    callUid: text('call_uid'),
    agent: text('agent').notNull(),
    month: text('month').notNull(),
    reviewer: text('reviewer').notNull(),
    scores: text('scores').notNull(),
    total: real('total'),
    note: text('note'),
    reviewedAt: text('reviewed_at').notNull(),
  },
  (t) => [uniqueIndex('quality_reviews_uid').on(t.uid), uniqueIndex('quality_reviews_recording').on(t.recordingId), index('quality_reviews_recording_uid').on(t.recordingUid), index('quality_reviews_month_agent').on(t.month, t.agent)],
);

export const qualityComments = sqliteTable(
  'quality_comments',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    recordingId: integer('recording_id').references(() => recordings.id, { onDelete: 'set null' }),
    recordingUid: text('recording_uid').notNull(),
    callUid: text('call_uid'),
    atMs: integer('at_ms').notNull(),
    author: text('author').notNull(),
    text: text('text').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('quality_comments_uid').on(t.uid), index('quality_comments_recording').on(t.recordingId, t.atMs), index('quality_comments_recording_uid').on(t.recordingUid)],
);
