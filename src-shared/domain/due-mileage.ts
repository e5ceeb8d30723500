// Mileage between readings is extrapolated from the car's average daily distance: from the
// purchase date (0 km) to the latest reading, or between the first and latest readings when
// the purchase date is unknown. Readings come from the vehicle record and from visits.
import type { ServiceVisit, Vehicle } from '../contract/customers';
import { addDays, daysBetween, isIsoDate } from './dates';

export interface MileageEstimate {
  /** Date of the latest reading. */
  date: string;
  km: number;
  kmPerDay: number;
}

/** Beyond this many days away a mileage date is not worth a reminder (and Date would overflow). */
const horizonDays = 36_500;

export function estimateDailyKm(vehicle: Vehicle, visits: ServiceVisit[], today: string): MileageEstimate | null {
  const readings: { date: string; km: number }[] = [];
  if (vehicle.mileageKm !== null && vehicle.mileageKm >= 0 && isIsoDate(vehicle.mileageDate)) readings.push({ date: vehicle.mileageDate, km: vehicle.mileageKm });
  for (const v of visits) {
    if (v.vehicleId === vehicle.id && v.mileageKm !== null && v.mileageKm >= 0 && isIsoDate(v.visitDate)) readings.push({ date: v.visitDate, km: v.mileageKm });
  }
  const usable = readings.filter((r) => r.date <= today).sort((a, b) => (a.date === b.date ? a.km - b.km : a.date < b.date ? -1 : 1));
  if (usable.length === 0) return null;
  const latest = usable[usable.length - 1];
  const start = isIsoDate(vehicle.purchaseDate) && vehicle.purchaseDate < latest.date ? { date: vehicle.purchaseDate, km: 0 } : usable[0];
  const days = daysBetween(start.date, latest.date);
  if (days <= 0) return null;
  const kmPerDay = (latest.km - start.km) / days;
  return kmPerDay > 0 ? { date: latest.date, km: latest.km, kmPerDay } : null;
}

/** The date the car reaches `targetKm` (in the past if it already has), or null if unknown or too far off. */
export function dateAtKm(estimate: MileageEstimate | null, targetKm: number | null): string | null {
  if (!estimate || targetKm === null) return null;
  const days = Math.ceil((targetKm - estimate.km) / estimate.kmPerDay);
  return Math.abs(days) > horizonDays ? null : addDays(estimate.date, days);
}

export function estimatedKmOn(estimate: MileageEstimate, date: string): number {
  return Math.round(estimate.km + estimate.kmPerDay * daysBetween(estimate.date, date));
}
