import { describe, expect, it } from 'vitest';
import type { ServiceVisit, Vehicle } from '../contract/customers';
import { computeDue, defaultDueRules, insuranceReminderWindow, nextBirthday } from './due';

function vehicle(overrides: Partial<Vehicle> = {}): Vehicle {
  return {
    id: 1, plate: '粤B12345', vin: null, brand: null, model: null, modelYear: null, colour: null,
    purchaseDate: null, mileageKm: null, mileageDate: null, warrantyEnd: null, insuranceCompany: null,
    insuranceExpiry: null, nextInspection: null, nextServiceDate: null, nextServiceKm: null,
    ...overrides,
  };
}

let visitId = 0;
function visit(date: string, kind: ServiceVisit['kind'], mileageKm: number | null = null, vehicleId = 1): ServiceVisit {
  return { id: ++visitId, vehicleId, visitDate: date, kind, mileageKm, advisor: null, amountYuan: null, byAppointment: false };
}

const today = '2024-06-15';
const due = (v: Partial<Vehicle>, visits: ServiceVisit[] = [], birthday: string | null = null, on = today) =>
  computeDue({ birthday, vehicles: [vehicle(v)], visits }, on);
const ofKind = (items: ReturnType<typeof computeDue>, kind: string) => items.filter((i) => i.kind === kind);

describe('computeDue with missing data', () => {
  it('returns nothing when everything is null', () => {
    expect(computeDue({ birthday: null, vehicles: [], visits: [] }, today)).toEqual([]);
    expect(due({})).toEqual([]);
  });

  it('ignores malformed dates', () => {
    expect(due({ purchaseDate: '2024/06/01', insuranceExpiry: 'soon', nextInspection: '2024-02-30' }, [], '1990-13-40')).toEqual([]);
  });
});

describe('first maintenance (seed 002: 3,000–5,000 km or ~3 months)', () => {
  it('is due 3 months after purchase when mileage is unknown', () => {
    const items = due({ purchaseDate: '2024-04-15' });
    expect(ofKind(items, 'first_maintenance')).toEqual([
      { kind: 'first_maintenance', vehicleId: 1, dueDate: '2024-07-15', daysLeft: 30, urgency: 'upcoming', detail: '5000km' },
    ]);
  });

  it('is due earlier when the car will reach 5,000 km first', () => {
    // 3,000 km in 30 days = 100 km/day: 5,000 km on day 50.
    const items = due({ purchaseDate: '2024-05-01', mileageKm: 3000, mileageDate: '2024-05-31' });
    expect(ofKind(items, 'first_maintenance')[0]).toMatchObject({ dueDate: '2024-06-20', daysLeft: 5, urgency: 'soon' });
  });

  it('uses the latest visit mileage as a reading', () => {
    const items = due({ purchaseDate: '2024-05-01', mileageKm: 100, mileageDate: '2024-05-02' }, [visit('2024-05-31', 'repair', 3000)]);
    expect(ofKind(items, 'first_maintenance')[0].dueDate).toBe('2024-06-20');
  });

  it('is gone once a first or regular maintenance visit exists', () => {
    expect(ofKind(due({ purchaseDate: '2024-04-15' }, [visit('2024-06-01', 'first_maintenance')]), 'first_maintenance')).toEqual([]);
    expect(ofKind(due({ purchaseDate: '2024-04-15' }, [visit('2024-06-01', 'maintenance')]), 'first_maintenance')).toEqual([]);
  });

  it('still counts when only another car had it', () => {
    expect(ofKind(due({ purchaseDate: '2024-04-15' }, [visit('2024-06-01', 'first_maintenance', null, 2)]), 'first_maintenance')).toHaveLength(1);
  });

  it('is overdue up to 90 days, then drops off', () => {
    expect(ofKind(due({ purchaseDate: '2024-01-15' }), 'first_maintenance')[0]).toMatchObject({ dueDate: '2024-04-15', daysLeft: -61, urgency: 'overdue' });
    expect(ofKind(due({ purchaseDate: '2023-12-17' }), 'first_maintenance')[0]).toMatchObject({ daysLeft: -90 });
    expect(ofKind(due({ purchaseDate: '2023-12-16' }), 'first_maintenance')).toEqual([]);
  });

  it('replaces the regular maintenance item while pending', () => {
    const items = due({ purchaseDate: '2024-04-15', nextServiceDate: '2024-07-15', nextServiceKm: 5000 });
    expect(items.map((i) => i.kind)).toEqual(['first_maintenance']);
  });
});

