// The follow-up call queue (回访): rule-made follow-ups for visits and deliveries, a queue that
// offers only what may be called now (seed 002 calling windows; at 12:30 on a weekday it offers
// no one), outcome codes with retries of no-answers at the next window, and questionnaire
// answers that act: "not satisfied" opens a complaint carrying the answers, "wants service"
// books an appointment.
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../src-shared/contract/errors';
import type { WorkItemView } from '../../src-shared/contract/work-items';
import { todayIn } from '../../src-shared/domain/dates';
import { isCallable, nextCallableTime } from '../../src-shared/domain/workflows/calling-windows';
import { outcomeEffect, plannedFollowUps, triggerForVisit, type FollowUpOutcome, type FollowUpTrigger } from '../../src-shared/domain/workflows/follow-up-rules';
import { answerActions, answersSummary, overallSatisfied, validateAnswers, type Answers } from '../../src-shared/domain/workflows/questionnaire';
import { bookAppointment, firstFreeSlot } from './appointment-service';
import type { WorkflowContext } from './context';
import { insertFollowUps } from './follow-up-planner';
import { questionnaireById } from './questionnaire-store';
import { callingRulesOf, loadWorkflowSettings } from './settings';
import { createWorkItem, transitionWorkItem } from './work-item-service';
import { appendHistory, linkWorkItem, updateWorkItem, workItemRow, workItemSelect, type WorkItemRow } from './work-item-repository';
import { workItemView } from './work-item-view';

const callKinds = `('follow_up','callback','survey')`;

/** Follow-ups for service visits on or after `since` and deliveries (purchase dates) on or after it. */
export function generateFollowUps(ctx: WorkflowContext, since: string): number {
  const rules = loadWorkflowSettings(ctx.sqlite).followUpRules;
  let created = 0;
  ctx.sqlite.transaction(() => {
    const visits = ctx.sqlite.prepare(`SELECT uid, customer_id AS customerId, vehicle_id AS vehicleId, visit_date AS date, kind FROM service_visits WHERE visit_date >= ?`).all(since) as {
      uid: string; customerId: number; vehicleId: number; date: string; kind: 'first_maintenance' | 'maintenance' | 'repair' | 'accident' | 'warranty';
    }[];
    // Keys name events by uid, which every desk shares: the same follow-up wherever the rule runs.
    for (const v of visits) created += insertFollowUps(ctx, plannedFollowUps(triggerForVisit(v.kind), v.date, `visit:${v.uid}`, rules), v.customerId, v.vehicleId).length;
    const deliveries = ctx.sqlite.prepare(`SELECT id, uid, customer_id AS customerId, purchase_date AS date FROM vehicles WHERE purchase_date >= ?`).all(since) as { id: number; uid: string; customerId: number; date: string }[];
    for (const d of deliveries) created += insertFollowUps(ctx, plannedFollowUps('delivery', d.date, `vehicle:${d.uid}`, rules), d.customerId, d.id).length;
  })();
  return created;
}

export function planFollowUps(ctx: WorkflowContext, input: { trigger: FollowUpTrigger; eventDate: string; eventKey: string; customerId: number; vehicleId?: number | null }): number[] {
  const rules = loadWorkflowSettings(ctx.sqlite).followUpRules;
  return ctx.sqlite.transaction(() => insertFollowUps(ctx, plannedFollowUps(input.trigger, input.eventDate, input.eventKey, rules), input.customerId, input.vehicleId ?? null))();
}

/** The desk's id of the survey a call belongs to: by its uid (the survey's id differs from desk to desk), else the id of older calls. */
function surveyIdOf(ctx: WorkflowContext, fields: Record<string, unknown>): number | null {
  if (typeof fields.surveyUid === 'string') return (ctx.sqlite.prepare('SELECT id FROM surveys WHERE uid = ?').pluck().get(fields.surveyUid) as number | undefined) ?? null;
  return (fields.surveyId as number | undefined) ?? null;
}

export function followUpQueue(ctx: WorkflowContext, limit: number, mineOnly: boolean): { callableNow: boolean; nextCallableAt: string | null; items: WorkItemView[] } {
  const now = ctx.now();
  const rules = callingRulesOf(loadWorkflowSettings(ctx.sqlite));
  if (!isCallable(now, rules)) return { callableNow: false, nextCallableAt: nextCallableTime(now, rules)?.toISOString() ?? null, items: [] };
  const rows = (mineOnly
    ? ctx.sqlite.prepare(`${workItemSelect} WHERE w.owner = ? AND w.open = 1 AND w.kind IN ${callKinds} AND w.sort_at <= ? ORDER BY w.sort_at, w.id LIMIT ?`).all(ctx.session.userName, now.toISOString(), limit)
    : ctx.sqlite
        .prepare(`${workItemSelect} WHERE w.open = 1 AND w.kind IN ${callKinds} AND w.sort_at <= ? AND (w.owner IS NULL OR w.owner = ?) ORDER BY w.sort_at, w.id LIMIT ?`)
        .all(now.toISOString(), ctx.session.userName, limit)) as WorkItemRow[];
  return { callableNow: true, nextCallableAt: now.toISOString(), items: rows.map((r) => workItemView(r, now, ctx.session.role)) };
}

