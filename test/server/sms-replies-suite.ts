// SMS replies on the real dealership server (issue 8), run on PGlite and on a real PostgreSQL
// cluster (sms-replies.test.ts): the provider's pushes stored once however often they come,
// refused without the dealership's secret or in the wrong shape, handed to exactly one desk,
// re-offered when a desk never acknowledges (injected clock), and left first to the desk that
// sent the SMS a reply answers.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultClaimTimeoutMs, defaultHandoffMs } from '../../src-server/sms-replies/routes-sms-replies';
import type { DatabaseConfig } from '../../src-server/store/open-store';
import { maxReplyBatch, maxReplyChars, type ClaimedReply } from '../../src-shared/domain/workflows/sms-reply-protocol';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';

export function smsReplySuite(database: () => DatabaseConfig) {
  let server: TestServer;
  let clock = new Date('2026-11-26T03:00:00.000Z');
  let secret = '';
  const desks: Record<string, { username: string; deskId: string; token?: string; at?: number }> = {
    admin: { username: 'admin1', deskId: 'desk-admin-0001' },
    deskA: { username: 'agent1', deskId: 'desk-front-000A' },
    deskB: { username: 'advisor1', deskId: 'desk-back-0000B' },
  };
  /** Signs in again when the access token would have expired on the injected clock. */
  const auth = async (who: string) => {
    const desk = desks[who];
    if (!desk.token || clock.getTime() - desk.at! > 10 * 60_000) {
      const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: desk.username, password: testPassword, deskId: desk.deskId } });
      desk.token = login.json().accessToken;
      desk.at = clock.getTime();
    }
    return { authorization: `Bearer ${desk.token}` };
  };

  beforeAll(async () => {
    server = await startTestServer({ database: database(), now: () => clock });
    const rotated = await server.app.inject({ method: 'POST', url: '/admin/sms-replies/secret', headers: await auth('admin') });
    expect(rotated.statusCode).toBe(200);
    secret = rotated.json().secret;
    expect(rotated.json().paths.aliyun).toBe(`/sms/replies/aliyun/${secret}`);
  }, 180_000);
  afterAll(async () => server?.close());

  const pushAliyun = (body: unknown, key = secret) => server.app.inject({ method: 'POST', url: `/sms/replies/aliyun/${key}`, payload: body as object });
  const pushRaw = (body: string, key = secret) => server.app.inject({ method: 'POST', url: `/sms/replies/aliyun/${key}`, payload: body, headers: { 'content-type': 'application/json' } });
  const claim = async (who: string, limit = 100): Promise<ClaimedReply[]> => {
    const response = await server.app.inject({ method: 'POST', url: '/sms/replies/claim', headers: await auth(who), payload: { limit } });
    expect(response.statusCode).toBe(200);
    return response.json().replies;
  };
  const ack = async (who: string, ids: number[]): Promise<number[]> => (await server.app.inject({ method: 'POST', url: '/sms/replies/ack', headers: await auth(who), payload: { ids } })).json().acked;
  const release = async (who: string, ids: number[], decline: boolean): Promise<number[]> =>
    (await server.app.inject({ method: 'POST', url: '/sms/replies/release', headers: await auth(who), payload: { ids, decline } })).json().released;
  const stored = async () => (await server.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM sms_replies'))[0].n;
  const smsUp = (sequence: number | string, content = '1', phone = '13800138001') => ({ phone_number: phone, send_time: '2026-11-26 11:00:00', content, sign_name: '华南汽车', dest_code: '1234', sequence_id: sequence });
  /** Every earlier reply out of the way, so a test sees only its own. */
  const drain = () => server.sql.query('UPDATE sms_replies SET acked_at = now() WHERE acked_at IS NULL');

  it('stores an Alibaba Cloud batch once even when the provider pushes it twice, and answers as documented', async () => {
    const batch = [smsUp(1_000_001, '1'), smsUp('1000002', '很好', '+86 139-0013-9002')];
    const first = await pushAliyun(batch);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ code: 0, msg: '接收成功' });
    const again = await pushAliyun([...batch, smsUp(1_000_003, 'Y')]);
    expect(again.statusCode).toBe(200);
    const rows = await server.sql.query<{ provider_id: string; from_number: string; text: string; received_at: string; meta: Record<string, unknown> }>(
      `SELECT provider_id, from_number, text, received_at, meta FROM sms_replies WHERE provider = 'aliyun' ORDER BY provider_id`,
    );
    expect(rows.map((r) => [r.provider_id, r.from_number, r.text])).toEqual([['1000001', '13800138001', '1'], ['1000002', '+86 139-0013-9002', '很好'], ['1000003', '13800138001', 'Y']]);
    // send_time is Beijing time without an offset.
    expect(rows[0].received_at).toBe('2026-11-26T03:00:00.000Z');
    expect(rows[0].meta).toMatchObject({ signName: '华南汽车', destCode: '1234' });
  });

  it('refuses a wrong or rotated-away secret with 404 before reading the body, and stores nothing', async () => {
    const before = await stored();
    expect((await pushAliyun([smsUp(2_000_001)], 'x'.repeat(43))).statusCode).toBe(404);
    expect((await pushRaw(JSON.stringify([smsUp(2_000_002, '好'.repeat(maxReplyChars))]).repeat(400), 'y'.repeat(43))).statusCode).toBe(404);
    const old = secret;
    const rotated = await server.app.inject({ method: 'POST', url: '/admin/sms-replies/secret', headers: await auth('admin') });
    secret = rotated.json().secret;
    expect(secret).not.toBe(old);
    expect((await pushAliyun([smsUp(2_000_003)], old)).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'POST', url: `/sms/replies/generic/${old}`, payload: { from: '13800138001', text: '1', receivedAt: clock.toISOString() } })).statusCode).toBe(404);
    expect(await stored()).toBe(before);
    // Only admins make or see the secret; the queue needs a signed-in desk.
    expect((await server.app.inject({ method: 'POST', url: '/admin/sms-replies/secret', headers: await auth('deskA') })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'POST', url: '/sms/replies/claim', payload: { limit: 5 } })).statusCode).toBe(401);
    const [hash] = await server.sql.query<{ secret_hash: string }>('SELECT secret_hash FROM sms_reply_endpoints');
    expect(hash.secret_hash).not.toContain(secret);
  });

  it('refuses malformed batches with 400 and oversized ones with 413, storing nothing of them', async () => {
    const before = await stored();
    const refusals = await Promise.all([
      pushAliyun({ ...smsUp(3_000_001) }),
      pushAliyun([]),
      pushAliyun([{ ...smsUp(3_000_002), sequence_id: undefined }]),
      pushAliyun([{ ...smsUp(3_000_003), phone_number: 'DROP TABLE' }]),
      pushAliyun([smsUp(3_000_004), { ...smsUp(3_000_005), content: 'x'.repeat(maxReplyChars + 1) }]),
      pushAliyun(Array.from({ length: maxReplyBatch + 1 }, (_, i) => smsUp(3_100_000 + i))),
      pushRaw('[{"phone_number": "13800138001", '),
      server.app.inject({ method: 'POST', url: `/sms/replies/generic/${secret}`, payload: { from: '13800138001', text: '1', receivedAt: 'yesterday' } }),
    ]);
    expect(refusals.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 400, 400, 400, 400]);
    const oversized = await pushRaw(JSON.stringify(Array.from({ length: 400 }, (_, i) => smsUp(3_200_000 + i, '好'.repeat(maxReplyChars)))));
    expect(oversized.statusCode).toBe(413);
    expect(await stored()).toBe(before);
  });

  it('takes the generic form, one reply or an array, idempotent by id or by content', async () => {
    const generic = (body: unknown) => server.app.inject({ method: 'POST', url: `/sms/replies/generic/${secret}`, payload: body as object });
    const one = { from: '13800138001', text: 'Y', receivedAt: '2026-11-26T11:05:00+08:00' };
    expect((await generic(one)).json()).toEqual({ ok: true, stored: 1, duplicates: 0 });
    expect((await generic({ ...one, receivedAt: '2026-11-26T03:05:00Z' })).json()).toEqual({ ok: true, stored: 0, duplicates: 1 });
    expect((await generic([{ ...one, id: 'gw-77' }, { ...one, id: 'gw-77' }, { ...one, text: 'N' }])).json()).toEqual({ ok: true, stored: 2, duplicates: 1 });
  });

  it('hands each reply to exactly one of two desks claiming at the same time', async () => {
    await drain();
    await pushAliyun(Array.from({ length: 120 }, (_, i) => smsUp(4_000_000 + i, String((i % 5) + 1))));
    const got: Record<string, number[]> = { deskA: [], deskB: [] };
    for (let round = 0; round < 10; round++) {
      const [a, b] = await Promise.all([claim('deskA', 17), claim('deskB', 17)]);
      got.deskA.push(...a.map((r) => r.id));
      got.deskB.push(...b.map((r) => r.id));
      if (a.length === 0 && b.length === 0) break;
    }
    expect(got.deskA.length).toBeGreaterThan(0);
    expect(got.deskB.length).toBeGreaterThan(0);
    expect(got.deskA.filter((id) => got.deskB.includes(id))).toEqual([]);
    expect(new Set([...got.deskA, ...got.deskB]).size).toBe(120);
    // A desk acknowledges only what it holds.
    expect(await ack('deskB', got.deskA.slice(0, 5))).toEqual([]);
    expect(await ack('deskA', got.deskA)).toEqual([...got.deskA].sort((x, y) => x - y));
    expect(await ack('deskB', got.deskB)).toHaveLength(got.deskB.length);
    const status = await server.app.inject({ method: 'GET', url: '/admin/sms-replies', headers: await auth('admin') });
    expect(status.json()).toMatchObject({ configured: true, pending: 0, claimed: 0 });
  });

  it('offers a claim again once it was not acknowledged within the timeout, and never an acknowledged one', async () => {
    await drain();
    await pushAliyun([smsUp(5_000_001, '2'), smsUp(5_000_002, '3')]);
    const first = await claim('deskA');
    expect(first.map((r) => r.text)).toEqual(['2', '3']);
    expect(first[0].key).toBe('aliyun:5000001');
    expect(await claim('deskB')).toEqual([]);
    clock = new Date(clock.getTime() + defaultClaimTimeoutMs - 1000);
    expect(await claim('deskB')).toEqual([]);
    clock = new Date(clock.getTime() + 2000);
    const again = await claim('deskB');
    expect(again.map((r) => [r.id, r.key])).toEqual(first.map((r) => [r.id, r.key]));
    // Desk A comes back late: its claim is gone, desk B's acknowledgement counts.
    expect(await ack('deskA', first.map((r) => r.id))).toEqual([]);
    expect(await ack('deskB', again.map((r) => r.id))).toHaveLength(2);
    clock = new Date(clock.getTime() + 2 * defaultClaimTimeoutMs);
    expect(await claim('deskA')).toEqual([]);
    expect(await claim('deskB')).toEqual([]);
  });

  it('leaves a declined reply to the other desks during the hand-off window, then to anyone', async () => {
    await drain();
    await pushAliyun([smsUp(6_000_001, '1', '13700137000')]);
    const [offered] = await claim('deskA');
    expect(offered.mayDecline).toBe(true);
    expect(await release('deskA', [offered.id], true)).toEqual([offered.id]);
    expect(await claim('deskA')).toEqual([]);
    const [toB] = await claim('deskB');
    expect(toB.id).toBe(offered.id);
    await release('deskB', [toB.id], true);
    expect([...(await claim('deskA')), ...(await claim('deskB'))]).toEqual([]);
    clock = new Date(clock.getTime() + defaultHandoffMs + 1000);
    const [late] = await claim('deskA');
    expect(late).toMatchObject({ id: offered.id, mayDecline: false });
    expect(await ack('deskA', [late.id])).toEqual([late.id]);
  });
}
