// Message templates: the ten seed 002 SMS templates as defaults, edited copies stored in
// `message_templates` (same id = edited default). Saving validates the body's variables.
import type Database from 'better-sqlite3';
import { DeskError } from '../../../src-shared/contract/errors';
import { defaultSmsTemplates, validateTemplate, type MessageTemplate } from '../../../src-shared/domain/workflows/templates';
import { recordUids } from '../../sync/record-tables';

interface Row {
  id: string;
  title: string;
  channel: 'sms' | 'email';
  purpose: 'service' | 'marketing';
  subject: string | null;
  body: string;
  providerTemplateCode: string | null;
  expectsReply: 'rating' | 'rsvp' | null;
}

function fromRow(r: Row): MessageTemplate {
  return {
    id: r.id, title: r.title, channel: r.channel, purpose: r.purpose, body: r.body,
    ...(r.subject ? { subject: r.subject } : {}), ...(r.providerTemplateCode ? { providerTemplateCode: r.providerTemplateCode } : {}), ...(r.expectsReply ? { expectsReply: r.expectsReply } : {}),
  };
}

export function listTemplates(sqlite: Database.Database): MessageTemplate[] {
  const rows = sqlite
    .prepare(`SELECT id, title, channel, purpose, subject, body, provider_template_code AS providerTemplateCode, expects_reply AS expectsReply FROM message_templates ORDER BY id`)
    .all() as Row[];
  const byId = new Map<string, MessageTemplate>(defaultSmsTemplates.map((t) => [t.id, t]));
  for (const r of rows) byId.set(r.id, fromRow(r));
  return [...byId.values()];
}

export function templateById(sqlite: Database.Database, id: string): MessageTemplate {
  const t = listTemplates(sqlite).find((x) => x.id === id);
  if (!t) throw new DeskError('not-found', `template ${id} not found`);
  return t;
}

export function saveTemplate(sqlite: Database.Database, t: MessageTemplate, by: string, at: string): MessageTemplate {
  const problems = [...validateTemplate(t.body), ...(t.subject ? validateTemplate(t.subject).filter((p) => p !== 'empty body') : [])];
  if (problems.length) throw new DeskError('invalid-input', 'invalid template', problems.map((message) => ({ path: 'body', message })));
  sqlite
    .prepare(
      `INSERT INTO message_templates (uid, id, title, channel, purpose, subject, body, provider_template_code, expects_reply, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, channel = excluded.channel, purpose = excluded.purpose, subject = excluded.subject, body = excluded.body,
         provider_template_code = excluded.provider_template_code, expects_reply = excluded.expects_reply, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    )
    .run(recordUids.messageTemplate(t.id), t.id, t.title, t.channel, t.purpose, t.subject ?? null, t.body, t.providerTemplateCode ?? null, t.expectsReply ?? null, at, by);
  return templateById(sqlite, t.id);
}
