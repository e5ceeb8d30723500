// Sales and insurance screens end to end (issue 9) through the browser host: (a) a caller wants a
// car that is not in stock; the agent registers "tell me when it arrives" from the card's stock
// panel; when sales puts the car into stock, the waiting customer's consultant gets the task and
// sees it in 工单. (b) a lead is created for the open customer and moves a stage; (c) a policy
// expiring within 30 days is marked lost with a reason. Screenshots go to $SV_SHOTS or tmp.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomers } from '../../../src-main/customers/customer-writer';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { haveChromium, launchChromium } from '../support/chromium';
import { openDeskPage, switchRole as switchDeskRole } from '../support/desk-page';

const shots = process.env.SV_SHOTS ?? join(tmpdir(), 'dd-sv-shots');
const now = new Date('2026-11-25T02:00:00Z');

describe.skipIf(!haveChromium)('sales screens in the browser host', () => {
  let running: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    running = await startBrowserHost({ now: () => now });
    const { sqlite } = running.desk.context;
    const [buyer] = insertCustomers(sqlite, [
      { number: 'SL0001', name: '王买车', phones: [{ raw: '13955556666' }], vehicles: [{ plate: '沪A·12345', model: '卡罗拉' }] },
    ], now);
    const vehicle = sqlite.prepare('SELECT id FROM vehicles WHERE customer_id = ?').pluck().get(buyer) as number;
    running.desk.context.session.role = 'supervisor';
    const policy = await running.desk.dispatch('insurance.policies.create', { vehicleId: vehicle, insurer: '平安', startDate: '2025-12-10', endDate: '2026-12-09', items: [{ code: 'compulsory', premiumYuan: 950 }] });
    expect(policy.ok).toBe(true);
    running.desk.context.session.role = 'agent';
    browser = await launchChromium(['--lang=zh-CN']);
    page = await openDeskPage(browser, running.host.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });

  const switchRole = (role: 'agent' | 'sales') => switchDeskRole(page, role);

  async function openCustomer(query: string) {
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('search-input').fill(query);
    await page.getByTestId('result-row').filter({ hasText: query }).first().click();
    await page.getByTestId('customer-card').waitFor();
  }

  it('(a) a car arrives in stock and the waiting customer\'s consultant gets the task', async () => {
    await switchRole('agent');
    await openCustomer('王买车');
    await page.getByTestId('stock-panel-open').click();
    const panel = page.getByTestId('stock-panel');
    await panel.getByTestId('stock-panel-search').fill('汉兰达');
    await panel.getByTestId('stock-panel-none').waitFor();
    await expect.poll(() => panel.getByTestId('arrival-model').inputValue()).toBe('汉兰达');
    await panel.getByTestId('arrival-colour').fill('白色');
    await panel.getByTestId('arrival-consultant').fill('演示销售顾问');
    await shot('11-stock-panel');
    await panel.getByTestId('arrival-submit').click();
    await panel.getByTestId('arrival-requested').waitFor();

    await switchRole('sales');
    await page.getByTestId('nav-sales').click();
    await page.getByTestId('sales-tab-stock').click();
    await page.getByTestId('stock-add-open').click();
    const form = page.getByTestId('stock-add');
    await form.getByTestId('stock-add-vin').fill('LVGBE40K8PG000123');
    await form.getByTestId('stock-add-model').fill('汉兰达');
    await form.getByTestId('stock-add-colour').fill('白色');
    await form.getByTestId('stock-add-status').selectOption('in_stock');
    await form.getByTestId('stock-add-submit').click();
    await expect.poll(() => page.getByTestId('stock-notified').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('stock-notified').textContent()).toContain('王买车 → 演示销售顾问');
    expect(await page.locator('[data-testid="stock-row"][data-vin="LVGBE40K8PG000123"]').getAttribute('data-status')).toBe('in_stock');
    await shot('12-sales-stock');

    await page.getByTestId('nav-workOrders').click();
    const task = page.getByTestId('work-item-row').filter({ hasText: '到车提醒' });
    await task.first().waitFor();
    expect(await task.count()).toBe(1);
    await task.first().click();
    await expect.poll(() => page.getByTestId('work-item-detail').textContent()).toContain('王买车');
    await shot('13-arrival-task');
  });

  it('(b) a lead for the open customer is created and moves on a stage', async () => {
    await openCustomer('王买车');
    await page.getByTestId('nav-sales').click();
    await page.getByTestId('sales-tab-leads').click();
    const form = page.getByTestId('lead-form');
    await form.getByTestId('lead-models').fill('汉兰达，凯美瑞');
    await form.getByTestId('lead-submit').click();
    const row = page.locator('[data-testid="lead-row"][data-customer="王买车"]');
    await expect.poll(() => row.getAttribute('data-stage')).toBe('new');
    expect(await row.textContent()).toContain('汉兰达、凯美瑞');
    await row.getByTestId('lead-stage').selectOption('contacted');
    await expect.poll(() => row.getAttribute('data-stage')).toBe('contacted');
    await shot('14-sales-leads');
  });

  it('(c) a policy expiring within 30 days is marked lost with a reason', async () => {
    await switchRole('agent');
    await page.getByTestId('nav-sales').click();
    await page.getByTestId('sales-tab-renewals').click();
    await page.getByTestId('renewals-window-30').click();
    const row = page.locator('[data-testid="renewal-row"][data-customer="王买车"]');
    await expect.poll(() => row.getAttribute('data-stage')).toBe('due');
    await row.getByTestId('renewal-lost-open').click();
    await row.getByTestId('renewal-lost-reason').selectOption('bought_elsewhere');
    await row.getByTestId('renewal-lost-confirm').click();
    await expect.poll(() => row.getAttribute('data-stage')).toBe('lost');
    expect(await row.textContent()).toContain('他处投保');
    await shot('15-renewals');
  });
});
