// Knowledge base (issue 7). Articles are the source of truth here until the dealership server
// exists (then they sync like customer data, hence `uid`). The full-text tables kb_fts (jieba
// words) and kb_grams (sound bigrams) are FTS5 virtual tables created by the custom migration
// knowledge-fts, keyed by article id and kept in step by src-main/knowledge/search-index.ts.
// Attachment bytes live in the data folder (kb-attachments/, content-addressed by sha256).
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const kbArticles = sqliteTable(
  'kb_articles',
  {
    id: integer('id').primaryKey(),
    uid: text('uid').notNull(),
    /** Server rev of the row (0: not yet on the server); see src-main/sync/record-tables.ts. */
    rev: integer('rev').notNull().default(0),
    /** File path without .md in the folder format ("maintenance/first-service"); stable id. */
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    category: text('category', { enum: ['maintenance', 'repair', 'warranty', 'insurance', 'rescue', 'sales', 'complaint_standard', 'policy'] }).notNull(),
    tags: text('tags').notNull().default('[]'),
    models: text('models').notNull().default('[]'),
    mileageMin: integer('mileage_min'),
    mileageMax: integer('mileage_max'),
    ageMinMonths: integer('age_min_months'),
    ageMaxMonths: integer('age_max_months'),
    status: text('status', { enum: ['draft', 'published', 'archived'] }).notNull().default('draft'),
    author: text('author'),
    version: integer('version').notNull().default(1),
    /** Unknown front-matter keys, written back on export. */
    extra: text('extra').notNull().default('{}'),
    /** The imported file, written back verbatim on export while `version` is still `sourceVersion`. */
    sourceText: text('source_text'),
    sourceVersion: integer('source_version'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
    updatedBy: text('updated_by'),
  },
  (t) => [
    uniqueIndex('kb_articles_uid').on(t.uid),
    uniqueIndex('kb_articles_slug').on(t.slug),
    index('kb_articles_status_category').on(t.status, t.category, t.updatedAt),
  ],
);

/** One row per (article, model key) so context suggestions find a caller's model by index. */
export const kbArticleModels = sqliteTable(
  'kb_article_models',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    modelKey: text('model_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.modelKey] }), index('kb_article_models_key').on(t.modelKey)],
);

export const kbArticleVersions = sqliteTable(
  'kb_article_versions',
  {
    id: integer('id').primaryKey(),
    /** Null only for rows written before sync existed (the migration fills them). */
    uid: text('uid'),
    rev: integer('rev').notNull().default(0),
    articleId: integer('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** JSON of the other fields (category, tags, models, ranges, status, author). */
    fields: text('fields').notNull(),
    editor: text('editor'),
    note: text('note'),
    createdAt: text('created_at').notNull().default(now),
  },
  // Not unique: two desks editing one article offline both write version n+1; history keeps both.
  (t) => [uniqueIndex('kb_article_versions_uid').on(t.uid), index('kb_article_versions_article').on(t.articleId, t.version)],
);

export const kbAttachments = sqliteTable(
  'kb_attachments',
  {
    id: integer('id').primaryKey(),
    /** Null only for rows written before attachments synced (the migration fills them). */
    uid: text('uid'),
    rev: integer('rev').notNull().default(0),
    articleId: integer('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    /** As referenced by the article (`attachment:NAME`) and written back on export. */
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('kb_attachments_uid').on(t.uid),
    uniqueIndex('kb_attachments_article_name').on(t.articleId, t.name),
    index('kb_attachments_sha256').on(t.sha256),
  ],
);

export const kbSynonyms = sqliteTable('kb_synonyms', {
  id: integer('id').primaryKey(),
  kind: text('kind', { enum: ['equivalent', 'related'] }).notNull(),
  /** JSON array of terms. */
  terms: text('terms').notNull(),
  updatedAt: text('updated_at').notNull().default(now),
});

/** Small key/value flags of the KB (e.g. whether default synonyms and demo articles were loaded). */
export const kbSettings = sqliteTable('kb_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
