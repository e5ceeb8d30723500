// A capability record whose optional parent (a work item's customer) is not on the desk yet is
// written with the reference empty; when the parent arrives and the server sends the same row
// again at the same rev (the pull that follows a snapshot started before the customer existed),
// the reference is filled in. Found by the fault schedules (soak seed 413246177).
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { entityFields, type WireValue } from '../../src-shared/domain/sync/entities';
import { deskRows } from './desk-rows';
import { recordUids } from './record-tables';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function openDesk(): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), 'dd-record-tables-'));
  dirs.push(dir);
  return openDatabase(join(dir, 'dealerdesk.sqlite'), { key: 'none' }).sqlite;
}

const workItem = (customer: string | null): WireValue[] => {
  const values: Record<string, WireValue> = {
    kind: 'inquiry', status: 'open', title: '来电咨询', description: '', priority: 'normal', createdBy: 'agent1', customer, sortAt: '2026-11-26T08:00:00.000Z',
    fields: '{}', importance: '[]', alarmsFired: '[]', attempts: 0, createdAt: '2026-11-26T08:00:00.000Z',
  };
  return entityFields.work_items.map((f) => values[f] ?? null);
};
const customer: WireValue[] = entityFields.customers.map((f) => ({ number: 'C1', name: '吴九', customFields: '{}' })[f as string] ?? null);

describe('capability records with optional parents', () => {
  it('fills in a reference whose parent arrived after the row, when the row comes again at the same rev', () => {
    const sqlite = openDesk();
    const rows = deskRows(sqlite);
    expect(rows.write('work_items', 'w1', 3, workItem('c1'))).toBe(true);
    expect(rows.read('work_items', 'w1')!.values[entityFields.work_items.indexOf('customer')]).toBeNull();

    expect(rows.write('customers', 'c1', 1, customer)).toBe(true);
    rows.write('work_items', 'w1', 3, workItem('c1'));
    expect(rows.read('work_items', 'w1')!.values[entityFields.work_items.indexOf('customer')]).toBe('c1');
    expect(sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
  });

  it('still ignores an older rev and leaves a resolved reference as the newer row has it', () => {
    const sqlite = openDesk();
    const rows = deskRows(sqlite);
    rows.write('customers', 'c1', 1, customer);
    rows.write('work_items', 'w1', 5, workItem(null));
    expect(rows.write('work_items', 'w1', 4, workItem('c1'))).toBe(false);
    expect(rows.read('work_items', 'w1')!.values[entityFields.work_items.indexOf('customer')]).toBeNull();
  });
});

describe('tables that sync from schema 4 on', () => {
  it('gives rows stored before they synced the uid their natural key gives, and queues them once for the server, parents first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-record-tables-'));
    dirs.push(dir);
    const path = join(dir, 'dealerdesk.sqlite');
    let sqlite = openDatabase(path, { key: 'none' }).sqlite;
    // As a desk upgraded from schema 3 holds them: no capture triggers yet, no uids on keyed rows.
    for (const name of sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'sync_capture_message_%' OR name LIKE 'sync_capture_questionnaires_%' OR name LIKE 'sync_capture_renewals_%' OR name LIKE 'sync_capture_policies_%' OR name LIKE 'sync_capture_policy_items_%')`).pluck().all() as string[]) {
      sqlite.exec(`DROP TRIGGER ${name}`);
    }
    sqlite.prepare(`INSERT INTO customers (uid, rev, number, name, name_reversed, pinyin, pinyin_initials) VALUES ('c1', 4, 'C1', '吴九', '九吴', 'wujiu', 'wj')`).run();
    sqlite.prepare(`INSERT INTO vehicles (uid, rev, customer_id, plate) VALUES ('v1', 5, 1, '粤A1')`).run();
    sqlite.prepare(`INSERT INTO policies (uid, vehicle_id, customer_id, insurer, kind, start_date, end_date) VALUES ('p1', 1, 1, '人保', 'compulsory', '2025-01-01', '2025-12-31')`).run();
    sqlite.prepare(`INSERT INTO policy_items (uid, policy_id, code, premium_yuan) VALUES ('i1', 1, 'compulsory', 950)`).run();
    sqlite.prepare(`INSERT INTO renewals (policy_id, stage, expiry_date) VALUES (1, 'due', '2025-12-31')`).run();
    sqlite.prepare(`INSERT INTO message_opt_outs (address, scope, at, source) VALUES ('13900000000', 'all', '2025-01-01', 'sms:1')`).run();
    sqlite.prepare(`INSERT INTO questionnaires (id, title, purpose, definition, updated_at) VALUES ('q1', '回访', 'repair', '{}', '2025-01-01')`).run();
    sqlite.close();

    sqlite = openDatabase(path, { key: 'none' }).sqlite;
    const uids = sqlite.prepare(`SELECT (SELECT uid FROM renewals), (SELECT uid FROM message_opt_outs), (SELECT uid FROM questionnaires)`).raw().get();
    expect(uids).toEqual([recordUids.renewal('p1'), recordUids.optOut('13900000000'), recordUids.questionnaire('q1')]);
    const queued = sqlite.prepare('SELECT entity, uid, fields FROM sync_outbox ORDER BY mutation_id').all() as { entity: string; uid: string; fields: string }[];
    expect(queued.map((q) => q.entity)).toEqual(['policies', 'policy_items', 'renewals', 'questionnaires', 'message_opt_outs']);
    expect(JSON.parse(queued[2].fields)).toEqual({ policy: 'p1', stage: 'due', expiryDate: '2025-12-31', updatedAt: expect.any(String) });
    expect(JSON.parse(queued[3].fields)).toMatchObject({ questionnaireId: 'q1', title: '回访' });
    sqlite.close();

    // Opening again queues nothing more; a local edit is captured as an edit of the same record.
    sqlite = openDatabase(path, { key: 'none' }).sqlite;
    expect(sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(5);
    sqlite.prepare(`UPDATE message_opt_outs SET scope = 'none' WHERE address = '13900000000'`).run();
    expect(sqlite.prepare('SELECT uid, fields FROM sync_outbox ORDER BY mutation_id DESC LIMIT 1').get()).toEqual({ uid: recordUids.optOut('13900000000'), fields: '{"scope":"none"}' });
    sqlite.close();
  });

  it('writes a server row whose desk column is named apart, derives the local links, and reads it back as sent', () => {
    const sqlite = openDesk();
    const rows = deskRows(sqlite);
    const message = (fields: Record<string, WireValue>): WireValue[] => entityFields.messages.map((f) => fields[f] ?? null);
    const base = { channel: 'sms', address: '13900000000', body: '好', attempts: 0, createdBy: 'a', createdAt: '2026-11-26T08:00:00Z' };
    // The reply comes first (snapshot order is by uid): its local link is made when the message answered arrives.
    const reply = message({ ...base, direction: 'in', purpose: 'reply', status: 'received', replyTo: 'm-out' });
    expect(rows.write('messages', 'a-reply', 7, reply)).toBe(true);
    expect(rows.write('messages', 'm-out', 6, message({ ...base, direction: 'out', purpose: 'service', status: 'sent' }))).toBe(true);
    expect(sqlite.prepare(`SELECT reply_to = (SELECT id FROM messages WHERE uid = 'm-out') AS linked, queued_here AS here FROM messages WHERE uid = 'a-reply'`).get()).toEqual({ linked: 1, here: 0 });
    expect(rows.read('messages', 'a-reply')).toEqual({ rev: 7, values: reply });
    expect(sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
  });
});
