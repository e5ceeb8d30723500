// Sending a knowledge-base article to a customer by email (issue 7 "Sending"), built on the
// workflows' messages outbox: one outbox, one SMTP transport (settings + secret store of
// src-main/workflows/settings.ts), one customer timeline. The article is rendered now (HTML and
// text parts with the agent's note, attachments inline or attached) and its rich parts are
// snapshotted beside the row, so the mail that leaves later is the one the agent sent. The row
// is a 'reply' (the customer asked for it on the phone): quiet hours do not hold it back.
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../src-shared/contract/errors';
import type { MessageView } from '../../src-shared/contract/messages';
import type { DeskContext } from '../host/context';
import { saveEmailParts } from '../workflows/messaging/email-parts';
import { flushOutbox } from '../workflows/messaging/message-service';
import { insertMessage, messageRow, messageView } from '../workflows/messaging/message-repository';
import type { Transports } from '../workflows/messaging/transports';
import { linkWorkItem } from '../workflows/work-item-repository';
import { loadWorkflowSettings } from '../workflows/settings';
import { getArticle } from './article-service';
import { articleMessage } from './message';

export interface SendArticleInput {
  articleId: number;
  to: string;
  customerId: number | null;
  note: string;
  workItemId?: number;
}

type Ctx = Pick<DeskContext, 'sqlite' | 'dataDir' | 'session' | 'now' | 'emit' | 'log'>;

/** Puts the article into the outbox; never sends (see sendArticleByEmail). */
export function queueArticleEmail(ctx: Ctx, input: SendArticleInput): MessageView {
  const to = input.to.trim().toLowerCase();
  if (input.customerId !== null && !ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId)) {
    throw new DeskError('not-found', `customer ${input.customerId} not found`);
  }
  const article = getArticle(ctx, input.articleId);
  const settings = loadWorkflowSettings(ctx.sqlite).dealership;
  const signature = [settings.name, settings.hotline ? `服务热线：${settings.hotline}` : ''].filter(Boolean).join('\n');
  const message = articleMessage(ctx, input.articleId, { note: input.note, signature });
  const uid = randomUUID();
  saveEmailParts(ctx.dataDir, uid, {
    html: message.html,
    attachments: message.attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, content: a.content, cid: a.cid })),
  });
  const at = ctx.now().toISOString();
  const id = ctx.sqlite.transaction(() => {
    const id = insertMessage(ctx.sqlite, {
      uid, customerId: input.customerId, channel: 'email', direction: 'out', address: to, templateId: null, purpose: 'reply', subject: message.subject, body: message.text,
      params: { kbArticleId: String(article.id), kbVersion: String(article.version), attachments: String(message.attachments.length) }, status: 'queued', reason: null,
      notBefore: null, expectsReply: null, replyTo: null, parsed: null, workItemId: input.workItemId ?? null, createdBy: ctx.session.userName, at,
    });
    if (input.workItemId) linkWorkItem(ctx.sqlite, input.workItemId, 'message', String(id));
    return id;
  })();
  ctx.log.info('kb article queued for email', { articleId: article.id, messageId: id });
  ctx.emit('messages.changed', { ids: [id] });
  return messageView(messageRow(ctx.sqlite, id));
}

/** Queues the article and tries to send it now; offline it stays queued for the scheduler. */
export async function sendArticleByEmail(ctx: Ctx, input: SendArticleInput, transports?: Transports): Promise<MessageView> {
  const queued = queueArticleEmail(ctx, input);
  try {
    await flushOutbox(ctx, transports);
  } catch (error) {
    // The row is safe in the outbox; the next tick tries again.
    ctx.log.error('outbox flush after kb email failed', { error: error instanceof Error ? error.message : String(error) });
  }
  return messageView(messageRow(ctx.sqlite, queued.id));
}
