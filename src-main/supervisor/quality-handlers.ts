import type { HandlersFor } from '../contract/dispatcher';
import type { DeskContext } from '../host/context';
import { addComment, qualityCriteria, qualityOf, removeComment, reviews, saveReview, setQualityCriteria, trends } from './quality-service';

type QualityMethods = 'quality.criteria' | 'quality.setCriteria' | 'quality.get' | 'quality.saveReview' | 'quality.addComment' | 'quality.removeComment' | 'quality.reviews' | 'quality.trends';

export const qualityHandlers: HandlersFor<QualityMethods, DeskContext> = {
  'quality.criteria': (_input, ctx) => qualityCriteria(ctx),
  'quality.setCriteria': ({ criteria }, ctx) => setQualityCriteria(ctx, criteria),
  'quality.get': ({ recordingId }, ctx) => qualityOf(ctx, recordingId),
  'quality.saveReview': ({ recordingId, scores, note }, ctx) => saveReview(ctx, recordingId, scores, note),
  'quality.addComment': ({ recordingId, atMs, text }, ctx) => addComment(ctx, recordingId, atMs, text),
  'quality.removeComment': ({ id }, ctx) => removeComment(ctx, id),
  'quality.reviews': ({ from, to, agent, limit }, ctx) => reviews(ctx, from, to, agent, limit),
  'quality.trends': ({ from, to }, ctx) => trends(ctx, from, to),
};
