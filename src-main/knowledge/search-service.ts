// KB search (issue 7), answering as the agent types. One query is three FTS5 lookups:
//  1. the query's own words (normalised, segmented by jieba with the dealership words, function
//     words dropped), OR-ed, in kb_fts ranked by bm25 with the title weighted highest, then
//     tags/models, then body;
//  2. their synonyms and the query's single characters, at `synonymWeight`;
//  3. the sound-bigram fallback (kb_grams) at `gramWeight`, which finds articles however jieba
//     split the words and despite homophone typos (首报 for 首保).
// The raw bm25 scores are added; then the call's context (category, car model, mileage, age)
// multiplies each score (src-shared/domain/knowledge/context.ts), and fitting articles that
// answer the query well enough are lifted above the others. Snippets, with the matched words marked, are made for the final hits only.
// Typing costs: FTS5 has no top-k pruning, bm25 scores every matching row, so a lookup whose
// words match more than `rowBudget` articles (counted beforehand in the *_terms vocabulary
// tables) is narrowed: to titles first, and if titles alone still match too many, to the most
// recent `rowBudget` of those. Such queries ("保", "车") are a keystroke on the way to a real one.
import type Database from 'better-sqlite3';
import type { KbContext, KbHit, KbSnippet } from '../../src-shared/contract/knowledge';
import type { KbCategory, KbStatus } from '../../src-shared/domain/knowledge/categories';
import { contextFit, hasContext, modelMatches } from '../../src-shared/domain/knowledge/context';
import { gramTokens } from '../../src-shared/domain/knowledge/grams';
import { modelKey, normalizeText } from '../../src-shared/domain/knowledge/normalize';
import { gramAlternatives, isMeaningfulToken, orExpression, planQuery, type Alternative } from '../../src-shared/domain/knowledge/query';
import { segmentForIndex, segmentNormalized } from './segmenter';
import { synonymIndex } from './synonym-store';
import { articleTotal, termDocs, type IndexTable, type TermDocs } from './term-stats';

/** bm25 column weights of kb_fts (title, body, keywords, subwords). */
export const columnWeights = { title: 8, body: 1, keywords: 4, subwords: 1 } as const;
const candidatePool = 100;
/** Most rows one FTS lookup may score with bm25 (about 4 µs each on a 100,000-article KB). */
const rowBudget = 600;
/** Weights of synonym and single-character matches, and of the sound-bigram fallback, relative to the query's own words. */
const weakerWeight = 0.6;
const gramWeight = 0.5;
/** How well a fitting article must match the query, relative to the best hit, to be lifted first. */
const contextLead = 0.5;
const hitStart = '\u0002';
const hitEnd = '\u0003';

export interface SearchOptions {
  query: string;
  context?: KbContext;
  limit: number;
  /** Drafts and archived articles too (editors). */
  includeUnpublished?: boolean;
  /** Hard filters of the search page (the context only re-ranks). */
  filter?: { category?: KbCategory; model?: string };
}

/** A model filter keeps articles written for that model and those for every model. */
function passesFilter(row: MetaRow, filter: SearchOptions['filter']): boolean {
  if (!filter) return true;
  if (filter.category && row.category !== filter.category) return false;
  if (filter.model) {
    const models = JSON.parse(row.models) as string[];
    if (models.length > 0 && !models.some((m) => modelMatches(m, filter.model!))) return false;
  }
  return true;
}

interface MetaRow {
  id: number;
  slug: string;
  title: string;
  body: string;
  category: KbCategory;
  status: KbStatus;
  tags: string;
  models: string;
  mileage_min: number | null;
  mileage_max: number | null;
  age_min_months: number | null;
  age_max_months: number | null;
}

interface TableStatements {
  table: IndexTable;
  ranked: Database.Statement;
  /** Ranked among rows from a rowid on: the most recent matches only. */
  rankedFrom: Database.Statement;
  /** The rowid of the n-th most recent match (bound as OFFSET). */
  nthRecent: Database.Statement;
}

interface Statements {
  kb_fts: TableStatements;
  kb_grams: TableStatements;
  snippets: Database.Statement;
}
const statements = new WeakMap<Database.Database, Statements>();

