// 客户关怀 end to end (issue 8): the care reminders list in the real renderer on a real SQLite desk
// with an injected clock. Filters by kind and advisor narrow the list; at 12:30 (the seed 002
// lunch break) an SMS is held for quiet hours and the row says until when; an opted-out (退订)
// customer's message is suppressed and says so; a reminder put into the follow-up queue becomes
// a follow-up work item, once. Screenshot (zh-CN) to $WF_SHOTS or the temp folder.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomers } from '../../../src-main/customers/customer-writer';
import { seedDemoData } from '../../../src-main/demo/seed';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { haveChromium, launchChromium } from '../support/chromium';
import { openDeskPage } from '../support/desk-page';

const shots = process.env.WF_SHOTS ?? join(tmpdir(), 'dd-wf-shots');
const workday = '2026-11-25';
const at = (hhmm: string) => new Date(`${workday}T${hhmm}:00+08:00`);

describe.skipIf(!haveChromium)('care reminders in the browser host', () => {
  let running: RunningHost;
  let browser: Browser;
  let page: Page;
  let clock = at('12:30');
  let wang = 0;
  let zhao = 0;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    running = await startBrowserHost({ now: () => clock });
    const { sqlite } = running.desk.context;
    seedDemoData(sqlite, { customers: 300, seed: 5, today: workday });
    [wang, zhao] = insertCustomers(sqlite, [
      { number: 'CARE01', name: '王关怀', gender: 'M', phones: [{ raw: '13911113333' }], advisorName: '关怀顾问', vehicles: [{ plate: '京C·CA001', model: '途观L', purchaseDate: '2024-01-10', insuranceExpiry: '2026-12-25' }] },
      { number: 'CARE02', name: '赵退订', gender: 'F', phones: [{ raw: '13911114444' }], advisorName: '关怀顾问', vehicles: [{ plate: '京C·CA002', model: '朗逸', purchaseDate: '2023-05-02', insuranceExpiry: '2026-11-30' }] },
    ], new Date());
    const opted = await running.desk.dispatch('messages.optOut.set', { customerId: zhao, scope: 'all' });
    expect(opted).toMatchObject({ ok: true, value: { scope: 'all', address: '13911114444' } });
    browser = await launchChromium(['--lang=zh-CN']);
    page = await openDeskPage(browser, running.host.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const row = (customerId: number) => page.locator(`[data-testid="care-row"][data-customer="${customerId}"][data-kind="insurance"]`);

  it('lists reminders filtered by kind and advisor, with the insurance 60/30/7 stage', async () => {
    await page.getByTestId('nav-followUps').click();
    await page.getByTestId('fu-tab-care').click();
    await page.getByTestId('care-list').waitFor();
    const all = await page.getByTestId('care-row').count();
    await page.getByTestId('care-kind').selectOption('insurance');
    await expect.poll(() => page.locator('[data-testid="care-row"]:not([data-kind="insurance"])').count()).toBe(0);
    await page.getByTestId('care-advisor').selectOption('关怀顾问');
    await expect.poll(() => page.getByTestId('care-row').count()).toBe(2);
    expect(all).toBeGreaterThan(2);
    expect(await row(wang).getAttribute('data-stage')).toBe('30d');
    expect(await row(zhao).getAttribute('data-stage')).toBe('7d');
    await expect.poll(() => row(wang).innerText()).toContain('提前30天');
    // The due window: within 7 days leaves only 赵退订 (5 days left).
    await page.getByTestId('care-window').selectOption('7');
    await expect.poll(() => page.getByTestId('care-row').count()).toBe(1);
    await page.getByTestId('care-window').selectOption('all');
    await expect.poll(() => page.getByTestId('care-row').count()).toBe(2);
  });

  it('an SMS at lunch is held for quiet hours; an opted-out customer gets none; a reminder queues a call once', async () => {
    await row(wang).getByTestId('care-send').click();
    const note = row(wang).getByTestId('care-outcome');
    await expect.poll(() => note.getAttribute('data-reason')).toBe('quiet_hours');
    expect(await note.getAttribute('data-state')).toBe('queued');
    expect(await note.innerText()).toContain('13:00');
    const held = running.desk.context.sqlite.prepare(`SELECT status, reason, body FROM messages WHERE customer_id = ?`).all(wang) as { status: string; reason: string; body: string }[];
    expect(held).toEqual([expect.objectContaining({ status: 'queued', reason: 'quiet_hours' })]);
    expect(held[0].body).toContain('王关怀先生');
    expect(held[0].body).toContain('2026-12-25');

    await row(zhao).getByTestId('care-send').click();
    const zNote = row(zhao).getByTestId('care-outcome');
    await expect.poll(() => zNote.getAttribute('data-state')).toBe('suppressed');
    expect(await zNote.getAttribute('data-reason')).toBe('opted_out');
    expect(await zNote.innerText()).toContain('退订');

    await row(wang).getByTestId('care-enqueue').click();
    const queued = row(wang).getByTestId('care-queued');
    await expect.poll(() => queued.innerText()).toContain('已加入回访队列');
    expect(await note.getAttribute('data-reason')).toBe('quiet_hours');
    await page.screenshot({ path: join(shots, '10-care-reminders.png') });
    await row(wang).getByTestId('care-enqueue').click();
    await expect.poll(() => queued.innerText()).toContain('已在回访队列中');
    const calls = running.desk.context.sqlite.prepare(`SELECT count(*) FROM work_items WHERE kind = 'follow_up' AND customer_id = ? AND category = 'CARE'`).pluck().get(wang);
    expect(calls).toBe(1);
    clock = at('10:00');
  });
});
