// Survey sampling (问卷调查: 抽样): a share of a segment chosen at random with a seed, so the
// same survey re-run picks the same customers, then dealt round-robin to agents.
import { seededRandom } from '../random';

/** round(share × n) distinct items (at least one when share > 0 and n > 0), in segment order. */
export function sampleShare<T>(items: readonly T[], share: number, seed: number): T[] {
  if (!(share > 0) || items.length === 0) return [];
  const k = Math.min(items.length, Math.max(1, Math.round(Math.min(1, share) * items.length)));
  const random = seededRandom(seed);
  const idx = items.map((_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, k).sort((a, b) => a - b).map((i) => items[i]);
}

export function dealRoundRobin<T>(items: readonly T[], agents: readonly string[]): { item: T; agent: string }[] {
  if (agents.length === 0) return [];
  return items.map((item, i) => ({ item, agent: agents[i % agents.length] }));
}
