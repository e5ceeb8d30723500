// Presence from a real desk (full handler table) through its real sync session (SyncEngine,
// registered as the presence session the way the sync handlers do) to a real dealership server
// on PGlite: the local-only board without a server, this desk's report with the popped card's
// customer name, a second user's desk, a change pushed back by the long poll, and a desk whose
// server account may not read the board.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskPresence, PresenceView } from '../../src-shared/contract/presence';
import { startTestServer, testPassword, type TestServer } from '../../test/support/sync-server';
import { testDesk } from '../supervisor/test-desk';
import { SyncEngine } from '../sync/sync-engine';
import { syncState } from '../sync/sync-state';
import { setPresenceSession } from './presence-session';

const onCall = (customerId: number | null, since: string): DeskPresence => ({
  extension: '8009', phoneRegistered: true, state: 'on_call', reason: null, stateSince: since,
  call: { direction: 'inbound', phase: 'connected', number: '13912345678', customerId, since, queue: '售后' },
});

async function until<T>(read: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('presence from desk to server and back', () => {
  let server: TestServer;
  const engines: SyncEngine[] = [];
  // The desk's clock runs a minute behind the server's: durations still come out right.
  const deskNow = () => new Date(Date.now() - 60_000).toISOString();

  beforeAll(async () => {
    server = await startTestServer();
  }, 180_000);
  afterAll(async () => {
    for (const engine of engines) await engine.stop();
    await server?.close();
  });

  async function signIn(desk: ReturnType<typeof testDesk>, username: string): Promise<SyncEngine> {
    syncState.setServer(desk.sqlite, { url: server.url, username });
    const engine = new SyncEngine({ sqlite: desk.sqlite, server: { url: server.url }, credentials: { username, password: testPassword }, websocket: false });
    engines.push(engine);
    engine.start();
    await engine.syncOnce();
    return engine;
  }

  it('shows this desk alone without a server, pushes its changes, and lists every desk once signed in', async () => {
    const desk = testDesk(deskNow());
    const customerId = desk.customer({ name: '欧阳实况', phones: [{ raw: '13912345678' }] });
    await desk.call('presence.report', { ...onCall(null, deskNow()), state: 'ready', call: null });

    const local = await desk.call('presence.list', {});
    expect(local).toMatchObject({ source: 'local', problem: 'no-server' });
    expect(local.entries).toHaveLength(1);
    expect(local.entries[0]).toMatchObject({ self: true, userName: '主管王', state: 'ready', extension: '8009' });

    await desk.call('presence.report', onCall(customerId, desk.ctx.now().toISOString()));
    const pushed = desk.emitted.filter(([event]) => event === 'presence.changed').at(-1)?.[1] as PresenceView;
    expect(pushed.entries[0].call).toMatchObject({ customerName: '欧阳实况', number: '139 1234 5678', direction: 'inbound' });

    const engine = await signIn(desk, 'super1');
    setPresenceSession(desk.ctx, engine);
    const advisorLogin = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'advisor1', password: testPassword, deskId: 'desk-advisor-0001' } });
    const advisorToken = advisorLogin.json().accessToken as string;
    const advisorReport = (state: string) => server.app.inject({
      method: 'POST', url: '/presence', headers: { authorization: `Bearer ${advisorToken}` },
      payload: { deskId: 'desk-advisor-0001', extension: '8002', phoneRegistered: true, state, reason: null, stateSince: new Date().toISOString(), call: null, sentAt: new Date().toISOString() },
    });
    expect((await advisorReport('ready')).statusCode).toBe(200);

    // This desk's report reaches the server as soon as the session is there (no wait for the heartbeat).
    const board = await until(async () => {
      const view = await desk.call('presence.list', {});
      return view.entries.length === 2 && view.entries.some((e) => e.self) ? view : undefined;
    });
    expect(board).toMatchObject({ source: 'server', problem: null });
    expect(board.entries.map((e) => [e.userName, e.role, e.state, e.self])).toEqual([['advisor1', 'advisor', 'ready', false], ['super1', 'supervisor', 'on_call', true]]);
    const mine = board.entries.find((e) => e.self)!;
    expect(mine.call).toMatchObject({ customerName: '欧阳实况', number: '139 1234 5678', queue: '售后', phase: 'connected' });
    // Reported a moment ago on a clock a minute behind: on the server's clock it is still a moment ago.
    expect(Date.parse(board.serverNow) - Date.parse(mine.call!.since)).toBeLessThan(5_000);
    expect(Date.parse(board.serverNow) - Date.parse(mine.call!.since)).toBeGreaterThanOrEqual(0);

    // The advisor takes a break: the long poll brings it to this desk without asking.
    const seen = desk.emitted.length;
    expect((await advisorReport('break')).statusCode).toBe(200);
    const changed = await until(() => desk.emitted.slice(seen).filter(([event]) => event === 'presence.changed').map(([, view]) => view as PresenceView)
      .find((view) => view.entries.find((e) => e.userName === 'advisor1')?.state === 'break'));
    expect(changed.source).toBe('server');
    setPresenceSession(desk.ctx, null);
    expect((await desk.call('presence.list', {})).problem).toBe('signed-out');
  }, 60_000);

  it('says so when the server account may not read the board, and still shows this desk', async () => {
    const desk = testDesk(deskNow());
    const engine = await signIn(desk, 'agent1');
    setPresenceSession(desk.ctx, engine);
    await desk.call('presence.report', { ...onCall(null, deskNow()), state: 'break', call: null });
    const view = await desk.call('presence.list', {});
    expect(view).toMatchObject({ source: 'local', problem: 'forbidden' });
    expect(view.entries.map((e) => [e.self, e.state])).toEqual([[true, 'break']]);
    setPresenceSession(desk.ctx, null);
  }, 60_000);

  it('refuses the board to a desk whose role may not monitor, and lets every role report', async () => {
    const desk = testDesk(deskNow());
    desk.as('坐席小李', 'agent');
    expect(await desk.fails('presence.list', {})).toBe('forbidden');
    expect(await desk.call('presence.report', { ...onCall(null, deskNow()), state: 'ready', call: null })).toEqual({ ok: true });
  });

  it('gives no answer from a stopped session instead of signing in again', async () => {
    const desk = testDesk(deskNow());
    const engine = await signIn(desk, 'super1');
    expect((await engine.request('GET', '/presence'))?.status).toBe(200);
    await engine.stop();
    expect(await engine.request('GET', '/presence')).toBeNull();
  }, 60_000);
});
