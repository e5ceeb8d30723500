// Messages: a template rendered for a customer goes into the outbox (status queued); the outbox
// is flushed by the scheduler tick and right after queueing. Before each send the policy is
// checked again (opt-outs, per-customer marketing cap, quiet hours = calling windows); a held
// message gets a `not_before`; a provider that cannot be reached (offline) leaves it queued
// with a back-off. Replies are matched to the message that asked for them (rating, RSVP), and
// 退订 opts the number out. Every row is on the customer's timeline.
import { DeskError } from '../../../src-shared/contract/errors';
import type { MessageView } from '../../../src-shared/contract/messages';
import { normalizePhone } from '../../../src-shared/domain/phone';
import { sendDecision } from '../../../src-shared/domain/workflows/message-policy';
import { matchReply, type SentMessageRef } from '../../../src-shared/domain/workflows/sms-replies';
import { renderTemplate } from '../../../src-shared/domain/workflows/templates';
import { customersByPhone } from '../../customers/search-service';
import type { WorkflowContext } from '../context';
import { loadWorkflowSettings, messagePolicyOf, smsSecret, smtpPassword } from '../settings';
import { createWorkItem } from '../work-item-service';
import { appendHistory, linkWorkItem } from '../work-item-repository';
import { AliyunSmsTransport } from './aliyun-sms';
import { dropEmailParts, loadEmailParts } from './email-parts';
import { claimMessage, dueOutbox, insertMessage, messageRow, messageSelect, messageView, optOutOf, recentMarketing, requeueExpiredLeases, setOptOut, updateMessage, type MessageRow } from './message-repository';
import { SmtpEmailTransport } from './smtp-email';
import { templateById } from './template-store';
import { TransportError, type Transports } from './transports';

/** Values the desk knows for a customer (and vehicle), overridden by what the agent typed. */
export function templateValues(ctx: WorkflowContext, customerId: number, vehicleId: number | null, overrides: Record<string, string>): Record<string, string> {
  const s = loadWorkflowSettings(ctx.sqlite);
  const c = ctx.sqlite.prepare(`SELECT c.name, c.gender, a.name AS advisor FROM customers c LEFT JOIN advisors a ON a.id = c.advisor_id WHERE c.id = ?`).get(customerId) as { name: string; gender: string | null; advisor: string | null } | undefined;
  if (!c) throw new DeskError('not-found', `customer ${customerId} not found`);
  const v = (vehicleId
    ? ctx.sqlite.prepare('SELECT plate, model, next_service_km AS km, insurance_expiry AS insurance FROM vehicles WHERE id = ? AND customer_id = ?').get(vehicleId, customerId)
    : ctx.sqlite.prepare('SELECT plate, model, next_service_km AS km, insurance_expiry AS insurance FROM vehicles WHERE customer_id = ? ORDER BY id LIMIT 1').get(customerId)) as
    | { plate: string | null; model: string | null; km: number | null; insurance: string | null }
    | undefined;
  const values: Record<string, string> = { name: `${c.name}${c.gender === 'M' ? '先生' : c.gender === 'F' ? '女士' : ''}`, dealership: s.dealership.name, hotline: s.dealership.hotline };
  if (c.advisor) values.advisor = c.advisor;
  if (v?.plate) values.plate = v.plate;
  if (v?.model) values.model = v.model;
  if (v?.km != null) values.mileage = String(v.km);
  if (v?.insurance) values.date = v.insurance;
  return { ...values, ...overrides };
}

export interface QueueInput {
  customerId: number;
  templateId: string;
  channel?: 'sms' | 'email';
  vehicleId?: number | null;
  values?: Record<string, string>;
  workItemId?: number;
  /** A rule's message: the uid its source key gives, so two desks running the rule queue one message. */
  uid?: string;
}

