// The editable synonym list (kb_synonyms). A new desk gets the defaults of
// src-shared/domain/knowledge/synonyms.ts once; after that the stored list is the truth, even
// when an editor empties it. The expansion index is cached per database and rebuilt when the
// list changes (also when another process, e.g. the CLI, changed it).
import type Database from 'better-sqlite3';
import { buildSynonymIndex, cleanSynonymGroup, defaultSynonymGroups, type SynonymGroup, type SynonymIndex } from '../../src-shared/domain/knowledge/synonyms';
import type { DeskContext } from '../host/context';
import { requireEditor } from './permissions';

const seededKey = 'synonyms_seeded';

export function ensureDefaultSynonyms(sqlite: Database.Database): void {
  const seeded = sqlite.prepare('SELECT value FROM kb_settings WHERE key = ?').pluck().get(seededKey);
  if (seeded) return;
  sqlite.transaction(() => {
    writeGroups(sqlite, defaultSynonymGroups, new Date().toISOString());
    sqlite.prepare('INSERT OR REPLACE INTO kb_settings (key, value) VALUES (?, ?)').run(seededKey, '1');
  })();
}

export function loadSynonymGroups(sqlite: Database.Database): SynonymGroup[] {
  ensureDefaultSynonyms(sqlite);
  return (sqlite.prepare('SELECT kind, terms FROM kb_synonyms ORDER BY id').all() as { kind: SynonymGroup['kind']; terms: string }[]).map((r) => ({
    kind: r.kind,
    terms: JSON.parse(r.terms) as string[],
  }));
}

function writeGroups(sqlite: Database.Database, groups: readonly SynonymGroup[], at: string): SynonymGroup[] {
  const clean = groups.map(cleanSynonymGroup).filter((g): g is SynonymGroup => g !== null);
  sqlite.prepare('DELETE FROM kb_synonyms').run();
  const insert = sqlite.prepare('INSERT INTO kb_synonyms (kind, terms, updated_at) VALUES (?, ?, ?)');
  for (const g of clean) insert.run(g.kind, JSON.stringify(g.terms), at);
  return clean;
}

export function saveSynonymGroups(ctx: Pick<DeskContext, 'sqlite' | 'session' | 'now'>, groups: readonly SynonymGroup[]): SynonymGroup[] {
  requireEditor(ctx);
  const saved = ctx.sqlite.transaction(() => {
    ctx.sqlite.prepare('INSERT OR REPLACE INTO kb_settings (key, value) VALUES (?, ?)').run(seededKey, '1');
    return writeGroups(ctx.sqlite, groups, ctx.now().toISOString());
  })();
  cache.delete(ctx.sqlite);
  return saved;
}

const cache = new WeakMap<Database.Database, { stamp: string; index: SynonymIndex }>();

export function synonymIndex(sqlite: Database.Database): SynonymIndex {
  const stamp = String(sqlite.prepare(`SELECT count(*) || '/' || ifnull(max(updated_at), '') || '/' || ifnull(max(id), 0) FROM kb_synonyms`).pluck().get());
  const cached = cache.get(sqlite);
  if (cached && cached.stamp === stamp) return cached.index;
  const index = buildSynonymIndex(loadSynonymGroups(sqlite));
  cache.set(sqlite, { stamp, index });
  return index;
}
