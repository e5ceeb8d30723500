// Attachment bytes live in the data folder, content-addressed (kb-attachments/ab/abcdef…), so
// the same PDF attached to ten articles is stored once; metadata is in kb_attachments.
// Only images and documents an agent would send a customer are accepted.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { DeskError } from '../../src-shared/contract/errors';
import type { KbAttachmentInfo } from '../../src-shared/contract/knowledge';
import { attachmentMimes, maxAttachmentBytes } from '../../src-shared/domain/knowledge/attachments';
import type { DeskContext } from '../host/context';
import { requireEditor } from './permissions';

export { attachmentMimes, maxAttachmentBytes };

export function attachmentPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'kb-attachments', sha256.slice(0, 2), sha256);
}

export function mimeOf(name: string): string | null {
  return attachmentMimes[extname(name).toLowerCase()] ?? null;
}

/** Stores bytes and upserts the row; callers check permissions. */
export function storeAttachment(sqlite: Database.Database, dataDir: string, articleId: number, name: string, bytes: Uint8Array, at: string): KbAttachmentInfo {
  const cleanName = name.replace(/\\/g, '/').replace(/^\/+/, '');
  if (!cleanName || cleanName.split('/').includes('..')) throw new DeskError('invalid-input', 'attachment name must be a relative path', [{ path: 'name', message: 'bad name' }]);
  const mime = mimeOf(cleanName);
  if (!mime) throw new DeskError('invalid-input', `attachments must be images, PDF or office files: ${cleanName}`, [{ path: 'name', message: 'file type not allowed' }]);
  if (bytes.length > maxAttachmentBytes) throw new DeskError('invalid-input', `attachment larger than ${maxAttachmentBytes / 1024 / 1024} MB`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = attachmentPath(dataDir, sha256);
  if (!existsSync(path)) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(`${path}.tmp`, bytes);
    renameSync(`${path}.tmp`, path);
  }
  sqlite
    .prepare(
      `INSERT INTO kb_attachments (uid, article_id, name, mime, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (article_id, name) DO UPDATE SET mime = excluded.mime, size = excluded.size, sha256 = excluded.sha256, created_at = excluded.created_at`,
    )
    .run(randomUUID(), articleId, cleanName, mime, bytes.length, sha256, at);
  return sqlite.prepare('SELECT id, name, mime, size FROM kb_attachments WHERE article_id = ? AND name = ?').get(articleId, cleanName) as KbAttachmentInfo;
}

export function addAttachment(ctx: Pick<DeskContext, 'sqlite' | 'session' | 'now' | 'dataDir'>, articleId: number, name: string, bytes: Uint8Array): KbAttachmentInfo {
  requireEditor(ctx);
  if (!ctx.sqlite.prepare('SELECT 1 FROM kb_articles WHERE id = ?').get(articleId)) throw new DeskError('not-found', `article ${articleId} not found`);
  const info = storeAttachment(ctx.sqlite, ctx.dataDir, articleId, name, bytes, ctx.now().toISOString());
  // The imported file no longer lists every attachment: export writes the canonical form.
  ctx.sqlite.prepare('UPDATE kb_articles SET source_version = NULL WHERE id = ?').run(articleId);
  return info;
}

export function readAttachment(ctx: Pick<DeskContext, 'sqlite' | 'dataDir'>, id: number): KbAttachmentInfo & { bytes: Uint8Array; articleId: number } {
  const row = ctx.sqlite.prepare('SELECT id, article_id AS articleId, name, mime, size, sha256 FROM kb_attachments WHERE id = ?').get(id) as
    | (KbAttachmentInfo & { articleId: number; sha256: string })
    | undefined;
  if (!row) throw new DeskError('not-found', `attachment ${id} not found`);
  const path = attachmentPath(ctx.dataDir, row.sha256);
  if (!existsSync(path)) throw new DeskError('not-found', `attachment file ${row.name} is missing from the data folder`);
  const { sha256: _sha, ...info } = row;
  return { ...info, bytes: new Uint8Array(readFileSync(path)) };
}

export function removeAttachment(ctx: Pick<DeskContext, 'sqlite' | 'session' | 'dataDir'>, id: number): boolean {
  requireEditor(ctx);
  const row = ctx.sqlite.prepare('SELECT sha256, article_id AS articleId FROM kb_attachments WHERE id = ?').get(id) as { sha256: string; articleId: number } | undefined;
  if (!row) return false;
  ctx.sqlite.prepare('DELETE FROM kb_attachments WHERE id = ?').run(id);
  ctx.sqlite.prepare('UPDATE kb_articles SET source_version = NULL WHERE id = ?').run(row.articleId);
  const stillUsed = ctx.sqlite.prepare('SELECT 1 FROM kb_attachments WHERE sha256 = ?').get(row.sha256);
  const path = attachmentPath(ctx.dataDir, row.sha256);
  if (!stillUsed && existsSync(path)) unlinkSync(path);
  return true;
}

/**
 * Deletes stored files no attachment row names any more: rows removed or replaced by another
 * desk through sync leave their bytes behind (removeAttachment cleans up only its own).
 * Synchronous, so it never runs between storeAttachment's file write and its row insert.
 */
export function removeUnreferencedAttachmentFiles(sqlite: Database.Database, dataDir: string): number {
  const root = join(dataDir, 'kb-attachments');
  if (!existsSync(root)) return 0;
  const referenced = new Set(sqlite.prepare('SELECT DISTINCT sha256 FROM kb_attachments').pluck().all() as string[]);
  let removed = 0;
  for (const prefix of readdirSync(root)) {
    const folder = join(root, prefix);
    for (const name of readdirSync(folder)) {
      if (referenced.has(name) || name.endsWith('.tmp')) continue;
      unlinkSync(join(folder, name));
      removed++;
    }
    if (readdirSync(folder).length === 0) rmdirSync(folder);
  }
  return removed;
}
