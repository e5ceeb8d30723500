// Leads (意向客户): create, move along the stage table of src-shared/domain/sales/leads.ts
// (the furthest stage reached is kept for the funnel), list by stage or consultant.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { DeskError } from '../../src-shared/contract/errors';
import type { LeadView, NewLeadSchema } from '../../src-shared/contract/sales';
import { furthestAfter, type LeadStage } from '../../src-shared/domain/sales/leads';
import { canMove } from '../../src-shared/domain/sales/state-table';
import { leadStageTable } from '../../src-shared/domain/sales/leads';
import type { WorkflowContext } from '../workflows/context';

const leadSelect = `SELECT l.id, l.customer_id AS customerId, c.name AS customerName, l.source, l.models, l.budget_yuan AS budgetYuan, l.stage, l.furthest_stage AS furthestStage,
  l.lost_reason AS lostReason, l.consultant, l.next_step AS nextStep, l.next_step_date AS nextStepDate, l.order_id AS orderId, l.created_at AS createdAt
  FROM leads l JOIN customers c ON c.id = l.customer_id`;

type LeadRow = Omit<LeadView, 'models'> & { models: string };

function view(r: LeadRow): LeadView {
  return { ...r, models: JSON.parse(r.models) as string[] };
}

export function leadById(ctx: Pick<WorkflowContext, 'sqlite'>, id: number): LeadView {
  const r = ctx.sqlite.prepare(`${leadSelect} WHERE l.id = ?`).get(id) as LeadRow | undefined;
  if (!r) throw new DeskError('not-found', `lead ${id} not found`);
  return view(r);
}

export function createLead(ctx: WorkflowContext, input: z.output<typeof NewLeadSchema>): LeadView {
  if (!ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(input.customerId)) throw new DeskError('not-found', `customer ${input.customerId} not found`);
  const at = ctx.now().toISOString();
  const id = ctx.sqlite
    .prepare(`INSERT INTO leads (uid, customer_id, source, models, budget_yuan, stage, furthest_stage, consultant, next_step, next_step_date, created_by, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'new', 'new', ?, ?, ?, ?, ?, ?) RETURNING id`)
    .pluck()
    .get(randomUUID(), input.customerId, input.source, JSON.stringify(input.models), input.budgetYuan ?? null, input.consultant ?? ctx.session.userName, input.nextStep ?? null, input.nextStepDate ?? null, ctx.session.userName, at, at) as number;
  ctx.emit('sales.changed', { kind: 'lead', ids: [id] });
  return leadById(ctx, id);
}

export interface LeadPatch {
  id: number;
  stage?: LeadStage;
  lostReason?: string | null;
  consultant?: string | null;
  nextStep?: string | null;
  nextStepDate?: string | null;
  models?: string[];
}

export function updateLead(ctx: WorkflowContext, patch: LeadPatch): LeadView {
  const lead = leadById(ctx, patch.id);
  let stage = lead.stage;
  let furthest = lead.furthestStage as Exclude<LeadStage, 'lost'>;
  if (patch.stage && patch.stage !== lead.stage) {
    if (!canMove(leadStageTable, lead.stage, patch.stage)) throw new DeskError('conflict', `a lead cannot go from ${lead.stage} to ${patch.stage}`);
    if (patch.stage === 'lost' && !(patch.lostReason ?? '').trim()) throw new DeskError('invalid-input', 'a lost lead needs a reason', [{ path: 'lostReason', message: 'required' }]);
    stage = patch.stage;
    furthest = furthestAfter(furthest, patch.stage);
  }
  ctx.sqlite
    .prepare(`UPDATE leads SET stage = ?, furthest_stage = ?, lost_reason = ?, consultant = ?, next_step = ?, next_step_date = ?, models = ?, updated_at = ? WHERE id = ?`)
    .run(
      stage, furthest, stage === 'lost' ? (patch.lostReason ?? lead.lostReason) : null, patch.consultant !== undefined ? patch.consultant : lead.consultant,
      patch.nextStep !== undefined ? patch.nextStep : lead.nextStep, patch.nextStepDate !== undefined ? patch.nextStepDate : lead.nextStepDate,
      JSON.stringify(patch.models ?? lead.models), ctx.now().toISOString(), lead.id,
    );
  ctx.emit('sales.changed', { kind: 'lead', ids: [lead.id] });
  return leadById(ctx, lead.id);
}

export function listLeads(ctx: WorkflowContext, f: { stage?: LeadStage; customerId?: number; mine: boolean; limit: number }): LeadView[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.stage) { where.push('l.stage = ?'); args.push(f.stage); }
  if (f.customerId) { where.push('l.customer_id = ?'); args.push(f.customerId); }
  if (f.mine) { where.push('l.consultant = ?'); args.push(ctx.session.userName); }
  const rows = ctx.sqlite
    .prepare(`${leadSelect} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY coalesce(l.next_step_date, '9999'), l.id DESC LIMIT ?`)
    .all(...args, f.limit) as LeadRow[];
  return rows.map(view);
}
