// Quality review (质检, issue 9): a scoring form per recording with configurable weighted
// criteria, comments pinned at a time in the recording, and trends per agent over months.
// Supervisors and admins only: main refuses every other role (dispatcher role check).
import { z } from 'zod';
import { request } from './define';
import { permissions } from '../domain/roles';
import { maxPoints } from '../domain/quality/scoring';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const id = z.number().int().positive();

export const QualityCriterionSchema = z.object({
  id: z.string().trim().regex(/^[a-z0-9_-]{1,40}$/),
  label: z.string().trim().min(1).max(40),
  weight: z.number().min(0).max(1000),
});

export const QualityScoresSchema = z.record(z.string().max(40), z.number().int().min(0).max(maxPoints));

export const QualityReviewSchema = z.object({
  id: z.number().int(),
  recordingId: z.number().int(),
  agent: z.string(),
  month: z.string(),
  reviewer: z.string(),
  scores: QualityScoresSchema,
  total: z.number().nullable(),
  note: z.string().nullable(),
  reviewedAt: z.string(),
});
export type QualityReview = z.infer<typeof QualityReviewSchema>;

export const QualityCommentSchema = z.object({ id: z.number().int(), recordingId: z.number().int(), atMs: z.number().int(), author: z.string(), text: z.string(), createdAt: z.string() });
export type QualityComment = z.infer<typeof QualityCommentSchema>;

export const QualityTrendRowSchema = z.object({ agent: z.string(), month: z.string(), reviews: z.number().int(), average: z.number().nullable() });

const criteriaList = z.array(QualityCriterionSchema).min(1).max(30).refine((l) => new Set(l.map((c) => c.id)).size === l.length, 'duplicate criterion id');
const roles = permissions.viewDashboards;

export const qualityRequests = {
  'quality.criteria': request({ input: z.object({}), output: z.array(QualityCriterionSchema), roles }),
  'quality.setCriteria': request({ input: z.object({ criteria: criteriaList }), output: z.array(QualityCriterionSchema), roles }),
  /** The review form's state for one recording: its review (if any) and its pinned comments. */
  'quality.get': request({ input: z.object({ recordingId: id }), output: z.object({ review: QualityReviewSchema.nullable(), comments: z.array(QualityCommentSchema) }), roles }),
  'quality.saveReview': request({ input: z.object({ recordingId: id, scores: QualityScoresSchema, note: z.string().trim().max(2000).nullable().default(null) }), output: QualityReviewSchema, roles }),
  'quality.addComment': request({ input: z.object({ recordingId: id, atMs: z.number().int().min(0).max(24 * 3_600_000), text: z.string().trim().min(1).max(1000) }), output: QualityCommentSchema, roles }),
  'quality.removeComment': request({ input: z.object({ id }), output: z.object({ removed: z.boolean() }), roles }),
  'quality.reviews': request({ input: z.object({ from: month, to: month, agent: z.string().max(100).optional(), limit: z.number().int().min(1).max(1000).default(200) }), output: z.array(QualityReviewSchema), roles }),
  'quality.trends': request({ input: z.object({ from: month, to: month }), output: z.array(QualityTrendRowSchema), roles }),
};
