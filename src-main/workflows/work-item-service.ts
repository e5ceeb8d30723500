// Work items: create (SLA deadline, complaint routing of seed 003), transitions enforced by the
// machines of src-shared/domain/workflows/state-machines.ts, comments, attachments, detail.
// Every state change and comment is a history row: who, when, what (seed 000: 受理 分发 处理 批示
// 跟踪 催办 回复 each recorded).
import { ruleUid } from '../sync/record-tables';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeskError } from '../../src-shared/contract/errors';
import type { NewWorkItemSchema, WorkItemDetail, WorkItemView } from '../../src-shared/contract/work-items';
import type { z } from 'zod';
import { addDays, toIsoDate } from '../../src-shared/domain/dates';
import { plannedFollowUps } from '../../src-shared/domain/workflows/follow-up-rules';
import { slaKinds, type Department, type WorkItemKind } from '../../src-shared/domain/workflows/kinds';
import { isInfluentialMark, routeComplaint } from '../../src-shared/domain/workflows/routing';
import { slaDeadline } from '../../src-shared/domain/workflows/sla';
import { machineFor, transition, type TransitionRefusal } from '../../src-shared/domain/workflows/state-machines';
import type { WorkflowContext } from './context';
import { insertFollowUps } from './follow-up-planner';
import { loadWorkflowSettings, slaRulesOf } from './settings';
import { checkFields } from './work-item-fields';
import {
  appendHistory, attachmentRow, attachmentsOf, historyOf, insertAttachment, insertWorkItem, linksOf, linkWorkItem, updateWorkItem, workItemRow,
} from './work-item-repository';
import { workItemView } from './work-item-view';

type NewWorkItemInput = z.output<typeof NewWorkItemSchema>;

export interface CreateOptions {
  /** Rule-made items: one per key. */
  sourceKey?: string;
  /** Queue order override (follow-ups: due time). */
  sortAt?: string;
}

function importanceFacts(ctx: WorkflowContext, customerId: number | null, vehicleId: number | null, fields: Record<string, unknown>, today: string) {
  const windowStart = addDays(today, -90);
  const recentRepairs = vehicleId
    ? (ctx.sqlite.prepare(`SELECT count(*) FROM service_visits WHERE vehicle_id = ? AND kind IN ('repair','warranty') AND visit_date > ? AND visit_date <= ?`).pluck().get(vehicleId, windowStart, today) as number)
    : 0;
  let influential = false;
  if (customerId) {
    const c = ctx.sqlite.prepare('SELECT category, membership_tier AS tier, custom_fields AS custom FROM customers WHERE id = ?').get(customerId) as { category: string | null; tier: string | null; custom: string } | undefined;
    if (c) influential = isInfluentialMark(c.category) || isInfluentialMark(c.tier) || Object.values(JSON.parse(c.custom || '{}') as Record<string, string>).some((v) => isInfluentialMark(v));
  }
  return { recentRepairsOfVehicle: recentRepairs, ourFault: fields.ourFault === true, major: fields.major === true, influential };
}

function checkCustomerVehicle(ctx: WorkflowContext, customerId: number | null, vehicleId: number | null): void {
  if (customerId && !ctx.sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(customerId)) throw new DeskError('not-found', `customer ${customerId} not found`);
  if (vehicleId) {
    const owner = ctx.sqlite.prepare('SELECT customer_id FROM vehicles WHERE id = ?').pluck().get(vehicleId) as number | undefined;
    if (owner === undefined) throw new DeskError('not-found', `vehicle ${vehicleId} not found`);
    if (customerId && owner !== customerId) throw new DeskError('invalid-input', 'the vehicle belongs to another customer');
  }
}

