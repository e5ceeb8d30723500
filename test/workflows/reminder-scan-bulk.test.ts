// The whole-desk scan (reminder-scan-bulk.ts: packed records, SQL aggregates, day-number rules)
// must equal careReminders() on each customer's full card record: on a generated desk, on
// awkward stored values (invalid dates, real mileages, years outside 0100–9999, '|' in text),
// and on random vehicles and visit histories (fast-check, over a real SQLite file).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerCard } from '../../src-main/customers/card-service';
import { seedDemoData } from '../../src-main/demo/seed';
import { scanCareReminders, type CustomerReminder } from '../../src-main/workflows/reminder-scan';
import { careReminders, defaultReminderRules, type ReminderRules } from '../../src-shared/domain/workflows/care-reminders';
import type Database from 'better-sqlite3';
import { sh, workflowDesk } from './support';

type Keyed = { customerId: number; kind: string; vehicleId: number | null; dueDate: string };
const key = (r: Keyed) => `${r.customerId}:${r.kind}:${r.vehicleId}:${r.dueDate}`;
const sorted = <T extends Keyed>(xs: T[]) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

function expected(sqlite: Database.Database, today: string, rules: ReminderRules): CustomerReminder[] {
  const ids = sqlite.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
  return ids.flatMap((id) => {
    const card = customerCard(sqlite, id, { today, revealPhones: false });
    return careReminders({ birthday: card.birthday, vehicles: card.vehicles, visits: card.visits }, today, rules).map((r) => ({ ...r, customerId: id }));
  });
}