export interface RecordInput {
  id: number;
  outcome: FollowUpOutcome;
  answers?: Answers;
  note?: string;
  callUid?: string;
  appointment?: { advisor?: string; date?: string; slot?: string };
}

export function recordFollowUp(ctx: WorkflowContext, input: RecordInput) {
  const settings = loadWorkflowSettings(ctx.sqlite);
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.sqlite.transaction(() => {
    const row = workItemRow(ctx.sqlite, input.id);
    if (!['follow_up', 'callback', 'survey'].includes(row.kind)) throw new DeskError('invalid-input', `work item ${row.id} is not a call task`);
    if (!row.open) throw new DeskError('conflict', `work item ${row.id} is already closed`);
    const fields = JSON.parse(row.fields) as Record<string, unknown>;
    let complaintId: number | null = null;
    let appointmentId: number | null = null;
    let appointmentProblem: string | null = null;
    if (input.callUid) linkWorkItem(ctx.sqlite, row.id, 'call', input.callUid);
    if (input.answers && input.outcome === 'completed') {
      const qid = (fields.questionnaireId as string | null | undefined) ?? null;
      if (!qid) throw new DeskError('invalid-input', 'this call has no questionnaire');
      const q = questionnaireById(ctx.sqlite, qid);
      const problems = validateAnswers(q, input.answers);
      if (problems.length) throw new DeskError('invalid-input', 'invalid answers', problems.map((message) => ({ path: 'answers', message })));
      const satisfied = overallSatisfied(q, input.answers);
      ctx.sqlite
        .prepare(`INSERT INTO survey_answers (uid, work_item_id, questionnaire_id, survey_id, customer_id, answers, satisfied, agent, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(randomUUID(), row.id, q.id, surveyIdOf(ctx, fields), row.customerId, JSON.stringify(input.answers), satisfied ? 1 : 0, ctx.session.userName, at);
      appendHistory(ctx.sqlite, row.id, { at, actor: ctx.session.userName, action: 'answer', note: satisfied ? q.closing.satisfied : q.closing.notSatisfied, data: { questionnaireId: q.id, satisfied } });
      for (const { action } of answerActions(q, input.answers)) {
        if (action === 'open_complaint') {
          complaintId = createWorkItem(ctx, {
            kind: 'complaint', title: `回访不满意:${row.title}`, description: `${q.title}\n${answersSummary(q, input.answers)}${input.note ? `\n${input.note}` : ''}`,
            category: 'service_quality', priority: 'high', customerId: row.customerId, vehicleId: row.vehicleId, callUid: input.callUid ?? null,
            fields: { followUpId: row.id },
          });
          if (complaintId) {
            linkWorkItem(ctx.sqlite, row.id, 'work_item', String(complaintId));
            linkWorkItem(ctx.sqlite, complaintId, 'work_item', String(row.id));
          }
        } else if (action === 'book_appointment') {
          if (!row.customerId) {
            appointmentProblem = 'no customer on this call';
            continue;
          }
          const advisor = input.appointment?.advisor ?? (ctx.sqlite.prepare('SELECT a.name FROM customers c JOIN advisors a ON a.id = c.advisor_id WHERE c.id = ?').pluck().get(row.customerId) as string | undefined);
          if (!advisor) {
            appointmentProblem = 'the customer has no service advisor; choose one';
            continue;
          }
          const when = input.appointment?.date && input.appointment.slot ? { date: input.appointment.date, slot: input.appointment.slot } : firstFreeSlot(ctx, advisor, todayIn(settings.dealership.timeZone, new Date(now.getTime() + 86_400_000)));
          if (!when) {
            appointmentProblem = 'no free slot in the next two weeks';
            continue;
          }
          try {
            appointmentId = bookAppointment(ctx, { customerId: row.customerId, vehicleId: row.vehicleId, advisor, date: when.date, slot: when.slot, kind: 'maintenance', workRequested: '回访时客户要求预约', source: 'follow_up', workItemId: row.id }).id;
          } catch (error) {
            if (!(error instanceof DeskError)) throw error;
            appointmentProblem = error.message;
          }
        }
      }
    }
    const attempts = row.attempts + 1;
    const effect = outcomeEffect(input.outcome, attempts, settings.retry);
    fields.lastOutcome = input.outcome;
    if (effect.done) {
      updateWorkItem(ctx.sqlite, row.id, { attempts, fields }, at);
      transitionWorkItem(ctx, { id: row.id, action: 'close', note: input.note ? `${input.outcome}: ${input.note}` : input.outcome });
    } else {
      const retryAt = nextCallableTime(new Date(now.getTime() + (effect.retryAfterMinutes ?? 0) * 60_000), callingRulesOf(settings)) ?? now;
      fields.nextAttemptAt = retryAt.toISOString();
      updateWorkItem(ctx.sqlite, row.id, { attempts, fields, sortAt: retryAt.toISOString() }, at);
      appendHistory(ctx.sqlite, row.id, { at, actor: ctx.session.userName, action: 'attempt', fromStatus: row.status, toStatus: row.status, note: input.note ?? null, data: { outcome: input.outcome, attempts, retryAt: retryAt.toISOString() } });
    }
    ctx.emit('workItems.changed', { ids: [row.id, ...(complaintId ? [complaintId] : [])] });
    return { item: workItemView(workItemRow(ctx.sqlite, row.id), now, ctx.session.role), complaintId, appointmentId, appointmentProblem };
  })();
}
