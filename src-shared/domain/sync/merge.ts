// Per-field merge (issue 6). Order is the server's: a mutation is merged when it arrives, and
// the server's rev order is the only clock (desk clocks are never compared).
//  - a field nobody changed since the desk saw the row (field rev ≤ base rev), or one last
//    written by the same desk, is applied;
//  - a field already holding the new value is left alone (no conflict, no new rev);
//  - otherwise two desks edited the same field: the later arrival wins and the overwritten
//    value is returned as a conflict, to be stored as a record a supervisor can restore.
// Different fields of one record never conflict. Pure: no I/O, revs passed in.
import { appendOnlyEntities, sameValue, type WireFields, type WireValue } from './entities';
import type { Mutation } from './protocol';

export interface StoredRecord {
  values: WireFields;
  fieldRevs: Record<string, number>;
  deleted: boolean;
}

export interface FieldConflict {
  field: string;
  lostValue: WireValue;
  wonValue: WireValue;
  lostRev: number;
}

export interface MergeResult {
  /** Fields to write (with the mutation's rev). */
  apply: WireFields;
  conflicts: FieldConflict[];
}

/**
 * @param sameWriter tells whether the field's last write (by rev) came from the pushing desk:
 *   a desk's second edit of a field it already changed is sequential, not a conflict.
 */
export function mergeFields(
  current: StoredRecord | null,
  incoming: WireFields,
  baseRev: number,
  sameWriter: (rev: number) => boolean,
): MergeResult {
  const apply: WireFields = {};
  const conflicts: FieldConflict[] = [];
  for (const [field, value] of Object.entries(incoming)) {
    if (!current) {
      apply[field] = value;
      continue;
    }
    const stored = current.values[field] ?? null;
    if (sameValue(stored, value)) continue;
    const fieldRev = current.fieldRevs[field] ?? 0;
    if (fieldRev <= baseRev || sameWriter(fieldRev)) {
      apply[field] = value;
      continue;
    }
    apply[field] = value;
    conflicts.push({ field, lostValue: stored, wonValue: value, lostRev: fieldRev });
  }
  return { apply, conflicts };
}

/**
 * An upsert the server skips rather than merges because it holds the record already: a history
 * entry (append-only), or the create (base rev 0) of a rule-made work item whose source key the
 * held row carries. The server records it as 'exists'; a desk rebasing keeps the server's row.
 */
export function madeAlready(m: Pick<Mutation, 'op' | 'entity' | 'baseRev' | 'fields'>, heldSourceKey: WireValue | undefined): boolean {
  if (m.op !== 'upsert') return false;
  if (appendOnlyEntities.has(m.entity)) return true;
  return m.entity === 'work_items' && m.baseRev === 0 && typeof m.fields.sourceKey === 'string' && m.fields.sourceKey === heldSourceKey;
}
