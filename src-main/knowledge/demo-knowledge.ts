// The demo KB (issue 7): the articles in assets/demo-kb/ (written for this project) are loaded
// into a new desk once, with the default synonym list, so a new user can search at once.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DeskContext } from '../host/context';
import { importFolderUnchecked, type ImportReport } from './markdown-folder';
import { ensureDefaultSynonyms } from './synonym-store';
import { withoutChangeCapture } from '../sync/record-tables';

const loadedKey = 'demo_loaded';

/** Walks up from this module to assets/demo-kb (source tree or bundle); env override for packaging. */
export function demoKnowledgeFolder(): string | null {
  if (process.env.DEALERDESK_DEMO_KB) return process.env.DEALERDESK_DEMO_KB;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'assets', 'demo-kb');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return null;
}

/**
 * Loads the demo articles into an empty KB once per desk (never again, even after an editor
 * deletes them). Returns the import report, or null when nothing was done.
 */
export function ensureDemoKnowledge(ctx: Pick<DeskContext, 'sqlite' | 'dataDir' | 'now' | 'log'>, folder = demoKnowledgeFolder()): ImportReport | null {
  ensureDefaultSynonyms(ctx.sqlite);
  const loaded = ctx.sqlite.prepare('SELECT value FROM kb_settings WHERE key = ?').pluck().get(loadedKey);
  const empty = (ctx.sqlite.prepare('SELECT count(*) FROM kb_articles').pluck().get() as number) === 0;
  if (loaded || !empty || !folder) return null;
  // Demo content stays on this desk: it is not queued for a dealership server.
  const report = withoutChangeCapture(ctx.sqlite, () => importFolderUnchecked(ctx.sqlite, ctx.dataDir, folder, '客服中心', ctx.now().toISOString()));
  ctx.sqlite.prepare('INSERT OR REPLACE INTO kb_settings (key, value) VALUES (?, ?)').run(loadedKey, ctx.now().toISOString());
  if (report.failed.length) ctx.log.error('demo KB: some files were not imported', { failed: report.failed.slice(0, 5) });
  return report;
}
