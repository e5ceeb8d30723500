// Issue 6 end to end in the browser host: a dealership server in-process and two desks (two
// browser hosts, two Chromium pages), each signed in through the connect form. Desk B talks to
// the server through a proxy that can cut it off. A edits a phone while B is offline and edits
// the address; both come back and both cards show both edits. Then both edit the address: the
// lost edit appears in B's (supervisor) conflict inbox and restoring it brings it back on both.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomers } from '../../../src-main/customers/customer-writer';
import { startFaultProxy, type FaultProxy } from '../../sync/fault-proxy';
import { startTestServer, testPassword, type TestServer } from '../../support/sync-server';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { haveChromium, launchChromium } from '../support/chromium';

const shots = process.env.SYNC_SHOTS ?? join(tmpdir(), 'dd-sync-shots');

describe.skipIf(!haveChromium)('two desks syncing through the dealership server', () => {
  let server: TestServer;
  let proxy: FaultProxy;
  let a: RunningHost;
  let b: RunningHost;
  let browser: Browser;
  let pageA: Page;
  let pageB: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startTestServer();
    proxy = await startFaultProxy(() => server.url);
    a = await startBrowserHost();
    b = await startBrowserHost();
    a.desk.context.session.role = 'admin';
    b.desk.context.session.role = 'supervisor';
    insertCustomers(a.desk.context.sqlite, [{ number: 'S20260001', name: '欧阳同步', address: '天河路 1 号', phones: [{ raw: '13800001111' }], vehicles: [{ plate: '粤A12345' }] }], new Date());
    browser = await launchChromium();
    const open = async (host: RunningHost) => {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
      await page.goto(host.host.url);
      await page.getByTestId('search-input').waitFor();
      return page;
    };
    pageA = await open(a);
    pageB = await open(b);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await a?.stop();
    await b?.stop();
    await proxy?.close();
    await server?.close();
  });

  const statusOf = (page: Page) => page.getByTestId('sync-status');
  const shotStatus = (page: Page, name: string) => page.locator('.status-bar').screenshot({ path: join(shots, `${name}.png`) });

  async function connect(page: Page, url: string, username: string) {
    await page.getByTestId('open-sync-connect').click();
    await page.getByTestId('sync-server-url').fill(url);
    await page.getByTestId('sync-username').fill(username);
    await page.getByTestId('sync-password').fill(testPassword);
    await page.getByTestId('sync-connect-dialog').screenshot({ path: join(shots, `connect-${username}.png`) });
    await page.getByTestId('sync-connect-submit').click();
    await expect.poll(() => page.getByTestId('sync-connect-state').getAttribute('data-connection'), { timeout: 30_000 }).toBe('online');
    await page.getByRole('button', { name: '取消' }).click();
  }

  async function openCustomer(page: Page) {
    const input = page.getByTestId('search-input');
    await input.fill('');
    await input.fill('欧阳同步');
    await page.getByTestId('result-row').first().waitFor();
    await page.getByTestId('result-row').first().click();
    await page.getByTestId('customer-card').waitFor();
  }

  async function editOnCard(page: Page, fill: (page: Page) => Promise<void>) {
    await page.getByTestId('edit-customer').click();
    await fill(page);
    await page.getByTestId('edit-save').click();
    await page.getByTestId('edit-customer').waitFor();
  }

  const cardText = (page: Page) => page.getByTestId('card-header').innerText();

  it('merges offline edits of different fields and restores a lost same-field edit', async () => {
    await expect.poll(() => statusOf(pageA).getAttribute('data-connection')).toBe('not-configured');
    await shotStatus(pageA, '1-not-configured');

    await connect(pageA, server.url, 'admin1');
    await connect(pageB, proxy.url, 'super1');
    await expect.poll(() => statusOf(pageA).getAttribute('data-pending'), { timeout: 30_000 }).toBe('0');
    await expect.poll(() => b.desk.context.sqlite.prepare("SELECT count(*) FROM customers WHERE number = 'S20260001'").pluck().get(), { timeout: 30_000 }).toBe(1);
    await expect(statusOf(pageB).getByTestId('sync-last').innerText()).resolves.toMatch(/上次同步/);
    await shotStatus(pageB, '2-online');

    await openCustomer(pageA);
    await openCustomer(pageB);

    // B is cut off; A changes the phone, B changes the address.
    proxy.offline = true;
    await editOnCard(pageA, (p) => p.getByTestId('edit-phone-value').first().fill('13900002222'));
    await editOnCard(pageB, (p) => p.getByTestId('edit-address').fill('黄埔大道 88 号'));
    await expect.poll(() => statusOf(pageB).getAttribute('data-connection'), { timeout: 30_000 }).toBe('offline');
    await expect.poll(() => statusOf(pageB).getAttribute('data-pending')).not.toBe('0');
    await expect(statusOf(pageB).innerText()).resolves.toMatch(/离线/);
    await shotStatus(pageB, '3-offline-pending');
    await expect.poll(() => statusOf(pageA).getAttribute('data-pending'), { timeout: 30_000 }).toBe('0');

    // B comes back.
    proxy.offline = false;
    await pageB.getByTestId('open-sync-connect').click();
    await pageB.getByTestId('sync-now').click();
    await pageB.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => statusOf(pageB).getAttribute('data-pending'), { timeout: 30_000 }).toBe('0');
    for (const page of [pageA, pageB]) {
      await expect.poll(() => cardText(page), { timeout: 30_000 }).toMatch(/黄埔大道 88 号/);
      await expect.poll(() => cardText(page), { timeout: 30_000 }).toMatch(/139.?0000.?2222|139\*+2222/);
    }
    await pageB.screenshot({ path: join(shots, '4-merged-desk-b.png') });

    // Same field on both desks: A's edit reaches the server first, B's (offline) arrives last and wins.
    proxy.offline = true;
    await editOnCard(pageA, (p) => p.getByTestId('edit-address').fill('珠江新城 6 号'));
    await expect.poll(() => statusOf(pageA).getAttribute('data-pending'), { timeout: 30_000 }).toBe('0');
    await editOnCard(pageB, (p) => p.getByTestId('edit-address').fill('科学城 9 号'));
    proxy.offline = false;
    await pageB.getByTestId('open-sync-connect').click();
    await pageB.getByTestId('sync-now').click();
    await pageB.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => pageB.getByTestId('open-sync-inbox').getAttribute('data-open'), { timeout: 30_000 }).toBe('1');
    await shotStatus(pageB, '5-conflict-open');

    await pageB.getByTestId('open-sync-inbox').click();
    const row = pageB.getByTestId('sync-conflict');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-field')).toBe('address');
    expect(await row.getByTestId('sync-conflict-customer').innerText()).toBe('欧阳同步');
    expect(await row.getByTestId('sync-conflict-lost').innerText()).toBe('珠江新城 6 号');
    expect(await row.getByTestId('sync-conflict-won').innerText()).toBe('科学城 9 号');
    expect(await row.getByTestId('sync-conflict-lost-by').innerText()).toMatch(/admin1/);
    await pageB.getByTestId('sync-inbox').screenshot({ path: join(shots, '6-conflict-inbox.png') });

    await row.getByTestId('sync-conflict-restore').click();
    await pageB.getByTestId('sync-inbox-empty').waitFor({ timeout: 30_000 });
    await pageB.getByRole('button', { name: '关闭' }).click();
    for (const page of [pageA, pageB]) await expect.poll(() => cardText(page), { timeout: 30_000 }).toMatch(/珠江新城 6 号/);
    await expect.poll(() => pageB.getByTestId('open-sync-inbox').getAttribute('data-open'), { timeout: 30_000 }).toBe('0');
    await shotStatus(pageA, '7-online-after-restore');
  }, 240_000);
});
