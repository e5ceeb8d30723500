// Issue 7 benchmarks on a 100,000-article KB: index build time (segmentation + both FTS tables),
// index size, and query latency through the search service for what agents type: the
// evaluation queries and every keystroke prefix of them, half with a call context.
// The articles are variants of the demo KB made for this benchmark only: each takes the title
// of one demo article and paragraphs of two others, and a car model, so that term statistics
// stay realistic while no two articles are the same.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArticleFile, type ArticleFields } from '../../src-shared/domain/knowledge/front-matter';
import { openDatabase } from '../../src-main/db/open';
import { insertArticle } from '../../src-main/knowledge/article-repository';
import { searchArticles } from '../../src-main/knowledge/search-service';
import { ensureDefaultSynonyms } from '../../src-main/knowledge/synonym-store';
import { seededRandom, summarize, type BenchResult } from '../stats';
import type { BenchSuite } from './index';

const root = join(import.meta.dirname, '..', '..');
const cacheDir = join(import.meta.dirname, '..', '.cache', 'kb-100k');
const articleCount = Number(process.env.BENCH_KB_ARTICLES ?? 100_000);
const models = ['雅阁', '凌派', '飞度', '缤智', '皓影', '型格', '冠道', '奥德赛', '致在 ZR-V', '雅阁 锐·混动', '皓影 e:PHEV', 'e:NP1 极湃1'];

function demoArticles(): ArticleFields[] {
  const dir = join(root, 'assets', 'demo-kb');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseArticleFile(readFileSync(join(dir, f), 'utf8')))
    .flatMap((r) => (r.ok ? [r.fields] : []));
}

function paragraphs(body: string): string[] {
  return body.split(/\n{2,}/).filter((p) => p.trim());
}

function build(): BenchResult[] {
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const dbPath = join(cacheDir, 'dealerdesk.sqlite');
  const { sqlite } = openDatabase(dbPath);
  ensureDefaultSynonyms(sqlite);
  const demo = demoArticles();
  const random = seededRandom(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const at = '2026-01-05T08:00:00.000Z';
  const started = performance.now();
  const insertBatch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const base = demo[i % demo.length];
      const a = pick(demo);
      const b = pick(demo);
      const model = pick(models);
      const body = [pick(paragraphs(base.body)), pick(paragraphs(a.body)), pick(paragraphs(b.body)), `适用车型：${model}。`].join('\n\n');
      insertArticle(sqlite, {
        uid: `bench-${i}`,
        slug: `bench/${i}`,
        content: { title: `${base.title}（${model}）`, body, category: base.category, tags: base.tags, models: random() < 0.3 ? [model] : [], mileage: base.mileage, ageMonths: base.ageMonths, status: 'published', author: null },
        editor: null,
        at,
      });
    }
  });
  for (let i = 0; i < articleCount; i += 2000) {
    insertBatch(i, Math.min(articleCount, i + 2000));
    if (i % 20_000 === 0) console.error(`kb bench: ${i} articles`);
  }
  const seconds = (performance.now() - started) / 1000;
  sqlite.exec("INSERT INTO kb_fts (kb_fts) VALUES ('optimize'); INSERT INTO kb_grams (kb_grams) VALUES ('optimize');");
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const ftsBytes = sqlite.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'kb_fts%' OR name LIKE 'kb_grams%'").pluck().get() as number;
  sqlite.close();
  console.error(`kb bench: ${articleCount} articles written and indexed in ${seconds.toFixed(1)} s; database ${(statSync(dbPath).size / 1e6).toFixed(1)} MB`);
  return [
    { name: 'kb_index_build', unit: 's', value: Math.round(seconds * 100) / 100 },
    { name: 'kb_index_size', unit: 'MB', value: Math.round(ftsBytes / 1e5) / 10 },
  ];
}

/** The evaluation queries and each keystroke prefix of them (as the search box sends them). */
function typedQueries(): string[] {
  const { queries } = JSON.parse(readFileSync(join(root, 'test', 'kb', 'queries.json'), 'utf8')) as { queries: { q: string }[] };
  const out: string[] = [];
  for (const { q } of queries) {
    const chars = Array.from(q);
    for (let n = 1; n <= chars.length; n++) out.push(chars.slice(0, n).join(''));
  }
  return out;
}

export const knowledgeSuite: BenchSuite = {
  title: 'knowledge base (issue 7)',
  names: ['kb_index_build', 'kb_index_size', 'kb_query'],
  async run(names) {
    const results: BenchResult[] = [];
    const dbPath = join(cacheDir, 'dealerdesk.sqlite');
    if (names.includes('kb_index_build') || names.includes('kb_index_size') || !existsSync(dbPath)) {
      results.push(...build().filter((r) => names.includes(r.name)));
    }
    if (names.includes('kb_query')) {
      const { sqlite } = openDatabase(dbPath);
      const queries = typedQueries();
      const random = seededRandom(11);
      const contexts = queries.map(() => (random() < 0.5 ? { model: models[Math.floor(random() * models.length)], category: 'maintenance' as const, mileageKm: Math.floor(random() * 100_000) } : undefined));
      for (const q of queries.slice(0, 50)) searchArticles(sqlite, { query: q, limit: 20 });
      const samples: number[] = [];
      for (let round = 0; round < 3; round++) {
        queries.forEach((query, i) => {
          const t0 = performance.now();
          searchArticles(sqlite, { query, context: contexts[i], limit: 20 });
          samples.push(performance.now() - t0);
        });
      }
      results.push(summarize('kb_query', 'ms', samples));
      sqlite.close();
    }
    return results;
  },
};
