// Service history of one demo vehicle, built backwards from its last visit so that the
// recency of the last visit (which decides the churn status, seed 003) and the length of the
// history (which decides the visit class A–D and the average number of visits) are chosen
// directly instead of emerging from a forward simulation.
//  - First visit: first maintenance (首保) at 3,000–5,000 km (seed 002); the purchase date is
//    placed before it at the owner's daily mileage.
//  - Then maintenance every 5,000/7,500/10,000 km or 6 months, whichever comes first, plus a
//    few repair / accident / warranty visits in between (warranty only within 2 years /
//    60,000 km, seed 002).
//  - Mileage grows at the owner's daily rate with some noise, so it increases with every visit.
import type { Prng } from './prng';

export const visitKinds = ['first_maintenance', 'maintenance', 'repair', 'accident', 'warranty'] as const;
export const FIRST_MAINTENANCE = 0;
export const MAINTENANCE = 1;
export const REPAIR = 2;
export const ACCIDENT = 3;
export const WARRANTY = 4;

const warrantyDays = 730;
const warrantyKm = 60_000;
const maxVisits = 64;
const maintenanceKmChoices = [5_000, 5_000, 7_500, 10_000];
/** Six months: owners who drive little still come twice a year. */
const maxMaintenanceGapDays = 182;

export interface HistoryPlan {
  /** Day offset (≤ 0) of the last visit, or null for a car that never came back after delivery. */
  lastVisit: number | null;
  /** Days between the first and the last visit. */
  spanDays: number;
  /** High-mileage owner (ride-hailing, sales reps): maintenance every 2–3 months. */
  heavy: boolean;
  /** For a car that never visited: days since purchase. */
  ageIfNeverVisited: number;
}

/** Reused for every vehicle; `count` visits are valid, in date order. */
export class VehicleHistory {
  purchaseDay = 0;
  kmPerDay = 0;
  maintenanceKm = 5_000;
  maintenanceGapDays = maxMaintenanceGapDays;
  count = 0;
  readonly day = new Int32Array(maxVisits);
  readonly kind = new Uint8Array(maxVisits);
  readonly km = new Int32Array(maxVisits);
  readonly amount = new Float64Array(maxVisits);
  /** Index of the last first_maintenance/maintenance visit, -1 if none. */
  lastMaintenance = -1;
}

const scratchDays = new Int32Array(maxVisits);

export function buildHistory(rng: Prng, plan: HistoryPlan, out: VehicleHistory): void {
  out.count = 0;
  out.lastMaintenance = -1;
  out.maintenanceKm = plan.heavy ? 5_000 : maintenanceKmChoices[rng.int(0, maintenanceKmChoices.length - 1)];
  const firstKm = rng.int(3_000, 5_000);
  const dailyKm = plan.heavy ? rng.around(150, 80, 90, 260) : rng.around(40, 45, 12, 110);
  const firstGap = Math.max(20, Math.min(240, Math.round(firstKm / dailyKm)));
  out.kmPerDay = firstKm / firstGap;
  out.maintenanceGapDays = Math.max(45, Math.min(maxMaintenanceGapDays, Math.round(out.maintenanceKm / out.kmPerDay)));

  if (plan.lastVisit === null) {
    out.purchaseDay = -plan.ageIfNeverVisited;
    return;
  }

  // Maintenance dates, newest first: each gap is the due interval, give or take a few weeks.
  let n = 0;
  let day = plan.lastVisit;
  const firstAllowed = plan.lastVisit - plan.spanDays;
  scratchDays[n++] = day;
  while (n < maxVisits / 2) {
    day -= Math.round(out.maintenanceGapDays * rng.around(1.05, 0.5, 0.75, 1.6));
    if (day < firstAllowed) break;
    scratchDays[n++] = day;
  }
  out.purchaseDay = scratchDays[n - 1] - firstGap;

  let km = 0;
  let previousDay = out.purchaseDay;
  for (let i = n - 1; i >= 0; i--) {
    const visitDay = scratchDays[i];
    km = i === n - 1 ? firstKm : km + Math.max(1, Math.round((visitDay - previousDay) * out.kmPerDay * rng.around(1, 0.4, 0.6, 1.4)));
    // An unplanned visit between two maintenances (not before the first one).
    if (i < n - 1 && out.count < maxVisits - 2 && rng.chance(0.14)) {
      const extraDay = previousDay + 1 + Math.floor(rng.next() * Math.max(1, visitDay - previousDay - 1));
      if (extraDay < visitDay) {
        const extraKm = out.km[out.count - 1] + Math.max(1, Math.round((extraDay - previousDay) * out.kmPerDay));
        pushUnplanned(rng, out, extraDay, Math.min(extraKm, km - 1));
      }
    }
    push(out, visitDay, km, i === n - 1 ? FIRST_MAINTENANCE : MAINTENANCE, i === n - 1 ? 0 : maintenanceAmount(rng, km));
    out.lastMaintenance = out.count - 1;
    previousDay = visitDay;
  }
}

function push(out: VehicleHistory, day: number, km: number, kind: number, amount: number): void {
  const i = out.count++;
  out.day[i] = day;
  out.km[i] = km;
  out.kind[i] = kind;
  out.amount[i] = amount;
}

function pushUnplanned(rng: Prng, out: VehicleHistory, day: number, km: number): void {
  const inWarranty = day - out.purchaseDay < warrantyDays && km < warrantyKm;
  const roll = rng.next();
  if (inWarranty && roll < 0.3) push(out, day, km, WARRANTY, 0);
  else if (roll < 0.75) push(out, day, km, REPAIR, Math.round(180 + rng.exponential(1_400)));
  else push(out, day, km, ACCIDENT, Math.round(1_500 + rng.exponential(7_000)));
}

/** Bigger services (every 20,000 km: brake fluid, filters, plugs) cost more. */
function maintenanceAmount(rng: Prng, km: number): number {
  const base = Math.floor(km / 20_000) % 2 === 1 ? 1_150 : 520;
  return Math.round(rng.around(base, base * 0.6, 260, 3_200));
}
