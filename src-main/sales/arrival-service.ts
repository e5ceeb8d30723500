// Car-arrival reminder (到车提醒, seed 000): when a car enters stock, every waiting order or
// request it matches (src-shared/domain/sales/arrival.ts) gives the consultant a call task — a
// 'callback' work item in the sales department, owned by the consultant — and queues the
// customer a message through the workflows outbox. Keyed by car and request (their uids, which
// every desk shares), so a car that goes back and forth never tells anyone twice, and two desks
// that both see it arrive make one task and one message.
import { DeskError } from '../../src-shared/contract/errors';
import type { ArrivalNotice } from '../../src-shared/contract/sales';
import { arrivalMatches, type Waiting } from '../../src-shared/domain/sales/arrival';
import type { WorkflowContext } from '../workflows/context';
import { queueMessage } from '../workflows/messaging/message-service';
import { listTemplates, saveTemplate } from '../workflows/messaging/template-store';
import { loadWorkflowSettings } from '../workflows/settings';
import { createWorkItem } from '../workflows/work-item-service';
import { ruleUid } from '../sync/record-tables';

export const arrivalTemplateId = 'car_arrival';
const arrivalTemplateBody = '尊敬的{{name}}:您关注的{{model}}已到店,欢迎您到{{dealership}}看车、试驾。';

/** Adds the arrival SMS template unless the dealership already has one (theirs is kept). */
export function ensureArrivalTemplate(ctx: WorkflowContext): void {
  if (listTemplates(ctx.sqlite).some((t) => t.id === arrivalTemplateId)) return;
  saveTemplate(ctx.sqlite, { id: arrivalTemplateId, title: '到车提醒', channel: 'sms', purpose: 'service', body: arrivalTemplateBody }, 'system', ctx.now().toISOString());
}

interface Car { id: number; uid: string; vin: string; model: string; trim: string | null; colour: string | null; location: string | null; orderId: number | null }

function waitingFor(ctx: WorkflowContext, carId: number): (Waiting & { uid: string })[] {
  const orders = ctx.sqlite
    .prepare(`SELECT 'order' AS kind, id, uid, customer_id AS customerId, consultant, model, trim, colour, created_at AS createdAt FROM sales_orders
      WHERE status IN ('open','allocated') AND (stock_id IS NULL OR stock_id = ?)`)
    .all(carId) as (Waiting & { uid: string })[];
  const requests = ctx.sqlite
    .prepare(`SELECT 'request' AS kind, id, uid, customer_id AS customerId, consultant, model, trim, colour, created_at AS createdAt FROM arrival_requests WHERE status = 'waiting'`)
    .all() as (Waiting & { uid: string })[];
  return [...orders, ...requests];
}

export function notifyArrival(ctx: WorkflowContext, carId: number): ArrivalNotice[] {
  const car = ctx.sqlite.prepare('SELECT id, uid, vin, model, trim, colour, location, order_id AS orderId FROM stock_cars WHERE id = ?').get(carId) as Car | undefined;
  if (!car) throw new DeskError('not-found', `stock car ${carId} not found`);
  const waiting = waitingFor(ctx, car.id);
  const uidOf = new Map(waiting.map((w) => [`${w.kind}:${w.id}`, w.uid]));
  const matches = arrivalMatches(car, waiting);
  if (!matches.length) return [];
  ensureArrivalTemplate(ctx);
  const label = [car.model, car.trim, car.colour].filter(Boolean).join(' ');
  const dealership = loadWorkflowSettings(ctx.sqlite).dealership.name || '本店';
  const notices: ArrivalNotice[] = [];
  for (const m of matches) {
    const name = ctx.sqlite.prepare('SELECT name FROM customers WHERE id = ?').pluck().get(m.customerId) as string;
    const sourceKey = `arrival:${car.uid}:${m.kind}:${uidOf.get(`${m.kind}:${m.id}`)}`;
    const workItemId = createWorkItem(
      ctx,
      {
        kind: 'callback', title: `到车提醒:${label}`, category: 'car_arrival', department: 'sales', priority: m.kind === 'order' ? 'high' : 'normal', owner: m.consultant,
        description: `${m.kind === 'order' ? '订单' : '到车登记'} #${m.id} 所需车辆已到店:${label},VIN ${car.vin}${car.location ? `,位置 ${car.location}` : ''}。请联系客户 ${name}。`,
        customerId: m.customerId, vehicleId: null, fields: {}, callUid: null,
      },
      { sourceKey },
    );
    let messageId: number | null = null;
    let messageProblem: string | null = null;
    if (workItemId !== null) {
      try {
        messageId = queueMessage(ctx, { customerId: m.customerId, templateId: arrivalTemplateId, values: { model: label, dealership }, workItemId, uid: ruleUid(`${sourceKey}:message`) }).id;
      } catch (e) {
        if (!(e instanceof DeskError)) throw e;
        messageProblem = e.message;
      }
    }
    if (m.kind === 'request') ctx.sqlite.prepare(`UPDATE arrival_requests SET status = 'notified', notified_stock_id = ? WHERE id = ?`).run(car.id, m.id);
    notices.push({ kind: m.kind, id: m.id, customerId: m.customerId, customerName: name, consultant: m.consultant, workItemId, messageId, messageProblem });
  }
  return notices;
}

export function requestArrival(ctx: WorkflowContext, input: { customerId: number; model: string; trim?: string | null; colour?: string | null; consultant?: string | null; leadId?: number | null }): number {
  if (!ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId)) throw new DeskError('not-found', `customer ${input.customerId} not found`);
  return ctx.sqlite
    .prepare(`INSERT INTO arrival_requests (uid, customer_id, lead_id, model, trim, colour, consultant, status, created_at) VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, ?, ?, 'waiting', ?) RETURNING id`)
    .pluck()
    .get(input.customerId, input.leadId ?? null, input.model, input.trim ?? null, input.colour ?? null, input.consultant ?? null, ctx.now().toISOString()) as number;
}
