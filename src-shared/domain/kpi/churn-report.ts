// Churn figures of seed 003, built on the rules in ../churn.ts (not restated here): customers by
// class and status, and the advisor's monthly churn — a customer counts against their advisor
// in a month when, at the month's end, they are in months 7–12 since their last visit. The
// advisor's book at a month's end excludes the permanently lost (out of the active book).
import { churnRules, churnStatus, countsAgainstAdvisorChurn, visitClass, type ChurnRules, type ChurnStatus, type VisitClass } from '../churn';

export interface ChurnCustomer {
  advisorId: number | null;
  /** Visit dates, ascending. */
  visitDates: readonly string[];
}

/** The last visit on or before `date` in an ascending list (binary search). */
export function lastVisitAsOf(sortedDates: readonly string[], date: string): string | null {
  let lo = 0, hi = sortedDates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedDates[mid] <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sortedDates[lo - 1] : null;
}

export interface Classified {
  visitClass: VisitClass;
  status: ChurnStatus;
  lastVisit: string | null;
  countsAgainstAdvisor: boolean;
}

export function classify(sortedDates: readonly string[], today: string, rules: ChurnRules = churnRules): Classified {
  const last = lastVisitAsOf(sortedDates, today);
  return {
    visitClass: visitClass(sortedDates as string[], today, rules),
    status: churnStatus(last, today, rules),
    lastVisit: last,
    countsAgainstAdvisor: countsAgainstAdvisorChurn(last, today, rules),
  };
}

export interface AdvisorMonthRow {
  month: string;
  advisorId: number | null;
  /** Customers counting against the advisor at the month's end. */
  churned: number;
  /** Customers in the advisor's active book at the month's end (visited at least once, not permanently lost). */
  book: number;
  rate: number | null;
}

/** `monthEnds`: the last day of each month to report ('2024-06-30', …). */
export function advisorChurnByMonth(customers: Iterable<ChurnCustomer>, monthEnds: readonly string[], rules: ChurnRules = churnRules): AdvisorMonthRow[] {
  const rows = new Map<string, AdvisorMonthRow>();
  for (const c of customers) {
    for (const end of monthEnds) {
      const last = lastVisitAsOf(c.visitDates, end);
      if (last === null) continue;
      const status = churnStatus(last, end, rules);
      if (status === 'permanently_lost') continue;
      const key = `${end}|${c.advisorId ?? ''}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { month: end.slice(0, 7), advisorId: c.advisorId, churned: 0, book: 0, rate: null }));
      row.book += 1;
      if (countsAgainstAdvisorChurn(last, end, rules)) row.churned += 1;
    }
  }
  return [...rows.values()].map((r) => ({ ...r, rate: r.book ? r.churned / r.book : null })).sort((a, b) => a.month.localeCompare(b.month) || (a.advisorId ?? 0) - (b.advisorId ?? 0));
}

export function churnByClass(items: Iterable<Pick<Classified, 'visitClass' | 'status'>>): Record<VisitClass, Record<ChurnStatus, number>> {
  const statuses: ChurnStatus[] = ['active', 'at_risk', 'lost', 'permanently_lost', 'new'];
  const out = {} as Record<VisitClass, Record<ChurnStatus, number>>;
  for (const k of ['A', 'B', 'C', 'D'] as VisitClass[]) out[k] = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<ChurnStatus, number>;
  for (const i of items) out[i.visitClass][i.status] += 1;
  return out;
}

/** Month-end dates of the `count` months ending with the month of `today` (oldest first). */
export function monthEndsBack(today: string, count: number): string[] {
  const [y, m] = today.split('-').map(Number);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    const yy = Math.floor(total / 12), mm = total - yy * 12 + 1;
    const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
    out.push(`${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(last).padStart(2, '0')}`);
  }
  return out;
}
