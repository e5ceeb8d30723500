// The SQL-heavy churn job against a direct reading of the domain rules: random visits on a real
// SQLite desk, figures rebuilt by rebuildSupervisorFigures and by classify /
// advisorChurnByMonth / maintenanceDueEvents per customer (the rules' own definitions).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { churnRules, type ChurnRules } from '../../src-shared/domain/churn';
import { addDays, addMonths } from '../../src-shared/domain/dates';
import { advisorChurnByMonth, classify, monthEndsBack } from '../../src-shared/domain/kpi/churn-report';
import { defaultDueMaintenanceRules, maintenanceDueEvents, maintenanceKinds, visitKinds } from '../../src-shared/domain/kpi/visits';
import { rebuildSupervisorFigures } from './churn-job';
import { testDesk } from './test-desk';

interface V { customer: number; vehicle: number; date: string; kind: string; appt: boolean; advisor: string | null }

function expected(customers: { id: number; advisorId: number | null }[], visits: V[], today: string, rules: ChurnRules) {
  const out = new Map<string, number>();
  const add = (metric: string, month: string, key: string, n = 1) => {
    if (n) out.set(`${metric}|${month}|${key}`, (out.get(`${metric}|${month}|${key}`) ?? 0) + n);
  };
  const monthEnds = monthEndsBack(today, 12);
  const firstDay = `${monthEnds[0].slice(0, 7)}-01`, lastDay = monthEnds[11];
  const seen = visits.filter((v) => v.date <= today);
  const snapshot = new Map<number, string>();
  const churnInput = customers.map((c) => {
    const dates = [...new Set(seen.filter((v) => v.customer === c.id).map((v) => v.date))].sort();
    const k = dates.length ? classify(dates, today, rules) : { visitClass: 'D', status: 'new', lastVisit: null, countsAgainstAdvisor: false };
    snapshot.set(c.id, `${k.visitClass}:${k.status}:${k.lastVisit}:${k.countsAgainstAdvisor ? 1 : 0}`);
    add('class', today.slice(0, 7), `${k.visitClass}:${k.status}`);
    return { advisorId: c.advisorId, visitDates: dates };
  });
  for (const r of advisorChurnByMonth(churnInput, monthEnds, rules)) {
    add('churn_book', r.month, String(r.advisorId ?? ''), r.book);
    add('churn', r.month, String(r.advisorId ?? ''), r.churned);
  }
  for (const v of seen) {
    if (v.date < firstDay || v.date > lastDay) continue;
    const month = v.date.slice(0, 7);
    add('visits', month, v.kind);
    if (v.appt) add('visits_appt', month, v.kind);
    if (v.advisor) add('adv_visits', month, v.advisor);
    if (v.advisor && v.appt) add('adv_appt', month, v.advisor);
  }
  const since = addMonths(firstDay, -(defaultDueMaintenanceRules.intervalMonths + 1));
  const byVehicle = new Map<string, string[]>();
  for (const v of seen) if (maintenanceKinds.has(v.kind) && v.date >= since) byVehicle.set(`${v.customer}/${v.vehicle}`, [...(byVehicle.get(`${v.customer}/${v.vehicle}`) ?? []), v.date]);
  for (const dates of byVehicle.values()) {
    for (const e of maintenanceDueEvents(dates, today)) {
      if (e.dueDate < firstDay || e.dueDate > lastDay || !e.decided) continue;
      add('due_maint', e.dueDate.slice(0, 7), 'due');
      if (e.metOn) add('due_maint', e.dueDate.slice(0, 7), 'met');
    }
  }
  return { out, snapshot, visits: seen.length };
}

describe('rebuildSupervisorFigures', () => {
  it('agrees with the domain rules applied customer by customer', () => {
    const d = testDesk();
    const advisors = ['顾问甲', '顾问乙', null];
    const customers = Array.from({ length: 7 }, (_, i) => d.customer({ name: `客户${i}`, advisorName: advisors[i % 3], vehicles: [{ plate: `粤B1000${i}` }, { plate: `粤C2000${i}` }] }));
    const vehiclesOf = new Map(customers.map((c) => [c, d.sqlite.prepare('SELECT id FROM vehicles WHERE customer_id = ? ORDER BY id').pluck().all(c) as number[]]));
    const advisorIds = d.sqlite.prepare('SELECT id, advisor_id AS advisorId FROM customers ORDER BY id').all() as { id: number; advisorId: number | null }[];
    const visitArb = fc.record({
      customer: fc.constantFrom(...customers), second: fc.boolean(), day: fc.integer({ min: 0, max: 1700 }),
      kind: fc.constantFrom(...visitKinds), appt: fc.boolean(), advisor: fc.constantFrom('顾问甲', '顾问乙', null, ''),
    });
    const rulesArb = fc.constantFrom<ChurnRules>(churnRules, { ...churnRules, classAMinVisits: 3, atRiskMonths: 4, advisorChurnFromMonths: 4, advisorChurnUntilMonths: 9 });
    fc.assert(fc.property(fc.array(visitArb, { maxLength: 40 }), fc.integer({ min: 900, max: 1700 }), rulesArb, (raw, todayOffset, rules) => {
      const today = addDays('2020-01-01', todayOffset);
      const visits: V[] = raw.map((r) => ({ customer: r.customer, vehicle: vehiclesOf.get(r.customer)![r.second ? 1 : 0], date: addDays('2020-01-01', r.day), kind: r.kind, appt: r.appt, advisor: r.advisor }));
      d.sqlite.prepare('DELETE FROM service_visits').run();
      for (const v of visits) d.visit(v.customer, v.vehicle, v.date, v.kind, v.appt, null, v.advisor);
      const result = rebuildSupervisorFigures(d.sqlite, { today, builtAt: '2024-01-01T00:00:00Z', churn: rules });
      const want = expected(advisorIds, visits, today, rules);
      const got = new Map((d.sqlite.prepare('SELECT metric, month, key, value FROM kpi_monthly').raw().all() as [string, string, string, number][]).map(([m, mo, k, v]) => [`${m}|${mo}|${k}`, v]));
      expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...want.out].sort()));
      const snap = new Map((d.sqlite.prepare('SELECT customer_id, visit_class, status, last_visit, counts_against FROM churn_snapshot').raw().all() as [number, string, string, string | null, number][]).map(([id, c, s, l, a]) => [id, `${c}:${s}:${l}:${a}`]));
      expect(snap).toEqual(want.snapshot);
      expect(result).toMatchObject({ customers: customers.length, visits: want.visits });
    }), { numRuns: 60 });
  });
});
