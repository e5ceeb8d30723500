// Rebase after a pulled page (apply.ts): a desk's pending edits go on top of the server's rows,
// but a pending create the server takes for a no-op — a history entry or a rule-made work item
// (same uid from the same source key) another desk created first — yields to the server's row.
import type Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entityFields, type SyncEntity, type WireFields, type WireValue } from '../../src-shared/domain/sync/entities';
import type { Change, PullResponse } from '../../src-shared/domain/sync/protocol';
import { openDatabase } from '../db/open';
import { applyPullPage, applyRestoredRecords } from './apply';
import { deskRows } from './desk-rows';
import { createRecord, deleteRecord, editRecord } from './local-writes';
import { pendingUids } from './outbox';
import { ruleUid } from './record-tables';

const now = new Date('2026-11-26T08:00:00Z');
const at = now.toISOString();

function tuple(entity: SyncEntity, fields: WireFields): WireValue[] {
  return entityFields[entity].map((f) => fields[f] ?? null);
}

function change(entity: SyncEntity, uid: string, rev: number, fields: WireFields): Change {
  return { e: entity, u: uid, r: rev, v: tuple(entity, fields) };
}

function page(changes: Change[], nextRev: number, lastMutationId = 0): PullResponse {
  return { changes, parents: [], nextRev, upToDate: true, lastMutationId, serverRev: nextRev };
}

const workItem = (createdBy: string, extra: WireFields = {}): WireFields => ({
  kind: 'follow_up', status: 'open', title: '3DC 交车回访', description: '', priority: 'normal', createdBy, sortAt: at,
  fields: '{}', importance: '[]', alarmsFired: '[]', attempts: 0, createdAt: at, ...extra,
});
const historyEntry = (workItemUid: string, actor: string): WireFields => ({ workItem: workItemUid, at, actor, action: 'create', toStatus: 'open', note: '3DC', data: '{}' });

describe('rebase of pending creates the server treats as already made', () => {
  let sqlite: Database.Database;
  beforeEach(() => {
    sqlite = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-apply-')), 'desk.sqlite')).sqlite;
  });
  afterEach(() => sqlite.close());

  const read = (entity: SyncEntity, uid: string) => deskRows(sqlite).read(entity, uid);
  const field = (entity: SyncEntity, uid: string, name: string) => read(entity, uid)!.values[(entityFields[entity] as readonly string[]).indexOf(name)];

  it('keeps the server row of a rule-made work item and its history entry, not the desk pending copies', () => {
    const key = 'follow-up:3dc:vehicle:v1';
    const item = ruleUid(key);
    const entry = ruleUid(`${key}:create`);
    createRecord(sqlite, 'work_items', item, workItem('desk-b', { sourceKey: key }), now);
    createRecord(sqlite, 'work_item_history', entry, historyEntry(item, 'desk-b'), now);
    // Desk A's copies arrive while desk B's creates are still pending (not acknowledged by this page).
    applyPullPage(sqlite, page([change('work_items', item, 3, workItem('desk-a', { sourceKey: key })), change('work_item_history', entry, 4, historyEntry(item, 'desk-a'))], 4));

    expect(read('work_items', item)).toEqual({ rev: 3, values: tuple('work_items', workItem('desk-a', { sourceKey: key })) });
    expect(read('work_item_history', entry)).toEqual({ rev: 4, values: tuple('work_item_history', historyEntry(item, 'desk-a')) });
    // The creates stay queued: the server records each as made already (applied exactly once).
    expect(pendingUids(sqlite)).toEqual(new Set([item, entry]));
  });

  it('still puts a later pending edit of that work item on top of the server row', () => {
    const key = 'follow-up:7dc:vehicle:v2';
    const item = ruleUid(key);
    createRecord(sqlite, 'work_items', item, workItem('desk-b', { sourceKey: key }), now);
    editRecord(sqlite, 'work_items', item, { owner: '小李' }, now);
    applyPullPage(sqlite, page([change('work_items', item, 7, workItem('desk-a', { sourceKey: key, title: '服务器标题' }))], 7));
    expect(field('work_items', item, 'createdBy')).toBe('desk-a');
    expect(field('work_items', item, 'title')).toBe('服务器标题');
    expect(field('work_items', item, 'owner')).toBe('小李');
  });

  it('re-applies a pending create of an ordinary record over the server row (fields merge on the server)', () => {
    const item = 'plain-work-item';
    createRecord(sqlite, 'work_items', item, workItem('desk-b', { title: '本地标题' }), now);
    applyPullPage(sqlite, page([change('work_items', item, 5, workItem('desk-a', { title: '服务器标题' }))], 5));
    expect(field('work_items', item, 'title')).toBe('本地标题');
    expect(field('work_items', item, 'createdBy')).toBe('desk-b');
  });

  it('re-applies a pending create whose source key differs from the server row', () => {
    const item = ruleUid('k1');
    createRecord(sqlite, 'work_items', item, workItem('desk-b', { sourceKey: 'k1' }), now);
    applyPullPage(sqlite, page([change('work_items', item, 5, workItem('desk-a', { sourceKey: 'k2' }))], 5));
    expect(field('work_items', item, 'sourceKey')).toBe('k1');
    expect(field('work_items', item, 'createdBy')).toBe('desk-b');
  });
});