export function queueMessage(ctx: WorkflowContext, input: QueueInput): MessageView {
  const template = templateById(ctx.sqlite, input.templateId);
  const channel = input.channel ?? template.channel;
  const values = templateValues(ctx, input.customerId, input.vehicleId ?? null, input.values ?? {});
  const rendered = renderTemplate(template.body, values, channel);
  if (!rendered.ok) {
    throw new DeskError('invalid-input', 'the template needs values the desk does not have', [...rendered.missing.map((v) => ({ path: `values.${v}`, message: 'missing' })), ...rendered.unknown.map((v) => ({ path: `template.${v}`, message: 'unknown variable' }))]);
  }
  const subject = channel === 'email' ? renderTemplate(template.subject ?? template.title, values, 'sms') : null;
  let address: string | null;
  if (channel === 'sms') {
    address = ctx.sqlite.prepare(`SELECT normalized FROM phones WHERE customer_id = ? AND kind = 'mobile' ORDER BY is_primary DESC, id LIMIT 1`).pluck().get(input.customerId) as string | null;
  } else {
    address = (ctx.sqlite.prepare('SELECT email FROM customers WHERE id = ?').pluck().get(input.customerId) as string | null)?.trim().toLowerCase() || null;
  }
  if (!address) throw new DeskError('invalid-input', channel === 'sms' ? 'the customer has no mobile number' : 'the customer has no email address');
  const at = ctx.now().toISOString();
  const optOut = optOutOf(ctx.sqlite, address);
  const suppressed = optOut === 'all' || (optOut === 'marketing' && template.purpose === 'marketing');
  const id = insertMessage(ctx.sqlite, {
    customerId: input.customerId, channel, direction: 'out', address, templateId: template.id, purpose: template.purpose, subject: subject?.ok ? subject.text : null,
    body: rendered.text, params: template.providerTemplateCode ? pick(values, template.body) : null, status: suppressed ? 'suppressed' : 'queued', reason: suppressed ? 'opted_out' : null,
    notBefore: null, expectsReply: template.expectsReply ?? null, replyTo: null, parsed: null, workItemId: input.workItemId ?? null, createdBy: ctx.session.userName, at,
    uid: input.uid,
  });
  if (input.workItemId) linkWorkItem(ctx.sqlite, input.workItemId, 'message', String(id));
  ctx.emit('messages.changed', { ids: [id] });
  return messageView(messageRow(ctx.sqlite, id));
}

function pick(values: Record<string, string>, body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of body.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)) out[m[1]] = values[m[1]];
  return out;
}

/** Transports from the settings and secret store; null channels are not configured. */
export function configuredTransports(ctx: WorkflowContext): Transports {
  const s = loadWorkflowSettings(ctx.sqlite);
  const secret = smsSecret(ctx);
  const sms = s.sms.provider === 'aliyun' && s.sms.accessKeyId && secret && s.sms.signName
    ? new AliyunSmsTransport({ endpoint: s.sms.endpoint, accessKeyId: s.sms.accessKeyId, accessKeySecret: secret, signName: s.sms.signName, regionId: s.sms.regionId, now: ctx.now })
    : null;
  const email = s.email.host && s.email.from
    ? new SmtpEmailTransport({ host: s.email.host, port: s.email.port, secure: s.email.secure, user: s.email.user, password: smtpPassword(ctx), from: s.email.from, allowInvalidCertificates: process.env.DEALERDESK_SMTP_INSECURE === '1' })
    : null;
  return { sms, email };
}

const backoffMinutes = [5, 15, 60, 240];
const sendLeaseMinutes = 10;

