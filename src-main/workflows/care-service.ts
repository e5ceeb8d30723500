// Customer care (客户关怀) for agents: the reminders due today with the customer's name, plate
// and service advisor; a reminder put into the follow-up queue becomes a care call (code CARE)
// keyed by the reminder, so the same reminder never queues twice; per-customer opt-outs (退订)
// on the customer's mobile number.
import type { ReminderView } from '../../src-shared/contract/messages';
import { todayIn } from '../../src-shared/domain/dates';
import type { WorkflowContext } from './context';
import { insertFollowUps } from './follow-up-planner';
import { clearOptOut, optOutOf, setOptOut } from './messaging/message-repository';
import { scanCareReminders } from './reminder-scan';
import { loadWorkflowSettings, reminderRulesOf } from './settings';

export function dueReminders(ctx: WorkflowContext, input: { kinds?: string[]; afterCustomerId: number; limit: number }): { reminders: ReminderView[]; nextCustomerId: number | null } {
  const settings = loadWorkflowSettings(ctx.sqlite);
  const today = todayIn(settings.dealership.timeZone, ctx.now());
  const { reminders, nextCustomerId } = scanCareReminders(ctx.sqlite, today, reminderRulesOf(settings), { afterCustomerId: input.afterCustomerId, maxReminders: input.limit, kinds: input.kinds, chunkSize: 2000 });
  const customers = new Map<number, { name: string; advisor: string | null }>();
  const plates = new Map<number, string | null>();
  const customerStmt = ctx.sqlite.prepare('SELECT c.name, a.name AS advisor FROM customers c LEFT JOIN advisors a ON a.id = c.advisor_id WHERE c.id = ?');
  const plateStmt = ctx.sqlite.prepare('SELECT plate FROM vehicles WHERE id = ?').pluck();
  return {
    reminders: reminders.map((r) => {
      if (!customers.has(r.customerId)) customers.set(r.customerId, customerStmt.get(r.customerId) as { name: string; advisor: string | null });
      if (r.vehicleId !== null && !plates.has(r.vehicleId)) plates.set(r.vehicleId, plateStmt.get(r.vehicleId) as string | null);
      const c = customers.get(r.customerId)!;
      return {
        customerId: r.customerId, customerName: c.name, advisor: c.advisor, kind: r.kind, vehicleId: r.vehicleId, plate: r.vehicleId !== null ? plates.get(r.vehicleId) ?? null : null,
        dueDate: r.dueDate, daysLeft: r.daysLeft, urgency: r.urgency, stage: r.stage, templateId: r.templateId, detail: r.detail ?? null,
      };
    }),
    nextCustomerId,
  };
}

const careTitles: Record<string, string> = {
  first_maintenance: '首保提醒', maintenance: '保养到期提醒', insurance: '保险到期提醒', inspection: '年审提醒', warranty: '质保到期提醒', birthday: '生日关怀', holiday: '节日问候',
};

export function enqueueReminder(ctx: WorkflowContext, input: { customerId: number; kind: string; vehicleId?: number | null; dueDate: string; stage?: string | null }): { id: number | null; created: boolean } {
  const settings = loadWorkflowSettings(ctx.sqlite);
  const today = todayIn(settings.dealership.timeZone, ctx.now());
  // By uid, which every desk shares: a reminder queued on two desks is one follow-up once synced.
  const uids = ctx.sqlite.prepare('SELECT c.uid AS customer, (SELECT uid FROM vehicles WHERE id = ?) AS vehicle FROM customers c WHERE c.id = ?').get(input.vehicleId ?? null, input.customerId) as
    | { customer: string; vehicle: string | null }
    | undefined;
  const key = `care:${input.kind}:${uids?.customer ?? input.customerId}:${uids?.vehicle ?? 0}:${input.dueDate}:${input.stage ?? ''}`;
  const title = `${careTitles[input.kind] ?? input.kind}${input.stage ? `(${input.stage})` : ''}`;
  const ids = ctx.sqlite.transaction(() =>
    insertFollowUps(ctx, [{ code: 'CARE', title, dueDate: today, questionnaireId: null, key }], input.customerId, input.vehicleId ?? null, { reminderKind: input.kind, reminderDue: input.dueDate }),
  )();
  if (ids.length) return { id: ids[0], created: true };
  const existing = ctx.sqlite.prepare('SELECT id FROM work_items WHERE source_key = ?').pluck().get(key) as number | undefined;
  return { id: existing ?? null, created: false };
}

function mobileOf(ctx: WorkflowContext, customerId: number): string | null {
  return (ctx.sqlite.prepare(`SELECT normalized FROM phones WHERE customer_id = ? AND kind = 'mobile' ORDER BY is_primary DESC, id LIMIT 1`).pluck().get(customerId) as string | undefined) ?? null;
}

export function customerOptOut(ctx: WorkflowContext, customerId: number): { address: string | null; scope: 'none' | 'marketing' | 'all' } {
  const address = mobileOf(ctx, customerId);
  return { address, scope: address ? optOutOf(ctx.sqlite, address) : 'none' };
}

export function setCustomerOptOut(ctx: WorkflowContext, customerId: number, scope: 'none' | 'marketing' | 'all'): { address: string | null; scope: 'none' | 'marketing' | 'all' } {
  const address = mobileOf(ctx, customerId);
  if (!address) return { address: null, scope: 'none' };
  if (scope === 'none') clearOptOut(ctx.sqlite, address, ctx.now().toISOString(), `agent:${ctx.session.userName}`);
  else setOptOut(ctx.sqlite, address, scope, ctx.now().toISOString(), `agent:${ctx.session.userName}`);
  return customerOptOut(ctx, customerId);
}
