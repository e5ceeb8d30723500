// What a push may write, checked per mutation before anything is applied. A mutation that
// fails here is a permanent rejection: it is recorded (applied_mutations + a conflict record
// of kind 'rejected' the desk sees in its inbox) and never blocks the desk's queue.
import { attachmentMimeTypes, isSha256, maxAttachmentBytes } from '../../src-shared/domain/knowledge/attachments';
import { kbCategories, kbStatuses } from '../../src-shared/domain/knowledge/categories';
import { coverItems } from '../../src-shared/domain/insurance/cover';
import { renewalStages } from '../../src-shared/domain/insurance/renewal';
import { can, type Permission, type Role } from '../../src-shared/domain/roles';
import { leadSources, leadStages } from '../../src-shared/domain/sales/leads';
import { contractStatuses, deliveryStatuses, orderStatuses } from '../../src-shared/domain/sales/orders';
import { stockStatuses } from '../../src-shared/domain/sales/stock';
import {
  defaultTextLimit, derivedFields, entityFields, fieldType, longTextFields, requiredOnCreate, type SyncEntity, type WireFields, type WireValue,
} from '../../src-shared/domain/sync/entities';
import type { Mutation } from '../../src-shared/domain/sync/protocol';
import { winBackStatuses } from '../../src-shared/domain/winback/winback';
import { workItemKinds, type WorkItemKind } from '../../src-shared/domain/workflows/kinds';
import { machineFor } from '../../src-shared/domain/workflows/state-machines';

/** Conflict records are the server's; desks may only mark them resolved (supervisors, admins). */
const conflictEditableFields = new Set(['resolved', 'resolvedBy']);
export const conflictResolvers: readonly Role[] = ['supervisor', 'admin'];
const enums: Record<string, readonly string[]> = {
  'customers.gender': ['M', 'F'],
  'phones.kind': ['mobile', 'landline', 'service', 'other'],
  'service_visits.kind': ['first_maintenance', 'maintenance', 'repair', 'accident', 'warranty'],
  'kb_articles.category': kbCategories,
  'kb_articles.status': kbStatuses,
  'work_items.kind': workItemKinds,
  'appointments.status': ['booked', 'checked_in', 'cancelled', 'no_show'],
  'appointments.kind': ['maintenance', 'repair', 'first_maintenance', 'inspection', 'viewing'],
  'call_records.direction': ['inbound', 'outbound'],
  'kb_attachments.mime': attachmentMimeTypes,
  'leads.source': leadSources,
  'leads.stage': leadStages,
  'leads.furthestStage': leadStages,
  'stock_cars.status': stockStatuses,
  'arrival_requests.status': ['waiting', 'notified', 'cancelled'],
  'sales_orders.status': orderStatuses,
  'deliveries.status': deliveryStatuses,
  'sales_contracts.status': contractStatuses,
  'policy_items.code': coverItems,
  'renewals.stage': renewalStages,
  'win_backs.status': winBackStatuses,
  'win_backs.churnStatus': ['active', 'at_risk', 'lost', 'permanently_lost', 'new'],
  'message_templates.channel': ['sms', 'email'],
  'message_templates.purpose': ['service', 'marketing'],
  'message_templates.expectsReply': ['rating', 'rsvp'],
  'messages.channel': ['sms', 'email'],
  'messages.direction': ['out', 'in'],
  'messages.purpose': ['service', 'marketing', 'reply'],
  'messages.status': ['queued', 'sending', 'sent', 'failed', 'suppressed', 'received'],
  'message_opt_outs.scope': ['none', 'marketing', 'all'],
};

/** Supervisors and admins: the people who set up forms and templates and review recordings. */
const managers: readonly Role[] = ['supervisor', 'admin'];

/**
 * Who may write each entity at all (the desk's contract checks the same roles, src-shared/contract):
 * a permission of src-shared/domain/roles.ts, a list of roles, or everyone (messages, opt-outs,
 * survey answers: an agent's daily work, and rules any desk runs).
 */
const writers: Partial<Record<SyncEntity, Permission | readonly Role[]>> = {
  leads: 'manageSales',
  arrival_requests: 'manageSales',
  stock_cars: 'manageSalesOffice',
  sales_orders: 'manageSalesOffice',
  deliveries: 'manageSalesOffice',
  sales_contracts: 'manageSalesOffice',
  policies: 'manageInsurance',
  policy_items: 'manageInsurance',
  renewals: 'manageInsurance',
  membership_points: 'manageMembership',
  win_backs: 'workWinBack',
  quality_reviews: 'viewDashboards',
  quality_comments: 'viewDashboards',
  questionnaires: managers,
  surveys: managers,
  message_templates: managers,
};

/** Who may write an entity at all (the desk's services check the same permissions). */
function mayWrite(entity: SyncEntity, role: Role): boolean {
  // Articles, their history and their attachments: whoever may edit the KB.
  if (entity.startsWith('kb_')) return can(role, 'editKnowledge');
  const who = writers[entity];
  if (who === undefined) return true;
  return typeof who === 'string' ? can(role, who) : who.includes(role);
}

