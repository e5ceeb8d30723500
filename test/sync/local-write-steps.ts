// Fault-schedule steps that only write on desks, no network (schedules.ts): customers and
// phones through the sync layer's local writes (creates, edits, two desks editing the same
// field, deletes), and the capability records through their services (capability-steps.ts).
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createRecord, deleteRecord, editRecord } from '../../src-main/sync/local-writes';
import { capabilityArbs, runCapabilityCommand, type CapabilityCommand, type CapabilityDesk } from './capability-steps';

const fields = ['address', 'email', 'district', 'name', 'membershipTier'] as const;
const values = ['甲', '乙', '丙', '丁'];

export type LocalWrite =
  | { t: 'create'; desk: number; number: number }
  | { t: 'edit'; desk: number; pick: number; field: (typeof fields)[number]; value: number }
  | { t: 'editSame'; desks: [number, number]; pick: number; field: (typeof fields)[number] }
  | { t: 'phone'; desk: number; pick: number; value: number }
  | { t: 'delete'; desk: number; pick: number }
  | CapabilityCommand;

export function localWriteArbs(desks: number): fc.WeightedArbitrary<LocalWrite>[] {
  const desk = fc.integer({ min: 0, max: desks - 1 });
  const field = fc.constantFrom(...fields);
  return [
    { weight: 3, arbitrary: fc.record({ t: fc.constant('create' as const), desk, number: fc.integer({ min: 1, max: 6 }) }) },
    { weight: 5, arbitrary: fc.record({ t: fc.constant('edit' as const), desk, pick: fc.nat(), field, value: fc.nat({ max: values.length - 1 }) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('editSame' as const), desks: fc.tuple(desk, desk).filter(([a, b]) => a !== b), pick: fc.nat(), field }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('phone' as const), desk, pick: fc.nat(), value: fc.nat({ max: 99 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), desk, pick: fc.nat() }) },
    ...capabilityArbs(desks),
  ];
}

/** Runs one local write on the desk(s) it names; the caller logs what was queued. */
export function runLocalWrite(command: LocalWrite, desks: CapabilityDesk[], now: Date): void {
  const sqliteOf = (i: number) => desks[i].desk.sqlite;
  const customerAt = (i: number, pick: number) => {
    const uids = sqliteOf(i).prepare('SELECT uid FROM customers ORDER BY uid').pluck().all() as string[];
    return uids.length ? uids[pick % uids.length] : null;
  };
  switch (command.t) {
    case 'create': {
      const uid = randomUUID();
      createRecord(sqliteOf(command.desk), 'customers', uid, { number: `C${String(command.number).padStart(8, '0')}`, name: '客户', customFields: '{}' }, now);
      createRecord(sqliteOf(command.desk), 'phones', randomUUID(), { customer: uid, kind: 'mobile', raw: '13800000000', normalized: '13800000000', isPrimary: true }, now);
      return;
    }
    case 'edit': {
      const uid = customerAt(command.desk, command.pick);
      if (uid) editRecord(sqliteOf(command.desk), 'customers', uid, { [command.field]: values[command.value] }, now);
      return;
    }
    case 'editSame': {
      const [a, b] = command.desks;
      const uid = customerAt(a, command.pick);
      if (!uid || !sqliteOf(b).prepare('SELECT 1 FROM customers WHERE uid = ?').get(uid)) return;
      editRecord(sqliteOf(a), 'customers', uid, { [command.field]: `A-${a}` }, now);
      editRecord(sqliteOf(b), 'customers', uid, { [command.field]: `B-${b}` }, now);
      return;
    }
    case 'phone': {
      const uid = sqliteOf(command.desk).prepare('SELECT uid FROM phones WHERE uid IS NOT NULL ORDER BY uid LIMIT 1 OFFSET ?').pluck().get(command.pick % 4) as string | undefined;
      if (!uid) return;
      const n = `139000000${String(command.value).padStart(2, '0')}`;
      editRecord(sqliteOf(command.desk), 'phones', uid, { raw: n, normalized: n }, now);
      return;
    }
    case 'delete': {
      const uid = customerAt(command.desk, command.pick);
      if (uid) deleteRecord(sqliteOf(command.desk), 'customers', uid, now);
      return;
    }
    default:
      runCapabilityCommand(command, desks, now);
  }
}
