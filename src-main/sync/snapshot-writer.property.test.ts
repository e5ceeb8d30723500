// The snapshot fast path must leave exactly what DeskRows.write leaves, row for row and column
// for column (derived search keys, advisor ids, parent ids), whatever the desk already holds:
// rows of the same uid with older or newer revs, a local customer holding a number, children
// whose parent is missing, tombstones of rows the desk holds (their children go with them);
// and pages written without foreign-key checks leave no broken reference.
import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import type { WireValue } from '../../src-shared/domain/sync/entities';
import { deskRows } from './desk-rows';
import { inSnapshotTransaction, snapshotWriter } from './snapshot-writer';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function openDesk(): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), 'dd-snapwriter-'));
  dirs.push(dir);
  return openDatabase(join(dir, 'dealerdesk.sqlite'), { key: 'none' }).sqlite;
}

/** Every column but the local ids, parents by uid, ordered by uid. */
function dump(sqlite: Database.Database): Record<string, unknown[]> {
  return {
    customers: sqlite.prepare(`SELECT c.*, a.name AS advisor_name FROM customers c LEFT JOIN advisors a ON a.id = c.advisor_id ORDER BY c.uid`).all().map(strip),
    phones: sqlite.prepare(`SELECT p.*, c.uid AS customer_uid FROM phones p JOIN customers c ON c.id = p.customer_id ORDER BY p.uid`).all().map(strip),
    vehicles: sqlite.prepare(`SELECT v.*, c.uid AS customer_uid FROM vehicles v JOIN customers c ON c.id = v.customer_id ORDER BY v.uid`).all().map(strip),
    service_visits: sqlite
      .prepare(`SELECT s.*, c.uid AS customer_uid, v.uid AS vehicle_uid FROM service_visits s JOIN customers c ON c.id = s.customer_id JOIN vehicles v ON v.id = s.vehicle_id ORDER BY s.uid`)
      .all()
      .map(strip),
  };
}

function strip(row: unknown): unknown {
  const { id: _id, customer_id: _c, vehicle_id: _v, advisor_id: _a, created_at: _ca, updated_at: _ua, ...rest } = row as Record<string, unknown>;
  return rest;
}

const text = (max = 6) => fc.option(fc.string({ unit: fc.constantFrom('a', 'B', '7', '王', '李', '粤', ' ', '-'), maxLength: max }), { nil: null });
const uidOf = (prefix: string, i: number) => `${prefix}-${String(i).padStart(3, '0')}`;

// Numbers are unique within a snapshot page (one transaction on the server).
const customerRow = (i: number) =>
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constant(i), fc.constantFrom('张三', '李四', '王五', ''), text(), text(), fc.constantFrom(null, '王顾问', '李顾问'), fc.boolean()).map(
    ([rev, number, name, address, email, advisor, withPinyin]): WireValue[] => [
      uidOf('c', i), rev, `C${number}`, name, 'M', null, '天河区', address, email, '个人', '普通', advisor, '{}', ...(withPinyin ? ['py', 'p'] : []),
    ],
  );
const phoneRow = (i: number, customers: number) =>
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: customers + 1 }), fc.string({ unit: fc.constantFrom('1', '3', '8'), maxLength: 11 }), fc.option(fc.boolean(), { nil: null })).map(
    ([rev, customer, number, primary]): WireValue[] => [uidOf('p', i), rev, uidOf('c', customer), 'mobile', number, number, primary],
  );
const vehicleRow = (i: number, customers: number) =>
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: customers + 1 }), fc.constantFrom(null, '粤A83AJ9', '粤ａ12345', 'AB'), fc.constantFrom(null, '', 'LHGCV3652S4069390'), fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null })).map(
    ([rev, customer, plate, vin, km]): WireValue[] => [uidOf('v', i), rev, uidOf('c', customer), plate, vin, '广汽本田', '雅阁', 2025, '蓝色', '2025-04-25', km, null, null, null, null, null, null, km],
  );
const visitRow = (i: number, customers: number, vehicles: number) =>
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: customers + 1 }), fc.integer({ min: 0, max: vehicles + 1 }), fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }), fc.boolean()).map(
    ([rev, customer, vehicle, amount, byAppointment]): WireValue[] => [uidOf('s', i), rev, uidOf('c', customer), uidOf('v', vehicle), '2026-01-02', 'repair', 1000, '王顾问', amount, byAppointment],
  );

