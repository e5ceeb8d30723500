// Quality review (质检) end to end (issue 9) through the browser host: a recording row and file
// seeded directly (no call driven); a supervisor opens it in the 主管 screen's 质检 tab, pins a
// comment on the player's timeline (a marker appears), scores it (hand-computed 88 %) and sees
// the agent's trend chart; an agent has no 主管 screen and main refuses quality.* to the role.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRecording, updateRecording } from '../../../src-main/recording/recording-repo';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { haveChromium, launchChromium } from '../support/chromium';

const shots = process.env.SV_SHOTS ?? join(tmpdir(), 'dd-sv-shots');
const now = new Date('2024-06-15T02:00:00Z');

describe.skipIf(!haveChromium)('quality review in the browser host', () => {
  let running: RunningHost;
  let browser: Browser;
  let page: Page;
  let recordingId: number;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    running = await startBrowserHost({ now: () => now });
    const { sqlite, dataDir } = running.desk.context;
    const path = join(dataDir, 'qa-seed.webm');
    writeFileSync(path, Buffer.alloc(2048, 1));
    recordingId = insertRecording(sqlite, {
      uid: 'qa-1', callUid: 'qa-call-1', agent: '坐席A', direction: 'inbound', remoteNumber: '13811112222', customerId: null, vehicleId: null,
      queue: null, startedAt: '2024-06-03T01:30:00.000Z', mimeType: 'audio/webm;codecs=opus', channels: 1, path,
    });
    updateRecording(sqlite, recordingId, { status: 'finalized', ended_at: '2024-06-03T01:31:00.000Z', duration_ms: 60_000, bytes: 2048 });
    browser = await launchChromium(['--lang=zh-CN']);
    page = await (await browser.newContext({ viewport: { width: 1440, height: 1100 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
    page.on('pageerror', (error) => console.error('[page]', error.message));
    await page.goto(running.host.url);
    await page.getByTestId('search-input').waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  async function switchRole(role: 'agent' | 'supervisor') {
    await page.getByTestId('role-switcher').selectOption(role);
    await expect.poll(() => page.getByTestId('role-switcher').inputValue()).toBe(role);
    await expect.poll(() => page.getByTestId('role-switcher').isDisabled()).toBe(false);
  }

  it('scores a recording, pins a comment on its timeline and shows the trend', async () => {
    await switchRole('supervisor');
    await page.getByTestId('nav-supervisor').click();
    await page.getByTestId('sv-from').fill('2024-01');
    await page.getByTestId('sv-to').fill('2024-06');
    await page.getByTestId('sv-apply').click();
    await page.getByTestId('sv-tab-quality').click();
    await page.getByTestId('qa-recording').filter({ hasText: '坐席A' }).click();
    await page.getByTestId('qa-review').waitFor();

    await page.getByTestId('rec-pin').click();
    await page.getByTestId('qa-comment-text').fill('开场白未报工号');
    await page.getByTestId('qa-comment-add').click();
    await expect.poll(() => page.getByTestId('qa-comment').count()).toBe(1);
    expect(await page.getByTestId('rec-marker').count()).toBe(1);

    // All 5/5 except 解决方案 3/5: (100×5 − 30×2) / 500 = 88 %.
    for (const id of ['opening', 'identity', 'needs', 'closing', 'attitude']) await page.getByTestId(`qa-score-${id}`).selectOption('5');
    await page.getByTestId('qa-score-solution').selectOption('3');
    expect(await page.getByTestId('qa-total').textContent()).toContain('88');
    await page.getByTestId('qa-save').click();
    await expect.poll(() => page.getByTestId('qa-saved').getAttribute('data-total')).toBe('88');
    await page.getByTestId('qa-trend-chart').locator('svg').waitFor();
    await page.screenshot({ path: join(shots, 'quality-review-zh-CN.png'), fullPage: true });

    const { sqlite } = running.desk.context;
    expect(sqlite.prepare('SELECT agent, month, total, reviewer FROM quality_reviews').get()).toMatchObject({ agent: '坐席A', month: '2024-06', total: 88 });
    expect(sqlite.prepare('SELECT text FROM quality_comments WHERE recording_id = ?').pluck().all(recordingId)).toEqual(['开场白未报工号']);
  });

  it('is not offered to an agent and refused by main', async () => {
    await switchRole('agent');
    expect(await page.getByTestId('nav-supervisor').count()).toBe(0);
    const r = await running.desk.dispatch('quality.get', { recordingId });
    expect(r.ok ? 'ok' : r.error.code).toBe('forbidden');
  });
});
