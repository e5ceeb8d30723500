// Sending an article by email against a real SMTP server (smtp-server): what arrives (HTML and
// text parts, the note, inline image and PDF attachment), the customer's timeline, and the
// offline case — SMTP down → queued → SMTP up → delivered exactly once, with the content the
// agent sent even if the article changed meanwhile.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KbArticleFields } from '../../src-shared/contract/knowledge';
import { fileNameOf, leafParts, parseMime, startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink';
import { insertCustomers } from '../customers/customer-writer';
import { flushOutbox } from '../workflows/messaging/message-service';
import { saveWorkflowSettings } from '../workflows/settings';
import { customerTimeline } from '../workflows/statistics';
import { addAttachment, removeAttachment } from './attachment-store';
import { createArticle, editArticle } from './article-service';
import { queueArticleEmail, sendArticleByEmail } from './email-service';
import { testContext } from './test-support';

// A 1×1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

const fields: KbArticleFields = {
  title: '首保须知：5000公里免费保养',
  body: '## 什么时候做首保\n\n新车行驶 **5000公里** 或 6 个月内，以先到者为准。\n\n![保养手册示意](attachment:manual.png)\n\n- 带上行驶证\n- 带上保养手册',
  category: 'maintenance',
  tags: ['首保'],
  models: [],
  mileage: { min: 0, max: 5000 },
  ageMonths: { min: null, max: null },
  status: 'published',
  author: '客服中心',
};

const sinks: SmtpSink[] = [];
afterEach(async () => {
  while (sinks.length) await sinks.pop()!.stop();
});

async function setup(start = '2026-03-02T02:00:00Z') {
  const ctx = testContext('admin');
  let now = new Date(start);
  ctx.now = () => now;
  const sink = await startSmtpSink({ user: 'desk', password: 'mail-pw' });
  sinks.push(sink);
  saveWorkflowSettings(ctx, {
    dealership: { name: '华南汽车4S店', hotline: '020-88888888', timeZone: 'Asia/Shanghai' },
    email: { host: '127.0.0.1', port: sink.port, secure: false, user: 'desk', from: 'service@dealer.example', password: 'mail-pw' },
  });
  const [customerId] = insertCustomers(ctx.sqlite, [{ name: '张伟', gender: 'M', email: 'zhang.wei@example.com', phones: [{ raw: '13800138001' }], vehicles: [{ plate: '粤B12345', model: 'CR-V' }] }], now);
  const article = createArticle(ctx, fields);
  addAttachment(ctx, article.id, 'manual.png', png);
  addAttachment(ctx, article.id, '首保项目清单.pdf', pdf);
  ctx.session.role = 'agent';
  ctx.session.userName = '坐席小王';
  return { ctx, sink, customerId, articleId: article.id, setNow: (d: string) => (now = new Date(d)) };
}

function readMail(raw: string) {
  const root = parseMime(raw);
  const leaves = leafParts(root);
  const text = leaves.find((p) => p.contentType === 'text/plain' && !fileNameOf(p))!;
  const html = leaves.find((p) => p.contentType === 'text/html')!;
  const files = leaves.filter((p) => fileNameOf(p) !== null).map((p) => ({ name: fileNameOf(p)!, type: p.contentType, cid: p.headers['content-id'] ?? null, bytes: p.body }));
  return { root, text: text.body.toString('utf8'), html: html.body.toString('utf8'), files };
}

describe('sending an article by email', () => {
  it('delivers the HTML and text parts with the note and the attachments, and logs it on the timeline', async () => {
    const { ctx, sink, customerId, articleId } = await setup();
    const m = await sendArticleByEmail(ctx, { articleId, to: 'Zhang.Wei@example.com ', customerId, note: '张先生您好，这是您电话里问的首保说明。' });
    expect(m).toMatchObject({ status: 'sent', channel: 'email', address: 'zhang.wei@example.com', subject: fields.title, customerId });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]).toMatchObject({ from: 'service@dealer.example', to: ['zhang.wei@example.com'] });

    const mail = readMail(sink.received[0].raw);
    expect(mail.root.headers.subject).toBe(fields.title);
    expect(mail.text).toContain('张先生您好，这是您电话里问的首保说明。');
    expect(mail.text).toContain('新车行驶 5000公里 或 6 个月内');
    expect(mail.text).toContain('- 带上行驶证');
    expect(mail.text).not.toContain('**');
    expect(mail.text).toContain('020-88888888');
    expect(mail.html).toContain('<p class="kb-note">张先生您好');
    expect(mail.html).toContain('<strong>5000公里</strong>');
    expect(mail.html).not.toMatch(/<script/i);

    const image = mail.files.find((f) => f.name === 'manual.png')!;
    expect(image.type).toBe('image/png');
    expect(image.bytes.equals(png)).toBe(true);
    const cid = /src="cid:([^"]+)"/.exec(mail.html)![1];
    expect(image.cid).toBe(`<${cid}>`);
    const attached = mail.files.find((f) => f.name === '首保项目清单.pdf')!;
    expect(attached.type).toBe('application/pdf');
    expect(attached.bytes.equals(pdf)).toBe(true);

    const timeline = customerTimeline(ctx, customerId, 20);
    expect(timeline.some((e) => e.kind === 'message' && e.id === m.id && e.title.includes('email sent'))).toBe(true);
    expect(existsSync(join(ctx.dataDir, 'outbox-parts'))).toBe(true);
    expect(existsSync(join(ctx.dataDir, 'outbox-parts', `${ctx.sqlite.prepare('SELECT uid FROM messages WHERE id = ?').pluck().get(m.id) as string}.json`))).toBe(false);
  });

  it('sends at night too: the customer asked for it', async () => {
    const { ctx, sink, customerId, articleId } = await setup('2026-03-02T14:30:00Z'); // 22:30 in Shanghai
    expect((await sendArticleByEmail(ctx, { articleId, to: 'zhang.wei@example.com', customerId, note: '' })).status).toBe('sent');
    expect(sink.received).toHaveLength(1);
  });

  it('keeps the mail in the outbox while SMTP is down and delivers it once, as it was sent, when SMTP is back', async () => {
    const { ctx, sink, customerId, articleId, setNow } = await setup();
    await sink.stop();
    const queued = await sendArticleByEmail(ctx, { articleId, to: 'zhang.wei@example.com', customerId, note: '稍后请查收。' });
    expect(queued).toMatchObject({ status: 'queued', reason: 'unavailable', attempts: 1 });
    expect(queued.notBefore).not.toBeNull();

    // The article changes and loses its PDF before the network is back: the queued mail does not.
    ctx.session.role = 'admin';
    editArticle(ctx, articleId, { ...fields, body: '内容已更新' }, {});
    const pdfId = ctx.sqlite.prepare(`SELECT id FROM kb_attachments WHERE name = '首保项目清单.pdf'`).pluck().get() as number;
    removeAttachment(ctx, pdfId);
    ctx.session.role = 'agent';

    await sink.start();
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 0 }); // back-off not over yet
    setNow('2026-03-02T02:06:00Z');
    // Two flushes at once (the send handler and the scheduler tick) deliver it once.
    const [a, b] = await Promise.all([flushOutbox(ctx), flushOutbox(ctx)]);
    expect(a.sent + b.sent).toBe(1);
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 0 });
    expect(sink.received).toHaveLength(1);
    const mail = readMail(sink.received[0].raw);
    expect(mail.text).toContain('稍后请查收。');
    expect(mail.text).toContain('新车行驶 5000公里');
    expect(mail.text).not.toContain('内容已更新');
    expect(mail.files.map((f) => f.name).sort()).toEqual(['manual.png', '首保项目清单.pdf'].sort());
    expect(ctx.sqlite.prepare('SELECT status, attempts FROM messages WHERE id = ?').get(queued.id)).toEqual({ status: 'sent', attempts: 2 });
  });

  it('queues a mail left "sending" by a crash again once its lease has run out', async () => {
    const { ctx, sink, customerId, articleId, setNow } = await setup();
    const queued = queueArticleEmail(ctx, { articleId, to: 'zhang.wei@example.com', customerId, note: '' });
    ctx.sqlite.prepare(`UPDATE messages SET status = 'sending', attempts = 1, not_before = ? WHERE id = ?`).run('2026-03-02T02:10:00Z', queued.id);
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 0 });
    setNow('2026-03-02T02:11:00Z');
    expect(await flushOutbox(ctx)).toMatchObject({ sent: 1 });
    expect(sink.received).toHaveLength(1);
  });

  it('refuses drafts and unknown customers', async () => {
    const { ctx, customerId, articleId } = await setup();
    ctx.session.role = 'admin';
    const draft = createArticle(ctx, { ...fields, title: '草稿', status: 'draft' });
    await expect(sendArticleByEmail(ctx, { articleId: draft.id, to: 'a@b.cn', customerId, note: '' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(sendArticleByEmail(ctx, { articleId, to: 'a@b.cn', customerId: 999_999, note: '' })).rejects.toMatchObject({ code: 'not-found' });
    expect(ctx.sqlite.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
  });
});
