// Live listening and whisper between two desks (issue 9), protocol in
// src-shared/domain/softphone/monitor.ts. Real Kamailio with digest auth; desk A (agent 8001)
// and desk B (supervisor 8002) are two browser hosts with two Chromiums; the customer (2001) and
// an untrusted colleague (8003) are far-end JsSIP pages. Each party's microphone is a sine of
// its own: customer 440 Hz, agent 700 Hz, supervisor 1300 Hz, so what each side hears can be
// told apart by frequency (tone-probe.ts).
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../src-shared/domain/roles';
import type { Desk } from '../../../src-main/host/desk';
import { startDesk } from '../../../src-main/host/startup';
import { startWebHost, type WebHost } from '../../../src-main/host/web/web-host';
import { buildRenderer, launchSideBrowser } from '../recording/recording-lab';
import { haveChromium } from '../support/chromium';
import { fe, onTimeoutDescribe, saveWrapUps, until } from './drive';
import { kamailioPath, startKamailio, type Kamailio } from './kamailio';
import { farEndPage, serveFarEnd, toneWav } from './lab';
import { absent, farEndTones, heard, heardTones, installToneProbe, type ToneLevels } from './tone-probe';

const users = { '8001': 'mon-agent-8001', '8002': 'mon-sup-8002', '2001': 'mon-cust-2001', '8003': 'mon-coll-8003' };
const CUSTOMER = 440;
const AGENT = 700;
const SUPERVISOR = 1300;
const tones = [CUSTOMER, AGENT, SUPERVISOR];
const canRun = haveChromium && existsSync(kamailioPath);
export const monitorShots = process.env.MONITOR_SHOTS ?? join(tmpdir(), 'dd-monitor-screens');

interface SideDesk { desk: Desk; host: WebHost }

