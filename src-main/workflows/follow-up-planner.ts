// Turns planned follow-ups (src-shared/domain/workflows/follow-up-rules.ts) into follow-up work
// items. Each is keyed by its rule and event, so re-running the planner never duplicates a call;
// it joins the queue at the first callable moment of its due date.
import type { PlannedFollowUp } from '../../src-shared/domain/workflows/follow-up-rules';
import { nextCallableTime } from '../../src-shared/domain/workflows/calling-windows';
import { zonedInstant } from '../../src-shared/domain/workflows/zoned-time';
import type { WorkflowContext } from './context';
import { callingRulesOf, loadWorkflowSettings } from './settings';
import { appendHistory, insertWorkItem } from './work-item-repository';
import { ruleUid } from '../sync/record-tables';

export function insertFollowUps(ctx: WorkflowContext, planned: PlannedFollowUp[], customerId: number, vehicleId: number | null, extra: Record<string, unknown> = {}, owner: string | null = null): number[] {
  const rules = callingRulesOf(loadWorkflowSettings(ctx.sqlite));
  const at = ctx.now().toISOString();
  const ids: number[] = [];
  for (const p of planned) {
    const dueStart = zonedInstant(p.dueDate, 0, rules.timeZone);
    const sortAt = (nextCallableTime(dueStart, rules) ?? dueStart).toISOString();
    const id = insertWorkItem(ctx.sqlite, {
      kind: 'follow_up', status: 'open', title: `${p.code} ${p.title}`, description: '', category: p.code, department: 'customer_service', priority: 'normal', owner,
      createdBy: ctx.session.userName, customerId, vehicleId, deadlineAt: null, sortAt,
      fields: { code: p.code, questionnaireId: p.questionnaireId, dueDate: p.dueDate, nextAttemptAt: sortAt, ...extra }, importance: [], sourceKey: p.key, at,
    });
    if (id !== null) {
      appendHistory(ctx.sqlite, id, { at, actor: ctx.session.userName, action: 'create', toStatus: 'open', note: p.title, data: { rule: p.key }, uid: ruleUid(`${p.key}:create`) });
      ids.push(id);
    }
  }
  if (ids.length) ctx.emit('workItems.changed', { ids });
  return ids;
}