/** Creates a work item; returns its id (or the existing one's null when sourceKey was used before). */
export function createWorkItem(ctx: WorkflowContext, input: NewWorkItemInput, options: CreateOptions = {}): number | null {
  const now = ctx.now();
  const at = now.toISOString();
  const settings = loadWorkflowSettings(ctx.sqlite);
  const kind = input.kind as WorkItemKind;
  const customerId = input.customerId ?? null;
  const vehicleId = input.vehicleId ?? null;
  checkCustomerVehicle(ctx, customerId, vehicleId);
  const fields = checkFields(kind, input.fields ?? {});
  const machine = machineFor(kind);
  const deadlineAt = slaKinds.has(kind) ? slaDeadline(now, slaRulesOf(settings)).toISOString() : null;
  let department: Department | null = (input.department as Department | null | undefined) ?? null;
  let owner = input.owner ?? null;
  let priority = input.priority ?? 'normal';
  let importance: string[] = [];
  if (kind === 'complaint') {
    const route = routeComplaint(input.category ?? null, importanceFacts(ctx, customerId, vehicleId, fields, toIsoDate(now)));
    department = department ?? route.department;
    importance = route.reasons;
    if (route.level === 'manager') {
      priority = 'high';
      owner = settings.managers[department] ?? owner;
      fields.routedTo = 'manager';
    }
  }
  let call: { ivr_choice: string | null; customer_id: number | null } | undefined;
  if (input.callUid) {
    call = ctx.sqlite.prepare('SELECT ivr_choice, customer_id FROM call_log WHERE uid = ?').get(input.callUid) as typeof call;
    if (call?.ivr_choice) fields.ivrChoice = call.ivr_choice;
  }
  const write = () => {
    const id = insertWorkItem(ctx.sqlite, {
      kind, status: machine.initial, title: input.title, description: input.description ?? '', category: input.category ?? null, department, priority, owner,
      createdBy: ctx.session.userName, customerId, vehicleId, deadlineAt, sortAt: options.sortAt ?? deadlineAt ?? at, fields, importance,
      sourceKey: options.sourceKey ?? null, at,
    });
    if (id === null) return null;
    appendHistory(ctx.sqlite, id, {
      at, actor: ctx.session.userName, action: 'create', toStatus: machine.initial, note: input.description || null, data: importance.length ? { importance, owner } : null,
      uid: options.sourceKey ? ruleUid(`${options.sourceKey}:create`) : undefined,
    });
    if (input.callUid) linkWorkItem(ctx.sqlite, id, 'call', input.callUid);
    return id;
  };
  const id = ctx.sqlite.inTransaction ? write() : ctx.sqlite.transaction(write)();
  if (id !== null) ctx.emit('workItems.changed', { ids: [id] });
  return id;
}

export function createWorkItemView(ctx: WorkflowContext, input: NewWorkItemInput): WorkItemView {
  const id = createWorkItem(ctx, input);
  return workItemView(workItemRow(ctx.sqlite, id!), ctx.now(), ctx.session.role);
}

const refusalCode: Record<TransitionRefusal, 'invalid-input' | 'forbidden' | 'conflict'> = {
  'unknown-action': 'invalid-input',
  'not-allowed-from-state': 'conflict',
  'role-not-allowed': 'forbidden',
  'assignee-required': 'invalid-input',
  'note-required': 'invalid-input',
};

export interface TransitionInput {
  id: number;
  action: string;
  note?: string;
  assignee?: string;
  department?: Department;
  fields?: Record<string, unknown>;
  expectedVersion?: number;
}

