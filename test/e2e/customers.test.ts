// The foundation end to end: the real renderer in Debian's Chromium, through the browser host, on
// a real SQLite desk. Search by every kind of key, keyboard navigation, the card, roles and
// masking, import of a file with bad rows, export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomers } from '../../src-main/customers/customer-writer';
import { seedDemoData } from '../../src-main/demo/seed';
import { startBrowserHost, type RunningHost } from './support/browser-host';
import { haveChromium, launchChromium } from './support/chromium';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import');

describe.skipIf(!haveChromium)('customer cache in the browser host', () => {
  let running: RunningHost;
  let browser: Browser;
  let page: Page;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    running = await startBrowserHost();
    const { sqlite } = running.desk.context;
    seedDemoData(sqlite, { customers: 3000, seed: 7, today: '2026-11-26' });
    const known = insertCustomers(
      sqlite,
      [
        { number: 'T20260001', name: '欧阳娜娜', phones: [{ raw: '+86 186-6688-2468' }], vehicles: [{ plate: '粤B·9Q7X1', vin: '1M8GDM9AXKP042788', model: 'CR-V', purchaseDate: '2026-09-01' }] },
        { number: 'T20260002', name: '曾志伟', phones: [{ raw: '0755-8866 1357' }], vehicles: [{ plate: '粤A·D88Z66' }] },
      ],
      new Date(),
    );
    ids.ouyang = known[0];
    ids.zeng = known[1];
    browser = await launchChromium();
    page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(running.host.url);
    await page.getByTestId('search-input').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  async function firstResultFor(query: string): Promise<number> {
    const input = page.getByTestId('search-input');
    await input.fill('');
    await input.fill(query);
    const first = page.getByTestId('result-row').first();
    await expect.poll(async () => (await page.getByTestId('result-row').count()) > 0 && (await input.inputValue()) === query).toBe(true);
    // The list shows the newest reply; wait until it answers this query.
    await page.waitForTimeout(150);
    return Number(await first.getAttribute('data-customer-id'));
  }

  it('finds a customer by every kind of key', async () => {
    const cases: [string, number][] = [
      ['18666882468', ids.ouyang], // full mobile
      ['186 6688 2468', ids.ouyang],
      ['2468', ids.ouyang], // last 4 digits
      ['粤b 9q7x1', ids.ouyang], // plate, case, space
      ['B9Q7X1', ids.ouyang], // without province
      ['欧阳娜娜', ids.ouyang], // name
      ['娜娜', ids.ouyang], // part of a name
      ['ouyangnana', ids.ouyang], // pinyin
      ['T20260001', ids.ouyang], // customer number
      ['1M8GDM9AXKP042788', ids.ouyang], // VIN
      ['042788', ids.ouyang], // VIN last 6
      ['zengzhiwei', ids.zeng], // 曾 as a surname reads zeng
      ['075588661357', ids.zeng], // landline with area code
      ['D88Z66', ids.zeng], // new-energy plate
    ];
    for (const [query, id] of cases) {
      // A tail or a part of a name can belong to several customers: it must be among them.
      if (query === '2468' || query === '娜娜') {
        await firstResultFor(query);
        const all = await page.getByTestId('result-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-customer-id'))));
        expect(all, query).toContain(id);
      } else {
        expect(await firstResultFor(query), query).toBe(id);
      }
    }
  });

  it('opens a card from the keyboard, shows vehicles, visits and what is due, and goes back with Esc', async () => {
    await page.getByTestId('search-input').fill('');
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await page.keyboard.type('欧阳娜娜');
    await page.getByTestId('result-row').first().waitFor();
    await page.waitForTimeout(150);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const card = page.getByTestId('customer-card');
    await card.waitFor();
    expect(Number(await card.getAttribute('data-customer-id'))).toBe(ids.ouyang);
    await expect.poll(() => page.evaluate(() => document.body.dataset.cardPaintedFor)).toBe(String(ids.ouyang));
    expect(await page.getByTestId('card-name').innerText()).toContain('欧阳娜娜');
    expect(await page.getByTestId('vehicle-list').innerText()).toContain('9Q7X1');
    // Bought 2026-09 with no first maintenance on record: the first free maintenance is due.
    expect(await page.getByTestId('due-item').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('customer-card').count()).toBe(0);
  });

  it('masks phones for an agent and shows them to a supervisor', async () => {
    await page.getByTestId('role-switcher').selectOption('agent');
    expect(await firstResultFor('T20260001')).toBe(ids.ouyang);
    await page.getByTestId('result-row').first().click();
    await page.getByTestId('phone-list').waitFor();
    await expect.poll(() => page.getByTestId('phone-list').innerText()).toContain('186****2468');
    expect(await page.getByTestId('phone').first().getAttribute('data-masked')).toBe('true');
    await page.getByTestId('role-switcher').selectOption('supervisor');
    await expect.poll(() => page.getByTestId('phone-list').innerText()).toContain('186 6688 2468');
    await page.keyboard.press('Escape');
  });

  it('imports a file with bad rows: shows the row-level report and imports nothing, then only the valid rows on request', async () => {
    await page.getByTestId('role-switcher').selectOption('admin');
    const count = () => running.desk.context.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    const before = count();
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file-input').setInputFiles(join(fixtures, 'bad-rows.csv'));
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-encoding').innerText()).toMatch(/utf-?8|gb/i);
    await page.getByTestId('import-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor();
    expect(await report.getAttribute('data-committed')).toBe('false');
    expect(count()).toBe(before);
    const rows = await page.getByTestId('report-row').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-row'))));
    expect(rows).toEqual(expect.arrayContaining([3, 4, 5, 6, 7, 8]));
    expect(await page.getByTestId('report-row').filter({ hasText: '1380013800' }).count()).toBe(1);
    // Reasons read in the agent's language; a wrong VIN check digit is a warning, not an error.
    expect(await page.locator('[data-testid="report-row"][data-row="3"]').innerText()).toContain('手机号码应为 11 位');
    expect(await page.locator('[data-testid="report-row"][data-row="9"]').getAttribute('data-severity')).toBe('warning');
    await page.getByTestId('import-valid-only').click();
    await expect.poll(() => page.getByTestId('import-report').getAttribute('data-committed')).toBe('true');
    expect(count()).toBeGreaterThan(before);
    expect(running.desk.context.sqlite.prepare("SELECT count(*) FROM customers WHERE number = 'B001'").pluck().get()).toBe(1);
    expect(running.desk.context.sqlite.prepare("SELECT count(*) FROM customers WHERE number = 'B002'").pluck().get()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('exports the listed customers for a supervisor and offers no export to an agent', async () => {
    await page.getByTestId('role-switcher').selectOption('supervisor');
    await firstResultFor('欧阳娜娜');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv-button').click();
    const file = await download;
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff); // BOM: Chinese Excel opens it as UTF-8
    expect(text).toContain('欧阳娜娜');
    expect(text).toContain('186-6688-2468');
    expect(text).toContain('客户编号');
    await page.getByTestId('role-switcher').selectOption('agent');
    await expect.poll(() => page.getByTestId('export-csv-button').count()).toBe(0);
    // The desk refuses it too, whatever the UI shows.
    const refused = await running.desk.dispatch('transfer.exportCustomers', { query: '', format: 'csv' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