describe('bulk care reminder scan', () => {
  it('equals careReminders on every customer of a generated desk, with holidays', () => {
    const today = '2026-11-26';
    const desk = workflowDesk(sh('2026-11-26T10:00'));
    seedDemoData(desk.sqlite, { customers: 600, seed: 31, today });
    const rules = { ...defaultReminderRules, holidays: [{ name: '元旦', date: '2026-11-28' }] };
    const scanned = scanCareReminders(desk.sqlite, today, rules);
    const want = expected(desk.sqlite, today, rules);
    expect(scanned.customers).toBe(600);
    expect(want.length).toBeGreaterThan(600);
    expect(new Set(want.map((r) => r.kind)).size).toBeGreaterThanOrEqual(6);
    expect(sorted(scanned.reminders)).toEqual(sorted(want));
  });

  it('falls back to the exact rules for awkward stored values and stays equal', () => {
    const today = '2027-02-25';
    const desk = workflowDesk(sh('2027-02-25T10:00'));
    seedDemoData(desk.sqlite, { customers: 300, seed: 7, today });
    const s = desk.sqlite;
    const ids = s.prepare('SELECT id FROM vehicles ORDER BY id LIMIT 12').pluck().all() as number[];
    s.prepare(`UPDATE vehicles SET purchase_date = '2026-02-30' WHERE id = ?`).run(ids[0]);
    s.prepare(`UPDATE vehicles SET mileage_km = 12345.5 WHERE id = ?`).run(ids[1]);
    s.prepare(`UPDATE vehicles SET purchase_date = '0050-03-01', warranty_end = NULL WHERE id = ?`).run(ids[2]);
    s.prepare(`UPDATE vehicles SET insurance_company = ' 平安|产险 ', insurance_expiry = '2027-03-20' WHERE id = ?`).run(ids[3]);
    s.prepare(`UPDATE vehicles SET next_service_date = '2027-3-1', next_service_km = NULL WHERE id = ?`).run(ids[4]);
    s.prepare(`UPDATE vehicles SET purchase_date = '9999-06-01', warranty_end = NULL WHERE id = ?`).run(ids[5]);
    s.prepare(`UPDATE vehicles SET mileage_date = '2027-02-20', mileage_km = -5 WHERE id = ?`).run(ids[6]);
    s.prepare(`UPDATE vehicles SET next_inspection = 20270301 WHERE id = ?`).run(ids[7]);
    const visitOf = (vid: number) => s.prepare('SELECT id FROM service_visits WHERE vehicle_id = ? ORDER BY id DESC LIMIT 1').pluck().get(vid) as number | undefined;
    for (const [i, date] of [[8, '2026-02-31'], [9, '2026-13-01'], [10, '2026|11|01']] as const) {
      const v = visitOf(ids[i]);
      if (v) s.prepare('UPDATE service_visits SET visit_date = ? WHERE id = ?').run(date, v);
    }
    const v11 = visitOf(ids[11]);
    if (v11) s.prepare('UPDATE service_visits SET mileage_km = 4000.25 WHERE id = ?').run(v11);
    const scanned = scanCareReminders(s, today, defaultReminderRules);
    expect(sorted(scanned.reminders)).toEqual(sorted(expected(s, today, defaultReminderRules)));
    expect(scanned.reminders.some((r) => r.detail === '平安|产险')).toBe(true);
  });

  it('equals careReminders on random vehicles and visit histories', () => {
    const desk = workflowDesk(sh('2026-11-26T10:00'));
    const s = desk.sqlite;
    s.prepare(`INSERT INTO customers (id, uid, number, name, name_reversed, pinyin, pinyin_initials) VALUES (1, 'u1', 'C1', '张三', '三张', 'zhangsan', 'zs')`).run();
    const day0 = Date.UTC(2020, 0, 1);
    const date = fc.integer({ min: 0, max: 3650 }).map((d) => new Date(day0 + d * 86_400_000).toISOString().slice(0, 10));
    const maybeDate = fc.option(fc.oneof({ weight: 6, arbitrary: date }, { weight: 1, arbitrary: fc.constantFrom('2025-02-29', '2026-1-05', '0099-12-31', '') }), { nil: null });
    const km = fc.option(fc.integer({ min: -10, max: 120_000 }), { nil: null });
    const vehicle = fc.record({ purchase: maybeDate, mileage: km, mileageDate: maybeDate, warranty: maybeDate, insurance: maybeDate, inspection: maybeDate, nextDate: maybeDate, nextKm: km });
    const visitDate = fc.oneof({ weight: 8, arbitrary: date }, { weight: 1, arbitrary: fc.constantFrom('2025-02-30', '2025|03|01', '2025-3-1') });
    const visitKm = fc.oneof({ weight: 8, arbitrary: km }, { weight: 1, arbitrary: fc.constantFrom(4000.5, 9_500_000_000) });
    const visit = fc.record({ date: visitDate, kind: fc.constantFrom('first_maintenance', 'maintenance', 'repair', 'accident'), mileage: visitKm });
    fc.assert(fc.property(fc.array(fc.record({ v: vehicle, visits: fc.array(visit, { maxLength: 5 }) }), { minLength: 1, maxLength: 4 }), date, (cars, today) => {
      s.exec('DELETE FROM service_visits; DELETE FROM vehicles;');
      cars.forEach(({ v, visits }, i) => {
        s.prepare(`INSERT INTO vehicles (id, uid, customer_id, purchase_date, mileage_km, mileage_date, warranty_end, insurance_company, insurance_expiry, next_inspection, next_service_date, next_service_km)
          VALUES (?, ?, 1, ?, ?, ?, ?, '人保', ?, ?, ?, ?)`).run(i + 1, `v${i}`, v.purchase, v.mileage, v.mileageDate, v.warranty, v.insurance, v.inspection, v.nextDate, v.nextKm);
        for (const x of visits) s.prepare('INSERT INTO service_visits (customer_id, vehicle_id, visit_date, kind, mileage_km) VALUES (1, ?, ?, ?, ?)').run(i + 1, x.date, x.kind, x.mileage);
      });
      const scanned = scanCareReminders(s, today, defaultReminderRules);
      expect(sorted(scanned.reminders)).toEqual(sorted(expected(s, today, defaultReminderRules)));
    }), { numRuns: 300 });
  });
});
