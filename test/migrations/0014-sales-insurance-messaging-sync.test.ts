// Migration 0014: sales, insurance, membership, quality review, surveys and messaging become
// synced records. Rows stored before it get what sync needs: uids where no key gives one, earned
// points keyed by the visit's uid, quality rows naming their recording by uid, replies naming the
// message answered by uid, and every message already here marked as this desk's to send.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = join(__dirname, '../../migrations/client');
const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
const apply = (sqlite: Database.Database, tag: string) => {
  for (const statement of readFileSync(join(folder, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) if (statement.trim()) sqlite.exec(statement);
};

describe('migration 0014-sales-insurance-messaging-sync', () => {
  it('prepares the rows a desk already holds for sync', () => {
    const sqlite = new Database(':memory:');
    for (const entry of journal.entries.filter((e) => e.idx < 14)) apply(sqlite, entry.tag);
    sqlite.exec(`INSERT INTO customers (uid, number, name, name_reversed, pinyin, pinyin_initials) VALUES ('c1', 'C1', '吴九', '九吴', 'wujiu', 'wj');
      INSERT INTO vehicles (uid, customer_id, plate) VALUES ('v1', 1, '粤A1');
      INSERT INTO service_visits (uid, customer_id, vehicle_id, visit_date, kind) VALUES ('sv1', 1, 1, '2026-01-01', 'maintenance');
      INSERT INTO membership_points (customer_id, points, reason, source_key, at, by) VALUES (1, 12, '消费积分', 'visit:1', 'now', 'system'), (1, -5, '兑换', NULL, 'now', '小李');
      INSERT INTO policies (uid, vehicle_id, customer_id, insurer, kind, start_date, end_date) VALUES ('p1', 1, 1, '人保', 'compulsory', '2025-01-01', '2025-12-31');
      INSERT INTO policy_items (policy_id, code, premium_yuan) VALUES (1, 'compulsory', 950), (1, 'third_party', 800);
      INSERT INTO recordings (uid, call_uid, agent, direction, remote_number, started_at, mime_type, channels, path, status) VALUES ('rec1', 'call1', '小李', 'inbound', '1', 'now', 'audio/webm', 1, 'x', 'finalized');
      INSERT INTO quality_reviews (recording_id, agent, month, reviewer, scores, reviewed_at) VALUES (1, '小李', '2026-01', '周主管', '{}', 'now');
      INSERT INTO quality_comments (recording_id, at_ms, author, text, created_at) VALUES (1, 1500, '周主管', '好', 'now');
      INSERT INTO messages (uid, channel, direction, address, purpose, body, status, created_by, created_at) VALUES ('m1', 'sms', 'out', '139', 'service', 'x', 'queued', 'a', 'now');
      INSERT INTO messages (uid, channel, direction, address, purpose, body, status, reply_to, created_by, created_at) VALUES ('m2', 'sms', 'in', '139', 'reply', 'Y', 'received', 1, 'a', 'now');`);
    apply(sqlite, '0014_sales-insurance-messaging-sync');

    expect(sqlite.prepare('SELECT source_key, uid IS NULL AS keyed FROM membership_points ORDER BY id').raw().all()).toEqual([['visit:sv1', 1], [null, 0]]);
    const items = sqlite.prepare('SELECT uid, rev FROM policy_items').all() as { uid: string; rev: number }[];
    expect(items.every((i) => /^[0-9a-f]{32}$/.test(i.uid) && i.rev === 0) && new Set(items.map((i) => i.uid)).size === 2).toBe(true);
    const q = `SELECT recording_id, recording_uid, call_uid, length(uid) FROM`;
    expect(sqlite.prepare(`${q} quality_reviews`).raw().get()).toEqual([1, 'rec1', 'call1', 32]);
    expect(sqlite.prepare(`${q} quality_comments`).raw().get()).toEqual([1, 'rec1', 'call1', 32]);
    expect(sqlite.prepare('SELECT uid, reply_to_uid, queued_here FROM messages ORDER BY id').raw().all()).toEqual([['m1', null, 1], ['m2', 'm1', 1]]);
    // A recording leaving the desk leaves the shared review (by uid) in place.
    sqlite.prepare('DELETE FROM recordings').run();
    expect(sqlite.prepare('SELECT count(*) FROM quality_reviews WHERE recording_id IS NULL AND recording_uid = ?').pluck().get('rec1')).toBe(1);
  });
});
