// The workflow scheduler: one tick, given `now`, does what is due — SLA reminders to the owner
// (催办, automatic chasing) before the deadline and escalation to the department manager at
// and after it (each alarm fires once: its key is stored on the item), then flushes the
// message outbox. The host runs it on an interval (runWorkflowTicks); tests call it directly.
import { ruleUid } from '../sync/record-tables';
import { dueAlarms } from '../../src-shared/domain/workflows/sla';
import { complaintMachine } from '../../src-shared/domain/workflows/state-machines';
import type { WorkflowContext } from './context';
import { flushOutbox, configuredTransports } from './messaging/message-service';
import type { Transports } from './messaging/transports';
import { loadWorkflowSettings, slaRulesOf } from './settings';
import { appendHistory, updateWorkItem, workItemSelect, type WorkItemRow } from './work-item-repository';

export interface TickResult {
  reminded: number;
  escalated: number;
  sent: number;
  failed: number;
  held: number;
}

export const schedulerActor = 'system';

export function fireSlaAlarms(ctx: WorkflowContext, now: Date = ctx.now()): { reminded: number; escalated: number } {
  const settings = loadWorkflowSettings(ctx.sqlite);
  const rules = slaRulesOf(settings);
  const at = now.toISOString();
  const horizon = new Date(now.getTime() + Math.max(0, ...rules.remindBeforeHours) * 3_600_000).toISOString();
  let reminded = 0;
  let escalated = 0;
  const changed: number[] = [];
  ctx.sqlite.transaction(() => {
    const rows = ctx.sqlite.prepare(`${workItemSelect} WHERE w.open = 1 AND w.deadline_at IS NOT NULL AND w.deadline_at <= ? AND w.replied_at IS NULL`).all(horizon) as WorkItemRow[];
    for (const row of rows) {
      const fired = JSON.parse(row.alarmsFired) as string[];
      const due = dueAlarms(new Date(row.deadlineAt!), now, fired, rules);
      if (due.length === 0) continue;
      const manager = row.department ? settings.managers[row.department] ?? null : null;
      for (const alarm of due) {
        const chase = alarm.kind === 'remind' && row.kind === 'complaint' && complaintMachine.actions.chase.from.includes(row.status as never);
        appendHistory(ctx.sqlite, row.id, {
          at, actor: schedulerActor, action: chase ? 'chase' : alarm.kind, fromStatus: row.status, toStatus: row.status,
          note: alarm.kind === 'remind' ? `回复期限 ${row.deadlineAt} 将到,请尽快处理` : `已超过回复期限 ${row.deadlineAt},升级至部门经理`,
          data: { alarm: alarm.key, notify: alarm.kind === 'remind' ? row.owner : manager },
          uid: ruleUid(`${row.uid}:alarm:${alarm.key}`),
        });
        if (alarm.kind === 'remind') reminded++;
        else escalated++;
        fired.push(alarm.key);
      }
      const escalatedNow = due.some((a) => a.kind === 'escalate');
      updateWorkItem(ctx.sqlite, row.id, { alarmsFired: fired, priority: escalatedNow ? 'urgent' : undefined }, at);
      changed.push(row.id);
    }
  })();
  if (changed.length) ctx.emit('workItems.changed', { ids: changed });
  return { reminded, escalated };
}

export async function workflowTick(ctx: WorkflowContext, transports?: Transports): Promise<TickResult> {
  const alarms = fireSlaAlarms(ctx);
  const out = await flushOutbox(ctx, transports ?? configuredTransports(ctx));
  return { ...alarms, ...out };
}

/** Runs workflowTick every `intervalMs` (default a minute) until the returned stop is called. */
export function runWorkflowTicks(ctx: WorkflowContext, intervalMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    workflowTick(ctx)
      .catch((error) => ctx.log.error('workflow tick failed', { error: error instanceof Error ? error.stack : String(error) }))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
