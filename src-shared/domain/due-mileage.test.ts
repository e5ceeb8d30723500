import { describe, expect, it } from 'vitest';
import type { ServiceVisit, Vehicle } from '../contract/customers';
import { dateAtKm, estimateDailyKm, estimatedKmOn } from './due-mileage';

const base: Vehicle = {
  id: 7, plate: null, vin: null, brand: null, model: null, modelYear: null, colour: null, purchaseDate: null,
  mileageKm: null, mileageDate: null, warrantyEnd: null, insuranceCompany: null, insuranceExpiry: null,
  nextInspection: null, nextServiceDate: null, nextServiceKm: null,
};
const visit = (visitDate: string, mileageKm: number | null, vehicleId = 7): ServiceVisit => ({
  id: 1, vehicleId, visitDate, kind: 'repair', mileageKm, advisor: null, amountYuan: null, byAppointment: false,
});

describe('estimateDailyKm', () => {
  it('averages from purchase to the latest reading', () => {
    const e = estimateDailyKm({ ...base, purchaseDate: '2024-01-01', mileageKm: 3100, mileageDate: '2024-02-01' }, [], '2024-06-01');
    expect(e).toEqual({ date: '2024-02-01', km: 3100, kmPerDay: 100 });
  });

  it('uses the newest reading among vehicle and its own visits, ignoring future readings and other cars', () => {
    const v = { ...base, purchaseDate: '2024-01-01', mileageKm: 1000, mileageDate: '2024-01-11' };
    const e = estimateDailyKm(v, [visit('2024-01-21', 4000), visit('2024-02-01', 99_999, 8), visit('2030-01-01', 99_999)], '2024-06-01');
    expect(e).toEqual({ date: '2024-01-21', km: 4000, kmPerDay: 200 });
  });

  it('falls back to the first reading without a purchase date', () => {
    const e = estimateDailyKm({ ...base, mileageKm: 2000, mileageDate: '2024-01-11' }, [visit('2024-01-01', 1000)], '2024-06-01');
    expect(e?.kmPerDay).toBe(100);
  });

  it('is null without readings, with a single undated reading, or with no progress', () => {
    expect(estimateDailyKm(base, [], '2024-06-01')).toBeNull();
    expect(estimateDailyKm({ ...base, mileageKm: 2000, mileageDate: '2024-01-11' }, [], '2024-06-01')).toBeNull();
    expect(estimateDailyKm({ ...base, mileageKm: 2000, mileageDate: null, purchaseDate: '2024-01-01' }, [], '2024-06-01')).toBeNull();
    expect(estimateDailyKm({ ...base, purchaseDate: '2024-01-01', mileageKm: 0, mileageDate: '2024-02-01' }, [], '2024-06-01')).toBeNull();
  });
});

describe('dateAtKm / estimatedKmOn', () => {
  const e = { date: '2024-02-01', km: 3100, kmPerDay: 100 };

  it('projects forwards and backwards', () => {
    expect(dateAtKm(e, 5000)).toBe('2024-02-20');
    expect(dateAtKm(e, 3100)).toBe('2024-02-01');
    expect(dateAtKm(e, 3000)).toBe('2024-01-31');
    expect(dateAtKm(e, 2050)).toBe('2024-01-22');
    expect(estimatedKmOn(e, '2024-03-02')).toBe(6100);
  });

  it('gives up without an estimate, a target, or beyond a century', () => {
    expect(dateAtKm(null, 5000)).toBeNull();
    expect(dateAtKm(e, null)).toBeNull();
    expect(dateAtKm({ ...e, kmPerDay: 0.0001 }, 1_000_000)).toBeNull();
  });
});
