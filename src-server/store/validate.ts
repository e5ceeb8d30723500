// What a push may write, checked per mutation before anything is applied. A mutation that
// fails here is a permanent rejection: it is recorded (applied_mutations + a conflict record
// of kind 'rejected' the desk sees in its inbox) and never blocks the desk's queue.
import { attachmentMimeTypes, isSha256, maxAttachmentBytes } from '../../src-shared/domain/knowledge/attachments';
import { kbCategories, kbStatuses } from '../../src-shared/domain/knowledge/categories';
import { can, type Role } from '../../src-shared/domain/roles';
import {
  defaultTextLimit, derivedFields, entityFields, fieldType, longTextFields, requiredOnCreate, type SyncEntity, type WireFields, type WireValue,
} from '../../src-shared/domain/sync/entities';
import type { Mutation } from '../../src-shared/domain/sync/protocol';
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
};

/** Who may write an entity at all (the desk's services check the same permissions). */
function mayWrite(entity: SyncEntity, role: Role): boolean {
  // Articles, their history and their attachments: whoever may edit the KB.
  if (entity.startsWith('kb_')) return can(role, 'editKnowledge');
  return true;
}

export function mutationProblem(mutation: Mutation, role: Role, creating: boolean): string | null {
  const { entity, fields } = mutation;
  if (entity === 'conflicts') {
    if (!conflictResolvers.includes(role)) return `role ${role} may not resolve conflicts`;
    if (creating) return 'conflict records are created by the server';
    if (mutation.op !== 'upsert') return 'conflict records cannot be deleted';
    for (const field of Object.keys(fields)) if (!conflictEditableFields.has(field)) return `conflict field ${field} is read-only`;
  }
  if (!mayWrite(entity, role)) return `role ${role} may not change ${entity}`;
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