export async function flushOutbox(ctx: WorkflowContext, transports: Transports = configuredTransports(ctx), limit = 100): Promise<{ sent: number; failed: number; held: number }> {
  const policy = messagePolicyOf(loadWorkflowSettings(ctx.sqlite));
  const now = ctx.now();
  const result = { sent: 0, failed: 0, held: 0 };
  const changed: number[] = [];
  requeueExpiredLeases(ctx.sqlite, now.toISOString());
  for (const m of dueOutbox(ctx.sqlite, now.toISOString(), limit)) {
    const transport = m.channel === 'sms' ? transports.sms : transports.email;
    const purpose = m.purpose === 'marketing' ? 'marketing' : 'service';
    const since = new Date(now.getTime() - policy.frequencyCap.days * 86_400_000).toISOString();
    // An outgoing 'reply' answers what the customer asked for on the phone (a knowledge-base
    // article by email): it goes at once, whatever the hour, unless they opted out of everything.
    const decision = m.purpose === 'reply'
      ? (optOutOf(ctx.sqlite, m.address) === 'all' ? ({ ok: false, reason: 'opted_out', retryAt: null } as const) : ({ ok: true } as const))
      : sendDecision(purpose, now, { optOut: optOutOf(ctx.sqlite, m.address), recentMarketing: recentMarketing(ctx.sqlite, m.customerId, m.address, since) }, policy);
    changed.push(m.id);
    if (!decision.ok) {
      if (decision.reason === 'opted_out' || decision.retryAt === null) updateMessage(ctx.sqlite, m.id, { status: 'suppressed', reason: decision.reason });
      else updateMessage(ctx.sqlite, m.id, { status: 'queued', reason: decision.reason, notBefore: decision.retryAt.toISOString() });
      result.held++;
      continue;
    }
    // No provider set up: the policy passed, so the reason the message waits is the missing provider.
    if (!transport) {
      if (m.reason !== 'no_provider') updateMessage(ctx.sqlite, m.id, { status: 'queued', reason: 'no_provider', notBefore: null });
      result.held++;
      continue;
    }
    if (!claimMessage(ctx.sqlite, m.id, m.attempts + 1, new Date(now.getTime() + sendLeaseMinutes * 60_000).toISOString())) continue;
    try {
      const { providerId } = m.channel === 'sms'
        ? await transports.sms!.send({ phone: m.address, text: m.body, templateCode: templateCodeOf(ctx, m), params: m.params ? (JSON.parse(m.params) as Record<string, string>) : {}, outId: m.uid })
        : await transports.email!.send({ to: m.address, subject: m.subject ?? '', text: m.body, ...loadEmailParts(ctx.dataDir, m.uid), messageId: `<${m.uid}@dealerdesk>` });
      updateMessage(ctx.sqlite, m.id, { status: 'sent', providerId, sentAt: ctx.now().toISOString(), reason: null });
      if (m.channel === 'email') dropEmailParts(ctx.dataDir, m.uid);
      result.sent++;
    } catch (error) {
      const te = error instanceof TransportError ? error : new TransportError('unavailable', error instanceof Error ? error.message : String(error));
      if (te.kind === 'rejected') {
        updateMessage(ctx.sqlite, m.id, { status: 'failed', reason: 'rejected', error: te.message.slice(0, 500) });
        result.failed++;
      } else {
        const wait = backoffMinutes[Math.min(m.attempts, backoffMinutes.length - 1)];
        updateMessage(ctx.sqlite, m.id, { status: 'queued', reason: 'unavailable', error: te.message.slice(0, 500), notBefore: new Date(now.getTime() + wait * 60_000).toISOString() });
        result.held++;
      }
    }
  }
  if (changed.length) ctx.emit('messages.changed', { ids: changed });
  return result;
}

function templateCodeOf(ctx: WorkflowContext, m: MessageRow): string | null {
  if (!m.templateId) return null;
  try {
    return templateById(ctx.sqlite, m.templateId).providerTemplateCode ?? null;
  } catch {
    return null;
  }
}

/**
 * An inbound SMS: matched to the customer and the message it answers, recorded, acted on.
 * `source.uid` (a reply delivered by the dealership server) makes it idempotent: the same uid
 * again returns what was recorded the first time and changes nothing.
 */
