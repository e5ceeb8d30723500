// Article reads and edits. Every edit writes a new version (kb_article_versions holds a full
// snapshot of each), so history shows who changed what and restore is just another edit.
// Editing is checked here (requireEditor), not only in the contract.
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../src-shared/contract/errors';
import type { KbArticle, KbArticleFields, KbHit } from '../../src-shared/contract/knowledge';
import type { KbCategory, KbStatus } from '../../src-shared/domain/knowledge/categories';
import { kbCategoryLabels } from '../../src-shared/domain/knowledge/categories';
import { diffLines, type DiffLine } from '../../src-shared/domain/knowledge/diff';
import { can } from '../../src-shared/domain/roles';
import type { DeskContext } from '../host/context';
import {
  contentOf,
  contentOfVersion,
  getArticleRow,
  getArticleRowBySlug,
  insertArticle,
  toArticle,
  updateArticle,
  versionRow,
  versionRows,
  type ArticleContent,
  type ArticleRow,
} from './article-repository';
import { requireEditor } from './permissions';

type Ctx = Pick<DeskContext, 'sqlite' | 'session' | 'now'>;

function editorName(ctx: Ctx): string {
  return ctx.session.userName;
}

function requireRow(ctx: Ctx, id: number): ArticleRow {
  const row = getArticleRow(ctx.sqlite, id);
  if (!row) throw new DeskError('not-found', `article ${id} not found`);
  // Readers who may not edit only see published articles.
  if (row.status !== 'published' && !can(ctx.session.role, 'editKnowledge')) throw new DeskError('not-found', `article ${id} not found`);
  return row;
}

export function toContent(fields: KbArticleFields): ArticleContent {
  return {
    title: fields.title.trim(),
    body: fields.body,
    category: fields.category,
    tags: [...new Set(fields.tags.map((t) => t.trim()).filter(Boolean))],
    models: [...new Set(fields.models.map((m) => m.trim()).filter(Boolean))],
    mileage: fields.mileage,
    ageMonths: fields.ageMonths,
    status: fields.status,
    author: fields.author?.trim() || null,
  };
}

/** A slug from the title when none is given: kept readable, made unique with a suffix. */
export function uniqueSlug(ctx: Pick<DeskContext, 'sqlite'>, wanted: string): string {
  const base = wanted
    .normalize('NFKC')
    .trim()
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'article';
  let slug = base;
  for (let i = 2; getArticleRowBySlug(ctx.sqlite, slug); i++) slug = `${base}-${i}`;
  return slug;
}

export function getArticle(ctx: Ctx, id: number): KbArticle {
  return toArticle(ctx.sqlite, requireRow(ctx, id));
}

export function createArticle(ctx: Ctx, fields: KbArticleFields & { slug?: string }): KbArticle {
  requireEditor(ctx);
  const id = ctx.sqlite.transaction(() => {
    const slug = fields.slug ? fields.slug : uniqueSlug(ctx, fields.title);
    if (fields.slug && getArticleRowBySlug(ctx.sqlite, slug)) throw new DeskError('conflict', `an article with slug ${slug} exists`);
    return insertArticle(ctx.sqlite, { uid: randomUUID(), slug, content: toContent(fields), editor: editorName(ctx), at: ctx.now().toISOString() });
  })();
  return toArticle(ctx.sqlite, getArticleRow(ctx.sqlite, id)!);
}

function sameContent(a: ArticleContent, b: ArticleContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function editArticle(ctx: Ctx, id: number, fields: KbArticleFields, options: { expectedVersion?: number; note?: string } = {}): KbArticle {
  requireEditor(ctx);
  ctx.sqlite.transaction(() => {
    const row = requireRow(ctx, id);
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
      throw new DeskError('conflict', `article ${id} is at version ${row.version}, not ${options.expectedVersion}`);
    }
    const content = toContent(fields);
    if (sameContent(content, contentOf(row))) return;
    updateArticle(ctx.sqlite, row, content, editorName(ctx), ctx.now().toISOString(), { note: options.note ?? null });
  })();
  return toArticle(ctx.sqlite, getArticleRow(ctx.sqlite, id)!);
}

