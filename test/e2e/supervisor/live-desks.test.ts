// 坐席实况 end to end (issue 9): the real renderer in Chromium through the browser host. First
// without a dealership server: the view shows this desk only and says other desks appear once
// connected. Then the desk signs in to an in-process server (a real SyncEngine registered as the
// presence session, as the sync handlers do) and a second desk's presence is posted with the
// agent's own token: the agent's row shows on a call, with whom (the number in full for a
// supervisor), direction, queue, a ticking call time and 监听/耳语. Screenshots go to
// $SV_SHOTS or tmp.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../../src-main/host/desk';
import { startDesk } from '../../../src-main/host/startup';
import { startWebHost, type WebHost } from '../../../src-main/host/web/web-host';
import { setPresenceSession } from '../../../src-main/presence/presence-session';
import { SyncEngine } from '../../../src-main/sync/sync-engine';
import { syncState } from '../../../src-main/sync/sync-state';
import { startTestServer, testPassword, type TestServer } from '../../support/sync-server';
import { buildRenderer } from '../recording/recording-lab';
import { haveChromium, launchChromium } from '../support/chromium';
import { openDeskPage } from '../support/desk-page';

const shots = process.env.SV_SHOTS ?? join(tmpdir(), 'dd-sv-shots');

describe.skipIf(!haveChromium)('the supervisor’s live view of desks', () => {
  let server: TestServer;
  let desk: Desk;
  let host: WebHost;
  let engine: SyncEngine | null = null;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const rendererDir = buildRenderer();
    server = await startTestServer();
    desk = startDesk({ dataDir: mkdtempSync(join(tmpdir(), 'dd-e2e-live-')), host: 'browser', demoCustomers: 0 });
    desk.context.session.role = 'supervisor';
    desk.context.session.userName = '张主管';
    host = await startWebHost(desk, { rendererDir });
    browser = await launchChromium(['--lang=zh-CN']);
    page = await openDeskPage(browser, host.url);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (engine) {
      setPresenceSession(desk.context, null);
      await engine.stop();
    }
    await host?.close();
    desk?.close();
    await server?.close();
  });

  const row = (user: string) => page.locator(`[data-testid="sv-live-row"][data-user="${user}"]`);
  const seconds = (text: string | null) => (text ?? '').split(':').map(Number).reduce((total, part) => total * 60 + part, 0);

  it('without a server shows this desk only and says other desks appear once connected', async () => {
    await page.getByTestId('nav-supervisor').click();
    await page.getByTestId('sv-tab-live').click();
    await page.getByTestId('sv-live').waitFor();
    await expect.poll(() => page.getByTestId('sv-live-notice').getAttribute('data-problem')).toBe('no-server');
    expect(await page.getByTestId('sv-live-notice').textContent()).toContain('连接服务器后');
    await expect.poll(() => page.getByTestId('sv-live-row').count()).toBe(1);
    expect(await row('张主管').getAttribute('data-self')).toBe('true');
    expect(await row('张主管').getAttribute('data-state')).toBe('not_ready');
    expect(await row('张主管').getByTestId('sv-live-state').textContent()).toBe('未就绪 · 系统');
    await page.getByTestId('sv-live').screenshot({ path: join(shots, 'live-local.png') });
  });

  it('connected: lists the agent on a call with whom, direction, queue and a ticking call time', async () => {
    syncState.setServer(desk.context.sqlite, { url: server.url, username: 'super1' });
    engine = new SyncEngine({ sqlite: desk.context.sqlite, server: { url: server.url }, credentials: { username: 'super1', password: testPassword }, websocket: false });
    engine.start();
    await engine.syncOnce();
    setPresenceSession(desk.context, engine);

    const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'agent1', password: testPassword, deskId: 'desk-agent1-e2e' } });
    const now = Date.now();
    const posted = await fetch(`${server.url}/presence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${login.json().accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        deskId: 'desk-agent1-e2e', extension: '8001', phoneRegistered: true, state: 'on_call', reason: null, stateSince: new Date(now - 75_000).toISOString(),
        call: { direction: 'inbound', phase: 'connected', number: '13812345678', customerName: null, since: new Date(now - 75_000).toISOString(), queue: '售后服务' },
        sentAt: new Date(now).toISOString(),
      }),
    });
    expect(posted.status).toBe(200);

    // Pushed by the long poll: no reload, no click.
    await expect.poll(() => row('agent1').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('sv-live').getAttribute('data-source')).toBe('server');
    expect(await page.getByTestId('sv-live-notice').count()).toBe(0);
    const agent = row('agent1');
    expect(await agent.getAttribute('data-state')).toBe('on_call');
    expect(await agent.getAttribute('data-extension')).toBe('8001');
    expect(await agent.getByTestId('sv-live-state').textContent()).toBe('通话中');
    expect(await agent.getByTestId('sv-live-with').textContent()).toBe('138 1234 5678');
    expect(await agent.textContent()).toContain('呼入');
    expect(await agent.textContent()).toContain('售后服务');
    await expect.poll(() => row('super1').getAttribute('data-self')).toBe('true');

    const first = seconds(await agent.getByTestId('sv-live-call-for').textContent());
    // Within the second the view ticks on and the push took to arrive.
    expect(first).toBeGreaterThanOrEqual(73);
    expect(first).toBeLessThan(120);
    await expect.poll(async () => seconds(await agent.getByTestId('sv-live-call-for').textContent()), { timeout: 5_000 }).toBeGreaterThanOrEqual(first + 2);
    expect(seconds(await agent.getByTestId('sv-live-state-for').textContent())).toBeGreaterThanOrEqual(first);

    // 监听/耳语 on the call in progress; this desk's softphone is not registered, so they wait for it.
    expect(await agent.getByTestId('sv-live-listen').textContent()).toBe('监听');
    expect(await agent.getByTestId('sv-live-listen').isDisabled()).toBe(true);
    expect(await agent.getByTestId('sv-live-whisper').count()).toBe(1);
    expect(await row('super1').getByTestId('sv-live-listen').count()).toBe(0);
    expect(await page.getByTestId('sv-live-count').textContent()).toBe('2 人在线 · 1 人通话中');
    await page.getByTestId('sv-live').screenshot({ path: join(shots, 'live-server.png') });
  });
});
