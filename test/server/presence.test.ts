// The presence board on a real server (on PGlite and on PostgreSQL, real sign-in): two desks of two users
// report, a supervisor lists both with the caller's number in full, an agent is refused, a desk
// that stops reporting turns stale after 45 s (injected clock), and a long poll answers as soon
// as a desk reports something new.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PresenceList, PresenceReport } from '../../src-shared/domain/presence/protocol';
import { describeOnEachStore } from '../support/each-store';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';

describeOnEachStore('presence on the dealership server', (store) => {
  let server: TestServer;
  let clock = new Date('2026-05-06T02:00:00.000Z');
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ database: store.database(), now: () => clock });
    for (const username of ['agent1', 'advisor1', 'super1', 'admin1']) {
      const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password: testPassword, deskId: `desk-${username}-0001` } });
      tokens[username] = login.json().accessToken;
    }
  }, 180_000);
  afterAll(async () => server?.close());

  const at = (offsetMs: number) => new Date(clock.getTime() + offsetMs).toISOString();
  const report = (username: string, body: Partial<PresenceReport>) =>
    server.app.inject({
      method: 'POST', url: '/presence', headers: { authorization: `Bearer ${tokens[username]}` },
      payload: { deskId: `desk-${username}-0001`, extension: null, phoneRegistered: true, state: 'ready', reason: null, stateSince: at(0), call: null, sentAt: at(0), ...body },
    });
  const list = (username: string, query = '') => server.app.inject({ method: 'GET', url: `/presence${query}`, headers: { authorization: `Bearer ${tokens[username]}` } });

  it('lists the desks of two users for a supervisor, with full numbers, durations on the server clock', async () => {
    // The agent's desk clock runs 20 s ahead of the server.
    const agentClock = (ms: number) => at(20_000 + ms);
    expect((await report('agent1', {
      extension: '8001', state: 'on_call', stateSince: agentClock(-90_000), sentAt: agentClock(0),
      call: { direction: 'inbound', phase: 'connected', number: '13812345678', customerName: null, since: agentClock(-90_000), queue: '售后' },
    })).statusCode).toBe(200);
    expect((await report('advisor1', { extension: '8002', state: 'not_ready', reason: 'meeting', stateSince: at(-5_000) })).statusCode).toBe(200);

    const response = await list('super1');
    expect(response.statusCode).toBe(200);
    const body = response.json() as PresenceList;
    expect(body.entries.map((e) => [e.userName, e.extension, e.state, e.stale])).toEqual([
      ['advisor1', '8002', 'not_ready', false],
      ['agent1', '8001', 'on_call', false],
    ]);
    const agent = body.entries.find((e) => e.userName === 'agent1')!;
    expect(agent.role).toBe('agent');
    expect(agent.call).toMatchObject({ direction: 'inbound', phase: 'connected', number: '138 1234 5678', queue: '售后' });
    expect(Date.parse(body.serverNow) - Date.parse(agent.call!.since)).toBe(90_000);
    expect(Date.parse(body.serverNow) - Date.parse(agent.stateSince)).toBe(90_000);
    expect(body.entries.find((e) => e.userName === 'advisor1')!.reason).toBe('meeting');
    expect((await list('admin1')).statusCode).toBe(200);
  });

  it('refuses the board to an agent, an advisor and a request without a token', async () => {
    expect((await list('agent1')).statusCode).toBe(403);
    expect((await list('agent1')).json()).toMatchObject({ code: 'forbidden' });
    expect((await list('advisor1')).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'GET', url: '/presence' })).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'POST', url: '/presence', payload: {} })).statusCode).toBe(401);
  });

  it('takes the reporter from the token, not the body, and refuses a malformed report', async () => {
    const forged = await report('agent1', { userName: 'super1', role: 'supervisor' } as never);
    expect(forged.statusCode).toBe(200);
    const entries = (await list('super1')).json().entries as PresenceList['entries'];
    expect(entries.filter((e) => e.userName === 'super1')).toEqual([]);
    expect((await report('agent1', { state: 'asleep' as never })).statusCode).toBe(400);
  });

  it('shows a desk that stopped reporting as stale after 45 s, and live again on its next heartbeat', async () => {
    await report('agent1', { extension: '8001', state: 'ready' });
    await report('advisor1', { extension: '8002', state: 'ready' });
    clock = new Date(clock.getTime() + 30_000);
    await report('advisor1', { extension: '8002', state: 'ready', stateSince: at(-30_000), sentAt: at(0) });
    clock = new Date(clock.getTime() + 20_000);
    const stale = (await list('super1')).json() as PresenceList;
    expect(stale.entries.map((e) => [e.userName, e.stale])).toEqual([['advisor1', false], ['agent1', true]]);
    await report('agent1', { extension: '8001', state: 'ready', sentAt: at(0), stateSince: at(-50_000) });
    const back = (await list('super1')).json() as PresenceList;
    expect(back.entries.every((e) => !e.stale)).toBe(true);
  });

  it('holds a long poll until a desk reports a change, and answers at once when behind', async () => {
    const { version } = (await list('super1')).json() as PresenceList;
    expect((await list('super1', `?after=${version - 1}&waitMs=30000`)).json().version).toBe(version);
    const started = Date.now();
    const held = list('super1', `?after=${version}&waitMs=30000`);
    await new Promise((r) => setTimeout(r, 200));
    // A heartbeat with nothing new does not wake it; a state change does.
    await report('advisor1', { extension: '8002', state: 'ready', stateSince: at(-50_000), sentAt: at(0) });
    await report('advisor1', { extension: '8002', state: 'break', stateSince: at(0), sentAt: at(0) });
    const answered = (await held).json() as PresenceList;
    expect(answered.version).toBe(version + 1);
    expect(answered.entries.find((e) => e.userName === 'advisor1')!.state).toBe('break');
    expect(Date.now() - started).toBeLessThan(5_000);
    const timedOut = await list('super1', `?after=${answered.version}&waitMs=300`);
    expect(timedOut.json().version).toBe(answered.version);
  });
});
