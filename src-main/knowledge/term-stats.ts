// Document counts of index terms, cached per database. A search looks them up before it runs
// a lookup, to keep bm25 within its row budget (search-service.ts); reading them from the
// fts5vocab tables costs as much as walking the term's document list, so they are cached until
// the index changes: through this connection (noteIndexChanged, called by search-index.ts) or
// through another one (PRAGMA data_version).
import type Database from 'better-sqlite3';

export type IndexTable = 'kb_fts' | 'kb_grams';

export interface TermDocs {
  /** Sum over columns: an upper bound of the documents holding the term. */
  all: number;
  title: number;
}

interface Cache {
  version: string;
  terms: Map<string, TermDocs>;
  totals: Map<IndexTable, number>;
}

const caches = new WeakMap<Database.Database, Cache>();
const localChanges = new WeakMap<Database.Database, number>();
const statements = new WeakMap<Database.Database, Record<string, Database.Statement>>();

export function noteIndexChanged(sqlite: Database.Database): void {
  localChanges.set(sqlite, (localChanges.get(sqlite) ?? 0) + 1);
}

function stmts(sqlite: Database.Database) {
  let s = statements.get(sqlite);
  if (!s) {
    s = {};
    for (const table of ['kb_fts', 'kb_grams'] as const) {
      s[`${table}.docs`] = sqlite.prepare(`SELECT col, doc FROM ${table}_terms WHERE term = ?`);
      s[`${table}.prefix`] = sqlite.prepare(`SELECT col, sum(doc) AS doc FROM ${table}_terms WHERE term >= ? AND term < ? GROUP BY col`);
    }
    s.total = sqlite.prepare('SELECT count(*) FROM kb_articles').pluck();
    statements.set(sqlite, s);
  }
  return s;
}

function cache(sqlite: Database.Database): Cache {
  const version = `${sqlite.pragma('data_version', { simple: true })}/${localChanges.get(sqlite) ?? 0}`;
  let c = caches.get(sqlite);
  if (!c || c.version !== version) {
    c = { version, terms: new Map(), totals: new Map() };
    caches.set(sqlite, c);
  }
  return c;
}

export function termDocs(sqlite: Database.Database, table: IndexTable, term: string, prefix = false): TermDocs {
  const c = cache(sqlite);
  const key = `${table}\u0000${prefix ? '*' : ''}${term}`;
  let docs = c.terms.get(key);
  if (!docs) {
    const s = stmts(sqlite);
    const rows = (prefix ? s[`${table}.prefix`].all(term, `${term}\uffff`) : s[`${table}.docs`].all(term)) as { col: string; doc: number }[];
    docs = { all: rows.reduce((sum, r) => sum + r.doc, 0), title: rows.find((r) => r.col === 'title')?.doc ?? 0 };
    if (c.terms.size > 50_000) c.terms.clear();
    c.terms.set(key, docs);
  }
  return docs;
}

/** Articles in the KB (the index holds one row per article). */
export function articleTotal(sqlite: Database.Database): number {
  const c = cache(sqlite);
  let total = c.totals.get('kb_fts');
  if (total === undefined) {
    total = stmts(sqlite).total.get() as number;
    c.totals.set('kb_fts', total);
  }
  return total;
}
