// SQLite access for quality review (质检): the form (settings 'quality.criteria'), one review per
// recording and comments pinned in the recording. Table layout: src-main/db/schema/quality.ts.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { QualityComment, QualityReview } from '../../src-shared/contract/quality';
import type { QualityCriterion } from '../../src-shared/domain/quality/scoring';

const criteriaKey = 'quality.criteria';

export function readCriteria(sqlite: Database.Database): QualityCriterion[] | null {
  const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(criteriaKey) as string | undefined;
  return raw ? (JSON.parse(raw) as QualityCriterion[]) : null;
}

export function writeCriteria(sqlite: Database.Database, criteria: QualityCriterion[]): void {
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(criteriaKey, JSON.stringify(criteria));
}

const reviewSelect = `SELECT id, recording_id AS recordingId, agent, month, reviewer, scores, total, note, reviewed_at AS reviewedAt FROM quality_reviews`;
type ReviewRow = Omit<QualityReview, 'scores'> & { scores: string };
const toReview = (r: ReviewRow): QualityReview => ({ ...r, scores: JSON.parse(r.scores) as QualityReview['scores'] });

export function reviewOf(sqlite: Database.Database, recordingId: number): QualityReview | null {
  const r = sqlite.prepare(`${reviewSelect} WHERE recording_id = ?`).get(recordingId) as ReviewRow | undefined;
  return r ? toReview(r) : null;
}

export function upsertReview(sqlite: Database.Database, r: Omit<QualityReview, 'id'>): QualityReview {
  // Reviews and comments sync: they name the recording by its uid (the upload's key on the server).
  sqlite.prepare(`INSERT INTO quality_reviews (uid, recording_id, recording_uid, call_uid, agent, month, reviewer, scores, total, note, reviewed_at)
    SELECT @uid, r.id, r.uid, r.call_uid, @agent, @month, @reviewer, @scores, @total, @note, @reviewedAt FROM recordings r WHERE r.id = @recordingId
    ON CONFLICT(recording_id) DO UPDATE SET agent = excluded.agent, month = excluded.month, reviewer = excluded.reviewer,
      scores = excluded.scores, total = excluded.total, note = excluded.note, reviewed_at = excluded.reviewed_at`).run({ ...r, uid: randomUUID(), scores: JSON.stringify(r.scores) });
  return reviewOf(sqlite, r.recordingId)!;
}

export function listReviews(sqlite: Database.Database, fromMonth: string, toMonth: string, agent: string | undefined, limit: number): QualityReview[] {
  const rows = agent === undefined
    ? sqlite.prepare(`${reviewSelect} WHERE month >= ? AND month <= ? ORDER BY reviewed_at DESC LIMIT ?`).all(fromMonth, toMonth, limit)
    : sqlite.prepare(`${reviewSelect} WHERE month >= ? AND month <= ? AND agent = ? ORDER BY reviewed_at DESC LIMIT ?`).all(fromMonth, toMonth, agent, limit);
  return (rows as ReviewRow[]).map(toReview);
}

export function reviewFacts(sqlite: Database.Database, fromMonth: string, toMonth: string): { agent: string; month: string; total: number | null }[] {
  return sqlite.prepare('SELECT agent, month, total FROM quality_reviews WHERE month >= ? AND month <= ?').all(fromMonth, toMonth) as { agent: string; month: string; total: number | null }[];
}

const commentSelect = `SELECT id, recording_id AS recordingId, at_ms AS atMs, author, text, created_at AS createdAt FROM quality_comments`;

export function commentsOf(sqlite: Database.Database, recordingId: number): QualityComment[] {
  return sqlite.prepare(`${commentSelect} WHERE recording_id = ? ORDER BY at_ms, id`).all(recordingId) as QualityComment[];
}

export function insertComment(sqlite: Database.Database, c: Omit<QualityComment, 'id'>): QualityComment {
  const id = sqlite
    .prepare(`INSERT INTO quality_comments (uid, recording_id, recording_uid, call_uid, at_ms, author, text, created_at)
      SELECT @uid, r.id, r.uid, r.call_uid, @atMs, @author, @text, @createdAt FROM recordings r WHERE r.id = @recordingId RETURNING id`)
    .pluck()
    .get({ ...c, uid: randomUUID() }) as number;
  return { id, ...c };
}

export function deleteComment(sqlite: Database.Database, id: number): boolean {
  return sqlite.prepare('DELETE FROM quality_comments WHERE id = ?').run(id).changes > 0;
}
