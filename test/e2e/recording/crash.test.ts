// A crash mid-call (issue 5): the browser host runs as a child process and is SIGKILLed while a
// call is being recorded. The partial file decodes up to the last chunk written, and after a
// restart the app offers the recording; keeping it finalizes what was saved.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk } from '../../../src-main/host/desk';
import { openDatabase } from '../../../src-main/db/open';
import { haveChromium } from '../support/chromium';
import { kamailioPath, startKamailio, type Kamailio } from '../softphone/kamailio';
import { farEndPage, serveFarEnd } from '../softphone/lab';
import { buildRenderer, decodeToWav, launchSideBrowser, rmsDb, screenshotDir, spawnHost, toneWav, voiceWav, wavSeconds, type ChildHost } from './recording-lab';

const users = { '8001': 'crash-8001', '2001': 'crash-2001' };
const canRun = haveChromium && existsSync(kamailioPath);

describe.skipIf(!canRun)('recording survives a host crash', () => {
  let kamailio: Kamailio;
  let agentBrowser: Browser;
  let customerBrowser: Browser;
  let farEnd: { url: string; close(): Promise<void> };
  let customer: Page;
  let host: ChildHost | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'dd-rec-crash-'));
  let rendererDir: string;

  beforeAll(async () => {
    rendererDir = buildRenderer();
    kamailio = await startKamailio(users);
    const setup = createDesk({ dataDir, host: 'cli' });
    const saved = await setup.dispatch('softphone.settings.set', { sipUri: 'sip:8001@127.0.0.1', wsServers: [kamailio.wsUrl], password: users['8001'], acwSeconds: 5, iceGatheringTimeoutMs: 1000 });
    setup.close();
    expect(saved.ok).toBe(true);
    farEnd = await serveFarEnd();
    agentBrowser = await launchSideBrowser(toneWav());
    customerBrowser = await launchSideBrowser(voiceWav());
    customer = await farEndPage(customerBrowser, farEnd.url, 'sip:2001@127.0.0.1', users['2001'], kamailio.wsUrl);
  });

  afterAll(async () => {
    host?.child.kill('SIGKILL');
    await agentBrowser?.close();
    await customerBrowser?.close();
    await farEnd?.close();
    await kamailio?.stop();
  });

  it('keeps a decodable partial file and offers it after a restart', async () => {
    host = await spawnHost(dataDir, rendererDir);
    const agent = await agentBrowser.newPage({ locale: 'zh-CN', viewport: { width: 1360, height: 820 } });
    await agent.goto(host.url);
    await agent.locator('[data-testid="sp-registration"][data-state="registered"]').waitFor({ timeout: 20_000 });
    await agent.getByTestId('sp-agent-select').selectOption('ready');
    const n = await customer.evaluate(() => (window as never as { farEnd: { call(t: string): Promise<number> } }).farEnd.call('sip:8001@127.0.0.1'));
    await agent.getByTestId('sp-answer').click();
    await agent.locator('[data-testid="rec-indicator"][data-phase="recording"]').waitFor({ timeout: 10_000 });
    const recordingFor = Date.now();
    await agent.waitForTimeout(5000);
    host.child.kill('SIGKILL');
    await new Promise((r) => host!.child.once('exit', r));
    const secondsRecorded = (Date.now() - recordingFor) / 1000;

    const db = openDatabase(join(dataDir, 'dealerdesk.sqlite'), { readonly: true }).sqlite; // encrypted: through the desk's opener
    const row = db.prepare('SELECT id, path, status FROM recordings').get() as { id: number; path: string; status: string };
    db.close();
    expect(row.status).toBe('recording');
    const file = join(dataDir, row.path);
    // the file as the crash left it: no duration in the container, but it decodes to the last chunk
    const probed = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim();
    expect(probed).toBe('N/A');
    const wav = decodeToWav(file);
    const decoded = wavSeconds(wav);
    expect(decoded).toBeGreaterThan(secondsRecorded - 1.6);
    expect(decoded).toBeLessThan(secondsRecorded + 0.5);
    expect(rmsDb(wav)).toBeGreaterThan(-40);

    await customer.evaluate((k) => (window as never as { farEnd: { hangup(k: number): void } }).farEnd.hangup(k), n);
    await agent.close();

    host = await spawnHost(dataDir, rendererDir);
    const again = await agentBrowser.newPage({ locale: 'zh-CN', viewport: { width: 1360, height: 820 } });
    await again.goto(host.url);
    const offer = again.getByTestId('rec-recovery');
    await offer.waitFor({ timeout: 15_000 });
    await expect(again.getByTestId('rec-recovery-item').count()).resolves.toBe(1);
    mkdirSync(screenshotDir, { recursive: true });
    await again.screenshot({ path: join(screenshotDir, 'recording-recovery-zh-CN.png') });
    await again.getByTestId('rec-recovery-keep').click();
    await offer.waitFor({ state: 'detached', timeout: 15_000 });
    await again.getByTestId('rec-open-panel').click();
    await again.locator('[data-testid="rec-row"]').first().waitFor();
    const kept = openDatabase(join(dataDir, 'dealerdesk.sqlite'), { readonly: true }).sqlite;
    const after = kept.prepare('SELECT status, remuxed, duration_ms FROM recordings WHERE id = ?').get(row.id) as { status: string; remuxed: number; duration_ms: number };
    kept.close();
    expect(after).toMatchObject({ status: 'finalized', remuxed: 1 });
    expect(Math.abs(after.duration_ms / 1000 - decoded)).toBeLessThan(0.3);
    host.child.kill('SIGTERM');
    await new Promise((r) => host!.child.once('exit', r));
    host = null;
  });
});