const scenario = fc.record({ customers: fc.integer({ min: 1, max: 25 }), phones: fc.integer({ min: 0, max: 25 }), vehicles: fc.integer({ min: 0, max: 25 }), visits: fc.integer({ min: 0, max: 25 }) }).chain((n) =>
  fc.record({
    customers: fc.tuple(...Array.from({ length: n.customers }, (_, i) => customerRow(i))),
    phones: fc.tuple(...Array.from({ length: n.phones }, (_, i) => phoneRow(i, n.customers))),
    vehicles: fc.tuple(...Array.from({ length: n.vehicles }, (_, i) => vehicleRow(i, n.customers))),
    visits: fc.tuple(...Array.from({ length: n.visits }, (_, i) => visitRow(i, n.customers, n.vehicles))),
    /** Rows already on the desk before the snapshot: indexes into the lists and a rev shift. */
    existing: fc.array(fc.tuple(fc.constantFrom('customers', 'phones', 'vehicles', 'service_visits'), fc.nat(30), fc.integer({ min: -3, max: 3 })), { maxLength: 8 }),
    /** Existing rows deleted on the server (indexes into `existing`): tombstones in their entity's first page. */
    deleted: fc.array(fc.nat(7), { maxLength: 4 }),
    pageSize: fc.integer({ min: 1, max: 40 }),
  }),
);

describe('snapshot writer', () => {
  it('leaves what DeskRows.write leaves', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const slow = openDesk();
        const fast = openDesk();
        const pages = { customers: s.customers, phones: s.phones, vehicles: s.vehicles, service_visits: s.visits } as Record<'customers' | 'phones' | 'vehicles' | 'service_visits', WireValue[][]>;
        for (const desk of [slow, fast]) {
          const rows = deskRows(desk);
          for (const [entity, at, shift] of s.existing) {
            const row = pages[entity][at];
            if (!row) continue;
            // A local row of the same uid (rev 0 is a local record), or one that holds the number.
            const values = row.slice(2);
            if (entity === 'customers' && shift === 0) rows.write('customers', `local-${at}`, 0, values, true);
            else rows.write(entity, row[0] as string, Math.max(0, (row[1] as number) + shift), values, true);
          }
        }
        const prefix = { customers: 'c', phones: 'p', vehicles: 'v', service_visits: 's' } as const;
        for (const entity of ['customers', 'phones', 'vehicles', 'service_visits'] as const) {
          const tombstones = s.deleted.flatMap((k) => (s.existing[k]?.[0] === entity ? [uidOf(prefix[entity], s.existing[k][1])] : []));
          const all = pages[entity].filter((row) => !tombstones.includes(row[0] as string));
          for (let i = 0; i === 0 || i < all.length; i += s.pageSize) {
            const page = all.slice(i, i + s.pageSize);
            const deleted = i === 0 ? tombstones : [];
            slow.transaction(() => {
              for (const uid of deleted) deskRows(slow).remove(entity, uid);
              for (const row of page) deskRows(slow).write(entity, row[0] as string, row[1] as number, row.slice(2));
            })();
            // As apply.ts writes it: pages without tombstones go in without foreign-key checks.
            inSnapshotTransaction(fast, entity, deleted, () => false, () => snapshotWriter(fast).write(entity, page, deleted));
          }
        }
        expect(dump(fast)).toEqual(dump(slow));
        expect(fast.pragma('foreign_keys', { simple: true })).toBe(1);
        expect(fast.pragma('foreign_key_check')).toEqual([]);
        slow.close();
        fast.close();
      }),
      { numRuns: 30 },
    );
  });

  it("removes a tombstoned customer's children with it, so that page keeps its foreign-key checks", () => {
    const desk = openDesk();
    const rows = deskRows(desk);
    rows.write('customers', 'c-1', 1, ['C1', '张三', 'M', null, null, null, null, null, null, null, '{}'], true);
    rows.write('phones', 'p-1', 1, ['c-1', 'mobile', '13800000000', '13800000000', true], true);
    inSnapshotTransaction(desk, 'customers', ['c-1'], () => false, () => snapshotWriter(desk).write('customers', [], ['c-1']));
    expect(desk.prepare('SELECT count(*) FROM phones').pluck().get()).toBe(0);
    expect(desk.pragma('foreign_key_check')).toEqual([]);
    desk.close();
  });

  it('runs a page again with the checks when a local write was queued after they were switched off', () => {
    const desk = openDesk();
    const rows = deskRows(desk);
    rows.write('customers', 'c-1', 1, ['C1', '张三', 'M', null, null, null, null, null, null, null, '{}'], true);
    rows.write('phones', 'p-1', 1, ['c-1', 'mobile', '13800000000', '13800000000', true], true);
    let looks = 0;
    // Pending only from the second look on, as if another connection queued a delete in between;
    // the body re-applies it as apply.ts's rebase would.
    inSnapshotTransaction(desk, 'customers', [], () => looks++ > 0, () => rows.remove('customers', 'c-1'));
    expect(looks).toBe(2);
    expect(desk.prepare('SELECT count(*) FROM phones').pluck().get()).toBe(0);
    expect(desk.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(desk.pragma('foreign_key_check')).toEqual([]);
    desk.close();
  });
});