function tableStatements(sqlite: Database.Database, table: IndexTable, weights: string): TableStatements {
  const score = `-bm25(${table}, ${weights})`;
  return {
    table,
    ranked: sqlite.prepare(`SELECT rowid AS id, ${score} AS score FROM ${table} WHERE ${table} MATCH ? ORDER BY score DESC LIMIT ${candidatePool}`),
    // Rowids are bound as text and cast: FTS5 ignores a rowid constraint bound as a REAL,
    // which is how better-sqlite3 binds a JS number.
    rankedFrom: sqlite.prepare(
      `SELECT rowid AS id, ${score} AS score FROM ${table} WHERE ${table} MATCH ? AND rowid >= CAST(? AS INTEGER) ORDER BY score DESC LIMIT ${candidatePool}`,
    ),
    nthRecent: sqlite.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?`).pluck(),
  };
}

function prepared(sqlite: Database.Database): Statements {
  let s = statements.get(sqlite);
  if (!s) {
    const { title, body, keywords, subwords } = columnWeights;
    s = {
      kb_fts: tableStatements(sqlite, 'kb_fts', `${title}, ${body}, ${keywords}, ${subwords}`),
      kb_grams: tableStatements(sqlite, 'kb_grams', `${title}, ${body}`),
      snippets: sqlite.prepare(
        `SELECT rowid AS id, snippet(kb_fts, 1, '${hitStart}', '${hitEnd}', '…', 20) AS text FROM kb_fts
         WHERE kb_fts MATCH ? AND rowid IN (SELECT CAST(value AS INTEGER) FROM json_each(?))`,
      ),
    };
    statements.set(sqlite, s);
  }
  return s;
}

interface Scored {
  id: number;
  score: number;
}

/** Documents matching one alternative (an AND of tokens): the rarest token bounds it. */
function alternativeDocs(sqlite: Database.Database, table: IndexTable, a: Alternative): TermDocs {
  let all = Infinity;
  let title = Infinity;
  a.tokens.forEach((token, i) => {
    const docs = termDocs(sqlite, table, token.toLowerCase(), a.prefix === true && i === a.tokens.length - 1);
    all = Math.min(all, docs.all);
    title = Math.min(title, docs.title);
  });
  return { all: all === Infinity ? 0 : all, title: title === Infinity ? 0 : title };
}

/**
 * Best rows of one lookup within the row budget (see the header). Alternatives matching more
 * than the budget on their own are common words: they are dropped when rarer ones remain
 * (their idf is low and bm25 would have to walk their whole document list); a lookup of only
 * common words (`primary`) is narrowed to titles, then to the most recent title matches.
 */
function lookup(sqlite: Database.Database, t: TableStatements, alternatives: readonly Alternative[], primary: boolean): Scored[] {
  const stats = alternatives.map((a) => ({ a, docs: alternativeDocs(sqlite, t.table, a) })).filter((x) => x.docs.all > 0);
  if (stats.length === 0) return [];
  // Sums overcount articles matching several alternatives; never more than the KB holds.
  const total = articleTotal(sqlite);
  const sum = (xs: typeof stats, key: 'all' | 'title') => Math.min(total, xs.reduce((n, x) => n + x.docs[key], 0));
  if (sum(stats, 'all') <= rowBudget) return t.ranked.all(orExpression(stats.map((x) => x.a))) as Scored[];
  const rare = stats.filter((x) => x.docs.all <= rowBudget);
  let chosen = rare;
  if (rare.length === 0) {
    if (!primary) return [];
    // Only common words: the one with the fewest title matches stands for the lookup.
    chosen = [stats.filter((x) => x.docs.title > 0).sort((x, y) => x.docs.title - y.docs.title)[0] ?? stats[0]];
  }
  if (sum(chosen, 'all') <= rowBudget) return t.ranked.all(orExpression(chosen.map((x) => x.a))) as Scored[];
  const inTitles = chosen.filter((x) => x.docs.title > 0);
  const expression = inTitles.length ? orExpression(inTitles.map((x) => x.a), 'title')! : orExpression(chosen.map((x) => x.a))!;
  if (inTitles.length && sum(inTitles, 'title') <= rowBudget) return t.ranked.all(expression) as Scored[];
  const from = t.nthRecent.get(expression, rowBudget - 1) as number | undefined;
  return (from === undefined ? t.ranked.all(expression) : t.rankedFrom.all(expression, String(from))) as Scored[];
}

function metaRows(sqlite: Database.Database, ids: number[]): Map<number, MetaRow> {
  const out = new Map<number, MetaRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = sqlite
      .prepare(
        `SELECT id, slug, title, substr(body, 1, 200) AS body, category, status, tags, models, mileage_min, mileage_max, age_min_months, age_max_months
         FROM kb_articles WHERE id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(...chunk) as MetaRow[];
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

function fitOf(row: MetaRow, context: KbContext | undefined) {
  return contextFit(
    {
      category: row.category,
      models: JSON.parse(row.models) as string[],
      mileage: { min: row.mileage_min, max: row.mileage_max },
      ageMonths: { min: row.age_min_months, max: row.age_max_months },
    },
    context,
  );
}

/** FTS5 snippet text → pieces; jieba's spaces between Chinese characters are taken out again. */
export function snippetPieces(raw: string): KbSnippet {
  const joined = raw.replace(/(?<=[^\x00-\x7f\u0002\u0003]|[\u0002\u0003]) (?=[^\x00-\x7f\u0002\u0003]|[\u0002\u0003])/g, '');
  const pieces: KbSnippet = [];
  const push = (text: string, hit: boolean) => {
    const previous = pieces[pieces.length - 1];
    if (previous && previous.hit === hit) previous.text += text;
    else if (text) pieces.push({ text, hit });
  };
  const re = /\u0002([^\u0003]*)\u0003/g;
  let last = 0;
  for (let m = re.exec(joined); m; m = re.exec(joined)) {
    push(joined.slice(last, m.index), false);
    push(m[1], true);
    last = m.index + m[0].length;
  }
  push(joined.slice(last), false);
  return pieces;
}

function plainSnippet(body: string): KbSnippet {
  const text = body.replace(/[#>*_`~|[\]()!]/g, '').replace(/\s+/g, ' ').trim().slice(0, 80);
  return text ? [{ text: body.length > 80 ? `${text}…` : text, hit: false }] : [];
}

function toHit(row: MetaRow, score: number, fitsContext: boolean, snippet: KbSnippet): KbHit {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    category: row.category,
    status: row.status,
    tags: JSON.parse(row.tags) as string[],
    models: JSON.parse(row.models) as string[],
    score: Math.round(score * 1000) / 1000,
    fitsContext,
    snippet,
  };
}

export interface QueryPlan {
  words: Alternative[];
  weaker: Alternative[];
  grams: Alternative[];
}

export function planSearch(sqlite: Database.Database, query: string): QueryPlan {
  const normalized = normalizeText(query);
  const tokens = segmentNormalized(normalized);
  const typing = /[a-z0-9]$/i.test(query.normalize('NFKC').trim());
  const terms = planQuery(normalized, tokens, synonymIndex(sqlite), (t) => segmentNormalized(normalizeText(t)), typing);
  // Grams of the query with its function words cut out (they would match nearly everything);
  // the other words stay joined so a typo'd word (首报 for 首保) still forms its bigram.
  const gramSource = segmentForIndex(normalized)
    .words.map((t) => (isMeaningfulToken(t) ? t : ' '))
    .join('');
  return { words: terms.words, weaker: terms.weaker, grams: gramAlternatives(gramTokens(gramSource)) };
}

export function searchArticles(sqlite: Database.Database, options: SearchOptions): KbHit[] {
  const plan = planSearch(sqlite, options.query);
  if (plan.words.length === 0 && plan.weaker.length === 0 && plan.grams.length === 0) {
    if (!hasContext(options.context)) return [];
    const { category, model } = options.filter ?? {};
    return suggestArticles(sqlite, options.context!, options.limit).filter(
      (h) => (!category || h.category === category) && (!model || h.models.length === 0 || h.models.some((m) => modelMatches(m, model))),
    );
  }
  const s = prepared(sqlite);
  // Raw bm25 sums are comparable across the lookups (idf-weighted term matches), so a rare
  // gram matched by a typo outweighs a common word matched by the rest of the query.
  const scores = new Map<number, number>();
  const wordIds = new Set<number>();
  const collect = (rows: { id: number; score: number }[], weight: number, words: boolean) => {
    for (const r of rows) {
      scores.set(r.id, (scores.get(r.id) ?? 0) + weight * r.score);
      if (words) wordIds.add(r.id);
    }
  };
  const own = lookup(sqlite, s.kb_fts, plan.words, true);
  const ownWordIds = new Set(own.map((r) => r.id));
  collect(own, 1, true);
  collect(lookup(sqlite, s.kb_fts, plan.weaker, plan.words.length === 0), weakerWeight, true);
  collect(lookup(sqlite, s.kb_grams, plan.grams, scores.size === 0), gramWeight, false);
  const meta = metaRows(sqlite, [...scores.keys()]);
  const ranked: { row: MetaRow; score: number; text: number; fits: boolean }[] = [];
  for (const [id, score] of scores) {
    const row = meta.get(id);
    if (!row || (!options.includeUnpublished && row.status !== 'published') || !passesFilter(row, options.filter)) continue;
    const fit = fitOf(row, options.context);
    ranked.push({ row, score: score * fit.factor, text: score, fits: fit.fits });
  }
  // During a call the articles that fit the caller's car and inquiry rank first (issue 7) when
  // they answer the query about as well as the best hit: they contain the query's own words (a
  // synonym, single character or sound bigram alone is not enough) with a text score of at
  // least `contextLead` of the best one. An off-topic article for the same model stays below.
  const bestText = Math.max(0, ...ranked.map((r) => r.text));
  const leads = (r: (typeof ranked)[number]) => (r.fits && ownWordIds.has(r.row.id) && r.text >= contextLead * bestText ? 0 : 1);
  ranked.sort((a, b) => leads(a) - leads(b) || b.score - a.score || a.row.id - b.row.id);
  const top = ranked.slice(0, options.limit);
  const highlight = orExpression([...plan.words, ...plan.weaker]);
  const snippetIds = top.filter(({ row }) => wordIds.has(row.id)).map(({ row }) => String(row.id));
  const snippets = new Map<number, string>();
  if (highlight && snippetIds.length) {
    for (const r of s.snippets.all(highlight, JSON.stringify(snippetIds)) as { id: number; text: string }[]) snippets.set(r.id, r.text);
  }
  return top.map(({ row, score, fits }) => {
    const raw = snippets.get(row.id);
    return toHit(row, score, fits, raw ? snippetPieces(raw) : plainSnippet(row.body));
  });
}

/**
 * Articles for a call before the agent types anything: those in the inquiry category and those
 * written for the caller's model, best fit first. Candidates come from indexes only.
 */
export function suggestArticles(sqlite: Database.Database, context: KbContext, limit: number): KbHit[] {
  const ids = new Set<number>();
  if (context.category) {
    const rows = sqlite.prepare(`SELECT id FROM kb_articles WHERE status = 'published' AND category = ? ORDER BY updated_at DESC LIMIT ?`).pluck().all(context.category, candidatePool) as number[];
    rows.forEach((id) => ids.add(id));
  }
  if (context.model) {
    const key = modelKey(context.model);
    const prefixes = Array.from({ length: Math.max(0, key.length - 1) }, (_, i) => key.slice(0, i + 2));
    const rows = sqlite
      .prepare(
        `SELECT DISTINCT article_id FROM kb_article_models WHERE model_key IN (${prefixes.map(() => '?').join(',') || "''"}) OR (model_key >= ? AND model_key < ?) LIMIT ?`,
      )
      .pluck()
      .all(...prefixes, key, `${key}\uffff`, candidatePool) as number[];
    rows.forEach((id) => ids.add(id));
  }
  const meta = metaRows(sqlite, [...ids]);
  const ranked = [...meta.values()]
    .filter((row) => row.status === 'published')
    .map((row) => ({ row, fit: fitOf(row, context) }))
    .filter(({ fit }) => fit.fits)
    .sort((a, b) => b.fit.factor - a.fit.factor || a.row.id - b.row.id);
  return ranked.slice(0, limit).map(({ row, fit }) => toHit(row, fit.factor, true, plainSnippet(row.body)));
}
