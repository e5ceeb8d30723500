// SMS replies end to end (issue 8): a desk sends the repair-rating SMS through the Alibaba Cloud
// adapter, the provider pushes the customer's "1" to the dealership server (PGlite), the desk's
// poller claims it through its real sync session, the reply lands on the customer's timeline
// matched to the rating SMS, a complaint opens, and the acknowledgement empties the queue. A
// lost acknowledgement replays the reply without recording it twice; a desk that did not send
// the SMS leaves the reply to the one that did.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pollSmsReplies, runSmsReplyPolling, setSmsReplySession, type SmsReplySession } from '../../src-main/workflows/messaging/sms-reply-poller';
import { receiveMessage } from '../../src-main/workflows/messaging/message-service';
import { SyncEngine } from '../../src-main/sync/sync-engine';
import { syncState } from '../../src-main/sync/sync-state';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { seedCustomers, sh, workflowDesk, type TestDesk } from './support';

/** A stand-in for Alibaba Cloud's SendSms (the signature itself is checked in messaging.test.ts). */
async function sendSmsServer() {
  const phones: string[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const signed = /^ACS3-HMAC-SHA256 Credential=LTAI-test-id,/.test(req.headers.authorization ?? '');
      if (signed) phones.push(new URL(req.url!, 'http://x').searchParams.get('PhoneNumbers') ?? '');
      res.writeHead(signed ? 200 : 400, { 'content-type': 'application/json' }).end(JSON.stringify(signed ? { Code: 'OK', BizId: `biz-${phones.length}` } : { Code: 'IncompleteSignature' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { phones, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('SMS replies from the provider to the desk that asked', () => {
  let server: TestServer;
  let sms: Awaited<ReturnType<typeof sendSmsServer>>;
  let serverClock = new Date('2026-11-26T03:00:00.000Z');
  let secret = '';
  const cleanups: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    server = await startTestServer({ now: () => serverClock });
    sms = await sendSmsServer();
    const admin = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'admin1', password: testPassword, deskId: 'desk-admin-0001' } });
    secret = (await server.app.inject({ method: 'POST', url: '/admin/sms-replies/secret', headers: { authorization: `Bearer ${admin.json().accessToken}` } })).json().secret;
  }, 180_000);
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  afterAll(async () => {
    await sms?.close();
    await server?.close();
  });

  async function deskWithSms() {
    const desk = workflowDesk(sh('2026-11-26T10:00'));
    const customers = seedCustomers(desk);
    desk.as('管理员', 'admin');
    await desk.call('workflows.settings.set', { dealership: { name: '华南汽车4S店', hotline: '020-88888888', timeZone: 'Asia/Shanghai' }, sms: { provider: 'aliyun', endpoint: sms.url, accessKeyId: 'LTAI-test-id', signName: '华南汽车', regionId: 'cn-hangzhou', accessKeySecret: 'test-secret' } });
    const t = (await desk.call('messages.templates.list', {})).templates.find((x) => x.id === 'repair_rating')!;
    await desk.call('messages.templates.save', { ...t, providerTemplateCode: 'SMS_REPAIR_RATING' });
    desk.as('坐席小王', 'agent');
    return { desk, ...customers };
  }

  async function signIn(desk: TestDesk, username: string): Promise<SyncEngine> {
    syncState.setServer(desk.sqlite, { url: server.url, username });
    const engine = new SyncEngine({ sqlite: desk.sqlite, server: { url: server.url }, credentials: { username, password: testPassword }, websocket: false });
    engine.start();
    cleanups.push(() => engine.stop());
    await engine.syncOnce();
    return engine;
  }

  const push = (batch: object[]) => server.app.inject({ method: 'POST', url: `/sms/replies/aliyun/${secret}`, payload: batch });
  const queued = async () => (await server.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM sms_replies WHERE acked_at IS NULL'))[0].n;
  const inbound = (desk: TestDesk) => desk.sqlite.prepare(`SELECT id, body, reply_to AS replyTo, customer_id AS customerId FROM messages WHERE direction = 'in' ORDER BY id`).all() as { id: number; body: string; replyTo: number | null; customerId: number | null }[];

  it('records a pushed "1" on the customer timeline against the rating SMS, opens a complaint, and acknowledges it', async () => {
    const { desk, zhang, zhangCar } = await deskWithSms();
    const rating = await desk.call('messages.send', { customerId: zhang, vehicleId: zhangCar, templateId: 'repair_rating', values: { date: '2026-11-23' } });
    expect(rating.status).toBe('sent');
    expect(sms.phones).toContain('13800138001');
    const engine = await signIn(desk, 'agent1');

    const pushed = await push([{ phone_number: '13800138001', send_time: '2026-11-26 11:00:00', content: '1', sign_name: '华南汽车', dest_code: '1234', sequence_id: 7_000_001 }]);
    expect(pushed.json()).toEqual({ code: 0, msg: '接收成功' });
    expect(await queued()).toBe(1);

    // The poller starts polling as soon as the sync session registers.
    const stop = runSmsReplyPolling(desk.ctx, 60_000);
    cleanups.push(stop);
    setSmsReplySession(desk.ctx, engine);
    for (let i = 0; i < 100 && (await queued()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await queued()).toBe(0);

    expect(inbound(desk)).toEqual([{ id: expect.any(Number), body: '1', replyTo: rating.id, customerId: zhang }]);
    const timeline = await desk.call('workflows.timeline', { customerId: zhang });
    const reply = timeline.entries.find((e) => e.kind === 'message' && e.title.startsWith('←'));
    expect(reply).toMatchObject({ detail: '1', at: '2026-11-26T03:00:00.000Z' });
    const complaints = (await desk.call('workItems.list', { scope: 'all', kinds: ['complaint'] })).items;
    expect(complaints.map((c) => [c.customerId, c.title])).toEqual([[zhang, '短信评价较差(1分)']]);
    expect(await pollSmsReplies(desk.ctx, engine)).toMatchObject({ connected: true, recorded: 0 });
    setSmsReplySession(desk.ctx, null);
  }, 60_000);

  it('replays a reply whose acknowledgement was lost without recording it twice, and leaves a reply to the desk that sent the SMS', async () => {
    const sender = await deskWithSms();
    await sender.desk.call('messages.send', { customerId: sender.wang, vehicleId: sender.wangCar, templateId: 'repair_rating', values: { date: '2026-11-23' } });
    const senderEngine = await signIn(sender.desk, 'agent1');
    const other = await deskWithSms();
    const otherEngine = await signIn(other.desk, 'super1');

    await push([{ phone_number: '13900139002', send_time: '2026-11-26 11:30:00', content: '较差', dest_code: '1234', sequence_id: '7000002' }]);
    // The desk that sent nothing to this number declines it; the sender takes it.
    expect(await pollSmsReplies(other.desk.ctx, otherEngine)).toMatchObject({ recorded: 0, declined: 1 });
    // (Messages sync: replies other desks recorded, like the first test's, are on this desk's timelines too.)
    expect(inbound(other.desk).filter((m) => m.body === '较差')).toEqual([]);

    let acksLost = true;
    const lossy: SmsReplySession = {
      request: (method, path, body) => (acksLost && path.endsWith('/ack') ? Promise.resolve(null) : senderEngine.request(method, path, body)),
    };
    expect(await pollSmsReplies(sender.desk.ctx, lossy)).toMatchObject({ recorded: 1, acked: 0 });
    expect(await queued()).toBe(1);
    // Nobody gets it while the sender's claim stands; after the claim timeout the sender gets it again.
    expect(await pollSmsReplies(other.desk.ctx, otherEngine)).toMatchObject({ recorded: 0, declined: 0 });
    serverClock = new Date(serverClock.getTime() + 6 * 60_000);
    acksLost = false;
    expect(await pollSmsReplies(sender.desk.ctx, senderEngine)).toMatchObject({ recorded: 1, acked: 1 });
    expect(await queued()).toBe(0);
    // Recorded once (replies other desks recorded may have synced here meanwhile: count this one).
    const replies = inbound(sender.desk).filter((m) => m.body === '较差');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ body: '较差', customerId: sender.wang });
    const complaints = (await sender.desk.call('workItems.list', { scope: 'all', kinds: ['complaint'] })).items;
    // (Complaints sync: the first test's complaint is here too, under another desk's customer.)
    expect(complaints.filter((c) => c.customerId === sender.wang).map((c) => c.title)).toEqual(['短信评价较差(2分)']);

    // receiveMessage itself: the same uid again changes nothing and says so.
    const again = receiveMessage(sender.desk.ctx, '13900139002', '较差', sh('2026-11-26T11:30'), { uid: 'sms-reply:aliyun:7000002' });
    expect(again).toMatchObject({ replayed: true, kind: 'rating', customerId: sender.wang });
    expect(inbound(sender.desk).filter((m) => m.body === '较差')).toHaveLength(1);
  }, 60_000);
});
