// Quality review (质检): scoring a recording against the configured form, pinning comments at a
// time in it, and trends per agent. Only supervisors and admins reach these (the contract's
// roles, checked by the dispatcher in main); the checks here are about the data.
import { DeskError } from '../../src-shared/contract/errors';
import type { QualityComment, QualityReview } from '../../src-shared/contract/quality';
import { todayIn } from '../../src-shared/domain/dates';
import { defaultQualityCriteria, invalidScores, qualityTotal, qualityTrends, type QualityCriterion, type QualityScores, type TrendRow } from '../../src-shared/domain/quality/scoring';
import type { DeskContext } from '../host/context';
import { loadWorkflowSettings } from '../workflows/settings';
import { commentsOf, deleteComment, insertComment, listReviews, readCriteria, reviewFacts, reviewOf, upsertReview, writeCriteria } from './quality-repo';

type Ctx = Pick<DeskContext, 'sqlite' | 'now' | 'session'>;

export function qualityCriteria(ctx: Pick<DeskContext, 'sqlite'>): QualityCriterion[] {
  return readCriteria(ctx.sqlite) ?? defaultQualityCriteria.map((c) => ({ ...c }));
}

export function setQualityCriteria(ctx: Pick<DeskContext, 'sqlite'>, criteria: QualityCriterion[]): QualityCriterion[] {
  if (!criteria.some((c) => c.weight > 0)) throw new DeskError('invalid-input', 'at least one criterion needs a weight', [{ path: 'criteria', message: 'all weights are 0' }]);
  writeCriteria(ctx.sqlite, criteria);
  return qualityCriteria(ctx);
}

function recordingOf(ctx: Ctx, recordingId: number): { agent: string; startedAt: string } {
  const r = ctx.sqlite.prepare('SELECT agent, started_at AS startedAt FROM recordings WHERE id = ?').get(recordingId) as { agent: string; startedAt: string } | undefined;
  if (!r) throw new DeskError('not-found', `recording ${recordingId} not found`);
  return r;
}

export function qualityOf(ctx: Ctx, recordingId: number): { review: QualityReview | null; comments: QualityComment[] } {
  recordingOf(ctx, recordingId);
  return { review: reviewOf(ctx.sqlite, recordingId), comments: commentsOf(ctx.sqlite, recordingId) };
}

export function saveReview(ctx: Ctx, recordingId: number, scores: QualityScores, note: string | null): QualityReview {
  const rec = recordingOf(ctx, recordingId);
  const criteria = qualityCriteria(ctx);
  const bad = invalidScores(criteria, scores);
  if (bad.length) throw new DeskError('invalid-input', 'scores do not match the form', bad.map((id) => ({ path: `scores.${id}`, message: 'unknown criterion or out of range' })));
  // The recording's month in the dealership's time zone: a call at 23:30 on the 31st is that month's.
  const month = todayIn(loadWorkflowSettings(ctx.sqlite).dealership.timeZone, new Date(rec.startedAt)).slice(0, 7);
  return upsertReview(ctx.sqlite, {
    recordingId, agent: rec.agent, month, reviewer: ctx.session.userName, scores, total: qualityTotal(criteria, scores), note: note || null, reviewedAt: ctx.now().toISOString(),
  });
}

export function addComment(ctx: Ctx, recordingId: number, atMs: number, text: string): QualityComment {
  recordingOf(ctx, recordingId);
  return insertComment(ctx.sqlite, { recordingId, atMs, author: ctx.session.userName, text, createdAt: ctx.now().toISOString() });
}

export function removeComment(ctx: Ctx, id: number): { removed: boolean } {
  return { removed: deleteComment(ctx.sqlite, id) };
}

export function reviews(ctx: Ctx, from: string, to: string, agent: string | undefined, limit: number): QualityReview[] {
  return listReviews(ctx.sqlite, from, to, agent, limit);
}

export function trends(ctx: Ctx, from: string, to: string): TrendRow[] {
  return qualityTrends(reviewFacts(ctx.sqlite, from, to));
}
