// Service workflows end to end (issue 8): the real renderer in Chromium through the browser host,
// on a real SQLite desk whose clock the test sets. Two roles (agent, supervisor) switch with the
// demo role switcher. (a) a complaint taken as an inquiry with topic 投诉 runs assign → handle →
// instruct (supervisor) → chase → reply → close and the statistics change; (b) a follow-up call
// answered "not satisfied" with the keyboard opens a complaint; (c) a rescue goes through every
// status on the dispatch board; (d) at 12:30 on a weekday the follow-up queue offers no one.
// Screenshots of each screen (zh-CN) go to $WF_SHOTS or the temp folder.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomers } from '../../../src-main/customers/customer-writer';
import { seedDemoData } from '../../../src-main/demo/seed';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { haveChromium, launchChromium } from '../support/chromium';
import { openDeskPage, switchRole as switchDeskRole } from '../support/desk-page';

const shots = process.env.WF_SHOTS ?? join(tmpdir(), 'dd-wf-shots');
// A Wednesday, a normal working day; 10:00 and 12:30 in Asia/Shanghai.
const workday = '2026-11-25';
const at = (hhmm: string) => new Date(`${workday}T${hhmm}:00+08:00`);

describe.skipIf(!haveChromium)('service workflows in the browser host', () => {
  let running: RunningHost;
  let browser: Browser;
  let page: Page;
  let clock = at('10:00');
  let customerId = 0;
  let kbArticle: number | null = null;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    running = await startBrowserHost({ now: () => clock });
    const { sqlite } = running.desk.context;
    seedDemoData(sqlite, { customers: 400, seed: 11, today: workday });
    [customerId] = insertCustomers(sqlite, [
      { number: 'WF0001', name: '司马光明', phones: [{ raw: '13911112222' }], advisorName: '李顾问', vehicles: [{ plate: '京A·W8F88', vin: 'LSVAB2183E2000001', model: '帕萨特', purchaseDate: '2025-06-01' }] },
    ], new Date());
    // A standard answer in the knowledge base (投诉标准答案), inserted into the reply below.
    running.desk.context.session.role = 'supervisor';
    const kb = await running.desk.dispatch('kb.create', { title: '维修质量投诉标准答复', body: '非常抱歉给您带来不便，我们已安排技术主管复检车辆，并将在24小时内回电告知结果。', category: 'complaint_standard', status: 'published' });
    if (kb.ok) kbArticle = (kb.value as { id: number }).id;
    running.desk.context.session.role = 'agent';
    // A repair three days ago: its 3-day follow-up call (3DC, repair questionnaire) is due today.
    const planned = await running.desk.dispatch('followUps.plan', { trigger: 'repair', eventDate: '2026-11-22', eventKey: 'e2e-repair-1', customerId });
    expect(planned.ok).toBe(true);
    browser = await launchChromium(['--lang=zh-CN']);
    page = await openDeskPage(browser, running.host.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });

  const switchRole = (role: 'agent' | 'supervisor') => switchDeskRole(page, role);

  async function openCustomer(query: string) {
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('search-input').fill(query);
    await page.getByTestId('result-row').first().click();
    await page.getByTestId('customer-card').waitFor();
  }

  async function kpis(): Promise<Record<string, string>> {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('stats-from').fill(workday);
    await page.getByTestId('stats-to').fill(workday);
    await page.getByTestId('stats-apply').click();
    await page.getByTestId('stats-kpis').waitFor();
    await page.waitForTimeout(300);
    const out: Record<string, string> = {};
    for (const id of ['total', 'open', 'replied', 'slaKept']) out[id] = (await page.getByTestId(`kpi-${id}`).getAttribute('data-value')) ?? '';
    return out;
  }

  async function act(action: string, fill: Record<string, string> = {}) {
    const detail = page.getByTestId('work-item-detail');
    const before = await detail.getAttribute('data-status');
    const version = await page.getByTestId('work-item-history').locator('li').count();
    await detail.getByTestId(`action-${action}`).click();
    for (const [testId, value] of Object.entries(fill)) await detail.getByTestId(testId).fill(value);
    if (Object.keys(fill).length || (await detail.getByTestId('action-confirm').count())) await detail.getByTestId('action-confirm').click();
    await expect.poll(() => page.getByTestId('work-item-history').locator('li').count()).toBeGreaterThan(version);
    return before;
  }

  it('(a) a complaint from the card is assigned, instructed, chased, replied to and closed; statistics change', async () => {
    const before = await kpis();
    await shot('07-statistics-before');

    await openCustomer('司马光明');
    await page.getByTestId('card-new-work-item').click();
    const dialog = page.getByTestId('create-work-item');
    await dialog.getByTestId('create-kind-inquiry').click();
    await dialog.getByTestId('create-topic').selectOption('complaint');
    await dialog.getByTestId('create-category').selectOption('repair_quality');
    await dialog.getByTestId('create-description').fill('上周维修后空调仍不制冷，客户要求复检。');
    await shot('01-create-complaint');
    await dialog.getByTestId('create-submit').click();

    const detail = page.getByTestId('work-item-detail');
    await expect.poll(() => detail.getAttribute('data-kind')).toBe('complaint');
    expect(await detail.getAttribute('data-status')).toBe('accepted');
    const complaintId = Number(await detail.getAttribute('data-id'));
    await expect.poll(() => detail.getByTestId('sla-clock').getAttribute('data-state')).toBe('running');
    // 3 days on the calendar clock, seen from the desk's 10:00.
    expect(Number(await detail.getByTestId('sla-clock').getAttribute('data-minutes'))).toBe(3 * 24 * 60);
    // The agent may not instruct: the button comes from the shared machine and the role.
    expect(await detail.getByTestId('action-instruct').count()).toBe(0);

    await act('assign', { 'action-assignee': '演示坐席' });
    await expect.poll(() => detail.getAttribute('data-status')).toBe('assigned');
    await act('handle');
    await expect.poll(() => detail.getAttribute('data-status')).toBe('handling');

    await switchRole('supervisor');
    await expect.poll(() => detail.getByTestId('action-instruct').count()).toBe(1);
    await act('instruct', { 'action-note': '请技术主管今天内复检，明天答复客户。' });
    await expect.poll(() => detail.getAttribute('data-status')).toBe('instructed');
    await act('chase', { 'action-note': '客户再次来电催促' });
    await expect.poll(() => page.getByTestId('work-item-history').locator('li[data-action="chase"]').count()).toBe(1);
    await shot('02-complaint-detail-supervisor');

    await switchRole('agent');
    await expect.poll(() => detail.getByTestId('action-instruct').count()).toBe(0);
    await detail.getByTestId('action-reply').click();
    const reply = detail.getByTestId('complaint-reply');
    if (kbArticle !== null) {
      await reply.getByTestId('insert-standard-answer').selectOption(String(kbArticle));
      await expect.poll(() => reply.getByTestId('reply-text').inputValue()).toContain('技术主管复检');
    } else {
      await reply.getByTestId('reply-text').fill('已安排技术主管复检车辆，24小时内回电告知结果。');
    }
    await shot('03-complaint-reply');
    await reply.getByTestId('reply-submit').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('replied');
    await expect.poll(() => detail.getByTestId('sla-clock').getAttribute('data-state')).toBe('met');
    await act('close');
    await expect.poll(() => detail.getAttribute('data-status')).toBe('closed');
    const actions = await page.getByTestId('work-item-history').locator('li').evaluateAll((items) => items.map((i) => i.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['create', 'assign', 'handle', 'instruct', 'chase', 'reply', 'close']));

    const stored = await running.desk.dispatch('workItems.get', { id: complaintId });
    expect(stored.ok && (stored.value as { status: string }).status).toBe('closed');
    const after = await kpis();
    expect(Number(after.total)).toBe(Number(before.total) + 1);
    expect(Number(after.replied)).toBe(Number(before.replied) + 1);
    expect(Number(after.slaKept)).toBe(Number(before.slaKept) + 1);
    await page.getByTestId('chart-category').locator('svg').waitFor();
    await shot('08-statistics-after');
  });

  it('(b) a follow-up call answered "not satisfied" with the keyboard opens a complaint', async () => {
    clock = at('10:30');
    await page.getByTestId('nav-followUps').click();
    await page.getByTestId('follow-ups-refresh').click();
    const row = page.getByTestId('follow-up-row').filter({ hasText: '司马光明' }).first();
    await row.waitFor();
    await shot('05-follow-up-queue');
    await row.getByTestId('follow-up-start').click();
    const call = page.getByTestId('follow-up-call');
    await call.waitFor();
    await page.locator('body').click({ position: { x: 5, y: 200 } });
    // Question 1 (overall): 2 = 不满意 → the reason question appears; type it, Enter.
    await page.keyboard.press('2');
    await expect.poll(() => call.locator('[data-question="overall_reason"]').count()).toBe(1);
    await expect.poll(() => call.locator('[data-question="overall_reason"]').getAttribute('data-current')).toBe('true');
    await page.keyboard.type('维修后问题没有解决');
    await page.keyboard.press('Enter');
    // The other six judgement questions: 1 (satisfied / yes); then "wants service": 2 (no).
    for (let i = 0; i < 6; i++) await page.keyboard.press('1');
    await expect.poll(() => call.locator('[data-question="wants_service"]').getAttribute('data-current')).toBe('true');
    await page.keyboard.press('2');
    await shot('06-follow-up-call');
    await page.keyboard.press('Enter');
    const complaint = page.getByTestId('follow-up-complaint');
    await complaint.waitFor();
    const complaintId = Number(await complaint.getAttribute('data-id'));
    const opened = await running.desk.dispatch('workItems.get', { id: complaintId });
    expect(opened.ok).toBe(true);
    const item = (opened as { ok: true; value: { kind: string; customerId: number; description: string } }).value;
    expect(item.kind).toBe('complaint');
    expect(item.customerId).toBe(customerId);
    expect(item.description).toContain('维修后问题没有解决');
  });

  it('(c) a rescue goes through every status on the dispatch board', async () => {
    await openCustomer('司马光明');
    await page.getByTestId('card-new-work-item').click();
    const dialog = page.getByTestId('create-work-item');
    await dialog.getByTestId('create-kind-rescue').click();
    await dialog.getByTestId('create-place').fill('京藏高速 G6 北行 K32 处应急车道');
    await dialog.getByTestId('create-fault').fill('行驶中熄火，无法启动');
    await dialog.getByTestId('create-callbackPhone').fill('13911112222');
    await dialog.getByTestId('create-submit').click();
    const detail = page.getByTestId('work-item-detail');
    await expect.poll(() => detail.getAttribute('data-kind')).toBe('rescue');
    const id = await detail.getAttribute('data-id');

    await page.getByTestId('wf-tab-rescue').click();
    const card = () => page.locator(`[data-testid="rescue-card"][data-id="${id}"]`);
    const column = async () => card().evaluate((el) => el.closest('[data-testid="rescue-column"]')?.getAttribute('data-status'));
    await expect.poll(column).toBe('requested');
    const steps: [string, Record<string, string>, string][] = [
      ['dispatch', { 'action-assignee': '王师傅', 'action-field-technician': '王师傅', 'action-field-towTruck': '京A·T0001 拖车' }, 'dispatched'],
      ['depart', {}, 'on_the_way'],
      ['arrive', {}, 'on_site'],
      ['report_result', { 'action-field-result': '油泵继电器损坏，现场更换后恢复，已告知客户。' }, 'result_reported'],
      ['return', {}, 'returned'],
    ];
    for (const [action, fill, status] of steps) {
      await card().getByTestId(`action-${action}`).click();
      for (const [testId, value] of Object.entries(fill)) await card().getByTestId(testId).fill(value);
      if (Object.keys(fill).length) await card().getByTestId('action-confirm').click();
      await expect.poll(column).toBe(status);
      if (status === 'on_site') await shot('04-rescue-board');
    }
    await card().getByTestId('action-close').click();
    await expect.poll(() => card().count()).toBe(0);
    const done = await running.desk.dispatch('workItems.get', { id: Number(id) });
    const history = (done as { ok: true; value: { status: string; history: { toStatus: string | null; at: string }[] } }).value;
    expect(history.status).toBe('closed');
    expect(history.history.map((h) => h.toStatus)).toEqual(expect.arrayContaining(['requested', 'dispatched', 'on_the_way', 'on_site', 'result_reported', 'returned', 'closed']));
  });

  it('(d) at 12:30 on a weekday the follow-up queue offers no one to call and says why', async () => {
    // Someone is due: the 3DC call of another repair.
    await running.desk.dispatch('followUps.plan', { trigger: 'repair', eventDate: '2026-11-22', eventKey: 'e2e-repair-2', customerId });
    clock = at('12:30');
    await page.getByTestId('nav-followUps').click();
    if (await page.getByTestId('follow-up-back').count()) await page.getByTestId('follow-up-back').click();
    await page.getByTestId('follow-ups-refresh').click();
    const notice = page.getByTestId('follow-ups-not-callable');
    await notice.waitFor();
    expect(await page.getByTestId('follow-up-row').count()).toBe(0);
    expect(await page.getByTestId('follow-ups-reason').textContent()).toContain('午休时段 12:00–13:00');
    expect(await page.getByTestId('follow-ups-next').textContent()).toContain('13:00');
    await shot('09-follow-ups-lunch');
    clock = at('13:05');
    await page.getByTestId('follow-ups-refresh').click();
    await expect.poll(() => page.getByTestId('follow-up-row').count()).toBeGreaterThan(0);
  });

  it('screens: queue, appointments with capacity, front-desk check-in by plate', async () => {
    await page.getByTestId('nav-workOrders').click();
    await page.getByTestId('wf-tab-queue').click();
    await page.getByTestId('scope-all').click();
    await page.getByTestId('work-item-row').first().click();
    await page.getByTestId('work-item-detail').waitFor();
    await shot('10-work-queue');
    await page.getByTestId('wf-tab-appointments').click();
    await page.getByTestId('booking-date').fill('2026-11-26');
    await page.getByTestId('advisor-capacity').first().waitFor();
    const advisor = page.getByTestId('booking-advisor').filter({ hasText: '李顾问' });
    await advisor.click();
    // The customer whose card is open is the one being booked.
    expect(await page.getByTestId('booking-customer').textContent()).toContain('司马光明');
    await page.locator('[data-testid="booking-slot"][data-slot="09:30"]').click();
    await page.getByTestId('booking-submit').click();
    await page.getByTestId('booking-done').waitFor();
    expect(await page.locator('[data-testid="advisor-capacity"][data-advisor="李顾问"]').getAttribute('data-booked')).toBe('1');
    await shot('11-appointments');
    await page.getByTestId('wf-tab-frontDesk').click();
    await page.getByTestId('checkin-plate').fill('京AW8F88');
    await page.getByTestId('checkin-submit').click();
    await page.getByTestId('checkin-result').waitFor();
    await expect.poll(() => page.getByTestId('customer-card').getAttribute('data-customer-id')).toBe(String(customerId));
    await shot('12-front-desk');
  });
});
