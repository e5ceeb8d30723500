// Issue 6: "a desk offline for a week syncs back without help". The server's clock moves on a
// week while one desk edits offline and another keeps working: the offline desk's access token
// has long expired, its refresh token has not (30 days), so it comes back on its own — same
// session, no password asked — pushes its week of edits and pulls everyone else's. Past the
// refresh token's life it asks for a sign-in and keeps every pending edit.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, editRecord } from '../../src-main/sync/local-writes';
import { outboxStats } from '../../src-main/sync/outbox';
import { SyncEngine } from '../../src-main/sync/sync-engine';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { dumpDesk, dumpServer, openTestDesk, type TestDesk } from './desk-harness';

const day = 86_400_000;

describe('a desk offline for a week', () => {
  let server: TestServer;
  let clock = new Date('2026-11-02T08:00:00Z').getTime();
  let office: TestDesk;
  let away: TestDesk;
  const now = () => new Date(clock);
  const sessionsOf = async (username: string) =>
    (await server.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = $1', [username]))[0].n;

  beforeAll(async () => {
    server = await startTestServer({ now });
    office = openTestDesk({ serverUrl: server.url, username: 'agent1', password: testPassword });
    away = openTestDesk({ serverUrl: server.url, username: 'super1', password: testPassword });
  }, 120_000);
  afterAll(async () => {
    await office?.close();
    await away?.engine.stop();
    await away?.close();
    await server?.close();
  });

  it('comes back on its own after seven days and both desks hold the whole week', async () => {
    const shared = randomUUID();
    createRecord(office.sqlite, 'customers', shared, { number: 'C70000001', name: '周末', address: '天河路 1 号', customFields: '{}' }, now());
    expect(await office.engine.syncOnce()).toBe(true);
    expect(await away.engine.syncOnce()).toBe(true);
    const sessionsBefore = await sessionsOf('super1');
    // The away desk restarts holding no password: it can come back only through its refresh token.
    await away.engine.stop();
    away.engine = new SyncEngine({ sqlite: away.sqlite, server: { url: server.url }, websocket: false, retryBaseMs: 20, retryMaxMs: 200 });

    // A week: the office adds customers every day, the away desk edits offline.
    const made: string[] = [];
    for (let d = 1; d <= 7; d++) {
      clock += day;
      for (let i = 0; i < 40; i++) {
        const uid = randomUUID();
        made.push(uid);
        createRecord(office.sqlite, 'customers', uid, { number: `C7${d}${String(i).padStart(5, '0')}`, name: `客户${d}-${i}`, customFields: '{}' }, now());
      }
      expect(await office.engine.syncOnce()).toBe(true);
      const offline = randomUUID();
      createRecord(away.sqlite, 'customers', offline, { number: `C8${d}00000`, name: `离线${d}`, customFields: '{}' }, now());
      made.push(offline);
    }
    editRecord(away.sqlite, 'customers', shared, { address: '黄埔大道 88 号' }, now());
    expect(outboxStats(away.sqlite).pending).toBe(8);

    expect(await away.engine.syncOnce()).toBe(true);
    expect(await office.engine.syncOnce()).toBe(true);
    expect(outboxStats(away.sqlite).pending).toBe(0);
    expect(await sessionsOf('super1')).toBe(sessionsBefore);
    const serverDump = await dumpServer(server.sql, server.dealershipId, ['customers']);
    for (const uid of made) expect(serverDump.customers[uid]).toBeDefined();
    expect(dumpDesk(away.sqlite).customers).toEqual(serverDump.customers);
    expect(dumpDesk(office.sqlite).customers).toEqual(serverDump.customers);
    expect(dumpDesk(office.sqlite).customers[shared][5]).toBe('黄埔大道 88 号');
  }, 120_000);

  it('asks for a sign-in after the refresh token expired, and keeps what was typed meanwhile', async () => {
    clock += 31 * day;
    const uid = randomUUID();
    createRecord(away.sqlite, 'customers', uid, { number: 'C89999999', name: '月后', customFields: '{}' }, now());
    expect(await away.engine.syncOnce()).toBe(false);
    expect(away.engine.status()).toMatchObject({ lastError: expect.stringMatching(/sign in/i) });
    expect(outboxStats(away.sqlite).pending).toBe(1);
    expect(dumpDesk(away.sqlite).customers[uid]).toBeDefined();
  }, 120_000);
});
