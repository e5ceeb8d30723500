import { describe, expect, it } from 'vitest';
import { cardKbContext, type CardForKb } from './card-context';

const card: CardForKb = {
  vehicles: [
    { id: 1, model: '雅阁 锐·混动', mileageKm: 28_000, purchaseDate: '2024-05-20' },
    { id: 2, model: 'CR-V', mileageKm: null, purchaseDate: null },
  ],
  visits: [
    { vehicleId: 1, mileageKm: 31_500, visitDate: '2026-09-01' },
    { vehicleId: 2, mileageKm: 4_200, visitDate: '2026-10-01' },
  ],
  due: [
    { kind: 'birthday', vehicleId: null, urgency: 'soon', daysLeft: 1 },
    { kind: 'insurance', vehicleId: 1, urgency: 'soon', daysLeft: 12 },
    { kind: 'maintenance', vehicleId: 2, urgency: 'overdue', daysLeft: -3 },
  ],
};

describe('cardKbContext', () => {
  it('takes the model, the highest known mileage and the age of the vehicle in front', () => {
    expect(cardKbContext(card, 1, '2026-11-26')).toEqual({ model: '雅阁 锐·混动', mileageKm: 31_500, vehicleAgeMonths: 30, category: 'insurance' });
    expect(cardKbContext(card, 2, '2026-11-26')).toEqual({ model: 'CR-V', mileageKm: 4_200, category: 'maintenance' });
  });

  it('prefers the IVR choice over what is due', () => {
    expect(cardKbContext(card, 1, '2026-11-26', 'complaint').category).toBe('complaint_standard');
    expect(cardKbContext(card, 2, '2026-11-26', 'new_car').category).toBe('sales');
  });

  it('works for a customer without vehicles', () => {
    expect(cardKbContext({ vehicles: [], visits: [], due: [] }, null, '2026-11-26')).toEqual({});
  });
});