export function receiveMessage(ctx: WorkflowContext, from: string, text: string, receivedAt: Date = ctx.now(), source?: { uid: string }) {
  const phone = normalizePhone(from)?.normalized ?? from.replace(/\D/g, '');
  const at = receivedAt.toISOString();
  return ctx.sqlite.transaction(() => {
    const earlier = source ? (ctx.sqlite.prepare(`${messageSelect} WHERE uid = ?`).get(source.uid) as MessageRow | undefined) : undefined;
    if (earlier) {
      const answered = ctx.sqlite.prepare('SELECT reply_to FROM messages WHERE id = ?').pluck().get(earlier.id) as number | null;
      const kind = earlier.parsed ? String((JSON.parse(earlier.parsed) as { kind?: unknown }).kind ?? 'text') : 'text';
      return { message: messageView(earlier), customerId: earlier.customerId, answered, kind, replayed: true };
    }
    const since = new Date(receivedAt.getTime() - 14 * 86_400_000).toISOString();
    const sent = (ctx.sqlite
      .prepare(`SELECT id, customer_id AS customerId, address AS phone, coalesce(sent_at, created_at) AS sentAt, expects_reply AS expectsReply FROM messages WHERE channel = 'sms' AND direction = 'out' AND address = ? AND coalesce(sent_at, created_at) >= ? AND status = 'sent'`)
      .all(phone, since) as { id: number; customerId: number | null; phone: string; sentAt: string; expectsReply: 'rating' | 'rsvp' | null }[]).map((r): SentMessageRef => ({ ...r, sentAt: new Date(r.sentAt) }));
    const match = matchReply(phone, text, receivedAt, sent);
    const customerId = match.customerId ?? customersByPhone(ctx.sqlite, phone)[0] ?? null;
    const id = insertMessage(ctx.sqlite, {
      customerId, channel: 'sms', direction: 'in', address: phone, templateId: null, purpose: 'reply', subject: null, body: text.slice(0, 1000), params: null, status: 'received', reason: null,
      notBefore: null, expectsReply: null, replyTo: match.message?.id ?? null, parsed: match.parsed as unknown as Record<string, unknown>, workItemId: null, createdBy: ctx.session.userName, at,
      uid: source?.uid,
    });
    if (match.parsed.kind === 'opt_out') setOptOut(ctx.sqlite, phone, 'marketing', at, `sms:${id}`);
    const answered = match.message ? messageRow(ctx.sqlite, match.message.id) : null;
    if (answered?.workItemId) appendHistory(ctx.sqlite, answered.workItemId, { at, actor: 'sms', action: 'reply', note: text.slice(0, 200), data: { messageId: id, parsed: match.parsed } });
    // A poor repair rating by SMS (1–2 of 5) is a complaint to follow up, like "not satisfied" on a call.
    if (match.parsed.kind === 'rating' && match.parsed.score <= 2 && customerId) {
      const complaintId = createWorkItem(ctx, { kind: 'complaint', title: `短信评价较差(${match.parsed.score}分)`, description: text.slice(0, 1000), category: 'repair_quality', priority: 'high', customerId, fields: { source: 'sms_rating' } });
      if (complaintId) linkWorkItem(ctx.sqlite, complaintId, 'message', String(id));
    }
    ctx.emit('messages.changed', { ids: [id] });
    return { message: messageView(messageRow(ctx.sqlite, id)), customerId, answered: answered?.id ?? null, kind: match.parsed.kind as string, replayed: false };
  })();
}

export function listMessages(ctx: WorkflowContext, filter: { status?: MessageView['status']; customerId?: number; limit: number }): MessageView[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.status) { where.push('status = ?'); args.push(filter.status); }
  if (filter.customerId) { where.push('customer_id = ?'); args.push(filter.customerId); }
  const rows = ctx.sqlite.prepare(`${messageSelect} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`).all(...args, filter.limit) as MessageRow[];
  return rows.map(messageView);
}