export function transitionWorkItem(ctx: WorkflowContext, input: TransitionInput, actor = ctx.session.userName): WorkItemView {
  const at = ctx.now().toISOString();
  const write = () => {
    const row = workItemRow(ctx.sqlite, input.id);
    const kind = row.kind as WorkItemKind;
    const result = transition(machineFor(kind), row.status, input.action, { role: ctx.session.role, assignee: input.assignee, note: input.note });
    if (!result.ok) throw new DeskError(refusalCode[result.reason], `${input.action} is not allowed on a ${kind} in status ${row.status} (${result.reason})`);
    const base = JSON.parse(row.fields) as Record<string, unknown>;
    const fields = input.fields ? checkFields(kind, input.fields, base) : base;
    if (result.changesState) fields.statusTimes = { ...(fields.statusTimes as Record<string, string> | undefined), [result.to]: at };
    if (kind === 'complaint' && input.action === 'reply') fields.reply = input.note;
    if (kind === 'rescue' && input.action === 'report_result') fields.result = input.note;
    if (input.action === 'dispatch' && input.assignee) fields.technician = fields.technician ?? input.assignee;
    const closing = result.to === 'closed';
    updateWorkItem(
      ctx.sqlite,
      row.id,
      {
        status: result.to,
        open: !closing,
        owner: input.assignee ?? undefined,
        department: input.department ?? undefined,
        fields,
        closedAt: closing ? at : result.to !== row.status ? null : undefined,
        repliedAt: kind === 'complaint' && input.action === 'reply' && !row.repliedAt ? at : undefined,
      },
      at,
      input.expectedVersion,
    );
    appendHistory(ctx.sqlite, row.id, {
      at, actor, action: input.action, fromStatus: row.status, toStatus: result.to, note: input.note ?? null,
      data: input.assignee || input.department || input.fields ? { assignee: input.assignee, department: input.department, fields: input.fields } : null,
    });
    if (closing && kind === 'complaint' && row.customerId) {
      insertFollowUps(ctx, plannedFollowUps('complaint_closed', at.slice(0, 10), `complaint:${row.uid}`, loadWorkflowSettings(ctx.sqlite).followUpRules), row.customerId, row.vehicleId, { complaintId: row.id });
    }
    return row.id;
  };
  const id = ctx.sqlite.inTransaction ? write() : ctx.sqlite.transaction(write)();
  ctx.emit('workItems.changed', { ids: [id] });
  return workItemView(workItemRow(ctx.sqlite, id), ctx.now(), ctx.session.role);
}

export function commentOnWorkItem(ctx: WorkflowContext, id: number, text: string) {
  const at = ctx.now().toISOString();
  const row = workItemRow(ctx.sqlite, id);
  const hid = appendHistory(ctx.sqlite, id, { at, actor: ctx.session.userName, action: 'comment', fromStatus: row.status, toStatus: row.status, note: text });
  ctx.emit('workItems.changed', { ids: [id] });
  return { id: hid, at, actor: ctx.session.userName, action: 'comment', fromStatus: row.status, toStatus: row.status, note: text, data: null };
}

export function workItemDetail(ctx: WorkflowContext, id: number): WorkItemDetail {
  const row = workItemRow(ctx.sqlite, id);
  return { ...workItemView(row, ctx.now(), ctx.session.role), history: historyOf(ctx.sqlite, id), attachments: attachmentsOf(ctx.sqlite, id), links: linksOf(ctx.sqlite, id) };
}

const maxAttachmentBytes = 10 * 1024 * 1024;

function attachmentDir(dataDir: string): string {
  return join(dataDir, 'work-item-attachments');
}

export function attachToWorkItem(ctx: WorkflowContext, input: { id: number; name: string; mime: string; dataBase64: string }) {
  workItemRow(ctx.sqlite, input.id);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) throw new DeskError('invalid-input', 'empty attachment');
  if (bytes.length > maxAttachmentBytes) throw new DeskError('invalid-input', 'attachment larger than 10 MB');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dir = attachmentDir(ctx.dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, sha256);
  if (!existsSync(path)) writeFileSync(path, bytes);
  const at = ctx.now().toISOString();
  const name = input.name.replace(/[\\/]/g, '_');
  const attachmentId = insertAttachment(ctx.sqlite, input.id, { name, mime: input.mime, size: bytes.length, sha256, createdBy: ctx.session.userName, at });
  appendHistory(ctx.sqlite, input.id, { at, actor: ctx.session.userName, action: 'attach', note: name, data: { attachmentId } });
  ctx.emit('workItems.changed', { ids: [input.id] });
  return { id: attachmentId, name, mime: input.mime, size: bytes.length, createdBy: ctx.session.userName, createdAt: at };
}

export function readAttachment(ctx: WorkflowContext, attachmentId: number) {
  const row = attachmentRow(ctx.sqlite, attachmentId);
  const path = join(attachmentDir(ctx.dataDir), row.sha256);
  if (!existsSync(path)) throw new DeskError('not-found', 'attachment file missing from the data folder');
  return { name: row.name, mime: row.mime, dataBase64: readFileSync(path).toString('base64') };
}
