// Seed 003 (前台负责制): customers are classed by service visits in the last 12 months
// (A ≥ 4, B 2–3, C 1, D 0) and tracked by months since the last visit: 6 months without a
// visit is 边际流失 (at risk), 12 is 流失 (lost), 24 is 永久流失 (permanently lost: out of the
// advisor's active book, kept on file). A customer counts against the advisor's monthly churn
// figure from month 7 (six full months gone) until they return or pass month 12.
import { addMonths, isIsoDate, monthsBetween } from './dates';

export type VisitClass = 'A' | 'B' | 'C' | 'D';
export type ChurnStatus = 'active' | 'at_risk' | 'lost' | 'permanently_lost' | 'new';

export interface ChurnRules {
  /** Visits are counted over this many months back from today. */
  classWindowMonths: number;
  classAMinVisits: number;
  classBMinVisits: number;
  classCMinVisits: number;
  atRiskMonths: number;
  lostMonths: number;
  permanentlyLostMonths: number;
  /** Months without a visit after which the customer starts counting against the advisor… */
  advisorChurnFromMonths: number;
  /** …and after which they stop counting. */
  advisorChurnUntilMonths: number;
}

export const churnRules: Readonly<ChurnRules> = Object.freeze({
  classWindowMonths: 12,
  classAMinVisits: 4,
  classBMinVisits: 2,
  classCMinVisits: 1,
  atRiskMonths: 6,
  lostMonths: 12,
  permanentlyLostMonths: 24,
  advisorChurnFromMonths: 6,
  advisorChurnUntilMonths: 12,
});

/**
 * Class by distinct visit days in the window (today − windowMonths, today]: two work orders
 * on the same day are one visit. Future and malformed dates are ignored.
 */
export function visitClass(visitDates: string[], today: string, rules: ChurnRules = churnRules): VisitClass {
  const windowStart = addMonths(today, -rules.classWindowMonths);
  const days = new Set<string>();
  for (const d of visitDates) if (isIsoDate(d) && d > windowStart && d <= today) days.add(d);
  return visitClassOfCount(days.size, rules);
}

/** The class of `n` distinct visit days in the window (for callers that count them in SQL). */
export function visitClassOfCount(n: number, rules: ChurnRules = churnRules): VisitClass {
  if (n >= rules.classAMinVisits) return 'A';
  if (n >= rules.classBMinVisits) return 'B';
  if (n >= rules.classCMinVisits) return 'C';
  return 'D';
}

function monthsSince(lastVisitDate: string | null, today: string): number | null {
  return lastVisitDate && isIsoDate(lastVisitDate) ? monthsBetween(lastVisitDate, today) : null;
}

export function churnStatus(lastVisitDate: string | null, today: string, rules: ChurnRules = churnRules): ChurnStatus {
  const months = monthsSince(lastVisitDate, today);
  if (months === null) return 'new';
  if (months >= rules.permanentlyLostMonths) return 'permanently_lost';
  if (months >= rules.lostMonths) return 'lost';
  if (months >= rules.atRiskMonths) return 'at_risk';
  return 'active';
}

/** True in months 7–12 after the last visit (six full months gone, twelve not yet complete). */
export function countsAgainstAdvisorChurn(lastVisitDate: string | null, today: string, rules: ChurnRules = churnRules): boolean {
  const months = monthsSince(lastVisitDate, today);
  return months !== null && months >= rules.advisorChurnFromMonths && months < rules.advisorChurnUntilMonths;
}

/** The latest valid visit date, for churnStatus. */
export function lastVisit(visitDates: string[]): string | null {
  let last: string | null = null;
  for (const d of visitDates) if (isIsoDate(d) && (last === null || d > last)) last = d;
  return last;
}
