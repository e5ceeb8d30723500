// 问卷编辑 end to end (issue 8): the seed 002 repair (7) and sales (8) questionnaires load as
// editable defaults; a rating question with an action at or below 2 (→ complaint) and a
// conditional follow-up question (shown only for ratings 1–2) are added and saved; a new
// questionnaire shows its problems and cannot be saved until they are fixed. Screenshot (zh-CN)
// to $WF_SHOTS or the temp folder.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../../src-shared/domain/workflows/questionnaire';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { haveChromium, launchChromium } from '../support/chromium';
import { openDeskPage } from '../support/desk-page';

const shots = process.env.WF_SHOTS ?? join(tmpdir(), 'dd-wf-shots');

describe.skipIf(!haveChromium)('questionnaire editor in the browser host', () => {
  let running: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    running = await startBrowserHost({ now: () => new Date('2026-11-25T10:00:00+08:00') });
    browser = await launchChromium(['--lang=zh-CN']);
    page = await openDeskPage(browser, running.host.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  async function stored(): Promise<Questionnaire[]> {
    const r = await running.desk.dispatch('questionnaires.list', {});
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { questionnaires: Questionnaire[] }).questionnaires;
  }

  const card = (n: number) => page.getByTestId('q-card').nth(n);

  it('edits the repair questionnaire: a rating with a complaint action and a conditional question', async () => {
    await page.getByTestId('role-switcher').selectOption('supervisor');
    await expect.poll(() => page.getByTestId('role-switcher').isDisabled()).toBe(false);
    await page.getByTestId('nav-followUps').click();
    await page.getByTestId('fu-tab-questionnaires').click();
    await expect.poll(() => page.getByTestId('questionnaire-item').count()).toBe(2);
    await page.locator('[data-testid="questionnaire-item"][data-id="repair_follow_up"]').click();
    const form = page.getByTestId('questionnaire-form');
    await expect.poll(() => form.getAttribute('data-id')).toBe('repair_follow_up');
    const before = (await stored()).find((q) => q.id === 'repair_follow_up')!;
    expect(before.questions.filter((q) => q.numbered)).toHaveLength(7);
    expect(await page.getByTestId('q-card').count()).toBe(before.questions.length);
    expect(await page.getByTestId('qe-save').isDisabled()).toBe(true); // nothing changed yet

    await page.getByTestId('qe-add-rating').click();
    const n = before.questions.length;
    await expect.poll(() => page.getByTestId('q-card').count()).toBe(n + 1);
    const rating = card(n);
    await expect.poll(() => rating.getByTestId('q-problems').innerText()).toContain('题目内容不能为空');
    expect(await page.getByTestId('qe-save').isDisabled()).toBe(true);
    await rating.getByTestId('q-text').fill('总体来说，您给本次维修打几分？');
    await rating.getByTestId('q-scale-threshold').fill('2');
    await rating.getByTestId('q-scale-action').selectOption('open_complaint');

    await page.getByTestId('qe-add-text').click();
    const why = card(n + 1);
    await why.getByTestId('q-text').fill('请问扣分的主要原因是什么？');
    const ratingId = (await rating.getAttribute('data-id'))!;
    await why.getByTestId('q-condition').selectOption(ratingId);
    await expect.poll(() => why.getByTestId('q-problems').innerText()).toContain('请勾选触发显示的回答');
    await why.locator('[data-testid="q-condition-value"][data-value="1"]').check();
    await why.locator('[data-testid="q-condition-value"][data-value="2"]').check();
    await expect.poll(() => page.getByTestId('q-problems').count()).toBe(0);
    await page.screenshot({ path: join(shots, '14-questionnaire-editor.png'), fullPage: true });
    await page.getByTestId('qe-save').click();
    await page.getByTestId('qe-saved').waitFor();

    const after = (await stored()).find((q) => q.id === 'repair_follow_up')!;
    expect(after.questions).toHaveLength(n + 2);
    expect(after.questions[n]).toMatchObject({ type: 'rating', text: '总体来说，您给本次维修打几分？', scale: { min: 1, max: 5, actionAtOrBelow: { value: 2, action: 'open_complaint' } } });
    expect(after.questions[n + 1]).toMatchObject({ type: 'text', showIf: { questionId: ratingId, anyOf: ['1', '2'] } });
  });

  it('a new questionnaire lists its problems and saves once they are fixed', async () => {
    await page.getByTestId('questionnaire-new').click();
    await expect.poll(() => page.getByTestId('qe-problems').innerText()).toContain('请填写问卷名称');
    expect(await page.getByTestId('qe-problems').innerText()).toContain('至少需要一道题');
    expect(await page.getByTestId('qe-save').isDisabled()).toBe(true);
    await page.getByTestId('qe-title').fill('新能源车主满意度调查');
    await page.getByTestId('qe-add-single').click();
    const q1 = card(0);
    await q1.getByTestId('q-text').fill('您是否考虑再次购买新能源车？');
    await expect.poll(() => q1.getByTestId('q-problems').innerText()).toContain('选项内容不能为空');
    await q1.getByTestId('q-option-label').nth(0).fill('会');
    await q1.getByTestId('q-option-label').nth(1).fill('需要预约试驾');
    await q1.getByTestId('q-option-action').nth(1).selectOption('book_appointment');
    await page.getByTestId('qe-add-multiple').click();
    const q2 = card(1);
    await q2.getByTestId('q-text').fill('您最关注哪些方面？');
    await q2.getByTestId('q-option-label').nth(0).fill('续航');
    await q2.getByTestId('q-option-label').nth(1).fill('充电');
    await expect.poll(() => page.getByTestId('qe-problem-count').count()).toBe(0);
    await page.getByTestId('qe-save').click();
    await page.getByTestId('qe-saved').waitFor();
    await expect.poll(() => page.getByTestId('questionnaire-item').count()).toBe(3);
    const created = (await stored()).find((q) => q.title === '新能源车主满意度调查')!;
    expect(created).toMatchObject({ purpose: 'survey', questions: [{ type: 'single', options: [{ label: '会' }, { label: '需要预约试驾', action: 'book_appointment' }] }, { type: 'multiple' }] });
  });
});
