import { describe, expect, it } from 'vitest';
import type { Vehicle } from '../../contract/customers';
import { whyCalling } from './why-calling';

function vehicle(id: number, over: Partial<Vehicle> = {}): Vehicle {
  return {
    id, plate: null, vin: null, brand: null, model: null, modelYear: null, colour: null, purchaseDate: '2020-01-10', mileageKm: null, mileageDate: null,
    warrantyEnd: null, insuranceCompany: null, insuranceExpiry: null, nextInspection: null, nextServiceDate: null, nextServiceKm: null, ...over,
  };
}
const today = '2026-11-26';

describe('whyCalling', () => {
  it('opens the vehicle in the workshop before one with insurance due', () => {
    const r = whyCalling({ birthday: null, vehicles: [vehicle(1, { insuranceExpiry: '2026-12-01' }), vehicle(2)], visits: [], workInProgress: [{ vehicleId: 2, kind: 'repair', since: '2026-11-25' }] }, today);
    expect(r.vehicleId).toBe(2);
    expect(r.reasons.map((x) => x.kind)).toEqual(['work_in_progress', 'due']);
  });

  it('shows an open complaint with days to its deadline', () => {
    const r = whyCalling({ birthday: null, vehicles: [vehicle(1)], visits: [], complaints: [{ vehicleId: null, deadline: '2026-11-28' }] }, today);
    expect(r.reasons[0]).toMatchObject({ kind: 'complaint', daysLeft: 2 });
    expect(r.vehicleId).toBe(1);
  });

  it('lets the IVR choice lift matching reasons (maintenance due over a complaint)', () => {
    const input = { birthday: null, vehicles: [vehicle(1), vehicle(2, { nextServiceDate: '2026-11-30' })], visits: [], complaints: [{ vehicleId: 1, deadline: '2026-11-27' }] };
    expect(whyCalling(input, today).vehicleId).toBe(1);
    const r = whyCalling(input, today, 'maintenance');
    expect(r.vehicleId).toBe(2);
    expect(r.reasons[0]).toMatchObject({ kind: 'due', vehicleId: 2 });
  });

  it('ignores appointments outside the window and falls back to the last visited vehicle', () => {
    const r = whyCalling({
      birthday: null, vehicles: [vehicle(1), vehicle(2)],
      visits: [{ id: 1, vehicleId: 2, visitDate: '2026-06-01', kind: 'repair', mileageKm: null, advisor: null, amountYuan: null, byAppointment: false }],
      appointments: [{ vehicleId: 1, date: '2027-03-01' }],
    }, today);
    expect(r.reasons.filter((x) => x.kind === 'appointment')).toEqual([]);
    expect(r.vehicleId).toBe(2);
  });
});
