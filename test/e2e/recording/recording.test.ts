// Call recording end to end (issue 5): a real Kamailio, the real desk in the browser host, the
// agent and the customer in separate Chromiums (the agent's microphone a 440 Hz tone, the
// customer's voice espeak-ng speech). Checks the file main wrote: it decodes, its duration
// matches the call within 0.5 s, it is not silent, a pause is silent where the metadata says,
// and stereo keeps the agent left and the customer right. Then the list and the player (zh-CN).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../../src-main/host/desk';
import { startDesk } from '../../../src-main/host/startup';
import { startWebHost, type WebHost } from '../../../src-main/host/web/web-host';
import { insertCustomers } from '../../../src-main/customers/customer-writer';
import { haveChromium } from '../support/chromium';
import { kamailioPath, startKamailio, type Kamailio } from '../softphone/kamailio';
import { farEndPage, serveFarEnd } from '../softphone/lab';
import { buildRenderer, decodeToWav, launchSideBrowser, probeDuration, rmsDb, screenshotDir, toneWav, voiceWav, wavSeconds } from './recording-lab';
import { existsSync, mkdtempSync } from 'node:fs';

const users = { '8001': 'rec-8001', '2001': 'rec-2001' };
const canRun = haveChromium && existsSync(kamailioPath);

interface Row { id: number; path: string; status: string; duration_ms: number; call_uid: string; remuxed: number; channels: number }

