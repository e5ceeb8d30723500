// Import and export of a Markdown folder: unchanged articles come back byte for byte (the demo
// KB and a hand-written file with comments, a subfolder and an attachment); edited ones in the
// canonical form; bad files are reported, not fatal.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleFile } from '../../src-shared/domain/knowledge/front-matter';
import { editArticle } from './article-service';
import { demoKnowledgeFolder, ensureDemoKnowledge } from './demo-knowledge';
import { exportFolder, importFolder } from './markdown-folder';
import { testContext } from './test-support';
import { kbCommand } from '../cli/commands/kb';

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path, 'latin1');
    }
  };
  walk(dir);
  return out;
}

const handWritten = `---
# 本文由售后部维护
title: 钣喷预约
category: 维修
tags: 钣喷, 补漆
mileage: [0, 100000]
attachments: [images/color-chart.png]
reviewer: 王主管
---
请提前一天预约钣喷工位。

![色卡](attachment:images/color-chart.png)
`;

function sourceFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-kb-src-'));
  cpSync(demoKnowledgeFolder()!, dir, { recursive: true });
  mkdirSync(join(dir, 'repair', 'images'), { recursive: true });
  writeFileSync(join(dir, 'repair', 'paint-booking.md'), handWritten);
  writeFileSync(join(dir, 'repair', 'images', 'color-chart.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 9, 8, 7]));
  return dir;
}

describe('Markdown folder import/export', () => {
  it('round-trips a folder unchanged', () => {
    const source = sourceFolder();
    const ctx = testContext('admin');
    const report = importFolder(ctx, source);
    expect(report.failed).toEqual([]);
    expect(report.created).toBe(report.files);
    expect(report.files).toBeGreaterThanOrEqual(201);
    const out = mkdtempSync(join(tmpdir(), 'dd-kb-out-'));
    exportFolder(ctx, out);
    expect(files(out)).toEqual(files(source));

    // Importing again changes nothing.
    expect(importFolder(ctx, source)).toMatchObject({ created: 0, updated: 0, unchanged: report.files });
  });

  it('exports an edited article in the canonical form, keeping unknown keys', () => {
    const ctx = testContext('admin');
    importFolder(ctx, sourceFolder());
    const row = ctx.sqlite.prepare("SELECT id FROM kb_articles WHERE slug = 'repair/paint-booking'").pluck().get() as number;
    const article = editArticle(ctx, row, { title: '钣喷预约（更新）', body: '请提前两天预约。\n', category: 'repair', tags: ['钣喷'], models: [], mileage: { min: 0, max: 100000 }, ageMonths: { min: null, max: null }, status: 'published', author: null });
    expect(article.version).toBe(2);
    const out = mkdtempSync(join(tmpdir(), 'dd-kb-out-'));
    exportFolder(ctx, out);
    const text = readFileSync(join(out, 'repair', 'paint-booking.md'), 'utf8');
    const parsed = parseArticleFile(text);
    expect(parsed.ok && parsed.fields).toMatchObject({ title: '钣喷预约（更新）', attachments: ['images/color-chart.png'], extra: { reviewer: '王主管' } });
    expect(readFileSync(join(out, 'repair', 'images', 'color-chart.png'))).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 9, 8, 7]));
  });

  it('reports bad files and missing attachments without stopping', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-kb-bad-'));
    writeFileSync(join(dir, 'ok.md'), '---\ntitle: 好的\ncategory: policy\nattachments: [missing.pdf]\n---\n正文');
    writeFileSync(join(dir, 'bad.md'), '没有front matter');
    const ctx = testContext('admin');
    const report = importFolder(ctx, dir);
    expect(report.created).toBe(1);
    expect(report.failed).toEqual([
      { file: 'bad.md', reason: expect.stringContaining('front matter') },
      { file: 'ok.md', reason: expect.stringContaining('missing.pdf') },
    ]);
  });

  it('refuses imports by roles that may not edit', () => {
    const ctx = testContext('agent');
    expect(() => importFolder(ctx, sourceFolder())).toThrow(/may not edit/);
  });
});

describe('demo knowledge', () => {
  it('loads the demo articles into a new desk once', () => {
    const ctx = testContext('agent');
    const report = ensureDemoKnowledge(ctx);
    expect(report?.created).toBeGreaterThanOrEqual(200);
    expect(report?.failed).toEqual([]);
    expect(ensureDemoKnowledge(ctx)).toBeNull();
    ctx.sqlite.exec('DELETE FROM kb_articles');
    expect(ensureDemoKnowledge(ctx)).toBeNull(); // an editor emptied it on purpose
  });

  it('has at least 200 distinct articles of 150–600 characters in every category', () => {
    const dir = demoKnowledgeFolder()!;
    const parsed = readdirSync(dir).map((f) => parseArticleFile(readFileSync(join(dir, f), 'utf8')));
    const articles = parsed.flatMap((p) => (p.ok ? [p.fields] : []));
    expect(articles.length).toBe(parsed.length);
    expect(articles.length).toBeGreaterThanOrEqual(200);
    expect(new Set(articles.map((a) => a.title)).size).toBe(articles.length);
    expect(new Set(articles.map((a) => a.body)).size).toBe(articles.length);
    for (const a of articles) {
      const length = a.body.replace(/\s/g, '').length;
      expect(length, a.title).toBeGreaterThanOrEqual(150);
      expect(length, a.title).toBeLessThanOrEqual(600);
    }
    expect(new Set(articles.map((a) => a.category))).toEqual(new Set(['maintenance', 'repair', 'warranty', 'insurance', 'rescue', 'sales', 'complaint_standard', 'policy']));
  });
});

describe('npx dealerdesk kb', () => {
  it('imports, searches (ranked ids, titles, scores) and exports with --data-dir', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dd-kb-cli-'));
    const outputs: unknown[] = [];
    const io = { result: (json: unknown) => outputs.push(json), progress: () => {} };
    const args = (positionals: string[], flags: Record<string, string | boolean> = {}) => ({ positionals, flags: { json: true, ...flags }, dataDir, json: true });
    const source = sourceFolder();
    expect(await kbCommand.run(args(['import', source]), io)).toBe(0);
    expect(outputs[0]).toMatchObject({ files: 204, created: 204, failed: [] });
    await kbCommand.run(args(['search', '首保多少公里'], { limit: '3', model: '雅阁' }), io);
    const search = outputs[1] as { hits: { id: number; slug: string; title: string; score: number }[] };
    expect(search.hits).toHaveLength(3);
    expect(search.hits[0]).toMatchObject({ slug: 'mt-first-service', title: '首保是多少公里？什么时候做？', id: expect.any(Number), score: expect.any(Number) });
    expect(search.hits[0].score).toBeGreaterThanOrEqual(search.hits[1].score);
    const out = mkdtempSync(join(tmpdir(), 'dd-kb-cli-out-'));
    await kbCommand.run(args(['export', out]), io);
    expect(outputs[2]).toMatchObject({ articles: 204, attachments: 1 });
    expect(files(out)).toEqual(files(source));
    await expect(kbCommand.run(args(['search', 'x'], { limit: '0' }), io)).rejects.toThrow(/--limit/);
  });
});
