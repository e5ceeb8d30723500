// 问卷调查 end to end (issue 8): a segment (churn status from the last visit, membership tier),
// a 10 % random sample with a seed, dealt to two agents; the segment and sample sizes match an
// independent count; one call answered moves the progress and fills the result charts (Apache
// ECharts, SVG). Screenshot (zh-CN) to $WF_SHOTS or the temp folder.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../../src-main/demo/seed';
import { churnStatus } from '../../../src-shared/domain/churn';
import type { Questionnaire } from '../../../src-shared/domain/workflows/questionnaire';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { haveChromium, launchChromium } from '../support/chromium';
import { openDeskPage } from '../support/desk-page';

const shots = process.env.WF_SHOTS ?? join(tmpdir(), 'dd-wf-shots');
const workday = '2026-11-25';

describe.skipIf(!haveChromium)('surveys in the browser host', () => {
  let running: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    running = await startBrowserHost({ now: () => new Date(`${workday}T10:00:00+08:00`) });
    seedDemoData(running.desk.context.sqlite, { customers: 600, seed: 3, today: workday });
    browser = await launchChromium(['--lang=zh-CN']);
    page = await openDeskPage(browser, running.host.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('samples a segment, deals it to agents, and shows progress and results', async () => {
    const { sqlite } = running.desk.context;
    // The independent count: customers whose last visit makes them active (< 6 months).
    const rows = sqlite.prepare('SELECT c.id, (SELECT max(visit_date) FROM service_visits v WHERE v.customer_id = c.id) AS last FROM customers c').all() as { id: number; last: string | null }[];
    const active = rows.filter((r) => churnStatus(r.last, workday) === 'active').map((r) => r.id);
    expect(active.length).toBeGreaterThan(20);

    await page.getByTestId('role-switcher').selectOption('supervisor');
    await expect.poll(() => page.getByTestId('role-switcher').isDisabled()).toBe(false);
    await page.getByTestId('nav-followUps').click();
    await page.getByTestId('fu-tab-surveys').click();
    await page.getByTestId('survey-form').waitFor();
    await page.getByTestId('sv-name').fill('冬季保养满意度调查');
    await page.getByTestId('sv-questionnaire').selectOption('repair_follow_up');
    await page.getByTestId('sv-churn-active').check();
    await page.getByTestId('sv-share').fill('10');
    const preview = page.getByTestId('sv-preview');
    await expect.poll(() => preview.getAttribute('data-segment')).toBe(String(active.length));
    expect(await preview.getAttribute('data-sample')).toBe(String(Math.max(1, Math.round(active.length * 0.1))));
    expect(await page.getByTestId('sv-create').isDisabled()).toBe(true); // no agent yet
    for (const name of ['坐席甲', '坐席乙']) {
      await page.getByTestId('sv-agent-new').fill(name);
      await page.getByTestId('sv-agent-add').click();
    }
    await page.getByTestId('sv-create').click();
    await page.getByTestId('sv-created').waitFor();
    const sample = Math.max(1, Math.round(active.length * 0.1));

    const tasks = sqlite.prepare(`SELECT id, owner, customer_id AS customerId FROM work_items WHERE kind = 'survey' ORDER BY id`).all() as { id: number; owner: string; customerId: number }[];
    expect(tasks).toHaveLength(sample);
    expect(new Set(tasks.map((x) => x.owner))).toEqual(new Set(['坐席甲', '坐席乙']));
    for (const x of tasks) expect(active).toContain(x.customerId);
    const row = page.getByTestId('survey-row').first();
    await expect.poll(() => row.getByTestId('survey-progress').innerText()).toBe(`0 / ${sample}`);

    // One call answered (as the follow-up call screen records it): every question answered "satisfied".
    const q = ((await running.desk.dispatch('questionnaires.list', {})) as { value: { questionnaires: Questionnaire[] } }).value.questionnaires.find((x) => x.id === 'repair_follow_up')!;
    const answers: Record<string, string> = {};
    for (const question of q.questions) if (question.type === 'single' && !question.showIf && question.options) answers[question.id] = question.options[0].value;
    const recorded = await running.desk.dispatch('followUps.record', { id: tasks[0].id, outcome: 'completed', answers });
    expect(recorded.ok).toBe(true);

    await page.getByTestId('fu-tab-queue').click();
    await page.getByTestId('fu-tab-surveys').click();
    await expect.poll(() => page.getByTestId('survey-row').first().getByTestId('survey-progress').innerText()).toBe(`1 / ${sample}`);
    await page.getByTestId('survey-row').first().click();
    const results = page.getByTestId('survey-results');
    await expect.poll(() => results.getAttribute('data-responses')).toBe('1');
    expect(await results.getAttribute('data-done')).toBe('1');
    await expect.poll(() => page.locator('[data-testid="survey-progress-chart"] svg').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid="survey-question-chart"] svg').count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(shots, '15-surveys.png') });
  });
});