describe.skipIf(!canRun)('call recording', () => {
  let kamailio: Kamailio;
  let desk: Desk;
  let host: WebHost;
  let agentBrowser: Browser;
  let customerBrowser: Browser;
  let farEnd: { url: string; close(): Promise<void> };
  let agent: Page;
  let customer: Page;

  const dispatch = async (method: string, input: unknown) => {
    const r = await desk.dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value;
  };

  async function finalizedRow(callsBefore: number): Promise<Row> {
    const started = Date.now();
    while (Date.now() - started < 20_000) {
      const row = desk.context.sqlite.prepare("SELECT * FROM recordings WHERE id > ? AND status = 'finalized' ORDER BY id LIMIT 1").get(callsBefore) as Row | undefined;
      if (row) return row;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('no finalized recording');
  }

  /** Customer calls, agent answers, `during` runs, agent hangs up and saves the wrap-up. */
  async function recordedCall(during: () => Promise<void>): Promise<{ row: Row; callSeconds: number }> {
    const before = desk.context.sqlite.prepare('SELECT ifnull(max(id), 0) FROM recordings').pluck().get() as number;
    await customer.evaluate(() => (window as never as { farEnd: { call(t: string, h: string[]): Promise<number> } }).farEnd.call('sip:8001@127.0.0.1', ['P-Asserted-Identity: <tel:13812345678>']));
    await agent.getByTestId('sp-answer').click();
    await agent.locator('[data-testid="rec-indicator"][data-phase="recording"]').waitFor({ timeout: 10_000 });
    await during();
    await agent.getByTestId('sp-hangup').click();
    await agent.getByTestId('sp-wrap-up-save').click();
    await agent.getByTestId('sp-wrap-up').waitFor({ state: 'detached' });
    const row = await finalizedRow(before);
    const call = desk.context.sqlite.prepare('SELECT answer_at, end_at FROM call_log WHERE uid = ?').get(row.call_uid) as { answer_at: string; end_at: string };
    await agent.getByTestId('sp-agent-select').selectOption('ready');
    return { row, callSeconds: (Date.parse(call.end_at) - Date.parse(call.answer_at)) / 1000 };
  }

  beforeAll(async () => {
    const rendererDir = buildRenderer();
    kamailio = await startKamailio(users);
    try {
      desk = startDesk({ dataDir: mkdtempSync(join(tmpdir(), 'dd-rec-e2e-')), host: 'browser', demoCustomers: 0 });
      host = await startWebHost(desk, { rendererDir });
      insertCustomers(desk.context.sqlite, [{ name: '王建国', phones: [{ raw: '13812345678' }], vehicles: [{ plate: '粤B12345', brand: '丰田', model: '凯美瑞' }] }] as never, new Date());
      await dispatch('softphone.settings.set', { sipUri: 'sip:8001@127.0.0.1', wsServers: [kamailio.wsUrl], password: users['8001'], displayName: '坐席8001', acwSeconds: 5, iceGatheringTimeoutMs: 1000 });
      farEnd = await serveFarEnd();
      agentBrowser = await launchSideBrowser(toneWav());
      customerBrowser = await launchSideBrowser(voiceWav());
      customer = await farEndPage(customerBrowser, farEnd.url, 'sip:2001@127.0.0.1', users['2001'], kamailio.wsUrl);
      agent = await agentBrowser.newPage({ viewport: { width: 1360, height: 820 }, locale: 'zh-CN' });
      await agent.goto(host.url);
      await agent.locator('[data-testid="sp-registration"][data-state="registered"]').waitFor({ timeout: 20_000 });
      await agent.getByTestId('sp-agent-select').selectOption('ready');
    } catch (error) {
      await kamailio.stop();
      throw error;
    }
  });

  afterAll(async () => {
    await agentBrowser?.close();
    await customerBrowser?.close();
    await farEnd?.close();
    await host?.close();
    desk?.close();
    await kamailio?.stop();
  });

  it('records both sides into one file that decodes, lasts as long as the call, is not silent, and is silent where paused', async () => {
    const { row, callSeconds } = await recordedCall(async () => {
      await agent.waitForTimeout(3000);
      mkdirSync(screenshotDir, { recursive: true });
      await agent.screenshot({ path: join(screenshotDir, 'recording-indicator-zh-CN.png') });
      await agent.getByTestId('rec-pause').click();
      await agent.locator('[data-testid="rec-indicator"][data-phase="paused"]').waitFor();
      await agent.waitForTimeout(3000);
      await agent.getByTestId('rec-resume').click();
      await agent.waitForTimeout(3000);
    });
    const file = join(desk.context.dataDir, row.path);
    expect(row).toMatchObject({ remuxed: 1, channels: 1 });
    const duration = probeDuration(file);
    expect(Math.abs(duration - callSeconds)).toBeLessThan(0.5);
    expect(Math.abs(row.duration_ms / 1000 - duration)).toBeLessThan(0.05);
    const wav = decodeToWav(file);
    expect(Math.abs(wavSeconds(wav) - duration)).toBeLessThan(0.2);
    expect(rmsDb(wav)).toBeGreaterThan(-40);
    const pauses = desk.context.sqlite.prepare('SELECT start_ms, end_ms FROM recording_pauses WHERE recording_id = ?').all(row.id) as { start_ms: number; end_ms: number }[];
    expect(pauses).toHaveLength(1);
    const [p] = pauses;
    expect(p.start_ms).toBeGreaterThan(2500);
    expect(p.end_ms - p.start_ms).toBeGreaterThan(2500);
    const pausedDb = rmsDb(wav, { start: p.start_ms / 1000 + 0.3, length: (p.end_ms - p.start_ms) / 1000 - 0.6 });
    const before = rmsDb(wav, { start: 0.5, length: p.start_ms / 1000 - 0.8 });
    const after = rmsDb(wav, { start: p.end_ms / 1000 + 0.3, length: 2 });
    expect(pausedDb).toBeLessThan(-70);
    expect(before).toBeGreaterThan(-40);
    expect(after).toBeGreaterThan(-40);
  });

  it('keeps the agent on the left and the customer on the right in stereo, with the notice tone at the start', async () => {
    desk.context.session.role = 'supervisor';
    await dispatch('recording.settings.set', { stereo: true, noticeTone: true });
    desk.context.session.role = 'agent';
    await agent.reload();
    await agent.locator('[data-testid="sp-registration"][data-state="registered"]').waitFor({ timeout: 20_000 });
    await agent.getByTestId('sp-agent-select').selectOption('ready');
    const { row, callSeconds } = await recordedCall(() => agent.waitForTimeout(5000));
    expect(row.channels).toBe(2);
    const file = join(desk.context.dataDir, row.path);
    expect(Math.abs(probeDuration(file) - callSeconds)).toBeLessThan(0.5);
    const wav = decodeToWav(file);
    const left = rmsDb(wav, { channel: 1, start: 1, length: 3 });
    const right = rmsDb(wav, { channel: 2, start: 1, length: 3 });
    expect(left).toBeGreaterThan(-40);
    expect(right).toBeGreaterThan(-40);
    // The agent's side is a pure 440 Hz tone: a notch at 440 Hz removes almost all of the left
    // channel, and hardly touches the customer's speech on the right.
    expect(rmsDb(wav, { channel: 1, start: 1, length: 3, effects: ['bandreject', '440', '4q'] })).toBeLessThan(left - 15);
    expect(rmsDb(wav, { channel: 2, start: 1, length: 3, effects: ['bandreject', '440', '4q'] })).toBeGreaterThan(right - 6);
    // The notice beeps (1 kHz, in the first 0.6 s) are in the file although the mixing context
    // plays to no device; the agent's 440 Hz tone has nothing near 1 kHz.
    const beepBand = ['sinc', '900-1100'];
    expect(rmsDb(wav, { channel: 1, start: 0, length: 0.8, effects: beepBand })).toBeGreaterThan(rmsDb(wav, { channel: 1, start: 2, length: 2, effects: beepBand }) + 20);
  });

  it('lists the recordings with filters and plays one back with seek and speed (zh-CN screenshots)', async () => {
    mkdirSync(screenshotDir, { recursive: true });
    await agent.getByTestId('rec-open-panel').click();
    await agent.getByTestId('rec-panel').waitFor();
    await expect.poll(() => agent.getByTestId('rec-row').count()).toBe(2);
    await agent.getByTestId('rec-filter-customer').fill('王建');
    await expect.poll(() => agent.getByTestId('rec-row').count()).toBe(2);
    await agent.getByTestId('rec-filter-min').fill('600');
    await expect.poll(() => agent.getByTestId('rec-row').count()).toBe(0);
    await agent.getByTestId('rec-filter-min').fill('');
    await agent.getByTestId('rec-filter-direction').selectOption('outbound');
    await expect.poll(() => agent.getByTestId('rec-row').count()).toBe(0);
    await agent.getByTestId('rec-filter-direction').selectOption('inbound');
    await expect.poll(() => agent.getByTestId('rec-row').count()).toBe(2);
    await agent.screenshot({ path: join(screenshotDir, 'recordings-list-zh-CN.png') });
    await agent.getByTestId('rec-open').last().click();
    await agent.locator('[data-testid="rec-player"][data-ready="true"]').waitFor();
    await agent.getByTestId('rec-speed').selectOption('1.5');
    await agent.getByTestId('rec-play').click();
    await agent.waitForTimeout(800);
    const time = agent.getByTestId('rec-time');
    await expect.poll(async () => Number(await time.getAttribute('data-position'))).toBeGreaterThan(0.5);
    // 1.5× speed: about 1.5 s of recording per second of wall time, measured in the page
    const ratio = (await agent.evaluate(`new Promise((resolve) => {
      const el = document.querySelector('[data-testid="rec-time"]');
      const p0 = Number(el.getAttribute('data-position')), t0 = performance.now();
      setTimeout(() => resolve((Number(el.getAttribute('data-position')) - p0) / ((performance.now() - t0) / 1000)), 2000);
    })`)) as number;
    expect(ratio).toBeGreaterThan(1.25);
    expect(ratio).toBeLessThan(1.8);
    await agent.getByTestId('rec-play').click();
    await agent.locator('[data-testid="rec-player"][data-playing="false"]').waitFor();
    await agent.getByTestId('rec-seek').fill('6');
    expect(Number(await time.getAttribute('data-position'))).toBeCloseTo(6, 1);
    await agent.getByTestId('rec-play').click();
    await agent.waitForTimeout(500);
    expect(Number(await time.getAttribute('data-position'))).toBeGreaterThan(6.2);
    await agent.screenshot({ path: join(screenshotDir, 'recordings-player-zh-CN.png') });
  });
});
