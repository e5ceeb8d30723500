// Keeps kb_fts (jieba words) and kb_grams (sound bigrams) in step with kb_articles. Called in
// the same transaction as every article write; the delete trigger of migration knowledge-fts
// covers rows deleted any other way.
import type Database from 'better-sqlite3';
import { kbCategoryLabels, type KbCategory } from '../../src-shared/domain/knowledge/categories';
import { gramTokens } from '../../src-shared/domain/knowledge/grams';
import { normalizeText } from '../../src-shared/domain/knowledge/normalize';
import { segmentForIndex, segmentNormalized } from './segmenter';
import { noteIndexChanged } from './term-stats';

export interface IndexedContent {
  title: string;
  body: string;
  category: KbCategory;
  tags: readonly string[];
  models: readonly string[];
}

/** Markdown syntax that is not words: link targets, image sources, emphasis marks. */
function searchableBody(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|]/g, ' ');
}

export function indexRow(c: IndexedContent): { title: string; body: string; keywords: string; subwords: string; titleGrams: string; bodyGrams: string } {
  const title = normalizeText(c.title);
  const body = normalizeText(searchableBody(c.body));
  const keywords = normalizeText([...c.tags, ...c.models, kbCategoryLabels[c.category]].join(' '));
  const bodyWords = segmentForIndex(body);
  return {
    title: segmentNormalized(title).join(' '),
    body: bodyWords.words.join(' '),
    keywords: segmentNormalized(keywords).join(' '),
    subwords: bodyWords.subwords.join(' '),
    titleGrams: gramTokens(title).join(' '),
    bodyGrams: gramTokens(`${body} ${keywords}`).join(' '),
  };
}

export function writeIndex(sqlite: Database.Database, id: number, c: IndexedContent): void {
  const row = indexRow(c);
  removeFromIndex(sqlite, id);
  sqlite.prepare('INSERT INTO kb_fts (rowid, title, body, keywords, subwords) VALUES (?, ?, ?, ?, ?)').run(id, row.title, row.body, row.keywords, row.subwords);
  sqlite.prepare('INSERT INTO kb_grams (rowid, title, body) VALUES (?, ?, ?)').run(id, row.titleGrams, row.bodyGrams);
}

export function removeFromIndex(sqlite: Database.Database, id: number): void {
  noteIndexChanged(sqlite);
  sqlite.prepare('DELETE FROM kb_fts WHERE rowid = ?').run(id);
  sqlite.prepare('DELETE FROM kb_grams WHERE rowid = ?').run(id);
}

/** Rebuilds both tables from kb_articles (after a segmenter or dictionary change). */
export function rebuildIndex(sqlite: Database.Database): number {
  const rows = sqlite.prepare('SELECT id, title, body, category, tags, models FROM kb_articles').all() as {
    id: number;
    title: string;
    body: string;
    category: KbCategory;
    tags: string;
    models: string;
  }[];
  sqlite.transaction(() => {
    sqlite.exec('DELETE FROM kb_fts; DELETE FROM kb_grams;');
    noteIndexChanged(sqlite);
    for (const r of rows) writeIndex(sqlite, r.id, { ...r, tags: JSON.parse(r.tags), models: JSON.parse(r.models) });
  })();
  return rows.length;
}
