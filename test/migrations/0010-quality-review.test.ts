import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';

describe('migration 0010-quality-review', () => {
  it('adds one review per recording and pinned comments, kept by recording uid when the recording goes', () => {
    const { sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-mig-')), 'desk.sqlite'));
    const rec = sqlite.prepare(`INSERT INTO recordings (uid, call_uid, agent, direction, remote_number, started_at, mime_type, channels, path, status)
      VALUES ('u1', 'c1', '坐席A', 'inbound', '1', '2024-06-01T00:00:00Z', 'audio/webm', 1, '/x', 'finalized') RETURNING id`).pluck().get() as number;
    const review = sqlite.prepare(`INSERT INTO quality_reviews (uid, recording_id, recording_uid, agent, month, reviewer, scores, total, reviewed_at) VALUES (?, ?, 'u1', '坐席A', '2024-06', '主管', '{}', 80, 'now')`);
    review.run('q1', rec);
    expect(() => review.run('q2', rec)).toThrow(/UNIQUE/);
    sqlite.prepare(`INSERT INTO quality_comments (uid, recording_id, recording_uid, at_ms, author, text, created_at) VALUES ('k1', ?, 'u1', 1500, '主管', '好', 'now')`).run(rec);
    // Since migration 0014 reviews and comments are shared records: they outlive the desk's copy of the recording.
    sqlite.prepare('DELETE FROM recordings WHERE id = ?').run(rec);
    expect(sqlite.prepare('SELECT (SELECT count(*) FROM quality_reviews WHERE recording_id IS NULL) + (SELECT count(*) FROM quality_comments WHERE recording_id IS NULL)').pluck().get()).toBe(2);
  });
});