describe.skipIf(!canRun)('supervisor live listening and whisper between two desks', () => {
  let kamailio: Kamailio;
  let deskA: SideDesk;
  let deskB: SideDesk;
  let farEnd: { url: string; close(): Promise<void> };
  const browsers: Browser[] = [];
  let agent: Page;
  let supervisor: Page;
  let customer: Page;
  let colleague: Page;
  let callN = -1;
  const pageErrors: string[] = [];

  async function openDesk(role: Role, extension: keyof typeof users, extra: Record<string, unknown>, hz: number, rendererDir: string): Promise<{ side: SideDesk; page: Page }> {
    const desk = startDesk({ dataDir: mkdtempSync(join(tmpdir(), `dd-monitor-${extension}-`)), host: 'browser', demoCustomers: 0, role });
    const host = await startWebHost(desk, { rendererDir });
    const saved = await desk.dispatch('softphone.settings.set', {
      sipUri: `sip:${extension}@127.0.0.1`, wsServers: [kamailio.wsUrl], password: users[extension], acwSeconds: 5, iceGatheringTimeoutMs: 1000, ...extra,
    });
    expect(saved.ok).toBe(true);
    const browser = await launchSideBrowser(toneWav(hz));
    browsers.push(browser);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.addInitScript(installToneProbe);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${extension}: ${String(e)}`));
    await page.goto(host.url);
    await page.locator('[data-testid="sp-registration"][data-state="registered"]').waitFor({ timeout: 20_000 });
    return { side: { desk, host }, page };
  }

  const audit = (d: SideDesk) => (d.desk.context.sqlite.prepare("SELECT actor, role, action, data FROM audit_log WHERE action LIKE 'monitor%' ORDER BY id").all() as { action: string; data: string }[])
    .map((r) => ({ action: r.action, ...(JSON.parse(r.data) as { peer: string; mode: string | null; status: number | null }) }));
  const describeTones = (levels: ToneLevels) => levels.map((l) => `${l.hz}Hz ${l.peakDb}dB/+${l.aboveFloorDb}`).join(', ');

  beforeAll(async () => {
    mkdirSync(monitorShots, { recursive: true });
    const rendererDir = buildRenderer();
    kamailio = await startKamailio(users);
    try {
      farEnd = await serveFarEnd();
      const customerBrowser = await launchSideBrowser(toneWav(CUSTOMER));
      browsers.push(customerBrowser);
      const farContext = await customerBrowser.newContext();
      await farContext.addInitScript(installToneProbe);
      customer = await farEndPage(farContext, farEnd.url, 'sip:2001@127.0.0.1', users['2001'], kamailio.wsUrl);
      colleague = await farEndPage(farContext, farEnd.url, 'sip:8003@127.0.0.1', users['8003'], kamailio.wsUrl);
      const a = await openDesk('agent', '8001', { displayName: '坐席8001', monitorSupervisors: ['8002'] }, AGENT, rendererDir);
      const b = await openDesk('supervisor', '8002', { displayName: '张主管' }, SUPERVISOR, rendererDir);
      [deskA, agent, deskB, supervisor] = [a.side, a.page, b.side, b.page];
      onTimeoutDescribe(async () => JSON.stringify({ customer: await fe(customer, (f) => f.log.events), colleague: await fe(colleague, (f) => f.log.events), pageErrors }));
      await agent.getByTestId('sp-agent-select').selectOption('ready');
    } catch (error) {
      await kamailio.stop();
      throw error;
    }
  });

  afterAll(async () => {
    for (const b of browsers) await b.close().catch(() => {});
    await farEnd?.close();
    for (const d of [deskA, deskB]) {
      await d?.host.close();
      d?.desk.close();
    }
    await kamailio?.stop();
  });

  it('shows the monitor control to the supervisor only', async () => {
    await supervisor.getByTestId('sp-monitor-target').waitFor();
    expect(await agent.getByTestId('sp-monitor').count()).toBe(0);
  });

  it('refuses a caller who is not a trusted supervisor with 403, without ringing the agent', async () => {
    const n = await fe(colleague, (f) => f.call('sip:8001@127.0.0.1', ['X-Dealerdesk-Monitor: listen']));
    await until('colleague refused', () => fe(colleague, (f, k: number) => f.log.failures.some((x) => x.n === k), n));
    expect(await fe(colleague, (f, k: number) => f.log.failures.find((x) => x.n === k)?.status, n)).toBe(403);
    expect(await agent.getByTestId('sp-ringing').count()).toBe(0);
    expect(await agent.getByTestId('sp-monitored').count()).toBe(0);
    await until('refusal audited on the agent desk', async () => audit(deskA).some((r) => r.action === 'monitored_refused' && r.peer === '8003' && r.status === 403));
  });

  it('tells the supervisor when the agent has no call in progress', async () => {
    await supervisor.getByTestId('sp-monitor-target').fill('8001');
    await supervisor.getByTestId('sp-monitor-listen').click();
    await supervisor.locator('[data-testid="sp-monitor-error"][data-error="no-call"]').waitFor();
    expect(await supervisor.getByTestId('sp-monitor-error').innerText()).toBe('该坐席当前没有通话');
    await supervisor.locator('.softphone-bar').screenshot({ path: join(monitorShots, 'supervisor-no-call.png') });
    expect(await agent.getByTestId('sp-monitored').count()).toBe(0);
  });

  it('listen: the supervisor hears the customer and the agent; the agent does not hear the supervisor', async () => {
    callN = await fe(customer, (f) => f.call('sip:8001@127.0.0.1', ['P-Asserted-Identity: <tel:13812345678>']));
    await agent.getByTestId('sp-answer').click();
    await agent.locator('[data-testid="sp-call"][data-phase="connected"]').waitFor();
    await supervisor.getByTestId('sp-monitor-listen').click();
    await supervisor.locator('[data-testid="sp-monitor-status"][data-phase="connected"][data-mode="listen"]').waitFor({ timeout: 10_000 });
    await agent.locator('[data-testid="sp-monitored"][data-mode="listen"]').waitFor();
    expect(await agent.getByTestId('sp-monitored').innerText()).toContain('主管监听中');
    // silent for the agent: no ringing, no second call, agent state unchanged
    expect(await agent.getByTestId('sp-ringing').count()).toBe(0);
    expect(await agent.getByTestId('sp-call').count()).toBe(1);
    expect(await agent.getByTestId('sp-agent-state').getAttribute('data-state')).toBe('on_call');

    let sup: ToneLevels = [];
    await until('supervisor hears customer and agent', async () => {
      sup = await heardTones(supervisor, tones);
      return heard(sup, CUSTOMER) && heard(sup, AGENT);
    }, 15_000).catch((e: Error) => { throw new Error(`${e.message} supervisor: ${describeTones(sup)}`); });
    expect(absent(sup, SUPERVISOR), `supervisor's own voice is not sent back: ${describeTones(sup)}`).toBe(true);
    const ear = await heardTones(agent, tones);
    expect(heard(ear, CUSTOMER), `agent hears the customer: ${describeTones(ear)}`).toBe(true);
    expect(absent(ear, SUPERVISOR), `agent hears no supervisor while listening: ${describeTones(ear)}`).toBe(true);
    await supervisor.getByTestId('softphone').screenshot({ path: join(monitorShots, 'supervisor-listening.png') });
    await agent.locator('.softphone-bar').screenshot({ path: join(monitorShots, 'agent-monitored-listen.png') });
  });

  it("whisper: the agent's ear gets the supervisor, the customer never does", async () => {
    await supervisor.getByTestId('sp-monitor-whisper').click();
    await supervisor.locator('[data-testid="sp-monitor-status"][data-mode="whisper"]').waitFor();
    await agent.locator('[data-testid="sp-monitored"][data-mode="whisper"]').waitFor();
    expect(await agent.getByTestId('sp-monitored').innerText()).toContain('主管耳语中');

    let ear: ToneLevels = [];
    await until('agent hears the whisper', async () => {
      ear = await heardTones(agent, tones);
      return heard(ear, SUPERVISOR);
    }, 15_000).catch((e: Error) => { throw new Error(`${e.message} agent: ${describeTones(ear)}`); });
    expect(heard(ear, CUSTOMER), `agent still hears the customer: ${describeTones(ear)}`).toBe(true);

    const cust = await farEndTones(customer, callN, tones, 2500);
    expect(heard(cust, AGENT), `customer hears the agent: ${describeTones(cust)}`).toBe(true);
    expect(absent(cust, SUPERVISOR), `customer never hears the whisper: ${describeTones(cust)}`).toBe(true);
    const sup = await heardTones(supervisor, tones);
    expect(heard(sup, CUSTOMER) && heard(sup, AGENT), `supervisor still hears both: ${describeTones(sup)}`).toBe(true);

    await supervisor.getByTestId('softphone').screenshot({ path: join(monitorShots, 'supervisor-whispering.png') });
    await agent.locator('.softphone-bar').screenshot({ path: join(monitorShots, 'agent-monitored-whisper.png') });
    await agent.screenshot({ path: join(monitorShots, 'agent-desk-whisper.png') });
  });

  it('back to listen-only: the whisper stops in the agent ear', async () => {
    await supervisor.getByTestId('sp-monitor-listen').click();
    await agent.locator('[data-testid="sp-monitored"][data-mode="listen"]').waitFor();
    let ear: ToneLevels = [];
    await until('whisper gone', async () => {
      ear = await heardTones(agent, tones);
      return absent(ear, SUPERVISOR);
    }, 10_000).catch((e: Error) => { throw new Error(`${e.message} agent: ${describeTones(ear)}`); });
    expect(heard(ear, CUSTOMER)).toBe(true);
  });

  it("the customer's hang-up ends the monitor session on both desks, audited on both", async () => {
    await fe(customer, (f, k: number) => f.hangup(k), callN);
    await agent.getByTestId('sp-monitored').waitFor({ state: 'detached' });
    await supervisor.getByTestId('sp-monitor-status').waitFor({ state: 'detached' });
    await supervisor.getByTestId('sp-monitor-target').waitFor();
    expect(await supervisor.getByTestId('sp-monitor-error').count()).toBe(0);
    await saveWrapUps(agent);
    // one call record on the agent desk, none for the monitor leg on either desk
    const calls = (d: SideDesk) => d.desk.context.sqlite.prepare('SELECT remote_number FROM call_log').pluck().all();
    expect(calls(deskA)).toHaveLength(1);
    expect(calls(deskB)).toHaveLength(0);
    await until('end audited on both desks', async () => audit(deskA).some((r) => r.action === 'monitored_end') && audit(deskB).some((r) => r.action === 'monitor_end'));
    expect(audit(deskB).map((r) => [r.action, r.peer, r.mode])).toEqual([
      ['monitor_start', '8001', 'listen'], ['monitor_refused', '8001', 'listen'],
      ['monitor_start', '8001', 'listen'], ['monitor_mode', '8001', 'whisper'], ['monitor_mode', '8001', 'listen'], ['monitor_end', '8001', 'listen'],
    ]);
    expect(audit(deskA).map((r) => [r.action, r.peer])).toEqual([
      ['monitored_refused', '8003'], ['monitored_refused', '8002'],
      ['monitored_start', '8002'], ['monitored_mode', '8002'], ['monitored_mode', '8002'], ['monitored_end', '8002'],
    ]);
    expect(pageErrors).toEqual([]);
  });
});
