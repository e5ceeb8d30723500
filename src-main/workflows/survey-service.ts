// Custom surveys (问卷调查, seed 000): pick a segment of customers, sample a share of it at
// random with a seed (re-running picks the same customers), deal the calls round-robin to the
// agents as survey work items, and count the answers per question for the result charts.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DeskError } from '../../src-shared/contract/errors';
import type { SegmentSchema } from '../../src-shared/contract/follow-ups';
import { churnStatus } from '../../src-shared/domain/churn';
import { todayIn } from '../../src-shared/domain/dates';
import { dealRoundRobin, sampleShare } from '../../src-shared/domain/workflows/sampling';
import type { Answers } from '../../src-shared/domain/workflows/questionnaire';
import type { WorkflowContext } from './context';
import { questionnaireById } from './questionnaire-store';
import { loadWorkflowSettings } from './settings';
import { appendHistory, insertWorkItem } from './work-item-repository';

type Segment = z.output<typeof SegmentSchema>;

/** Customer ids of a segment, ascending. */
export function segmentCustomers(ctx: WorkflowContext, segment: Segment): number[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (segment.visitKinds?.length || segment.visitFrom || segment.visitTo) {
    const sub: string[] = ['sv.customer_id = c.id'];
    if (segment.visitKinds?.length) {
      sub.push(`sv.kind IN (${segment.visitKinds.map(() => '?').join(',')})`);
      args.push(...segment.visitKinds);
    }
    if (segment.visitFrom) { sub.push('sv.visit_date >= ?'); args.push(segment.visitFrom); }
    if (segment.visitTo) { sub.push('sv.visit_date <= ?'); args.push(segment.visitTo); }
    where.push(`EXISTS (SELECT 1 FROM service_visits sv WHERE ${sub.join(' AND ')})`);
  }
  if (segment.model || segment.purchasedFrom || segment.purchasedTo) {
    const sub: string[] = ['v.customer_id = c.id'];
    if (segment.model) {
      sub.push('instr(lower(v.model), lower(?)) > 0');
      args.push(segment.model);
    }
    if (segment.purchasedFrom) { sub.push('v.purchase_date >= ?'); args.push(segment.purchasedFrom); }
    if (segment.purchasedTo) { sub.push('v.purchase_date <= ?'); args.push(segment.purchasedTo); }
    where.push(`EXISTS (SELECT 1 FROM vehicles v WHERE ${sub.join(' AND ')})`);
  }
  if (segment.district) { where.push('c.district = ?'); args.push(segment.district); }
  if (segment.membershipTier) { where.push('c.membership_tier = ?'); args.push(segment.membershipTier); }
  const byLastVisit = !!(segment.churnStatus?.length || segment.lastVisitFrom || segment.lastVisitTo);
  if (segment.lastVisitFrom) { where.push('lv.last >= ?'); args.push(segment.lastVisitFrom); }
  if (segment.lastVisitTo) { where.push('lv.last <= ?'); args.push(segment.lastVisitTo); }
  if (!byLastVisit) return ctx.sqlite.prepare(`SELECT c.id FROM customers c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id`).pluck().all(...args) as number[];
  // The churn status is the domain's (months since the last visit), applied to each customer's last visit.
  const rows = ctx.sqlite
    .prepare(`SELECT c.id, lv.last FROM customers c LEFT JOIN (SELECT customer_id, max(visit_date) AS last FROM service_visits GROUP BY customer_id) lv ON lv.customer_id = c.id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.id`)
    .raw()
    .all(...args) as [number, string | null][];
  if (!segment.churnStatus?.length) return rows.map((r) => r[0]);
  const wanted = new Set<string>(segment.churnStatus);
  const today = todayIn(loadWorkflowSettings(ctx.sqlite).dealership.timeZone, ctx.now());
  return rows.filter((r) => wanted.has(churnStatus(r[1], today))).map((r) => r[0]);
}

export function previewSurvey(ctx: WorkflowContext, segment: Segment, share: number) {
  const segmentSize = segmentCustomers(ctx, segment).length;
  return { segmentSize, sampleSize: segmentSize ? Math.min(segmentSize, Math.max(1, Math.round(Math.min(1, share) * segmentSize))) : 0 };
}

/** Surveys, newest first, with progress per agent; plus the agents, tiers and districts the form offers. */
export function listSurveys(ctx: WorkflowContext) {
  const surveys = ctx.sqlite.prepare('SELECT id, uid, name, questionnaire_id AS questionnaireId, share, created_at AS createdAt, created_by AS createdBy FROM surveys ORDER BY id DESC LIMIT 200').all() as {
    id: number; uid: string; name: string; questionnaireId: string; share: number; createdAt: string; createdBy: string;
  }[];
  // Calls made before surveys synced are keyed by this desk's survey id, later ones by the survey's uid.
  const perAgent = ctx.sqlite.prepare(`SELECT coalesce(owner, '') AS agent, count(*) AS tasks, sum(open = 0) AS done FROM work_items WHERE kind = 'survey' AND (source_key LIKE ? OR source_key LIKE ?) GROUP BY owner ORDER BY owner`);
  const responses = ctx.sqlite.prepare('SELECT count(*) FROM survey_answers WHERE survey_id = ?').pluck();
  const strings = (sql: string) => ctx.sqlite.prepare(sql).pluck().all() as string[];
  return {
    surveys: surveys.map(({ uid, ...s }) => {
      const byAgent = (perAgent.all(`survey:${s.id}:%`, `survey:${uid}:%`) as { agent: string; tasks: number; done: number | null }[]).map((a) => ({ ...a, done: a.done ?? 0 }));
      return { ...s, tasks: byAgent.reduce((n, a) => n + a.tasks, 0), done: byAgent.reduce((n, a) => n + a.done, 0), responses: responses.get(s.id) as number, byAgent };
    }),
    agents: [...new Set([ctx.session.userName, ...strings(`SELECT DISTINCT owner FROM work_items WHERE owner IS NOT NULL AND owner <> '' ORDER BY owner LIMIT 200`)])],
    tiers: strings(`SELECT DISTINCT membership_tier FROM customers WHERE membership_tier IS NOT NULL AND membership_tier <> '' ORDER BY membership_tier LIMIT 50`),
    districts: strings(`SELECT DISTINCT district FROM customers WHERE district IS NOT NULL AND district <> '' ORDER BY district LIMIT 200`),
  };
}

