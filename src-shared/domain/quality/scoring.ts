// Quality review (质检) scoring: a form of criteria, each with a weight, each scored 0..maxPoints
// by the reviewer. The total is the weighted share of the points reachable, in percent, over the
// criteria scored (a criterion left blank is not counted against the agent). Trends average the
// totals per agent and month.

export interface QualityCriterion {
  id: string;
  label: string;
  weight: number;
}

export const maxPoints = 5;

/** The default form (seed 000's call-centre practice); configurable by supervisors and admins. */
export const defaultQualityCriteria: readonly QualityCriterion[] = Object.freeze([
  { id: 'opening', label: '开场白', weight: 10 },
  { id: 'identity', label: '身份核实', weight: 15 },
  { id: 'needs', label: '需求确认', weight: 20 },
  { id: 'solution', label: '解决方案', weight: 30 },
  { id: 'closing', label: '结束语', weight: 10 },
  { id: 'attitude', label: '服务态度', weight: 15 },
]);

export type QualityScores = Record<string, number>;

/** Weighted total in percent (0–100, one decimal), or null when no criterion was scored. */
export function qualityTotal(criteria: readonly QualityCriterion[], scores: QualityScores): number | null {
  let got = 0, possible = 0;
  for (const c of criteria) {
    const s = scores[c.id];
    if (s === undefined || c.weight <= 0) continue;
    got += c.weight * Math.min(Math.max(s, 0), maxPoints);
    possible += c.weight * maxPoints;
  }
  return possible ? Math.round((got / possible) * 1000) / 10 : null;
}

/** Scores naming a criterion not on the form, or out of 0..maxPoints. */
export function invalidScores(criteria: readonly QualityCriterion[], scores: QualityScores): string[] {
  const ids = new Set(criteria.map((c) => c.id));
  return Object.entries(scores).filter(([id, s]) => !ids.has(id) || !Number.isInteger(s) || s < 0 || s > maxPoints).map(([id]) => id);
}

export interface ReviewFact {
  agent: string;
  month: string;
  total: number | null;
}

export interface TrendRow {
  agent: string;
  month: string;
  reviews: number;
  average: number | null;
}

/** Average total per agent and month, sorted by agent then month. */
export function qualityTrends(reviews: Iterable<ReviewFact>): TrendRow[] {
  const acc = new Map<string, { agent: string; month: string; reviews: number; sum: number; scored: number }>();
  for (const r of reviews) {
    const k = `${r.agent}\u0000${r.month}`;
    let a = acc.get(k);
    if (!a) acc.set(k, (a = { agent: r.agent, month: r.month, reviews: 0, sum: 0, scored: 0 }));
    a.reviews += 1;
    if (r.total !== null) {
      a.sum += r.total;
      a.scored += 1;
    }
  }
  return [...acc.values()]
    .map((a) => ({ agent: a.agent, month: a.month, reviews: a.reviews, average: a.scored ? Math.round((a.sum / a.scored) * 10) / 10 : null }))
    .sort((x, y) => x.agent.localeCompare(y.agent) || x.month.localeCompare(y.month));
}
