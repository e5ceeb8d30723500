// The one write path for messages, templates and opt-outs (see work-item-repository.ts on the
// sync hook).
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../../src-shared/contract/errors';
import type { MessageView } from '../../../src-shared/contract/messages';
import { recordUids } from '../../sync/record-tables';

export interface MessageRow {
  id: number;
  uid: string;
  customerId: number | null;
  channel: 'sms' | 'email';
  direction: 'out' | 'in';
  address: string;
  templateId: string | null;
  purpose: 'service' | 'marketing' | 'reply';
  subject: string | null;
  body: string;
  params: string | null;
  status: MessageView['status'];
  reason: string | null;
  notBefore: string | null;
  attempts: number;
  expectsReply: string | null;
  createdAt: string;
  sentAt: string | null;
  parsed: string | null;
  workItemId: number | null;
}

export const messageSelect = `SELECT id, uid, customer_id AS customerId, channel, direction, address, template_id AS templateId, purpose, subject, body, params, status, reason,
  not_before AS notBefore, attempts, expects_reply AS expectsReply, created_at AS createdAt, sent_at AS sentAt, parsed, work_item_id AS workItemId FROM messages`;

export function messageView(r: MessageRow): MessageView {
  return {
    id: r.id, customerId: r.customerId, channel: r.channel, direction: r.direction, address: r.address, templateId: r.templateId, purpose: r.purpose, subject: r.subject,
    body: r.body, status: r.status, reason: r.reason, notBefore: r.notBefore, attempts: r.attempts, createdAt: r.createdAt, sentAt: r.sentAt,
    parsed: r.parsed ? (JSON.parse(r.parsed) as Record<string, unknown>) : null,
  };
}

export interface NewMessage {
  customerId: number | null;
  channel: 'sms' | 'email';
  direction: 'out' | 'in';
  address: string;
  templateId: string | null;
  purpose: 'service' | 'marketing' | 'reply';
  subject: string | null;
  body: string;
  params: Record<string, string> | null;
  status: MessageView['status'];
  reason: string | null;
  notBefore: string | null;
  expectsReply: string | null;
  replyTo: number | null;
  parsed: Record<string, unknown> | null;
  workItemId: number | null;
  createdBy: string;
  at: string;
  /** Chosen by the caller when something keyed by it (email parts) is written first. */
  uid?: string;
}

export function insertMessage(sqlite: Database.Database, m: NewMessage): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO messages (uid, customer_id, channel, direction, address, template_id, purpose, subject, body, params, status, reason, not_before, expects_reply,
           reply_to, reply_to_uid, parsed, work_item_id, created_by, created_at, sent_at, queued_here)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT uid FROM messages WHERE id = ?), ?, ?, ?, ?, ?, 1)`,
      )
      .run(
        m.uid ?? randomUUID(), m.customerId, m.channel, m.direction, m.address, m.templateId, m.purpose, m.subject, m.body, m.params ? JSON.stringify(m.params) : null, m.status, m.reason,
        m.notBefore, m.expectsReply, m.replyTo, m.replyTo, m.parsed ? JSON.stringify(m.parsed) : null, m.workItemId, m.createdBy, m.at, m.direction === 'in' ? m.at : null,
      ).lastInsertRowid,
  );
}

export function messageRow(sqlite: Database.Database, id: number): MessageRow {
  const r = sqlite.prepare(`${messageSelect} WHERE id = ?`).get(id) as MessageRow | undefined;
  if (!r) throw new DeskError('not-found', `message ${id} not found`);
  return r;
}

export function updateMessage(sqlite: Database.Database, id: number, patch: { status: MessageView['status']; reason?: string | null; notBefore?: string | null; attempts?: number; providerId?: string | null; error?: string | null; sentAt?: string | null }): void {
  sqlite
    .prepare(
      `UPDATE messages SET status = ?, reason = coalesce(?, reason), not_before = ?, attempts = coalesce(?, attempts), provider_id = coalesce(?, provider_id), error = ?, sent_at = coalesce(?, sent_at) WHERE id = ?`,
    )
    .run(patch.status, patch.reason ?? null, patch.notBefore ?? null, patch.attempts ?? null, patch.providerId ?? null, patch.error ?? null, patch.sentAt ?? null, id);
}

/**
 * Takes a queued row for sending: only one flush may win it (the send handler and the
 * scheduler tick can flush at the same time). `not_before` becomes a lease: a row left in
 * 'sending' by a crash is queued again once the lease has run out (requeueExpiredLeases).
 */
export function claimMessage(sqlite: Database.Database, id: number, attempts: number, leaseUntil: string): boolean {
  return sqlite.prepare(`UPDATE messages SET status = 'sending', attempts = ?, not_before = ? WHERE id = ? AND status = 'queued'`).run(attempts, leaseUntil, id).changes === 1;
}

export function requeueExpiredLeases(sqlite: Database.Database, nowIso: string): number {
  return sqlite.prepare(`UPDATE messages SET status = 'queued', reason = 'unavailable', not_before = NULL WHERE status = 'sending' AND queued_here = 1 AND not_before IS NOT NULL AND not_before <= ?`).run(nowIso).changes;
}

/** Outbox rows of this desk whose time has come, oldest first (other desks' queued messages are theirs to send). */
export function dueOutbox(sqlite: Database.Database, nowIso: string, limit: number): MessageRow[] {
  return sqlite.prepare(`${messageSelect} WHERE status = 'queued' AND queued_here = 1 AND (not_before IS NULL OR not_before <= ?) ORDER BY coalesce(not_before, created_at), id LIMIT ?`).all(nowIso, limit) as MessageRow[];
}

export function optOutOf(sqlite: Database.Database, address: string): 'none' | 'marketing' | 'all' {
  return ((sqlite.prepare('SELECT scope FROM message_opt_outs WHERE address = ?').pluck().get(address) as 'marketing' | 'all' | undefined) ?? 'none');
}

/** One row per address on every desk (its uid derives from the address), so an opt-out made anywhere holds everywhere. */
export function setOptOut(sqlite: Database.Database, address: string, scope: 'none' | 'marketing' | 'all', at: string, source: string): void {
  sqlite
    .prepare(`INSERT INTO message_opt_outs (uid, address, scope, at, source) VALUES (?, ?, ?, ?, ?) ON CONFLICT(address) DO UPDATE SET scope = excluded.scope, at = excluded.at, source = excluded.source`)
    .run(recordUids.optOut(address), address, scope, at, source);
}

export function recentMarketing(sqlite: Database.Database, customerId: number | null, address: string, sinceIso: string): Date[] {
  const rows = sqlite
    .prepare(`SELECT coalesce(sent_at, created_at) FROM messages WHERE direction = 'out' AND purpose = 'marketing' AND status IN ('sent','sending') AND (address = ? OR customer_id = ?) AND coalesce(sent_at, created_at) >= ?`)
    .pluck()
    .all(address, customerId ?? -1, sinceIso) as string[];
  return rows.map((r) => new Date(r));
}

/** Withdrawn, not deleted: the row stays so the withdrawal reaches the other desks as an edit. */
export function clearOptOut(sqlite: Database.Database, address: string, at: string, source: string): void {
  sqlite.prepare(`UPDATE message_opt_outs SET scope = 'none', at = ?, source = ? WHERE address = ? AND scope <> 'none'`).run(at, source, address);
}
