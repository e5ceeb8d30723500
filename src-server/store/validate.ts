// What a push may write, checked per mutation before anything is applied. A mutation that
// fails here is a permanent rejection: it is recorded (applied_mutations + a conflict record
// of kind 'rejected' the desk sees in its inbox) and never blocks the desk's queue.
import { derivedFields, entityFields, fieldType, requiredOnCreate, type SyncEntity, type WireFields } from '../../src-shared/domain/sync/entities';
import type { Mutation } from '../../src-shared/domain/sync/protocol';
import type { Role } from '../../src-shared/domain/roles';

/** Conflict records are the server's; desks may only mark them resolved (supervisors, admins). */
const conflictEditableFields = new Set(['resolved', 'resolvedBy']);
export const conflictResolvers: readonly Role[] = ['supervisor', 'admin'];
const enums: Record<string, readonly string[]> = {
  'customers.gender': ['M', 'F'],
  'phones.kind': ['mobile', 'landline', 'service', 'other'],
  'service_visits.kind': ['first_maintenance', 'maintenance', 'repair', 'accident', 'warranty'],
};

export function mutationProblem(mutation: Mutation, role: Role, creating: boolean): string | null {
  const { entity, fields } = mutation;
  if (entity === 'conflicts') {
    if (!conflictResolvers.includes(role)) return `role ${role} may not resolve conflicts`;
    if (creating) return 'conflict records are created by the server';
    if (mutation.op !== 'upsert') return 'conflict records cannot be deleted';
    for (const field of Object.keys(fields)) if (!conflictEditableFields.has(field)) return `conflict field ${field} is read-only`;
  }
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
    if (type === 'int' && !Number.isSafeInteger(value)) return `${field} must be a whole number`;
    if (type === 'real' && typeof value !== 'number') return `${field} must be a number`;
    if (type === 'bool' && typeof value !== 'boolean') return `${field} must be true or false`;
    const allowed = enums[`${entity}.${field}`];
    if (allowed && !allowed.includes(value as string)) return `${field} must be one of ${allowed.join(', ')}`;
  }
  return null;
}