describe('regular maintenance', () => {
  const serviced = [visit('2024-01-10', 'maintenance', 10_000)];

  it('is due at nextServiceDate', () => {
    const items = due({ purchaseDate: '2023-01-10', nextServiceDate: '2024-07-10' }, serviced);
    expect(ofKind(items, 'maintenance')).toEqual([{ kind: 'maintenance', vehicleId: 1, dueDate: '2024-07-10', daysLeft: 25, urgency: 'upcoming' }]);
  });

  it('is due at nextServiceKm when the estimated mileage gets there first', () => {
    // 10,000 km in the 210 days since purchase = 47.6 km/day; 7,100 km more takes 150 days.
    const items = due({ purchaseDate: '2023-06-14', mileageKm: 10_000, mileageDate: '2024-01-10', nextServiceDate: '2024-12-01', nextServiceKm: 17_100 });
    expect(ofKind(items, 'maintenance')[0]).toMatchObject({ dueDate: '2024-06-08', daysLeft: -7, urgency: 'overdue', detail: '17100km' });
  });

  it('respects the 30-day look-ahead and keeps overdue maintenance for two years (a win-back call)', () => {
    expect(ofKind(due({ nextServiceDate: '2024-07-15' }, serviced), 'maintenance')).toHaveLength(1);
    expect(ofKind(due({ nextServiceDate: '2024-07-16' }, serviced), 'maintenance')).toEqual([]);
    expect(ofKind(due({ nextServiceDate: '2024-03-17' }, serviced), 'maintenance')[0]).toMatchObject({ daysLeft: -90, urgency: 'overdue' });
    const longAgo = [visit('2021-12-10', 'maintenance', 10_000)];
    expect(ofKind(due({ nextServiceDate: '2023-03-16' }, longAgo), 'maintenance')[0]).toMatchObject({ daysLeft: -457, urgency: 'overdue' });
    expect(ofKind(due({ nextServiceDate: '2022-06-16' }, longAgo), 'maintenance')[0]).toMatchObject({ daysLeft: -730 });
    expect(ofKind(due({ nextServiceDate: '2022-06-15' }, longAgo), 'maintenance')).toEqual([]);
  });

  it('is not shown when a maintenance visit already happened in the reminder window', () => {
    expect(ofKind(due({ nextServiceDate: '2024-06-20' }, [visit('2024-06-01', 'maintenance')]), 'maintenance')).toEqual([]);
    expect(ofKind(due({ nextServiceDate: '2024-06-20' }, [visit('2024-06-01', 'repair')]), 'maintenance')).toHaveLength(1);
  });

  it('needs a mileage estimate to use nextServiceKm alone', () => {
    expect(ofKind(due({ nextServiceKm: 20_000 }, serviced), 'maintenance')).toEqual([]);
  });
});

describe('insurance, inspection', () => {
  it('shows insurance expiring within 60 days with the insurer', () => {
    expect(ofKind(due({ insuranceExpiry: '2024-08-14', insuranceCompany: '平安保险' }), 'insurance')).toEqual([
      { kind: 'insurance', vehicleId: 1, dueDate: '2024-08-14', daysLeft: 60, urgency: 'upcoming', detail: '平安保险' },
    ]);
    expect(ofKind(due({ insuranceExpiry: '2024-08-15' }), 'insurance')).toEqual([]);
    expect(ofKind(due({ insuranceExpiry: '2024-06-22' }), 'insurance')[0]).toMatchObject({ daysLeft: 7, urgency: 'soon' });
    expect(ofKind(due({ insuranceExpiry: '2024-06-15' }), 'insurance')[0]).toMatchObject({ daysLeft: 0, urgency: 'soon' });
    expect(ofKind(due({ insuranceExpiry: '2024-06-14' }), 'insurance')[0]).toMatchObject({ daysLeft: -1, urgency: 'overdue' });
    expect(ofKind(due({ insuranceExpiry: '2024-06-23' }), 'insurance')[0].urgency).toBe('upcoming');
  });

  it('names the reminder stage', () => {
    expect(insuranceReminderWindow(60)).toBe(60);
    expect(insuranceReminderWindow(31)).toBe(60);
    expect(insuranceReminderWindow(30)).toBe(30);
    expect(insuranceReminderWindow(8)).toBe(30);
    expect(insuranceReminderWindow(7)).toBe(7);
    expect(insuranceReminderWindow(0)).toBe(7);
    expect(insuranceReminderWindow(61)).toBeNull();
    expect(insuranceReminderWindow(-1)).toBeNull();
  });

  it('shows the annual inspection within 30 days', () => {
    expect(ofKind(due({ nextInspection: '2024-07-15' }), 'inspection')[0]).toMatchObject({ daysLeft: 30 });
    expect(ofKind(due({ nextInspection: '2024-07-16' }), 'inspection')).toEqual([]);
  });
});

