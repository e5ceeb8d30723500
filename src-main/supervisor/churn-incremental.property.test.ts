// The nightly run rewrites only the churn_snapshot rows that changed (churn-snapshot.ts). Here a
// desk is built as of one day, its data changed at random — visits added, moved, deleted,
// malformed; advisors reassigned; customers deleted (their visits and snapshot rows stay orphaned
// or go) — and rebuilt as of a later day in small slices; the result must equal a rebuild from
// an empty snapshot, in every snapshot column but as_of and in every monthly figure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnRules, type ChurnRules } from '../../src-shared/domain/churn';
import { addDays } from '../../src-shared/domain/dates';
import { visitKinds } from '../../src-shared/domain/kpi/visits';
import { rebuildSupervisorFigures } from './churn-job';
import { testDesk } from './test-desk';

type Change =
  | { op: 'visit'; customer: number; day: number; kind: number; appt: boolean }
  | { op: 'move'; pick: number; day: number }
  | { op: 'delete'; pick: number }
  | { op: 'malformed'; customer: number }
  | { op: 'advisor'; customer: number; advisor: number }
  | { op: 'drop-customer'; customer: number };

describe('incremental churn snapshot', () => {
  it('equals a rebuild from an empty snapshot after random changes', () => {
    const d = testDesk();
    const withAsOf = () => new Map((d.sqlite.prepare('SELECT customer_id, advisor_id, visit_class, status, last_visit, counts_against, as_of FROM churn_snapshot').raw().all() as unknown[][]).map((r) => [r[0], r]));
    const snapshotOf = () => d.sqlite.prepare('SELECT customer_id, advisor_id, visit_class, status, last_visit, counts_against FROM churn_snapshot ORDER BY customer_id').raw().all();
    const figuresOf = () => d.sqlite.prepare('SELECT metric, month, key, value FROM kpi_monthly ORDER BY 1, 2, 3').raw().all();
    const changeArb: fc.Arbitrary<Change> = fc.oneof(
      fc.record({ op: fc.constant('visit' as const), customer: fc.nat(11), day: fc.integer({ min: 0, max: 1500 }), kind: fc.nat(visitKinds.length - 1), appt: fc.boolean() }),
      fc.record({ op: fc.constant('move' as const), pick: fc.nat(), day: fc.integer({ min: 0, max: 1500 }) }),
      fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
      fc.record({ op: fc.constant('malformed' as const), customer: fc.nat(11) }),
      fc.record({ op: fc.constant('advisor' as const), customer: fc.nat(11), advisor: fc.nat(2) }),
      fc.record({ op: fc.constant('drop-customer' as const), customer: fc.nat(11) }),
    );
    const rulesArb = fc.constantFrom<ChurnRules>(churnRules, { ...churnRules, atRiskMonths: 3, lostMonths: 5, permanentlyLostMonths: 8, advisorChurnFromMonths: 2, advisorChurnUntilMonths: 5 });
    fc.assert(fc.property(
      fc.array(changeArb, { maxLength: 40 }), fc.array(changeArb, { maxLength: 25 }), fc.integer({ min: 900, max: 1500 }), fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 1, max: 5 }), rulesArb,
      (initial, changes, firstOffset, laterBy, sliceCustomers, rules) => {
        d.sqlite.exec('DELETE FROM service_visits; DELETE FROM churn_snapshot; DELETE FROM vehicles; DELETE FROM customers;');
        const advisors = ['顾问甲', '顾问乙', null];
        const customers = Array.from({ length: 12 }, (_, i) => d.customer({ name: `客户${i}`, advisorName: advisors[i % 3], vehicles: [{ plate: `粤B3${String(i).padStart(4, '0')}` }] }));
        const advisorIds = advisors.map((name) => (name ? (d.sqlite.prepare('SELECT id FROM advisors WHERE name = ?').pluck().get(name) as number) : null));
        const apply = (c: Change) => {
          const visitIds = d.sqlite.prepare('SELECT id FROM service_visits ORDER BY id').pluck().all() as number[];
          const customer = customers[(c as { customer?: number }).customer ?? 0];
          switch (c.op) {
            case 'visit': {
              // Dropped customers keep getting visits: orphan rows count without an advisor.
              d.sqlite.pragma('foreign_keys = OFF');
              d.sqlite.prepare('INSERT INTO service_visits (customer_id, vehicle_id, visit_date, kind, by_appointment, advisor) VALUES (?, ?, ?, ?, ?, ?)')
                .run(customer, customer, addDays('2020-01-01', c.day), visitKinds[c.kind], c.appt ? 1 : 0, c.appt ? '顾问甲' : null);
              d.sqlite.pragma('foreign_keys = ON');
              break;
            }
            case 'move':
              if (visitIds.length) d.sqlite.prepare('UPDATE service_visits SET visit_date = ? WHERE id = ?').run(addDays('2020-01-01', c.day), visitIds[c.pick % visitIds.length]);
              break;
            case 'delete':
              if (visitIds.length) d.sqlite.prepare('DELETE FROM service_visits WHERE id = ?').run(visitIds[c.pick % visitIds.length]);
              break;
            case 'malformed':
              d.sqlite.pragma('foreign_keys = OFF');
              d.sqlite.prepare(`INSERT INTO service_visits (customer_id, vehicle_id, visit_date, kind) VALUES (?, ?, '2023-02-30', 'maintenance')`).run(customer, customer);
              d.sqlite.pragma('foreign_keys = ON');
              break;
            case 'advisor':
              d.sqlite.prepare('UPDATE customers SET advisor_id = ? WHERE id = ?').run(advisorIds[c.advisor], customer);
              break;
            case 'drop-customer':
              d.sqlite.pragma('foreign_keys = OFF');
              d.sqlite.prepare('DELETE FROM customers WHERE id = ?').run(customer);
              d.sqlite.pragma('foreign_keys = ON');
              break;
          }
        };
        initial.forEach(apply);
        const first = addDays('2020-01-01', firstOffset), later = addDays(first, laterBy);
        rebuildSupervisorFigures(d.sqlite, { today: first, builtAt: 'first', churn: rules, sliceCustomers });
        const before = withAsOf();
        changes.forEach(apply);
        const incremental = rebuildSupervisorFigures(d.sqlite, { today: later, builtAt: 'later', churn: rules, sliceCustomers });
        const [snapshot, figures] = [snapshotOf(), figuresOf()];
        // as_of: the day a row took its present values — kept by rows the later run left alone.
        for (const [id, row] of withAsOf()) {
          const old = before.get(id);
          expect(row[6]).toBe(old && old.slice(1, 6).every((v, i) => v === row[i + 1]) ? first : later);
        }
        d.sqlite.exec('DELETE FROM churn_snapshot');
        const full = rebuildSupervisorFigures(d.sqlite, { today: later, builtAt: 'later', churn: rules, sliceCustomers: 1000 });
        expect(snapshot).toEqual(snapshotOf());
        expect(figures).toEqual(figuresOf());
        expect({ ...incremental, changed: 0 }).toEqual({ ...full, changed: 0 });
      },
    ), { numRuns: 80 });
  });
});
