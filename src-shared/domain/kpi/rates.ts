// KPI targets of seed 001, configurable: due-maintenance visit rate ≥ 60 %, appointment rate
// ≥ 45 % (industry 25–30 %), insurance renewal ≥ 20 % a month; the complaint reply clock of
// seed 004 (kept ≥ 95 % by default, a dealership choice) and follow-up completion.
export interface KpiTargets {
  dueMaintenanceVisitRate: number;
  appointmentRate: number;
  appointmentRateIndustry: readonly [number, number];
  renewalRate: number;
  followUpCompletion: number;
  complaintSlaKept: number;
  answerRate: number;
}

export const defaultKpiTargets: KpiTargets = Object.freeze({
  dueMaintenanceVisitRate: 0.6,
  appointmentRate: 0.45,
  appointmentRateIndustry: Object.freeze([0.25, 0.3]) as readonly [number, number],
  renewalRate: 0.2,
  followUpCompletion: 0.9,
  complaintSlaKept: 0.95,
  answerRate: 0.9,
});

/** numerator / denominator, null when there is nothing to measure. */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

export type KpiStatus = 'met' | 'below' | 'no_data';

export function kpiStatus(value: number | null, target: number): KpiStatus {
  if (value === null) return 'no_data';
  return value + 1e-12 >= target ? 'met' : 'below';
}
