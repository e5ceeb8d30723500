import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { customerCard } from './card-service';
import { insertCustomers } from './customer-writer';

const { sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-card-')), 'desk.sqlite'));
const [id] = insertCustomers(
  sqlite,
  [
    {
      name: '陈静',
      gender: 'F',
      birthday: '1988-11-30',
      advisorName: '刘工',
      membershipTier: '金卡',
      customFields: { 微信: 'chenjing88' },
      phones: [{ raw: '13912345678' }, { raw: '0755-2345 6789' }],
      vehicles: [{ plate: '粤B3K8Z2', vin: '1M8GDM9AXKP042788', model: '雅阁', purchaseDate: '2024-05-10', insuranceExpiry: '2026-12-20', insuranceCompany: '平安产险' }],
    },
  ],
  new Date('2026-11-01T00:00:00Z'),
);
const vehicleId = sqlite.prepare('SELECT id FROM vehicles WHERE customer_id = ?').pluck().get(id) as number;
const visit = sqlite.prepare(`INSERT INTO service_visits (customer_id, vehicle_id, visit_date, kind, mileage_km, advisor, amount_yuan, by_appointment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
visit.run(id, vehicleId, '2024-08-12', 'first_maintenance', 4800, '刘工', 0, 1);
visit.run(id, vehicleId, '2025-09-02', 'maintenance', 15200, '刘工', 680, 0);

describe('customer card', () => {
  const card = customerCard(sqlite, id, { today: '2026-11-26', revealPhones: false });

  it('shows the header, phones masked for roles that may not see them, vehicles and the visit timeline newest first', () => {
    expect(card).toMatchObject({ name: '陈静', membershipTier: '金卡', advisor: '刘工', customFields: { 微信: 'chenjing88' } });
    expect(card.phones.map((p) => p.display)).toEqual(['139****5678', '0755-****6789']);
    expect(card.phones.every((p) => p.masked)).toBe(true);
    expect(card.vehicles[0]).toMatchObject({ plate: '粤B·3K8Z2', model: '雅阁' });
    expect(card.visits.map((v) => v.kind)).toEqual(['maintenance', 'first_maintenance']);
    expect(card.visits[1].byAppointment).toBe(true);
  });

  it('reveals phones to roles allowed to see them', () => {
    expect(customerCard(sqlite, id, { today: '2026-11-26', revealPhones: true }).phones[0]).toMatchObject({ display: '139 1234 5678', masked: false });
  });

  it('says what is due: insurance expiring, birthday this week', () => {
    const kinds = card.due.map((d) => d.kind);
    expect(kinds).toContain('insurance');
    expect(kinds).toContain('birthday');
    expect(card.due.find((d) => d.kind === 'insurance')).toMatchObject({ dueDate: '2026-12-20', daysLeft: 24, vehicleId });
  });

  it('classifies churn from the visits (seed 003)', () => {
    expect(card.churn).toEqual({ visitClass: 'D', status: 'lost' });
  });

  it('answers not-found for a missing customer', () => {
    expect(() => customerCard(sqlite, 999_999, { today: '2026-11-26', revealPhones: false })).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
