import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';

describe('migration 0003-softphone-callbacks', () => {
  it('adds the callbacks table and the call_log wrap-up columns', () => {
    const { sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-mig-')), 'desk.sqlite'));
    const cols = (t: string) => (sqlite.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('call_log')).toEqual(expect.arrayContaining(['inquiry_category', 'outcome', 'transferred_to']));
    expect(cols('callbacks')).toEqual(['id', 'call_uid', 'customer_id', 'phone', 'due_at', 'note', 'agent', 'status', 'created_at']);
    sqlite.prepare("INSERT INTO callbacks (phone, due_at, created_at) VALUES ('138', '2026-01-01', '2026-01-01')").run();
    expect(sqlite.prepare('SELECT status FROM callbacks').pluck().get()).toBe('open');
  });
});