export function mutationProblem(mutation: Mutation, role: Role, creating: boolean): string | null {
  const { entity, fields } = mutation;
  if (entity === 'conflicts') {
    if (!conflictResolvers.includes(role)) return `role ${role} may not resolve conflicts`;
    if (creating) return 'conflict records are created by the server';
    if (mutation.op !== 'upsert') return 'conflict records cannot be deleted';
    for (const field of Object.keys(fields)) if (!conflictEditableFields.has(field)) return `conflict field ${field} is read-only`;
  }
  // A rule may add a template it needs (the car-arrival text, sales/arrival-service.ts) from any
  // desk; changing one that exists stays with those who edit templates.
  const ruleDefault = entity === 'message_templates' && creating && mutation.op === 'upsert';
  if (!mayWrite(entity, role) && !ruleDefault) return `role ${role} may not change ${entity}`;
  if (mutation.op === 'delete') return null;
  const problem = fieldProblem(entity, fields);
  if (problem) return problem;
  if (creating) {
    for (const field of requiredOnCreate[entity]) {
      if (fields[field] === undefined || fields[field] === null || fields[field] === '') return `${field} is required to create ${entity}`;
    }
  }
  return null;
}

function fieldProblem(entity: SyncEntity, fields: WireFields): string | null {
  const own = entityFields[entity] as readonly string[];
  const derived = derivedFields[entity] as readonly string[];
  for (const [field, value] of Object.entries(fields)) {
    if (derived.includes(field)) return `${field} is derived by the server`;
    if (!own.includes(field)) return `unknown field ${entity}.${field}`;
    if (value === null) {
      if (requiredOnCreate[entity].includes(field)) return `${field} cannot be cleared`;
      continue;
    }
    const type = fieldType(field);
    if (type === 'text' && typeof value !== 'string') return `${field} must be text`;
    if (type === 'text' && (value as string).length > (longTextFields[`${entity}.${field}`] ?? defaultTextLimit)) return `${field} is too long`;
    if (type === 'int' && !Number.isSafeInteger(value)) return `${field} must be a whole number`;
    if (type === 'real' && typeof value !== 'number') return `${field} must be a number`;
    if (type === 'bool' && typeof value !== 'boolean') return `${field} must be true or false`;
    const allowed = enums[`${entity}.${field}`];
    if (allowed && !allowed.includes(value as string)) return `${field} must be one of ${allowed.join(', ')}`;
  }
  if (entity === 'kb_attachments') {
    if ('sha256' in fields && !isSha256(fields.sha256)) return 'sha256 must be 64 lowercase hex digits';
    const size = fields.size;
    if (typeof size === 'number' && (size < 0 || size > maxAttachmentBytes)) return `size must be at most ${maxAttachmentBytes} bytes`;
    if (typeof fields.name === 'string' && (fields.name.startsWith('/') || fields.name.split(/[\\/]/).includes('..'))) return 'name must be a relative path';
  }
  return amountProblem(fields) ?? jsonProblem(entity, fields);
}

const amounts = ['budgetYuan', 'priceYuan', 'depositYuan', 'premiumYuan', 'sumInsuredYuan', 'quoteYuan', 'amountYuan'];
const maxYuan = 100_000_000;

/** Money is never negative and never more than the desk's forms take (src-shared/contract/sales.ts: ≤ 1 亿). */
function amountProblem(fields: WireFields): string | null {
  for (const field of amounts) {
    const value = fields[field];
    if (typeof value === 'number' && (!Number.isFinite(value) || value < 0 || value > maxYuan)) return `${field} must be between 0 and ${maxYuan}`;
  }
  const share = fields.share;
  if (typeof share === 'number' && !(share > 0 && share <= 1)) return 'share must be more than 0 and at most 1';
  return null;
}

/** Fields the desks parse as JSON (a bad one would break every desk's screen that shows it). */
const jsonFields: Readonly<Record<string, 'array' | 'object'>> = {
  'leads.models': 'array', 'win_backs.importance': 'array', 'quality_reviews.scores': 'object', 'questionnaires.definition': 'object',
  'surveys.segment': 'object', 'survey_answers.answers': 'object', 'messages.params': 'object', 'messages.parsed': 'object',
};

function jsonProblem(entity: SyncEntity, fields: WireFields): string | null {
  for (const [field, value] of Object.entries(fields)) {
    const shape = jsonFields[`${entity}.${field}`];
    if (!shape || typeof value !== 'string') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return `${field} must be JSON`;
    }
    const ok = shape === 'array' ? Array.isArray(parsed) : parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
    if (!ok) return `${field} must be a JSON ${shape}`;
  }
  return null;
}

/**
 * Work-item status changes follow the state machine of src-shared/domain/workflows (the one
 * the desk enforces): a new item starts in a state of its kind, a change of status must be a
 * transition some action allowed to this role makes. Checked against the server's current row.
 */
export function statusProblem(entity: SyncEntity, role: Role, current: { kind: WireValue; status: WireValue } | null, fields: WireFields): string | null {
  if (entity !== 'work_items' || !('status' in fields || 'kind' in fields)) return null;
  const kind = (fields.kind ?? current?.kind) as WorkItemKind;
  if (current && 'kind' in fields && fields.kind !== current.kind) return 'the kind of a work item cannot change';
  const machine = machineFor(kind);
  const to = (fields.status ?? current?.status) as string;
  if (!machine.states.includes(to)) return `${to} is not a state of a ${kind} work item`;
  if (!current || current.status === to) return null;
  const allowed = Object.values(machine.actions).some((a) => a.from.includes(current.status as string) && (a.to ?? current.status) === to && (!a.roles || a.roles.includes(role)));
  return allowed ? null : `a ${kind} work item cannot go from ${String(current.status)} to ${to} (role ${role})`;
}