describe('restoring records whose mutations the server rejected', () => {
  let sqlite: Database.Database;
  beforeEach(() => {
    sqlite = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-apply-')), 'desk.sqlite')).sqlite;
  });
  afterEach(() => sqlite.close());
  const read = (entity: SyncEntity, uid: string) => deskRows(sqlite).read(entity, uid);
  const customer = (name: string): WireFields => ({ number: 'C00000001', name, customFields: '{}' });
  const outboxIds = () => sqlite.prepare('SELECT mutation_id FROM sync_outbox ORDER BY mutation_id').pluck().all() as number[];

  it('writes the server values over a rejected edit, acknowledges it and keeps later pending edits on top', () => {
    applyPullPage(sqlite, page([change('customers', 'c1', 4, { ...customer('张三'), address: '天河路' })], 4));
    editRecord(sqlite, 'customers', 'c1', { name: '李四' }, now); // rejected
    editRecord(sqlite, 'customers', 'c1', { email: 'a@example.cn' }, now); // still pending
    const [rejected, pending] = outboxIds();
    const acked = applyRestoredRecords(sqlite, rejected, [change('customers', 'c1', 4, { ...customer('张三'), address: '天河路' })]);
    expect(acked).toBe(1);
    expect(outboxIds()).toEqual([pending]);
    expect(read('customers', 'c1')).toEqual({ rev: 4, values: tuple('customers', { ...customer('张三'), address: '天河路', email: 'a@example.cn' }) });
  });

  it('removes a record whose create was rejected (the server has none)', () => {
    createRecord(sqlite, 'customers', 'c2', customer('王五'), now);
    applyRestoredRecords(sqlite, outboxIds()[0], [{ e: 'customers', u: 'c2', r: 0, x: true }]);
    expect(read('customers', 'c2')).toBeNull();
    expect(outboxIds()).toEqual([]);
  });

  it('brings back a record whose delete was rejected, with the children the delete took', () => {
    applyPullPage(sqlite, page([change('customers', 'c3', 2, customer('赵六')), change('phones', 'p3', 3, { customer: 'c3', kind: 'mobile', raw: '13800000000', normalized: '13800000000', isPrimary: true })], 3));
    deleteRecord(sqlite, 'customers', 'c3', now);
    expect(read('phones', 'p3')).toBeNull();
    // Children first in the reply: the desk applies parents first whatever the order.
    applyRestoredRecords(sqlite, outboxIds()[0], [
      change('phones', 'p3', 3, { customer: 'c3', kind: 'mobile', raw: '13800000000', normalized: '13800000000', isPrimary: true }),
      change('customers', 'c3', 2, customer('赵六')),
    ]);
    expect(read('customers', 'c3')?.rev).toBe(2);
    expect(read('phones', 'p3')?.values[0]).toBe('c3');
  });

  it('never replaces a newer row with an older one', () => {
    applyPullPage(sqlite, page([change('customers', 'c4', 9, customer('新名字'))], 9));
    applyRestoredRecords(sqlite, 0, [change('customers', 'c4', 5, customer('旧名字'))]);
    expect(read('customers', 'c4')).toEqual({ rev: 9, values: tuple('customers', customer('新名字')) });
  });
});
