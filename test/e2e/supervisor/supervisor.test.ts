// The supervisor's view end to end (issue 9): the real renderer in Chromium through the browser
// host, on a desk seeded by hand (seed-desk.ts) with the clock at 2024-06-15. (a) the dashboard
// shows the hand-computed figures, drills down to records and exports; an agent's export is
// refused and audited; (b) an agent sees masked numbers and reveals one with a reason (audited);
// a supervisor sees them unmasked and the audit entry; an unusual number of card views raises a
// notice for the supervisor. Screenshots of each dashboard (zh-CN) go to $SV_SHOTS or tmp.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { haveChromium, launchChromium } from '../support/chromium';
import { seedSmallDesk, seedToday } from './seed-desk';

const shots = process.env.SV_SHOTS ?? join(tmpdir(), 'dd-sv-shots');

describe.skipIf(!haveChromium)('supervisor dashboards and data protection in the browser host', () => {
  let running: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    running = await startBrowserHost({ now: () => seedToday });
    await seedSmallDesk(running.desk);
    running.desk.context.sqlite.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('supervisor.cardViewAlertPerHour', '3')`).run();
    browser = await launchChromium(['--lang=zh-CN']);
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1100 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true })).newPage();
    page.on('pageerror', (error) => console.error('[page]', error.message));
    await page.goto(running.host.url);
    await page.getByTestId('search-input').waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const audit = () => running.desk.context.sqlite.prepare('SELECT actor, role, action, reason FROM audit_log ORDER BY id').all() as { actor: string; role: string; action: string; reason: string | null }[];
  const kpi = (id: string) => page.getByTestId(`sv-kpi-${id}`).getAttribute('data-value');

  async function switchRole(role: 'agent' | 'supervisor') {
    await page.getByTestId('role-switcher').selectOption(role);
    await expect.poll(() => page.getByTestId('role-switcher').inputValue()).toBe(role);
    await expect.poll(() => page.getByTestId('role-switcher').isDisabled()).toBe(false);
  }

  async function openCustomer(query: string) {
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('search-input').fill(query);
    await page.getByTestId('result-row').filter({ hasText: query }).first().click();
    await page.getByTestId('customer-card').waitFor();
    await expect.poll(() => page.getByTestId('card-name').textContent()).toBe(query);
  }

  async function tab(name: string) {
    await page.getByTestId(`sv-tab-${name}`).click();
    await page.getByTestId(`sv-panel-${name}`).waitFor();
  }

  it('(a) the dashboard shows the seeded figures, drills down, exports; an agent is refused', async () => {
    await switchRole('agent');
    expect(await page.getByTestId('nav-supervisor').count()).toBe(0);
    await switchRole('supervisor');
    await page.getByTestId('nav-supervisor').click();
    await page.getByTestId('screen-supervisor').waitFor();
    await page.getByTestId('sv-from').fill('2024-01');
    await page.getByTestId('sv-to').fill('2024-06');
    await page.getByTestId('sv-apply').click();
    await page.getByTestId('sv-refresh').click();
    await expect.poll(() => page.getByTestId('sv-built-at').getAttribute('data-built')).toBe(seedToday.toISOString());
    await expect.poll(() => page.getByTestId('screen-supervisor').getAttribute('data-status')).toBe('ready');

    expect(await kpi('inbound')).toBe('3');
    expect(await kpi('answered')).toBe('2');
    expect(await kpi('abandoned')).toBe('1');
    expect(await kpi('outbound')).toBe('1');
    expect(await kpi('answerRate')).toBe('66.7%');
    expect(await kpi('avgTalk')).toBe('120 秒');
    await page.getByTestId('sv-chart-hours').locator('svg').waitFor();
    await page.getByTestId('sv-kpi-abandoned').click();
    const drill = page.getByTestId('sv-drill');
    await expect.poll(() => drill.getByTestId('sv-drill-row').count()).toBe(1);
    expect(await drill.getByTestId('sv-drill-row').first().textContent()).toContain('客户二');
    await shot('01-dashboard-calls');

    // The drill-down exports its records as a watermarked XLSX (audited).
    const download = page.waitForEvent('download');
    await drill.getByTestId('sv-drill-export').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByTestId('sv-notice').waitFor();
    expect(audit().at(-1)).toMatchObject({ action: 'export', role: 'supervisor' });

    await tab('service');
    expect(await kpi('visits')).toBe('4');
    expect(await kpi('visits-first_maintenance')).toBe('1');
    expect(await kpi('visits-accident')).toBe('1');
    expect(await kpi('appointmentRate')).toBe('50%');
    expect(await kpi('dueRate')).toBe('50%');
    await page.getByTestId('sv-kpi-dueRate').click();
    await expect.poll(() => page.getByTestId('sv-drill-total').getAttribute('data-total')).toBe('1');
    expect(await page.getByTestId('sv-drill-row').first().textContent()).toContain('客户二');
    await page.getByTestId('sv-chart-visits').locator('svg').waitFor();
    await shot('02-dashboard-service');

    await tab('care');
    expect(await page.getByTestId('sv-drill').count()).toBe(0);
    expect(await kpi('renewalRate')).toBe('33.3%');
    expect(await kpi('followUp-3DC')).toBe('50%');
    await page.getByTestId('sv-chart-renewals').locator('svg').waitFor();
    await shot('03-dashboard-care');

    await tab('churn');
    expect(await kpi('churn-at_risk')).toBe('1');
    expect(await kpi('churn-new')).toBe('1');
    expect(await kpi('churned')).toBe('1');
    await page.getByTestId('sv-kpi-churn-at_risk').click();
    await expect.poll(() => page.getByTestId('sv-drill-row').count()).toBe(1);
    expect(await page.getByTestId('sv-drill-row').first().textContent()).toContain('客户二');
    await shot('04-dashboard-churn');

    await tab('funnel');
    expect(await kpi('leads')).toBe('2');
    expect(await kpi('lost')).toBe('1');
    await page.getByTestId('sv-chart-funnel').locator('svg').waitFor();
    await shot('05-dashboard-funnel');

    await tab('appraisal');
    await page.getByTestId('sv-appraisal-month').fill('2024-06');
    await expect.poll(() => page.getByTestId('sv-appraisal-row').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="sv-appraisal-row"][data-person="坐席A"]').count()).toBe(1);
    await shot('06-appraisal');

    // An agent on the same desk: the dashboard is gone, an export is refused by main and audited.
    await switchRole('agent');
    await page.getByTestId('sv-no-access').waitFor();
    await page.getByTestId('sv-export-summary').click();
    await expect.poll(() => page.getByTestId('sv-error').getAttribute('data-code')).toBe('forbidden');
    expect(audit().at(-1)).toMatchObject({ action: 'export_refused', role: 'agent' });
  });

  it('(b) masked for an agent, revealed with a logged reason; unmasked for a supervisor; unusual viewing alerts', async () => {
    await switchRole('agent');
    await openCustomer('客户一');
    const phone = page.getByTestId('phone').first();
    expect(await phone.getAttribute('data-masked')).toBe('true');
    expect(await phone.textContent()).not.toContain('1111');
    await phone.getByTestId('phone-reveal').click();
    const dialog = page.getByTestId('phone-reveal-dialog');
    expect(await dialog.getByTestId('phone-reveal-confirm').isDisabled()).toBe(true);
    await dialog.getByTestId('phone-reveal-reason').fill('客户要求回电');
    await shot('07-reveal-phone');
    await dialog.getByTestId('phone-reveal-confirm').click();
    await expect.poll(() => phone.getByTestId('phone-revealed').textContent()).toBe('138 1111 2222');
    expect(audit().at(-1)).toMatchObject({ action: 'reveal_phone', role: 'agent', reason: '客户要求回电' });

    // Three more cards in the same hour passes the threshold (3): the alert is for supervisors only.
    for (const name of ['客户二', '客户三', '客户四']) await openCustomer(name);
    await expect.poll(() => audit().some((a) => a.action === 'card_view_alert')).toBe(true);
    expect(await page.getByTestId('supervisor-alert').count()).toBe(0);

    await switchRole('supervisor');
    await page.getByTestId('supervisor-alert').first().waitFor();
    await openCustomer('客户一');
    const full = page.getByTestId('phone').first();
    await expect.poll(() => full.getAttribute('data-masked')).toBe('false');
    expect(await full.textContent()).toContain('138 1111 2222');
    expect(await full.getByTestId('phone-reveal').count()).toBe(0);
    await page.getByTestId('nav-supervisor').click();
    await tab('audit');
    const row = page.locator('[data-testid="sv-audit-row"][data-action="reveal_phone"]');
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('客户要求回电');
    await shot('08-audit-log');
  });
});