export function createSurvey(ctx: WorkflowContext, input: { name: string; questionnaireId: string; segment: Segment; share: number; seed: number; agents: string[] }) {
  const q = questionnaireById(ctx.sqlite, input.questionnaireId);
  const at = ctx.now().toISOString();
  return ctx.sqlite.transaction(() => {
    const ids = segmentCustomers(ctx, input.segment);
    if (ids.length === 0) throw new DeskError('invalid-input', 'the segment has no customers');
    const surveyUid = randomUUID();
    const surveyId = Number(
      ctx.sqlite
        .prepare(`INSERT INTO surveys (uid, name, questionnaire_id, segment, share, seed, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(surveyUid, input.name, q.id, JSON.stringify(input.segment), input.share, input.seed, ctx.session.userName, at).lastInsertRowid,
    );
    const customerUid = ctx.sqlite.prepare('SELECT uid FROM customers WHERE id = ?').pluck();
    let tasks = 0;
    for (const { item: customerId, agent } of dealRoundRobin(sampleShare(ids, input.share, input.seed), input.agents)) {
      const id = insertWorkItem(ctx.sqlite, {
        kind: 'survey', status: 'open', title: `${input.name}(${q.title})`, description: '', category: 'survey', department: 'customer_service', priority: 'normal', owner: agent,
        createdBy: ctx.session.userName, customerId, vehicleId: null, deadlineAt: null, sortAt: at, // Keyed and linked by uids: the survey's calls are the same records on every desk.
        fields: { surveyId, surveyUid, questionnaireId: q.id }, importance: [], sourceKey: `survey:${surveyUid}:${customerUid.get(customerId) as string}`, at,
      });
      if (id !== null) {
        appendHistory(ctx.sqlite, id, { at, actor: ctx.session.userName, action: 'create', toStatus: 'open', note: input.name, data: { surveyId } });
        tasks++;
      }
    }
    return { surveyId, segmentSize: ids.length, tasks };
  })();
}

export function surveyStats(ctx: WorkflowContext, input: { surveyId?: number; questionnaireId?: string }) {
  let questionnaireId = input.questionnaireId;
  if (input.surveyId) {
    questionnaireId = ctx.sqlite.prepare('SELECT questionnaire_id FROM surveys WHERE id = ?').pluck().get(input.surveyId) as string | undefined;
    if (!questionnaireId) throw new DeskError('not-found', `survey ${input.surveyId} not found`);
  }
  if (!questionnaireId) throw new DeskError('invalid-input', 'surveyId or questionnaireId required');
  const q = questionnaireById(ctx.sqlite, questionnaireId);
  const rows = (input.surveyId
    ? ctx.sqlite.prepare('SELECT answers, satisfied FROM survey_answers WHERE survey_id = ?').all(input.surveyId)
    : ctx.sqlite.prepare('SELECT answers, satisfied FROM survey_answers WHERE questionnaire_id = ?').all(questionnaireId)) as { answers: string; satisfied: number }[];
  const answers = rows.map((r) => JSON.parse(r.answers) as Answers);
  const taskCounts = input.surveyId
    ? (ctx.sqlite
        .prepare(`SELECT count(*) AS tasks, sum(open = 0) AS done FROM work_items WHERE kind = 'survey' AND (source_key LIKE ? OR source_key LIKE (SELECT 'survey:' || uid || ':%' FROM surveys WHERE id = ?))`)
        .get(`survey:${input.surveyId}:%`, input.surveyId) as { tasks: number; done: number | null })
    : { tasks: 0, done: 0 };
  const questions = q.questions.map((question) => {
    const values = answers.map((a) => a[question.id]).filter((v) => v !== undefined);
    const counts = new Map<string, number>();
    for (const v of values) for (const x of Array.isArray(v) ? v : [String(v)]) counts.set(x, (counts.get(x) ?? 0) + 1);
    const labels = question.options?.map((o) => ({ value: o.value, label: o.label })) ?? [...counts.keys()].sort().map((v) => ({ value: v, label: v }));
    const numbers = values.filter((v): v is number => typeof v === 'number');
    return {
      id: question.id, text: question.text, type: question.type,
      counts: question.type === 'text' ? [] : labels.map((l) => ({ ...l, count: counts.get(l.value) ?? 0 })),
      average: numbers.length ? numbers.reduce((s, n) => s + n, 0) / numbers.length : null,
      texts: question.type === 'text' ? (values as string[]).slice(0, 200) : [],
    };
  });
  return { responses: rows.length, satisfied: rows.filter((r) => r.satisfied).length, tasks: taskCounts.tasks, done: taskCounts.done ?? 0, questions };
}
