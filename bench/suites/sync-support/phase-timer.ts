// Where an initial sync's time goes, page by page (BENCH_SYNC_PHASES=1 in desk-sync-child.ts):
// the request (server page build + transfer + JSON parse, overlapped with the previous page's
// write), the JSON parse alone, the page's SQLite transaction and its multi-row writes, the
// wait for the next page, the index rebuild and ANALYZE at the end, and GC. Printed to stderr
// per entity in tenths of its pages, so time per page that grows with the page number shows.
import type Database from 'better-sqlite3';
import { PerformanceObserver } from 'node:perf_hooks';
import { SnapshotWriter } from '../../../src-main/sync/snapshot-writer';
import { Transport } from '../../../src-main/sync/transport';

interface Page {
  entity: string;
  requestMs: number;
  parseMs: number;
  applyMs: number;
  writeMs: number;
  waitMs: number;
}

export function timePhases(sqlite: Database.Database): () => string {
  const pages: Page[] = [];
  const byEntity = new Map<string, Page[]>();
  const requests: { entity: string; requestMs: number; parseMs: number }[] = [];
  const statements: { what: string; ms: number }[] = [];
  let gcMs = 0;
  let parseMs = 0;
  let writeMs = 0;
  let lastApplyEnd = performance.now();

  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gc.observe({ entryTypes: ['gc'] });

  const parse = JSON.parse;
  JSON.parse = function (text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) {
    const t0 = performance.now();
    try {
      return parse(text, reviver);
    } finally {
      if (text.length > 100_000) parseMs += performance.now() - t0;
    }
  } as typeof JSON.parse;

  const request = Transport.prototype.request;
  Transport.prototype.request = async function (this: Transport, ...args: Parameters<Transport['request']>) {
    const t0 = performance.now();
    const parsedBefore = parseMs;
    const result = await request.apply(this, args);
    const entity = /[?&]entity=([a-z_]+)/.exec(args[1])?.[1];
    if (entity) requests.push({ entity, requestMs: performance.now() - t0, parseMs: parseMs - parsedBefore });
    return result;
  };

  const write = SnapshotWriter.prototype.write;
  SnapshotWriter.prototype.write = function (this: SnapshotWriter, ...args: Parameters<SnapshotWriter['write']>) {
    const t0 = performance.now();
    try {
      return write.apply(this, args);
    } finally {
      writeMs += performance.now() - t0;
    }
  };

  const transaction = sqlite.transaction.bind(sqlite);
  (sqlite as { transaction: unknown }).transaction = (fn: (...a: unknown[]) => unknown) => {
    const run = transaction(fn);
    return (...a: unknown[]) => {
      const t0 = performance.now();
      const writtenBefore = writeMs;
      const out = run(...a);
      const t1 = performance.now();
      if (writeMs > writtenBefore) {
        const request = requests[pages.length];
        const page: Page = {
          entity: request?.entity ?? '?',
          requestMs: request?.requestMs ?? 0,
          parseMs: request?.parseMs ?? 0,
          applyMs: t1 - t0,
          writeMs: writeMs - writtenBefore,
          waitMs: t0 - lastApplyEnd,
        };
        pages.push(page);
        let list = byEntity.get(page.entity);
        if (!list) byEntity.set(page.entity, (list = []));
        list.push(page);
      }
      lastApplyEnd = t1;
      return out;
    };
  };

  const exec = sqlite.exec.bind(sqlite);
  sqlite.exec = (source: string) => {
    const t0 = performance.now();
    const out = exec(source);
    if (/^\s*(CREATE INDEX|ANALYZE)/i.test(source)) statements.push({ what: source.slice(0, 70), ms: performance.now() - t0 });
    return out;
  };
  const pragma = sqlite.pragma.bind(sqlite);
  sqlite.pragma = ((source: string, options?: { simple?: boolean }) => {
    const t0 = performance.now();
    const out = pragma(source, options);
    if (/checkpoint\(/.test(source)) statements.push({ what: `pragma ${source}`, ms: performance.now() - t0 });
    return out;
  }) as typeof sqlite.pragma;

  return () => {
    gc.disconnect();
    const f = (x: number) => (x / 1000).toFixed(2).padStart(7);
    const lines: string[] = ['phase timings (s): per entity, pages split in tenths; request overlaps the previous write'];
    lines.push(`${'entity'.padEnd(16)} tenth pages request   parse   apply   write    wait`);
    for (const [entity, list] of byEntity) {
      const tenth = Math.max(1, Math.ceil(list.length / 10));
      for (let i = 0; i < list.length; i += tenth) {
        const part = list.slice(i, i + tenth);
        const sum = (k: keyof Page) => part.reduce((a, p) => a + (p[k] as number), 0);
        lines.push(
          `${entity.padEnd(16)} ${String(i / tenth + 1).padStart(5)} ${String(part.length).padStart(5)} ${f(sum('requestMs'))} ${f(sum('parseMs'))} ${f(sum('applyMs'))} ${f(sum('writeMs'))} ${f(sum('waitMs'))}`,
        );
      }
    }
    const total = (k: keyof Page) => pages.reduce((a, p) => a + (p[k] as number), 0);
    lines.push(`totals: request ${f(total('requestMs'))} parse ${f(total('parseMs'))} apply ${f(total('applyMs'))} write ${f(total('writeMs'))} wait ${f(total('waitMs'))} gc ${f(gcMs)}`);
    for (const s of statements) lines.push(`${f(s.ms)}  ${s.what}`);
    return lines.join('\n');
  };
}
