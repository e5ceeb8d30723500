// Kind-specific fields of a work item are validated on every write, so a rescue always has a
// place, fault and callback number, and a merge never stores something the schema refuses.
import type { z } from 'zod';
import { DeskError } from '../../src-shared/contract/errors';
import { AccidentFieldsSchema, ComplaintFieldsSchema, FollowUpFieldsSchema, RescueFieldsSchema } from '../../src-shared/contract/work-items';
import type { WorkItemKind } from '../../src-shared/domain/workflows/kinds';

function schemaFor(kind: WorkItemKind): z.ZodObject | null {
  switch (kind) {
    case 'rescue':
      return RescueFieldsSchema;
    case 'accident':
      return AccidentFieldsSchema;
    case 'complaint':
    case 'suggestion':
      return ComplaintFieldsSchema;
    case 'follow_up':
    case 'callback':
    case 'survey':
      return FollowUpFieldsSchema;
    default:
      return null;
  }
}

/** Validated fields; kinds without a schema keep only short scalar values. `merge` validates base+patch. */
export function checkFields(kind: WorkItemKind, fields: Record<string, unknown>, base: Record<string, unknown> = {}): Record<string, unknown> {
  const schema = schemaFor(kind);
  const merged = { ...base, ...fields };
  if (!schema) {
    for (const [k, v] of Object.entries(fields)) {
      if (!(v === null || ['string', 'number', 'boolean'].includes(typeof v)) || String(v).length > 2000) throw new DeskError('invalid-input', `field ${k}: scalar expected`);
    }
    return merged;
  }
  // Internal bookkeeping fields (statusTimes, ivrChoice, routedTo, …) are kept as they are.
  const known = schema.loose().safeParse(merged);
  if (!known.success) {
    throw new DeskError('invalid-input', `invalid ${kind} fields`, known.error.issues.slice(0, 20).map((i) => ({ path: `fields.${i.path.join('.')}`, message: i.message })));
  }
  return known.data as Record<string, unknown>;
}
