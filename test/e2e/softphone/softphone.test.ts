// Softphone end to end against a real registrar (issue 4): Kamailio with digest auth on
// 127.0.0.1, the real desk in the browser host, a far-end JsSIP page as the customer and one as
// a colleague. Steps run in order and share one desk and one registrar.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCustomers } from '../../../src-main/customers/customer-writer';
import { startBrowserHost, type RunningHost } from '../support/browser-host';
import { haveChromium } from '../support/chromium';
import { freePort, kamailioPath, startKamailio, type Kamailio } from './kamailio';
import { fakeHeadsetCollections, installFakeHid } from './fake-hid';
import { fe, onTimeoutDescribe, saveWrapUps, until } from './drive';
import { farEndPage, launchPhoneBrowser, serveFarEnd } from './lab';

const users = { '8001': 'agent-pw-8001', '2001': 'cust-pw-2001', '3001': 'coll-pw-3001' };
const canRun = haveChromium && existsSync(kamailioPath);
const sippPath = process.env.SIPP_PATH ?? '/usr/bin/sipp';
const hostileScenario = join(import.meta.dirname, '..', '..', 'fixtures', 'sipp', 'hostile-invite.xml');

async function runSipp(udpPort: number, caller: string): Promise<{ code: number | null; done: Promise<number | null> }> {
  const port = await freePort();
  const child = spawn(sippPath, ['-sf', hostileScenario, '-m', '1', '-key', 'caller', caller, '-key', 'callee', '8001', '-i', '127.0.0.1', '-p', String(port), '-timeout', '20s', '-nostdin', '-bg', '0', `127.0.0.1:${udpPort}`].filter((a) => a !== '-bg' && a !== '0'), { stdio: 'ignore' });
  const done = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { code: null, done };
}