describe('warranty (seed 002: 2 years / 60,000 km)', () => {
  it('ends 2 years after purchase', () => {
    expect(ofKind(due({ purchaseDate: '2022-08-14' }, [visit('2023-01-01', 'maintenance')]), 'warranty')[0]).toMatchObject({ dueDate: '2024-08-14', daysLeft: 60 });
    expect(ofKind(due({ purchaseDate: '2022-08-15' }, [visit('2023-01-01', 'maintenance')]), 'warranty')).toEqual([]);
  });

  it('ends at 60,000 km when a heavy driver gets there first', () => {
    // 52,000 km in 500 days = 104 km/day; 60,000 km 77 days later, long before 2025-01-01.
    const items = due({ purchaseDate: '2023-01-01', mileageKm: 52_000, mileageDate: '2024-05-15' }, [visit('2023-06-01', 'maintenance')]);
    expect(ofKind(items, 'warranty')[0]).toMatchObject({ dueDate: '2024-07-31', daysLeft: 46, detail: '60000km' });
  });

  it('prefers an explicit warranty end', () => {
    const items = due({ purchaseDate: '2020-01-01', warrantyEnd: '2024-07-01' }, [visit('2021-01-01', 'maintenance')]);
    expect(ofKind(items, 'warranty')).toEqual([{ kind: 'warranty', vehicleId: 1, dueDate: '2024-07-01', daysLeft: 16, urgency: 'upcoming' }]);
  });

  it('handles a Feb 29 purchase', () => {
    expect(ofKind(due({ purchaseDate: '2024-02-29' }, [visit('2024-05-01', 'maintenance')], null, '2026-01-15'), 'warranty')[0].dueDate).toBe('2026-02-28');
  });
});

describe('birthday', () => {
  it('is shown within 7 days', () => {
    expect(ofKind(due({}, [], '1980-06-22'), 'birthday')).toEqual([{ kind: 'birthday', vehicleId: null, dueDate: '2024-06-22', daysLeft: 7, urgency: 'soon' }]);
    expect(ofKind(due({}, [], '1980-06-15'), 'birthday')[0]).toMatchObject({ daysLeft: 0 });
    expect(ofKind(due({}, [], '1980-06-23'), 'birthday')).toEqual([]);
    expect(ofKind(due({}, [], '1980-06-14'), 'birthday')).toEqual([]);
  });

  it('wraps around the new year', () => {
    expect(ofKind(due({}, [], '1975-01-02', '2024-12-28'), 'birthday')[0]).toMatchObject({ dueDate: '2025-01-02', daysLeft: 5 });
  });

  it('puts Feb 29 birthdays on Feb 28 in common years', () => {
    expect(nextBirthday('1988-02-29', '2025-02-20')).toBe('2025-02-28');
    expect(nextBirthday('1988-02-29', '2024-02-20')).toBe('2024-02-29');
    expect(nextBirthday('1988-02-29', '2025-03-01')).toBe('2026-02-28');
    expect(ofKind(due({}, [], '1988-02-29', '2025-02-25'), 'birthday')[0]).toMatchObject({ dueDate: '2025-02-28', daysLeft: 3 });
  });

  it('accepts month-day birthdays and rejects nonsense', () => {
    expect(nextBirthday('06-20', today)).toBe('2024-06-20');
    expect(nextBirthday('--06-20', today)).toBe('2024-06-20');
    expect(nextBirthday('1980-02-30', today)).toBeNull();
    expect(nextBirthday('', today)).toBeNull();
  });
});

describe('ordering and rules', () => {
  it('sorts by daysLeft across vehicles and kinds', () => {
    const items = computeDue(
      {
        birthday: '1990-06-18',
        vehicles: [vehicle({ id: 1, insuranceExpiry: '2024-07-01' }), vehicle({ id: 2, nextInspection: '2024-06-10', insuranceExpiry: '2024-06-18' })],
        visits: [],
      },
      today,
    );
    expect(items.map((i) => [i.kind, i.vehicleId, i.daysLeft])).toEqual([
      ['inspection', 2, -5],
      ['insurance', 2, 3],
      ['birthday', null, 3],
      ['insurance', 1, 16],
    ]);
  });

  it('follows configured rules', () => {
    const rules = { ...defaultDueRules, soonDays: 20, insurance: { lookAheadDays: 10, reminderDays: [10] } };
    expect(computeDue({ birthday: null, vehicles: [vehicle({ insuranceExpiry: '2024-07-01' })], visits: [] }, today, rules)).toEqual([]);
    expect(computeDue({ birthday: null, vehicles: [vehicle({ nextInspection: '2024-07-01' })], visits: [] }, today, rules)[0].urgency).toBe('soon');
  });
});