export function setArticleStatus(ctx: Ctx, id: number, status: KbStatus): KbArticle {
  requireEditor(ctx);
  const row = requireRow(ctx, id);
  return editArticle(ctx, id, { ...contentOf(row), status }, { note: `status → ${status}` });
}

export function articleHistory(ctx: Ctx, id: number) {
  requireRow(ctx, id);
  return versionRows(ctx.sqlite, id).map((v) => ({ version: v.version, title: v.title, editor: v.editor, note: v.note, createdAt: v.created_at }));
}

function fieldText(field: keyof ArticleContent, c: ArticleContent): string {
  const v = c[field];
  if (field === 'category') return kbCategoryLabels[v as KbCategory];
  if (Array.isArray(v)) return v.join('、');
  if (v && typeof v === 'object') {
    const r = v as { min: number | null; max: number | null };
    return r.min === null && r.max === null ? '' : `${r.min ?? ''}–${r.max ?? ''}`;
  }
  return v === null || v === undefined ? '' : String(v);
}

export function articleDiff(ctx: Ctx, id: number, from: number, to: number): { from: number; to: number; lines: DiffLine[]; fields: { field: string; before: string; after: string }[] } {
  requireRow(ctx, id);
  const a = versionRow(ctx.sqlite, id, from);
  const b = versionRow(ctx.sqlite, id, to);
  if (!a || !b) throw new DeskError('not-found', `version ${!a ? from : to} of article ${id} not found`);
  const before = contentOfVersion(a);
  const after = contentOfVersion(b);
  const fields = (['title', 'category', 'tags', 'models', 'mileage', 'ageMonths', 'status', 'author'] as const)
    .map((field) => ({ field, before: fieldText(field, before), after: fieldText(field, after) }))
    .filter((f) => f.before !== f.after);
  return { from, to, lines: diffLines(before.body, after.body), fields };
}

export function restoreArticleVersion(ctx: Ctx, id: number, version: number): KbArticle {
  requireEditor(ctx);
  const v = versionRow(ctx.sqlite, id, version);
  if (!v) throw new DeskError('not-found', `version ${version} of article ${id} not found`);
  return editArticle(ctx, id, contentOfVersion(v), { note: `restored version ${version}` });
}

export function listArticles(ctx: Ctx, options: { category?: KbCategory; status?: KbStatus; limit: number; offset: number }): { hits: KbHit[]; total: number } {
  const editor = can(ctx.session.role, 'editKnowledge');
  const status = editor ? options.status : 'published';
  const where: string[] = [];
  const params: unknown[] = [];
  if (status) {
    where.push('status = ?');
    params.push(status);
  }
  if (options.category) {
    where.push('category = ?');
    params.push(options.category);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = ctx.sqlite.prepare(`SELECT count(*) FROM kb_articles ${clause}`).pluck().get(...params) as number;
  const rows = ctx.sqlite
    .prepare(`SELECT id, slug, title, category, status, tags, models, substr(body, 1, 200) AS body FROM kb_articles ${clause} ORDER BY category, title LIMIT ? OFFSET ?`)
    .all(...params, options.limit, options.offset) as (Pick<ArticleRow, 'id' | 'slug' | 'title' | 'category' | 'status' | 'tags' | 'models' | 'body'>)[];
  return {
    total,
    hits: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      category: r.category,
      status: r.status,
      tags: JSON.parse(r.tags) as string[],
      models: JSON.parse(r.models) as string[],
      score: 0,
      fitsContext: false,
      snippet: [{ text: r.body.replace(/[#>*_`~|[\]()!]/g, '').replace(/\s+/g, ' ').trim().slice(0, 80), hit: false }],
    })),
  };
}
