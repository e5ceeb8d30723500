// Import and export of a folder of Markdown files with YAML front matter (issue 7), so a
// dealership can keep its KB in files. The slug is the file's path without ".md"; attachments
// listed in front matter are paths relative to the file. Round trip: an article unchanged
// since its import is exported byte for byte as the file it came from (source_text); any
// other article is written in the canonical form of front-matter.ts.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { can } from '../../src-shared/domain/roles';
import { formatArticleFile, parseArticleFile, type ArticleFields } from '../../src-shared/domain/knowledge/front-matter';
import type { DeskContext } from '../host/context';
import { contentOf, getArticleRowBySlug, insertArticle, updateArticle, type ArticleContent, type ArticleRow } from './article-repository';
import { attachmentPath, storeAttachment } from './attachment-store';
import { requireEditor } from './permissions';

export interface ImportReport {
  files: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: { file: string; reason: string }[];
  ids: number[];
}

function markdownFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) out.push(path);
    }
  };
  walk(root);
  return out;
}

function slugOf(root: string, file: string): string {
  return relative(root, file).split(sep).join('/').replace(/\.md$/i, '');
}

function contentFromFields(f: ArticleFields): ArticleContent {
  return { title: f.title, body: f.body, category: f.category, tags: f.tags, models: f.models, mileage: f.mileage, ageMonths: f.ageMonths, status: f.status, author: f.author };
}

/** Imports without a role check: for callers that already checked, and for the demo KB. */
export function importFolderUnchecked(sqlite: Database.Database, dataDir: string, root: string, editor: string | null, at: string): ImportReport {
  const dir = resolve(root);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`not a folder: ${root}`);
  const report: ImportReport = { files: 0, created: 0, updated: 0, unchanged: 0, failed: [], ids: [] };
  const files = markdownFiles(dir);
  sqlite.transaction(() => {
    for (const file of files) {
      report.files++;
      const name = relative(dir, file);
      const text = readFileSync(file, 'utf8');
      const parsed = parseArticleFile(text);
      if (!parsed.ok) {
        report.failed.push({ file: name, reason: parsed.reason });
        continue;
      }
      const fields = parsed.fields;
      const slug = slugOf(dir, file);
      const content = contentFromFields(fields);
      const existing = getArticleRowBySlug(sqlite, slug);
      let id: number;
      if (!existing) {
        id = insertArticle(sqlite, { uid: randomUUID(), slug, content, editor, at, extra: fields.extra, sourceText: text, note: 'imported' });
        report.created++;
      } else if (JSON.stringify(contentOf(existing)) === JSON.stringify(content) && existing.extra === JSON.stringify(fields.extra)) {
        id = existing.id;
        sqlite.prepare('UPDATE kb_articles SET source_text = ?, source_version = version WHERE id = ?').run(text, id);
        report.unchanged++;
      } else {
        id = existing.id;
        updateArticle(sqlite, existing, content, editor, at, { note: 'imported', extra: fields.extra, sourceText: text });
        report.updated++;
      }
      report.ids.push(id);
      for (const attachment of fields.attachments) {
        const path = resolve(dirname(file), attachment);
        if (!path.startsWith(dir + sep) || !existsSync(path)) {
          report.failed.push({ file: name, reason: `attachment not found in the folder: ${attachment}` });
          continue;
        }
        try {
          storeAttachment(sqlite, dataDir, id, attachment, new Uint8Array(readFileSync(path)), at);
        } catch (error) {
          report.failed.push({ file: name, reason: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  })();
  return report;
}

export function importFolder(ctx: Pick<DeskContext, 'sqlite' | 'session' | 'now' | 'dataDir'>, root: string): ImportReport {
  requireEditor(ctx);
  return importFolderUnchecked(ctx.sqlite, ctx.dataDir, root, ctx.session.userName, ctx.now().toISOString());
}

export function articleFileText(sqlite: Database.Database, row: ArticleRow): string {
  if (row.source_text !== null && row.source_version === row.version) return row.source_text;
  const attachments = sqlite.prepare('SELECT name FROM kb_attachments WHERE article_id = ? ORDER BY name').pluck().all(row.id) as string[];
  return formatArticleFile({ ...contentOf(row), attachments, extra: JSON.parse(row.extra) as Record<string, unknown> });
}

export interface ExportReport {
  articles: number;
  attachments: number;
}

/** Writes every article (published only for roles that may not edit) under `root`. */
export function exportFolder(ctx: Pick<DeskContext, 'sqlite' | 'session' | 'dataDir'>, root: string): ExportReport {
  const dir = resolve(root);
  mkdirSync(dir, { recursive: true });
  const onlyPublished = !can(ctx.session.role, 'editKnowledge');
  const rows = ctx.sqlite.prepare(`SELECT * FROM kb_articles ${onlyPublished ? "WHERE status = 'published'" : ''} ORDER BY slug`).all() as ArticleRow[];
  let attachments = 0;
  for (const row of rows) {
    const file = resolve(dir, `${row.slug}.md`);
    if (!file.startsWith(dir + sep)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, articleFileText(ctx.sqlite, row));
    const files = ctx.sqlite.prepare('SELECT name, sha256 FROM kb_attachments WHERE article_id = ?').all(row.id) as { name: string; sha256: string }[];
    for (const a of files) {
      const target = resolve(dirname(file), a.name);
      const source = attachmentPath(ctx.dataDir, a.sha256);
      if (!target.startsWith(dir + sep) || !existsSync(source)) continue;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, readFileSync(source));
      attachments++;
    }
  }
  return { articles: rows.length, attachments };
}