describe.skipIf(!canRun)('softphone against Kamailio', () => {
  let kamailio: Kamailio;
  let running: RunningHost;
  let browser: Browser;
  let farEnd: { url: string; close(): Promise<void> };
  let agent: Page;
  let customer: Page;
  let colleague: Page;
  let wangId: number;

  beforeAll(async () => {
    kamailio = await startKamailio(users);
    try {
      running = await startBrowserHost();
      const { sqlite } = running.desk.context;
      [wangId] = insertCustomers(sqlite, [
        { name: '王建国', phones: [{ raw: '13812345678' }], vehicles: [{ plate: '粤B12345', brand: '丰田', model: '凯美瑞', purchaseDate: '2022-03-01', insuranceExpiry: '2026-12-10' }, { plate: '粤B67890' }] },
        { name: '李四', phones: [{ raw: '13900001111' }], vehicles: [] },
        { name: '李四妻', phones: [{ raw: '13900001111' }], vehicles: [] },
      ] as never, new Date());
      // An open complaint: the pop says so before the agent answers (why they are probably calling).
      const complaint = await running.desk.dispatch('workItems.create', { kind: 'complaint', title: '保养后异响', customerId: wangId });
      expect(complaint.ok).toBe(true);
      const saved = await running.desk.dispatch('softphone.settings.set', {
        sipUri: 'sip:8001@127.0.0.1', wsServers: [kamailio.wsUrl], password: users['8001'], displayName: '坐席8001', dtmfMode: 'info', acwSeconds: 5, iceGatheringTimeoutMs: 1000,
      });
      expect(saved.ok).toBe(true);
      farEnd = await serveFarEnd();
      browser = await launchPhoneBrowser();
      customer = await farEndPage(browser, farEnd.url, 'sip:2001@127.0.0.1', users['2001'], kamailio.wsUrl);
      colleague = await farEndPage(browser, farEnd.url, 'sip:3001@127.0.0.1', users['3001'], kamailio.wsUrl, { autoAnswer: true });
      agent = await browser.newPage();
      await agent.addInitScript(installFakeHid, fakeHeadsetCollections);
      onTimeoutDescribe(async () => JSON.stringify({ customer: await fe(customer, (f) => f.log.events), colleague: await fe(colleague, (f) => f.log.events) }));
      await agent.goto(running.host.url);
    } catch (error) {
      await kamailio.stop();
      throw error;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await farEnd?.close();
    await running?.stop();
    await kamailio?.stop();
  });

  it('registers with digest auth and shows it', async () => {
    await agent.locator('[data-testid="sp-registration"][data-state="registered"]').waitFor({ timeout: 15_000 });
    await agent.getByTestId('sp-agent-select').selectOption('ready');
    await expect(agent.getByTestId('sp-agent-state').getAttribute('data-state')).resolves.toBe('ready');
  });

  let firstCall = -1;
  it('pops the right card before answering, with the IVR category', async () => {
    firstCall = await fe(customer, (f) => f.call('sip:8001@127.0.0.1', ['P-Asserted-Identity: "王先生" <tel:+8613812345678>', 'X-IVR-Choice: 1']));
    const ringing = agent.getByTestId('sp-ringing');
    await ringing.waitFor();
    await agent.locator(`[data-testid="customer-card"][data-customer-id="${wangId}"]`).waitFor();
    await expect(agent.getByTestId('sp-customer').getAttribute('data-customer-id')).resolves.toBe(String(wangId));
    await expect(agent.getByTestId('sp-ivr-category').getAttribute('data-category')).resolves.toBe('maintenance');
    await expect(agent.getByTestId('sp-caller-number').textContent()).resolves.toBe('+8613812345678');
    await agent.locator('[data-testid="sp-reasons"] li[data-kind="complaint"]').waitFor();
    expect(await agent.locator('[data-testid="sp-reasons"] li[data-kind="complaint"]').innerText()).toContain('投诉未结');
    // still ringing: nobody has answered yet
    expect(await fe(customer, (f, n: number) => f.status(n)?.established, firstCall)).toBe(false);
    expect(await ringing.isVisible()).toBe(true);
  });

  it('answers, and audio flows both ways', async () => {
    await agent.getByTestId('sp-answer').click();
    const call = agent.locator('[data-testid="sp-call"][data-phase="connected"]');
    await call.waitFor();
    await until('customer confirmed', () => fe(customer, (f, n: number) => !!f.status(n)?.established, firstCall));
    await expect(agent.getByTestId('sp-agent-state').getAttribute('data-state')).resolves.toBe('on_call');
    const a0 = Number(await call.getAttribute('data-inbound-bytes'));
    const c0 = (await fe(customer, (f, n: number) => f.stats(n), firstCall)).inboundBytes;
    await new Promise((r) => setTimeout(r, 2500));
    const a1 = Number(await agent.getByTestId('sp-call').getAttribute('data-inbound-bytes'));
    const c1 = (await fe(customer, (f, n: number) => f.stats(n), firstCall)).inboundBytes;
    expect(a1).toBeGreaterThan(a0 + 2000);
    expect(c1).toBeGreaterThan(c0 + 2000);
  });

  it('holds and resumes', async () => {
    await agent.getByTestId('sp-hold').click();
    await agent.locator('[data-testid="sp-call"][data-phase="held"]').waitFor();
    await until('customer sees hold', () => fe(customer, (f, n: number) => !!f.status(n)?.onHold, firstCall));
    await agent.getByTestId('sp-hold').click();
    await agent.locator('[data-testid="sp-call"][data-phase="connected"]').waitFor();
    await until('customer sees unhold', () => fe(customer, (f, n: number) => f.status(n)?.onHold === false, firstCall));
  });

  it('mutes: the customer hears silence, then the tone again', async () => {
    const level = async () => {
      let max = 0;
      for (let i = 0; i < 8; i++) {
        max = Math.max(max, (await fe(customer, (f, n: number) => f.stats(n), firstCall)).audioLevel);
        await new Promise((r) => setTimeout(r, 150));
      }
      return max;
    };
    expect(await level()).toBeGreaterThan(0.01);
    await agent.getByTestId('sp-mute').click();
    await agent.locator('[data-testid="sp-call"][data-muted="true"]').waitFor();
    await new Promise((r) => setTimeout(r, 600));
    expect(await level()).toBeLessThan(0.005);
    await agent.getByTestId('sp-mute').click();
    await agent.locator('[data-testid="sp-call"][data-muted="false"]').waitFor();
  });

  it('sends DTMF (SIP INFO) that the customer receives', async () => {
    await agent.getByTestId('sp-pad').click();
    await agent.getByTestId('sp-dtmf-5').click();
    await agent.getByTestId('sp-dtmf-#').click();
    await until('dtmf received', async () => (await fe(customer, (f) => f.log.dtmf.join(''))) === '5#');
  });

  it('hangs up, saves the call record with the right times, and takes the wrap-up', async () => {
    const answeredAt = Date.now();
    await agent.getByTestId('sp-hangup').click();
    await until('customer ended', () => fe(customer, (f, n: number) => !!f.status(n)?.ended, firstCall));
    await agent.getByTestId('sp-wrap-up').waitFor();
    await expect(agent.getByTestId('sp-agent-state').getAttribute('data-state')).resolves.toBe('after_call_work');
    const { sqlite } = running.desk.context;
    await until('record saved', async () => sqlite.prepare('SELECT count(*) FROM call_log').pluck().get() === 1);
    const row = sqlite.prepare('SELECT * FROM call_log').get() as { ring_at: string; answer_at: string; end_at: string; talk_seconds: number; customer_id: number; direction: string; ivr_choice: string; outcome: string; remote_normalized: string };
    expect(row).toMatchObject({ customer_id: wangId, direction: 'inbound', ivr_choice: '1', outcome: 'answered', remote_normalized: '13812345678' });
    const ring = Date.parse(row.ring_at), answer = Date.parse(row.answer_at), end = Date.parse(row.end_at);
    expect(ring).toBeLessThan(answer);
    expect(answer).toBeLessThan(end);
    expect(Math.abs(end - answeredAt)).toBeLessThan(3000);
    expect(row.talk_seconds).toBe(Math.round((end - answer) / 1000));
    await agent.getByTestId('sp-disposition').selectOption('resolved');
    await agent.getByTestId('sp-notes').fill('预约下周保养');
    await agent.getByTestId('sp-wrap-up-save').click();
    await agent.getByTestId('sp-wrap-up').waitFor({ state: 'detached' });
    const updated = sqlite.prepare('SELECT disposition, notes, inquiry_category FROM call_log').get();
    expect(updated).toEqual({ disposition: 'resolved', notes: '预约下周保养', inquiry_category: 'maintenance' });
    await expect(agent.getByTestId('sp-agent-state').getAttribute('data-state')).resolves.toBe('ready');
  });

  async function callAndAnswer(): Promise<number> {
    const n = await fe(customer, (f) => f.call('sip:8001@127.0.0.1', ['P-Asserted-Identity: <tel:13900001111>']));
    await agent.getByTestId('sp-ringing').waitFor();
    await agent.getByTestId('sp-chooser').waitFor();
    await agent.getByTestId('sp-answer').click();
    await agent.locator('[data-testid="sp-call"][data-phase="connected"]').waitFor();
    return n;
  }

  it('blind-transfers the customer to a colleague', async () => {
    await callAndAnswer();
    const before = (await fe(colleague, (f) => f.log.events.length));
    await agent.getByTestId('sp-transfer-target').fill('3001');
    await agent.getByTestId('sp-blind-transfer').click();
    await until(`colleague talking to the customer`, async () => (await fe(colleague, (f) => f.log.events.slice(0))).slice(before).some((e) => e.includes(':incoming:confirmed')));
    await agent.getByTestId('sp-call').waitFor({ state: 'detached' });
    await until('customer referred call up', async () => (await fe(customer, (f) => f.log.events)).some((e) => e.includes(':referred:confirmed')));
    await agent.getByTestId('sp-wrap-up-save').click();
  });

  it('attended transfer: consult, then REFER with Replaces', async () => {
    const evCustomer = (await fe(customer, (f) => f.log.events.length));
    await callAndAnswer();
    await agent.getByTestId('sp-transfer-target').fill('3001');
    await agent.getByTestId('sp-consult').click();
    await agent.locator('[data-testid="sp-call"][data-consult="true"][data-phase="connected"]').waitFor();
    await agent.locator('[data-testid="sp-call"][data-phase="held"]').waitFor();
    await agent.getByTestId('sp-complete-transfer').click();
    await until('colleague replaced the consult call', async () => (await fe(colleague, (f) => f.log.events)).some((e) => e.includes(':replacing:confirmed')));
    await until('agent calls gone', async () => (await agent.getByTestId('sp-call').count()) === 0);
    expect((await fe(customer, (f) => f.log.events)).slice(evCustomer).some((e) => e.endsWith(':refer'))).toBe(true);
    await saveWrapUps(agent);
  });

  it('re-registers after Kamailio is restarted mid-shift, and takes calls again', async () => {
    await kamailio.restart();
    await agent.locator('[data-testid="sp-registration"][data-state="disconnected"], [data-testid="sp-registration"][data-state="connecting"]').first().waitFor({ timeout: 10_000 }).catch(() => {});
    await agent.locator('[data-testid="sp-registration"][data-state="registered"]').waitFor({ timeout: 40_000 });
    // the customer's UA re-registers too; then a call reaches the agent again
    await until('customer re-registered', async () => {
      const n = await fe(customer, (f) => f.call('sip:8001@127.0.0.1', ['P-Asserted-Identity: <tel:13812345678>']));
      await new Promise((r) => setTimeout(r, 1500));
      const ringing = await agent.getByTestId('sp-ringing').count();
      if (!ringing) await fe(customer, (f, k: number) => f.hangup(k), n);
      return ringing > 0;
    }, 40_000);
    await agent.getByTestId('sp-decline').click();
    await agent.getByTestId('sp-ringing').waitFor({ state: 'detached' });
  });

  for (const [label, caller] of [['markup and SQL in the display name, malformed headers', '13812345678'], ['an absurdly long caller id', '9'.repeat(3000)]] as const) {
    it.skipIf(!existsSync(sippPath))(`hostile SIP via sipp (${label}): stays up, shows plain text`, async () => {
      const dialogs: string[] = [];
      agent.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const sipp = await runSipp(kamailio.udpPort, caller);
      const ringing = agent.getByTestId('sp-ringing');
      await ringing.waitFor({ timeout: 15_000 });
      const name = await agent.getByTestId('sp-caller-name').textContent();
      expect(name).toContain("<script>alert('x')</script>");
      expect(name).not.toMatch(/[\u202a-\u202e]/);
      expect(Array.from(name ?? '').length).toBeLessThanOrEqual(80);
      const number = (await agent.getByTestId('sp-caller-number').textContent()) ?? '';
      expect(number.length).toBeLessThanOrEqual(40);
      expect(await agent.evaluate(() => document.querySelectorAll('#softphone-root script, #softphone-root img, #softphone-root b').length)).toBe(0);
      await agent.getByTestId('sp-decline').click();
      await ringing.waitFor({ state: 'detached' });
      expect(await sipp.done).toBe(0);
      expect(dialogs).toEqual([]);
      await expect(agent.getByTestId('sp-registration').getAttribute('data-state')).resolves.toBe('registered');
      const saved = running.desk.context.sqlite.prepare("SELECT remote_number FROM call_log WHERE outcome = 'declined' ORDER BY id DESC LIMIT 1").pluck().get() as string;
      expect(saved.length).toBeLessThanOrEqual(40);
    });
  }

  type HidOut = { reportId: number; data: number[] }[];
  const hidOut = () => agent.evaluate(() => (window as never as { __hid: { out: HidOut } }).__hid.out.slice());
  const hidInput = (reportId: number, bytes: number[]) => agent.evaluate(([r, b]) => (window as never as { __hid: { input(r: number, b: number[]): void } }).__hid.input(r, b), [reportId, bytes] as const);
  const lastLed = async (reportId: number) => (await hidOut()).filter((r) => r.reportId === reportId).at(-1)?.data[0];

  it('USB headset (fake WebHID, real descriptor): ring LED, hook answers, mute toggles, hook hangs up, unplug → not ready', async () => {
    await expect(agent.getByTestId('sp-headset').getAttribute('data-connected')).resolves.toBe('true');
    const n = await fe(customer, (f) => f.call('sip:8001@127.0.0.1', ['P-Asserted-Identity: <tel:13812345678>']));
    await agent.getByTestId('sp-ringing').waitFor();
    await until('ring LED on', async () => (await lastLed(0x18)) === 1);
    await hidInput(8, [0b10]); // hook switch off-hook
    await agent.locator('[data-testid="sp-call"][data-phase="connected"]').waitFor();
    await until('off-hook LED on, ring off', async () => (await lastLed(0x17)) === 1 && (await lastLed(0x18)) === 0);
    await hidInput(8, [0b11]); // phone mute pressed (relative)
    await hidInput(8, [0b10]);
    await agent.locator('[data-testid="sp-call"][data-muted="true"]').waitFor();
    await until('mute LED on', async () => (await lastLed(0x09)) === 1);
    await hidInput(8, [0b00]); // back on hook
    await until('customer hung up on', () => fe(customer, (f, k: number) => !!f.status(k)?.ended, n));
    await until('off-hook LED off', async () => (await lastLed(0x17)) === 0);
    await agent.getByTestId('sp-wrap-up-save').click();
    await agent.getByTestId('sp-agent-select').selectOption('ready');
    await agent.evaluate(() => (window as never as { __hid: { unplug(): void } }).__hid.unplug());
    await agent.locator('[data-testid="sp-agent-state"][data-state="not_ready"]').waitFor();
    await expect(agent.getByTestId('sp-agent-select').inputValue()).resolves.toBe('not_ready:headset');
  });
});
