// Reads and writes of kb_articles and its side tables (raw better-sqlite3: the search path is
// hot and the FTS tables are outside drizzle's schema). No permission checks here: services do.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { KbArticle, KbAttachmentInfo } from '../../src-shared/contract/knowledge';
import type { KbCategory, KbStatus } from '../../src-shared/domain/knowledge/categories';
import type { ArticleContent } from '../../src-shared/domain/knowledge/front-matter';
import { modelKey } from '../../src-shared/domain/knowledge/normalize';
import { removeFromIndex, writeIndex } from './search-index';

export interface ArticleRow {
  id: number;
  uid: string;
  slug: string;
  title: string;
  body: string;
  category: KbCategory;
  tags: string;
  models: string;
  mileage_min: number | null;
  mileage_max: number | null;
  age_min_months: number | null;
  age_max_months: number | null;
  status: KbStatus;
  author: string | null;
  version: number;
  extra: string;
  source_text: string | null;
  source_version: number | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export type { ArticleContent };

export function contentOf(row: ArticleRow): ArticleContent {
  return {
    title: row.title,
    body: row.body,
    category: row.category,
    tags: JSON.parse(row.tags) as string[],
    models: JSON.parse(row.models) as string[],
    mileage: { min: row.mileage_min, max: row.mileage_max },
    ageMonths: { min: row.age_min_months, max: row.age_max_months },
    status: row.status,
    author: row.author,
  };
}

export function getArticleRow(sqlite: Database.Database, id: number): ArticleRow | undefined {
  return sqlite.prepare('SELECT * FROM kb_articles WHERE id = ?').get(id) as ArticleRow | undefined;
}

export function getArticleRowBySlug(sqlite: Database.Database, slug: string): ArticleRow | undefined {
  return sqlite.prepare('SELECT * FROM kb_articles WHERE slug = ?').get(slug) as ArticleRow | undefined;
}

export function attachmentsOf(sqlite: Database.Database, articleId: number): KbAttachmentInfo[] {
  return sqlite.prepare('SELECT id, name, mime, size FROM kb_attachments WHERE article_id = ? ORDER BY name').all(articleId) as KbAttachmentInfo[];
}

export function toArticle(sqlite: Database.Database, row: ArticleRow): KbArticle {
  return {
    ...contentOf(row),
    id: row.id,
    uid: row.uid,
    slug: row.slug,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    attachments: attachmentsOf(sqlite, row.id),
  };
}

function contentParams(c: ArticleContent) {
  return {
    title: c.title,
    body: c.body,
    category: c.category,
    tags: JSON.stringify(c.tags),
    models: JSON.stringify(c.models),
    mileage_min: c.mileage.min,
    mileage_max: c.mileage.max,
    age_min_months: c.ageMonths.min,
    age_max_months: c.ageMonths.max,
    status: c.status,
    author: c.author,
  };
}

export interface InsertArticle {
  uid: string;
  slug: string;
  content: ArticleContent;
  editor: string | null;
  at: string;
  extra?: Record<string, unknown>;
  sourceText?: string | null;
  note?: string | null;
}

/** Inserts an article as version 1 with its history row and index entries. */
export function insertArticle(sqlite: Database.Database, a: InsertArticle): number {
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO kb_articles (uid, slug, title, body, category, tags, models, mileage_min, mileage_max, age_min_months, age_max_months,
           status, author, version, extra, source_text, source_version, created_at, updated_at, updated_by)
         VALUES (@uid, @slug, @title, @body, @category, @tags, @models, @mileage_min, @mileage_max, @age_min_months, @age_max_months,
           @status, @author, 1, @extra, @source_text, @source_version, @at, @at, @editor)`,
      )
      .run({
        ...contentParams(a.content),
        uid: a.uid,
        slug: a.slug,
        extra: JSON.stringify(a.extra ?? {}),
        source_text: a.sourceText ?? null,
        source_version: a.sourceText ? 1 : null,
        at: a.at,
        editor: a.editor,
      }).lastInsertRowid,
  );
  recordVersion(sqlite, id, 1, a.content, a.editor, a.note ?? null, a.at);
  afterWrite(sqlite, id, a.content);
  return id;
}

/** Writes new content as the next version; returns the new version number. */
export function updateArticle(
  sqlite: Database.Database,
  row: ArticleRow,
  content: ArticleContent,
  editor: string | null,
  at: string,
  options: { note?: string | null; extra?: Record<string, unknown>; sourceText?: string | null } = {},
): number {
  const version = row.version + 1;
  const source = options.sourceText === undefined ? {} : { source_text: options.sourceText, source_version: options.sourceText ? version : null };
  const sets = ['title', 'body', 'category', 'tags', 'models', 'mileage_min', 'mileage_max', 'age_min_months', 'age_max_months', 'status', 'author'];
  const extraSets = [...(options.extra ? ['extra'] : []), ...Object.keys(source)];
  sqlite
    .prepare(
      `UPDATE kb_articles SET ${[...sets, ...extraSets].map((c) => `${c} = @${c}`).join(', ')}, version = @version, updated_at = @at, updated_by = @editor WHERE id = @id`,
    )
    .run({ ...contentParams(content), ...(options.extra ? { extra: JSON.stringify(options.extra) } : {}), ...source, version, at, editor, id: row.id });
  recordVersion(sqlite, row.id, version, content, editor, options.note ?? null, at);
  afterWrite(sqlite, row.id, content);
  return version;
}

function recordVersion(sqlite: Database.Database, articleId: number, version: number, c: ArticleContent, editor: string | null, note: string | null, at: string) {
  const { title, body, ...fields } = c;
  sqlite
    .prepare('INSERT INTO kb_article_versions (uid, article_id, version, title, body, fields, editor, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(randomUUID(), articleId, version, title, body, JSON.stringify(fields), editor, note, at);
}

function afterWrite(sqlite: Database.Database, id: number, c: ArticleContent) {
  sqlite.prepare('DELETE FROM kb_article_models WHERE article_id = ?').run(id);
  const insertModel = sqlite.prepare('INSERT OR IGNORE INTO kb_article_models (article_id, model_key) VALUES (?, ?)');
  for (const model of c.models) {
    const key = modelKey(model);
    if (key) insertModel.run(id, key);
  }
  writeIndex(sqlite, id, c);
}

/** Brings the side tables and the search index in step with the stored row (an article that arrived by sync). */
export function reindexArticle(sqlite: Database.Database, id: number): void {
  const row = getArticleRow(sqlite, id);
  if (row) afterWrite(sqlite, id, contentOf(row));
}

export function deleteArticle(sqlite: Database.Database, id: number): void {
  removeFromIndex(sqlite, id);
  sqlite.prepare('DELETE FROM kb_articles WHERE id = ?').run(id);
}

export interface VersionRow {
  version: number;
  title: string;
  body: string;
  fields: string;
  editor: string | null;
  note: string | null;
  created_at: string;
}

export function versionRows(sqlite: Database.Database, articleId: number): VersionRow[] {
  return sqlite.prepare('SELECT version, title, body, fields, editor, note, created_at FROM kb_article_versions WHERE article_id = ? ORDER BY version DESC').all(articleId) as VersionRow[];
}

export function versionRow(sqlite: Database.Database, articleId: number, version: number): VersionRow | undefined {
  return sqlite.prepare('SELECT version, title, body, fields, editor, note, created_at FROM kb_article_versions WHERE article_id = ? AND version = ?').get(articleId, version) as VersionRow | undefined;
}

export function contentOfVersion(v: VersionRow): ArticleContent {
  return { title: v.title, body: v.body, ...(JSON.parse(v.fields) as Omit<ArticleContent, 'title' | 'body'>) };
}
