// Performance appraisal (绩效考核, seed 000 日常管理 and seed 001: the KPIs are "the basis of
// the appraisal"). Each figure's achievement is value / target, capped; the score is the
// weighted mean of the achievements present, on 0–100. Weights are the dealership's choice.
export const appraisalMetrics = ['dueMaintenanceVisitRate', 'appointmentRate', 'renewalRate', 'followUpCompletion', 'complaintSlaKept', 'answerRate', 'churnRate'] as const;
export type AppraisalMetric = (typeof appraisalMetrics)[number];

export interface AppraisalRules {
  weights: Partial<Record<AppraisalMetric, number>>;
  /** Highest achievement counted for one metric (1.2 = over-achieving by 20 % counts, no more). */
  cap: number;
}

export const defaultAppraisalRules: AppraisalRules = Object.freeze({
  weights: Object.freeze({ dueMaintenanceVisitRate: 25, appointmentRate: 20, renewalRate: 20, followUpCompletion: 15, complaintSlaKept: 10, answerRate: 10 }),
  cap: 1.2,
});

/** Metrics where lower is better: achievement is target / value. */
const lowerIsBetter: ReadonlySet<AppraisalMetric> = new Set(['churnRate']);

export function achievement(metric: AppraisalMetric, value: number, target: number, cap: number): number {
  if (lowerIsBetter.has(metric)) return value <= 0 ? cap : Math.min(cap, target / value);
  if (target <= 0) return cap;
  return Math.max(0, Math.min(cap, value / target));
}

export interface AppraisalLine {
  metric: AppraisalMetric;
  value: number | null;
  target: number;
  weight: number;
  achievement: number | null;
}

/** Score 0–100·cap; metrics without data drop out and the other weights carry the score. */
export function appraise(values: Partial<Record<AppraisalMetric, number | null>>, targets: Partial<Record<AppraisalMetric, number>>, rules: AppraisalRules = defaultAppraisalRules) {
  const lines: AppraisalLine[] = [];
  let weighted = 0, weights = 0;
  for (const metric of appraisalMetrics) {
    const weight = rules.weights[metric] ?? 0;
    const target = targets[metric];
    if (weight <= 0 || target === undefined) continue;
    const value = values[metric] ?? null;
    const a = value === null ? null : achievement(metric, value, target, rules.cap);
    lines.push({ metric, value, target, weight, achievement: a });
    if (a !== null) {
      weighted += a * weight;
      weights += weight;
    }
  }
  return { lines, score: weights ? Math.round((weighted / weights) * 1000) / 10 : null };
}
