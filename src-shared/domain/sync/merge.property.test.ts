// Properties of the per-field merge: different fields never conflict; a field the desk saw
// (field rev ≤ base rev) applies without conflict; a blind overwrite applies and reports the
// overwritten value; re-merging the same edit onto its own result changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeFields, type StoredRecord } from './merge';

const value = fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.constant(null));
const fieldNames = ['address', 'email', 'district'];
const record = fc.record({
  values: fc.record({ address: value, email: value, district: value }),
  fieldRevs: fc.record({ address: fc.nat(20), email: fc.nat(20), district: fc.nat(20) }),
  deleted: fc.constant(false),
}) as fc.Arbitrary<StoredRecord>;
const edit = fc.dictionary(fc.constantFrom(...fieldNames), value, { minKeys: 1 });

describe('mergeFields', () => {
  it('applies every field of a new record', () => {
    fc.assert(fc.property(edit, fc.nat(20), (fields, base) => {
      expect(mergeFields(null, fields, base, () => false)).toEqual({ apply: fields, conflicts: [] });
    }));
  });

  it('conflicts exactly on changed fields written after the base rev, and applies the later arrival', () => {
    fc.assert(fc.property(record, edit, fc.nat(20), (current, fields, base) => {
      const { apply, conflicts } = mergeFields(current, fields, base, () => false);
      for (const [field, v] of Object.entries(fields)) {
        const changed = current.values[field] !== v;
        expect(field in apply).toBe(changed);
        const blind = changed && current.fieldRevs[field] > base;
        expect(conflicts.some((c) => c.field === field)).toBe(blind);
      }
      for (const c of conflicts) expect(c).toMatchObject({ lostValue: current.values[c.field], wonValue: fields[c.field], lostRev: current.fieldRevs[c.field] });
    }));
  });

  it('never conflicts for edits of different fields, nor for the same desk writing twice', () => {
    fc.assert(fc.property(record, edit, fc.nat(20), (current, fields, base) => {
      expect(mergeFields(current, fields, base, () => true).conflicts).toEqual([]);
      const untouched = fieldNames.filter((f) => !(f in fields));
      const other = Object.fromEntries(untouched.map((f) => [f, 'z']));
      expect(mergeFields(current, other, 100, () => false).conflicts).toEqual([]);
    }));
  });

  it('is idempotent: merging an edit onto its own result applies nothing', () => {
    fc.assert(fc.property(record, edit, fc.nat(20), (current, fields, base) => {
      const first = mergeFields(current, fields, base, () => false);
      const after: StoredRecord = { ...current, values: { ...current.values, ...first.apply } };
      expect(mergeFields(after, fields, base, () => false)).toEqual({ apply: {}, conflicts: [] });
    }));
  });
});
