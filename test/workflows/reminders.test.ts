// The bulk reminder scan must give exactly what careReminders() gives on each customer's full
// record (card data), on generated dealership data — the aggregates it reads instead of the
// full visit history are an optimisation, never a different answer.
import { describe, expect, it } from 'vitest';
import { customerCard } from '../../src-main/customers/card-service';
import { seedDemoData } from '../../src-main/demo/seed';
import { birthdayTails, scanCareReminders } from '../../src-main/workflows/reminder-scan';
import { careReminders, defaultReminderRules } from '../../src-shared/domain/workflows/care-reminders';
import { sh, workflowDesk } from './support';

describe('care reminder scan', () => {
  it('equals careReminders on every customer of a generated desk, across chunk boundaries', async () => {
    const desk = workflowDesk(sh('2026-11-26T10:00'));
    const today = '2026-11-26';
    seedDemoData(desk.sqlite, { customers: 400, seed: 11, today });
    const rules = { ...defaultReminderRules, holidays: [{ name: '元旦', date: '2026-11-28' }] };
    const scanned = scanCareReminders(desk.sqlite, today, rules, { chunkSize: 37 });
    const ids = desk.sqlite.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
    const expected = ids.flatMap((id) => {
      const card = customerCard(desk.sqlite, id, { today, revealPhones: false });
      return careReminders({ birthday: card.birthday, vehicles: card.vehicles, visits: card.visits }, today, rules).map((r) => ({ ...r, customerId: id }));
    });
    const key = (r: { customerId: number; kind: string; vehicleId: number | null }) => `${r.customerId}:${r.kind}:${r.vehicleId}`;
    const sort = <T extends { customerId: number; kind: string; vehicleId: number | null }>(xs: T[]) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(scanned.customers).toBe(ids.length);
    expect(expected.length).toBeGreaterThan(100);
    expect(new Set(expected.map((r) => r.kind)).size).toBeGreaterThanOrEqual(5);
    expect(sort(scanned.reminders)).toEqual(sort(expected));
  });

  it('without holidays visits only vehicle owners and birthday candidates, still equal (leap-day window)', async () => {
    // Feb 25 → the 7-day birthday window holds Feb 28, so Feb 29 birthdays must be read too.
    const today = '2027-02-25';
    const desk = workflowDesk(sh('2027-02-25T10:00'));
    seedDemoData(desk.sqlite, { customers: 500, seed: 23, today });
    desk.sqlite.prepare(`UPDATE customers SET birthday = '1988-02-29' WHERE id IN (SELECT id FROM customers ORDER BY id LIMIT 3)`).run();
    desk.sqlite.prepare(`UPDATE customers SET birthday = '--03-03' WHERE id IN (SELECT id FROM customers ORDER BY id DESC LIMIT 2)`).run();
    const scanned = scanCareReminders(desk.sqlite, today, defaultReminderRules, { chunkSize: 53 });
    const ids = desk.sqlite.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
    const expected = ids.flatMap((id) => {
      const card = customerCard(desk.sqlite, id, { today, revealPhones: false });
      return careReminders({ birthday: card.birthday, vehicles: card.vehicles, visits: card.visits }, today, defaultReminderRules).map((r) => ({ ...r, customerId: id }));
    });
    const key = (r: { customerId: number; kind: string; vehicleId: number | null }) => `${r.customerId}:${r.kind}:${r.vehicleId}`;
    const sort = <T extends { customerId: number; kind: string; vehicleId: number | null }>(xs: T[]) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(scanned.customers).toBe(ids.length);
    expect(expected.filter((r) => r.kind === 'birthday').length).toBeGreaterThanOrEqual(5);
    expect(sort(scanned.reminders)).toEqual(sort(expected));
  });

  it('birthday tails cover the window and Feb 29 with Feb 28', () => {
    expect(birthdayTails('2026-12-29', 4)).toEqual(['12-29', '12-30', '12-31', '01-01', '01-02']);
    expect(birthdayTails('2027-02-27', 1)).toEqual(['02-27', '02-28', '02-29']);
    expect(birthdayTails('2026-01-01', 400)).toBeNull();
  });

  it('pages the due list for agents', async () => {
    const desk = workflowDesk(sh('2026-11-26T10:00'));
    seedDemoData(desk.sqlite, { customers: 200, seed: 5, today: '2026-11-26' });
    const first = await desk.call('reminders.due', { limit: 20, kinds: ['insurance'] });
    expect(first.reminders.length).toBeGreaterThanOrEqual(20);
    expect(first.reminders.every((r) => r.kind === 'insurance' && r.templateId === 'insurance_expiry' && ['60d', '30d', '7d', 'expired'].includes(r.stage!))).toBe(true);
    const second = await desk.call('reminders.due', { limit: 20, kinds: ['insurance'], afterCustomerId: first.nextCustomerId! });
    expect(Math.min(...second.reminders.map((r) => r.customerId))).toBeGreaterThan(first.nextCustomerId!);
  });
});
