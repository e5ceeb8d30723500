// Migration 0004: sync identity and revs on the shared tables, the outbox (AUTOINCREMENT: a
// mutation id is never reused, even after the outbox empties) and the conflict inbox.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';

describe('migration 0004-sync-outbox-and-revs', () => {
  it('adds uids, revs, the outbox and the conflict inbox', () => {
    const { sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-mig-')), 'desk.sqlite'));
    const cols = (t: string) => (sqlite.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    for (const table of ['customers', 'phones', 'vehicles', 'service_visits']) expect(cols(table)).toEqual(expect.arrayContaining(['uid', 'rev']));
    expect(cols('sync_outbox')).toEqual(['mutation_id', 'entity', 'uid', 'op', 'fields', 'base_rev', 'created_at']);
    expect(cols('sync_conflicts')).toEqual(expect.arrayContaining(['uid', 'rev', 'kind', 'record_uid', 'lost_value', 'won_value', 'resolved']));
    const insert = sqlite.prepare(`INSERT INTO sync_outbox (entity, uid, op, fields, base_rev, created_at) VALUES ('customers', 'u', 'upsert', '{}', 0, 'now')`);
    insert.run();
    insert.run();
    sqlite.prepare('DELETE FROM sync_outbox').run();
    expect(Number(insert.run().lastInsertRowid)).toBe(3);
    sqlite.prepare(`INSERT INTO customers (uid, number, name, name_reversed, pinyin, pinyin_initials) VALUES ('c', 'C1', '张三', '三张', 'zhangsan', 'zs')`).run();
    sqlite.prepare(`INSERT INTO phones (customer_id, kind, raw, normalized, reversed) VALUES (1, 'mobile', '1', '1', '1'), (1, 'mobile', '2', '2', '2')`).run();
    expect(sqlite.prepare('SELECT rev FROM customers').pluck().get()).toBe(0);
    expect(() => sqlite.prepare(`UPDATE phones SET uid = 'same'`).run()).toThrow(/UNIQUE/);
    sqlite.close();
  });
});
