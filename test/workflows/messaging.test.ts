// Messages end to end: the Alibaba Cloud SMS adapter against a local HTTP server that checks
// the ACS3-HMAC-SHA256 signature independently and records what it got; email through a real
// SMTP server (smtp-server); the outbox holding messages while offline and in quiet hours;
// opt-outs; SMS replies matched to the customer; everything on the customer's timeline.
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { seedCustomers, sh, workflowDesk, type TestDesk } from './support';

const secret = 'testSecret-不告诉你';

/** The verifier a provider would run, written from the V3 signature document, not from our adapter. */
function verify(req: IncomingMessage, body: string): string | null {
  const auth = req.headers.authorization ?? '';
  const m = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return 'bad authorization header';
  if (m[1] !== 'LTAI-test-id') return 'unknown access key';
  const signedHeaders = m[2].split(';');
  for (const required of ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version']) if (!signedHeaders.includes(required)) return `unsigned ${required}`;
  if (req.headers['x-acs-content-sha256'] !== createHash('sha256').update(body).digest('hex')) return 'body hash mismatch';
  const url = new URL(req.url!, 'http://x');
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const pairs = [...url.searchParams.entries()].map(([k, v]) => [enc(k), enc(v)]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const canonical = [
    req.method, url.pathname, pairs.map(([k, v]) => `${k}=${v}`).join('&'),
    signedHeaders.map((h) => `${h}:${String(req.headers[h]).trim()}\n`).join(''), signedHeaders.join(';'), req.headers['x-acs-content-sha256'],
  ].join('\n');
  const expected = createHmac('sha256', secret).update(`ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`).digest('hex');
  return expected === m[3] ? null : 'signature mismatch';
}

interface Recorded {
  action: string;
  query: Record<string, string>;
  problem: string | null;
}

async function smsServer(respond: (q: Record<string, string>) => { status: number; json: unknown } = () => ({ status: 200, json: { Code: 'OK', Message: 'OK', BizId: 'biz-1', RequestId: 'req-1' } })) {
  const got: Recorded[] = [];
  const nonces = new Set<string>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      let problem = verify(req, body);
      const nonce = String(req.headers['x-acs-signature-nonce']);
      if (nonces.has(nonce)) problem = 'replayed nonce';
      nonces.add(nonce);
      const query = Object.fromEntries(new URL(req.url!, 'http://x').searchParams);
      got.push({ action: String(req.headers['x-acs-action']), query, problem });
      const { status, json } = problem ? { status: 400, json: { Code: 'IncompleteSignature', Message: problem } } : respond(query);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { got, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function configureSms(desk: TestDesk, endpoint: string) {
  desk.as('管理员', 'admin');
  await desk.call('workflows.settings.set', { dealership: { name: '华南汽车4S店', hotline: '020-88888888', timeZone: 'Asia/Shanghai' }, sms: { provider: 'aliyun', endpoint, accessKeyId: 'LTAI-test-id', signName: '华南汽车', regionId: 'cn-hangzhou', accessKeySecret: secret } });
  for (const id of ['insurance_expiry', 'repair_rating', 'event_rsvp', 'promotion']) {
    const t = (await desk.call('messages.templates.list', {})).templates.find((x) => x.id === id)!;
    await desk.call('messages.templates.save', { ...t, providerTemplateCode: `SMS_${id.toUpperCase()}` });
  }
  desk.as('坐席小王', 'agent');
}

describe('SMS through Alibaba Cloud', () => {
  it('sends a signed SendSms the provider accepts, never returns the secret, and records the message on the timeline', async () => {
    const sms = await smsServer();
    cleanups.push(sms.close);
    const desk = workflowDesk(sh('2026-11-26T10:00'));
    const { zhang, zhangCar } = seedCustomers(desk);
    await configureSms(desk, sms.url);
    const settings = await desk.call('workflows.settings.get', {});
    expect(settings.sms).toMatchObject({ hasSecret: true });
    expect(JSON.stringify(settings)).not.toContain(secret);

    const m = await desk.call('messages.send', { customerId: zhang, vehicleId: zhangCar, templateId: 'insurance_expiry' });
    expect(m).toMatchObject({ status: 'sent', channel: 'sms', address: '13800138001' });
    expect(m.body).toBe('尊敬的张伟先生:您爱车粤B12345的保险将于2026-12-20到期,请您届时带齐行驶证、保险卡等资料到华南汽车4S店做好续保手续。');
    expect(sms.got).toHaveLength(1);
    expect(sms.got[0]).toMatchObject({ action: 'SendSms', problem: null, query: { PhoneNumbers: '13800138001', SignName: '华南汽车', TemplateCode: 'SMS_INSURANCE_EXPIRY' } });
    expect(JSON.parse(sms.got[0].query.TemplateParam)).toEqual({ name: '张伟先生', plate: '粤B12345', date: '2026-12-20', dealership: '华南汽车4S店' });
    const timeline = await desk.call('workflows.timeline', { customerId: zhang });
    expect(timeline.entries.some((e) => e.kind === 'message' && e.detail === m.body)).toBe(true);
  });

  it('keeps messages in the outbox while offline and in quiet hours, then sends them; provider rejections fail them', async () => {
    const desk = workflowDesk(sh('2026-11-26T12:20'));
    const { zhang, zhangCar } = seedCustomers(desk);
    const offline = 'http://127.0.0.1:9'; // nothing listens on the discard port
    await configureSms(desk, offline);
    const held = await desk.call('messages.send', { customerId: zhang, vehicleId: zhangCar, templateId: 'insurance_expiry' });
    expect(held).toMatchObject({ status: 'queued', reason: 'quiet_hours', notBefore: sh('2026-11-26T13:00').toISOString() });

    desk.setNow(sh('2026-11-26T13:05'));
    desk.as('陈经理', 'supervisor');
    expect(await desk.call('workflows.tick', {})).toMatchObject({ sent: 0, held: 1 });
    expect((await desk.call('messages.list', { customerId: zhang })).messages[0]).toMatchObject({ status: 'queued', reason: 'unavailable', attempts: 1 });

    const sms = await smsServer((q) => (q.PhoneNumbers === '13800138001' ? { status: 200, json: { Code: 'OK', BizId: 'b2' } } : { status: 200, json: { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '号码格式错误' } }));
    cleanups.push(sms.close);
    await desk.call('workflows.settings.set', { sms: { provider: 'aliyun', endpoint: sms.url, accessKeyId: 'LTAI-test-id', signName: '华南汽车', regionId: 'cn-hangzhou' } });
    expect(await desk.call('workflows.tick', {})).toMatchObject({ sent: 0, held: 0 }); // back-off not over yet
    desk.setNow(sh('2026-11-26T13:30'));
    expect(await desk.call('workflows.tick', {})).toMatchObject({ sent: 1 });
    expect(sms.got.map((g) => g.problem)).toEqual([null]);

    desk.sqlite.prepare(`UPDATE phones SET normalized = '13900000000' WHERE customer_id = ?`).run(zhang);
    const bad = await desk.call('messages.send', { customerId: zhang, vehicleId: zhangCar, templateId: 'insurance_expiry' });
    expect(bad).toMatchObject({ status: 'failed', reason: 'rejected' });
  });

  it('matches replies: a rating to the repair message, Y to the invitation, 退订 stops marketing; a poor rating opens a complaint', async () => {
    const sms = await smsServer();
    cleanups.push(sms.close);
    const desk = workflowDesk(sh('2026-11-26T10:00'));
    const { zhang, zhangCar } = seedCustomers(desk);
    await configureSms(desk, sms.url);
    const rating = await desk.call('messages.send', { customerId: zhang, vehicleId: zhangCar, templateId: 'repair_rating', values: { date: '2026-11-23' } });
    const invite = await desk.call('messages.send', { customerId: zhang, templateId: 'event_rsvp', values: { date: '12月6日', event: '冬季免费检测' } });
    expect([rating.status, invite.status]).toEqual(['sent', 'sent']);

    desk.setNow(sh('2026-11-26T11:00'));
    expect(await desk.call('messages.receive', { from: '+86 138-0013-8001', text: 'Y' })).toMatchObject({ customerId: zhang, answered: invite.id, kind: 'rsvp' });
    const poor = await desk.call('messages.receive', { from: '13800138001', text: '较差' });
    expect(poor).toMatchObject({ customerId: zhang, answered: rating.id, kind: 'rating' });
    const complaints = (await desk.call('workItems.list', { scope: 'all', kinds: ['complaint'] })).items;
    expect(complaints.map((c) => [c.customerId, c.title])).toEqual([[zhang, '短信评价较差(2分)']]);

    expect((await desk.call('messages.receive', { from: '13800138001', text: '退订' })).kind).toBe('opt_out');
    const promo = await desk.call('messages.send', { customerId: zhang, templateId: 'promotion', values: { date: '12月6日', event: '免费检测' } });
    expect(promo).toMatchObject({ status: 'suppressed', reason: 'opted_out' });
    // service messages still go out after a marketing opt-out
    expect((await desk.call('messages.send', { customerId: zhang, vehicleId: zhangCar, templateId: 'insurance_expiry' })).status).toBe('sent');
    expect(sms.got).toHaveLength(3);
    const kinds = (await desk.call('workflows.timeline', { customerId: zhang })).entries.filter((e) => e.kind === 'message').map((e) => e.title);
    expect(kinds.filter((t) => t.startsWith('←'))).toHaveLength(3);
  });
});

describe('email through SMTP', () => {
  it('delivers a rendered template to a real SMTP server', async () => {
    const received: { from: string; to: string[]; data: string }[] = [];
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onAuth(auth, _session, cb) {
        cb(auth.username === 'desk' && auth.password === 'mail-pw' ? null : new Error('bad login'), { user: 'desk' });
      },
      onData(stream, session, cb) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? (session.envelope.mailFrom as { address: string }).address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    const port = (server.server.address() as AddressInfo).port;

    const desk = workflowDesk(sh('2026-11-26T10:00'));
    const { zhang } = seedCustomers(desk);
    desk.as('管理员', 'admin');
    await desk.call('workflows.settings.set', { email: { host: '127.0.0.1', port, secure: false, user: 'desk', from: 'service@dealer.example', password: 'mail-pw' } });
    await desk.call('messages.templates.save', { id: 'birthday_email', title: '生日祝福', channel: 'email', purpose: 'service', subject: '{{dealership}}祝您生日快乐', body: '尊敬的{{name}}:祝您生日快乐!' });
    const m = await desk.call('messages.send', { customerId: zhang, templateId: 'birthday_email' });
    expect(m).toMatchObject({ status: 'sent', channel: 'email', address: 'zhang.wei@example.com', subject: '4S店祝您生日快乐' });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'service@dealer.example', to: ['zhang.wei@example.com'] });
    const [head, body] = received[0].data.split('\r\n\r\n');
    const subject = /Subject: =\?UTF-8\?B\?([^?]+)\?=/.exec(head)![1];
    expect(Buffer.from(subject, 'base64').toString('utf8')).toBe('4S店祝您生日快乐');
    expect(head).toContain('Content-Transfer-Encoding: base64');
    expect(Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')).toBe('尊敬的张伟先生:祝您生日快乐!');
  });
});
