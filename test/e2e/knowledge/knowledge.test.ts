// The knowledge base end to end: the real renderer in Debian's Chromium through the browser
// host, a real SQLite desk with the demo KB, and a real SMTP server (smtp-server). A customer
// card open → the KB panel suggests for that car and searches rank its articles first; open an
// article (image inline, PDF downloadable); send it and read what arrived; SMTP down → the mail
// waits in the outbox → SMTP up → delivered once; F2 inserts a standard answer; an editor edits,
// diffs and restores; the Markdown folder round-trips unchanged through the CLI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomers } from '../../../src-main/customers/customer-writer';
import { storeAttachment } from '../../../src-main/knowledge/attachment-store';
import { editArticle, getArticle } from '../../../src-main/knowledge/article-service';
import { demoKnowledgeFolder, ensureDemoKnowledge } from '../../../src-main/knowledge/demo-knowledge';
import { workflowTick } from '../../../src-main/workflows/scheduler';
import { saveWorkflowSettings } from '../../../src-main/workflows/settings';
import { renderArticleText } from '../../../src-shared/domain/knowledge/render';
import { customerTimeline } from '../../../src-main/workflows/statistics';
import { fileNameOf, leafParts, parseMime, startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { haveChromium, launchChromium } from '../support/chromium';

const root = join(import.meta.dirname, '..', '..', '..');
const shots = process.env.KB_SCREENSHOTS ?? join(tmpdir(), 'dd-kb-screens');
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAI0lEQVR42mNkYPjPQApgHNUwqmFUw6iGUQ2jGkY1DEcNAFQ7AhGp2WljAAAAAElFTkSuQmCC', 'base64');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

describe.skipIf(!haveChromium)('knowledge base in the browser host', () => {
  let running: RunningHost;
  let browser: Browser;
  let page: Page;
  let smtp: SmtpSink;
  let clock = Date.now();
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    smtp = await startSmtpSink({ user: 'desk', password: 'mail-pw' });
    running = await startBrowserHost({ now: () => new Date(clock) });
    const ctx = running.desk.context;
    ensureDemoKnowledge(ctx);
    saveWorkflowSettings(ctx, {
      dealership: { name: '华南汽车4S店', hotline: '020-88888888', timeZone: 'Asia/Shanghai' },
      email: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'desk', from: 'service@dealer.example', password: 'mail-pw' },
    });
    const [liu, chen] = insertCustomers(
      ctx.sqlite,
      [
        { number: 'K20260001', name: '刘洋', gender: 'M', email: 'liu.yang@example.com', phones: [{ raw: '13812345678' }], vehicles: [{ plate: '粤A·H2Q88', model: '皓影 e:PHEV', purchaseDate: '2025-06-01', mileageKm: 12_000 }] },
        { number: 'K20260002', name: '陈静', gender: 'F', phones: [{ raw: '13987654321' }], vehicles: [{ plate: '粤A·F1T01', model: '飞度', purchaseDate: '2021-03-01', mileageKm: 68_000 }] },
      ],
      new Date(),
    );
    ids.liu = liu;
    ids.chen = chen;
    ids.hybrid = ctx.sqlite.prepare(`SELECT id FROM kb_articles WHERE slug = 'mt-hybrid-service'`).pluck().get() as number;
    // An article with an image in its body and a PDF, as editors attach them.
    const at = new Date().toISOString();
    const guide = ctx.sqlite.prepare(`SELECT id FROM kb_articles WHERE category = 'maintenance' ORDER BY id LIMIT 1`).pluck().get() as number;
    storeAttachment(ctx.sqlite, ctx.dataDir, guide, '保养示意.png', png, at);
    storeAttachment(ctx.sqlite, ctx.dataDir, guide, '保养项目清单.pdf', pdf, at);
    const role = ctx.session.role;
    ctx.session.role = 'admin';
    const a = getArticle(ctx, guide);
    editArticle(ctx, guide, { title: a.title, body: `${a.body}\n\n![保养项目示意图](attachment:保养示意.png)\n`, category: a.category, tags: a.tags, models: a.models, mileage: a.mileage, ageMonths: a.ageMonths, status: a.status, author: a.author }, { note: '加示意图' });
    ctx.session.role = role;
    ids.guide = guide;
    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
    await page.goto(running.host.url);
    await page.getByTestId('search-input').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await smtp?.stop();
  });

  async function openCard(name: string, id: number) {
    await page.getByTestId('nav-customers').click();
    const input = page.getByTestId('search-input');
    await input.fill(name);
    await page.locator(`[data-testid="result-row"][data-customer-id="${id}"]`).click();
    await page.locator(`[data-testid="customer-card"][data-customer-id="${id}"]`).waitFor();
  }

  async function kbResults(): Promise<{ id: number; fits: boolean }[]> {
    return page.getByTestId('kb-result').evaluateAll((rows) => rows.map((r) => ({ id: Number(r.getAttribute('data-article-id')), fits: r.getAttribute('data-fits') === 'true' })));
  }

  async function typeQuery(query: string) {
    const input = page.getByTestId('kb-search-input');
    await input.fill('');
    await input.pressSequentially(query, { delay: 30 });
    await expect.poll(() => page.getByTestId('kb-results').getAttribute('data-query')).toBe(query);
    await expect.poll(() => page.getByTestId('kb-results').getAttribute('data-status')).toBe('ready');
  }

  it('suggests articles for the car on the open card, and ranks them first in searches', async () => {
    await openCard('刘洋', ids.liu);
    const panel = page.getByTestId('kb-card-panel');
    await expect.poll(() => panel.getByTestId('kb-card-context').innerText()).toContain('皓影 e:PHEV');
    await expect.poll(() => panel.getByTestId('kb-card-item').count()).toBeGreaterThan(0);
    const suggested = await panel.getByTestId('kb-card-item').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-article-id'))));
    expect(suggested).toContain(ids.hybrid);
    await page.getByTestId('customer-card').screenshot({ path: join(shots, 'kb-card-panel.png') });

    await page.getByTestId('nav-knowledge').click();
    await expect.poll(() => page.getByTestId('kb-context').innerText()).toContain('刘洋');
    await typeQuery('保养');
    const withCar = await kbResults();
    expect(withCar.filter((r) => r.fits).length).toBeGreaterThan(0);
    const rankWithCar = withCar.findIndex((r) => r.id === ids.hybrid);
    expect(rankWithCar).toBeGreaterThanOrEqual(0);
    expect(withCar[rankWithCar].fits).toBe(true);
    await page.screenshot({ path: join(shots, 'kb-search.png') });

    await page.getByTestId('kb-context-toggle').click();
    await expect.poll(() => page.getByTestId('kb-results').getAttribute('data-status')).toBe('ready');
    await page.waitForTimeout(200);
    const plain = await kbResults();
    const rankPlain = plain.findIndex((r) => r.id === ids.hybrid);
    expect(rankPlain === -1 || rankPlain > rankWithCar).toBe(true);
    await page.getByTestId('kb-context-toggle').click();

    // Another caller with a petrol car: the hybrid article is not pushed up for them.
    await openCard('陈静', ids.chen);
    await page.getByTestId('nav-knowledge').click();
    await expect.poll(() => page.getByTestId('kb-context').innerText()).toContain('飞度');
    await typeQuery('保养');
    const forPetrol = (await kbResults()).findIndex((r) => r.id === ids.hybrid);
    expect(forPetrol === -1 || forPetrol > rankWithCar).toBe(true);
  });

  it('highlights the words found and filters by category', async () => {
    await typeQuery('刹车片');
    await expect.poll(() => page.locator('[data-testid="kb-result"] mark').count()).toBeGreaterThan(0);
    await page.getByTestId('kb-filter-category').selectOption('complaint_standard');
    await typeQuery('投诉');
    const cats = await page.locator('[data-testid="kb-result"] .kb-chip').evaluateAll((chips) => chips.map((c) => c.className));
    expect(cats.length).toBeGreaterThan(0);
    expect(cats.every((c) => c.includes('kb-cat-complaint_standard'))).toBe(true);
    await page.getByTestId('kb-filter-category').selectOption('');
  });

  it('opens an article with its image inline and its PDF to download, and sends it to the customer', async () => {
    await openCard('刘洋', ids.liu);
    await page.getByTestId('nav-knowledge').click();
    const title = running.desk.context.sqlite.prepare('SELECT title FROM kb_articles WHERE id = ?').pluck().get(ids.guide) as string;
    await typeQuery(title.slice(0, 8));
    await page.locator(`[data-testid="kb-result"][data-article-id="${ids.guide}"]`).click();
    await expect.poll(() => page.getByTestId('kb-article-title').innerText()).toBe(title);
    const image = page.locator('[data-testid="kb-article-body"] img');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.src.startsWith('blob:'))).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="kb-attachment"][data-name="保养项目清单.pdf"] [data-testid="kb-attachment-download"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('保养项目清单.pdf');
    expect(readFileSync((await download.path())!).equals(pdf)).toBe(true);
    await page.screenshot({ path: join(shots, 'kb-article.png') });

    await page.getByTestId('kb-send').click();
    const dialog = page.getByTestId('kb-send-dialog');
    await expect.poll(() => dialog.getByTestId('kb-send-to').inputValue()).toBe('liu.yang@example.com');
    const note = dialog.getByTestId('kb-send-note');
    await note.fill('刘先生您好，这是您电话里问的保养说明，请查收。');
    await page.screenshot({ path: join(shots, 'kb-send.png') });
    await dialog.getByTestId('kb-send-submit').click();
    await expect.poll(() => dialog.getByTestId('kb-send-result').getAttribute('data-status')).toBe('sent');
    await dialog.getByTestId('kb-send-done').click();

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(['liu.yang@example.com']);
    const mail = parseMime(smtp.received[0].raw);
    expect(mail.headers.subject).toBe(title);
    const leaves = leafParts(mail);
    const text = leaves.find((p) => p.contentType === 'text/plain' && !fileNameOf(p))!.body.toString('utf8');
    const html = leaves.find((p) => p.contentType === 'text/html')!.body.toString('utf8');
    expect(text).toContain('刘先生您好，这是您电话里问的保养说明，请查收。');
    expect(text).toContain(title);
    expect(html).toContain('刘先生您好');
    expect(html).toMatch(/<img src="cid:[^"]+"/);
    expect(leaves.map(fileNameOf).filter(Boolean).sort()).toEqual(['保养示意.png', '保养项目清单.pdf'].sort());
    expect(customerTimeline(running.desk.context, ids.liu, 20).some((e) => e.kind === 'message' && e.title.includes('email sent'))).toBe(true);
  });

  it('keeps a mail in the outbox while SMTP is down and delivers it once when it is back; F2 inserts a standard answer', async () => {
    await smtp.stop();
    await page.getByTestId('kb-send').click();
    const dialog = page.getByTestId('kb-send-dialog');
    const note = dialog.getByTestId('kb-send-note');
    await note.fill('');
    await note.focus();
    await page.keyboard.press('F2');
    const picker = page.getByTestId('kb-standard-picker');
    await picker.waitFor();
    await expect.poll(() => picker.getByTestId('kb-standard-option').count()).toBeGreaterThan(0);
    const answerTitle = await picker.getByTestId('kb-standard-option').first().locator('.kb-picker-title').innerText();
    await page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    const answerBody = running.desk.context.sqlite.prepare(`SELECT body FROM kb_articles WHERE title = ? AND category = 'complaint_standard'`).pluck().get(answerTitle) as string;
    const inserted = await note.inputValue();
    expect(inserted).toBe(renderArticleText(answerBody));
    expect(inserted).not.toMatch(/^#|\*\*/m);

    await dialog.getByTestId('kb-send-submit').click();
    await expect.poll(() => dialog.getByTestId('kb-send-result').getAttribute('data-status')).toBe('queued');
    expect(await dialog.getByTestId('kb-send-result').innerText()).toContain('发件箱');
    await dialog.getByTestId('kb-send-done').click();
    expect(smtp.received).toHaveLength(1);

    await smtp.start();
    clock += 6 * 60_000; // past the first back-off
    // What the host's scheduler runs every minute.
    expect(await workflowTick(running.desk.context)).toMatchObject({ sent: 1 });
    expect(await workflowTick(running.desk.context)).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(2);
    const text = leafParts(parseMime(smtp.received[1].raw)).find((p) => p.contentType === 'text/plain' && !fileNameOf(p))!.body.toString('utf8');
    expect(text.replace(/\s/g, '')).toContain(inserted.replace(/\s/g, '').slice(0, 12));
  });

  it('lets a supervisor edit an article, see the diff and restore the old version', async () => {
    await page.getByTestId('role-switcher').selectOption('supervisor');
    await expect.poll(() => page.getByTestId('role-switcher').isDisabled()).toBe(false);
    await page.locator(`[data-testid="kb-result"][data-article-id="${ids.guide}"]`).click();
    const versionBefore = running.desk.context.sqlite.prepare('SELECT version FROM kb_articles WHERE id = ?').pluck().get(ids.guide) as number;
    await page.getByTestId('kb-edit').click();
    const body = page.getByTestId('kb-edit-body');
    const before = await body.inputValue();
    await body.fill(`${before}\n\n## 温馨提示\n\n保养前请提前一天预约，到店可减少等待。`);
    await expect.poll(() => page.getByTestId('kb-preview-body').innerText()).toContain('温馨提示');
    await page.getByTestId('kb-edit-note').fill('增加预约提示');
    await page.screenshot({ path: join(shots, 'kb-editor.png') });
    await page.getByTestId('kb-save').click();
    await expect.poll(() => page.getByTestId('kb-article-body').innerText()).toContain('温馨提示');

    await page.getByTestId('kb-history').click();
    await expect.poll(() => page.getByTestId('kb-version').count()).toBe(versionBefore + 1);
    await expect.poll(() => page.locator('[data-testid="kb-diff"] [data-op="insert"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="kb-diff"] [data-op="insert"]').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('保养前请提前一天预约')]));
    await page.screenshot({ path: join(shots, 'kb-history-diff.png') });
    await page.locator(`[data-testid="kb-version"][data-version="${versionBefore}"] [data-testid="kb-restore"]`).click();
    await page.getByTestId('kb-restore-confirm').click();
    await expect.poll(() => page.getByTestId('kb-version').count()).toBe(versionBefore + 2);
    const restored = running.desk.context.sqlite.prepare('SELECT body, version FROM kb_articles WHERE id = ?').get(ids.guide) as { body: string; version: number };
    expect(restored.version).toBe(versionBefore + 2);
    expect(restored.body).toBe(before);

    await page.getByTestId('kb-tab-synonyms').click();
    await expect.poll(() => page.getByTestId('kb-synonym-row').count()).toBeGreaterThan(5);
    await page.screenshot({ path: join(shots, 'kb-synonyms.png') });
    await page.getByTestId('kb-tab-mail').click();
    await expect.poll(() => page.getByTestId('kb-smtp-host').inputValue()).toBe('127.0.0.1');
    expect(await page.getByTestId('kb-smtp-password').getAttribute('placeholder')).toContain('已保存');
    await page.screenshot({ path: join(shots, 'kb-mail-settings.png') });
    await page.getByTestId('kb-tab-search').click();
    await page.getByTestId('role-switcher').selectOption('agent');
  });

  it('imports and exports a Markdown folder through the CLI, unchanged', () => {
    const source = demoKnowledgeFolder()!;
    const cli = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src-main', 'cli', 'main.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    const dataDir = mkdtempSync(join(tmpdir(), 'dd-kb-e2e-cli-'));
    const out = mkdtempSync(join(tmpdir(), 'dd-kb-e2e-out-'));
    expect(cli(['kb', 'import', source, '--data-dir', dataDir])).toMatch(/imported \d+ files/);
    cli(['kb', 'export', out, '--data-dir', dataDir]);
    const files = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    expect(files(out)).toEqual(files(source));
    for (const f of files(source)) expect(readFileSync(join(out, f), 'utf8'), f).toBe(readFileSync(join(source, f), 'utf8'));
  });
});
