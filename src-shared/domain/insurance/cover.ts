// Cover items of a car policy: compulsory traffic insurance (交强险) and commercial items
// (商业险). Sums are in yuan; a policy's premium is the sum of its items' premiums.
export const coverItems = [
  'compulsory', // 交强险
  'vehicle_damage', // 车损险
  'third_party', // 第三者责任险
  'driver_seat', // 车上人员责任险(司机)
  'passenger_seat', // 车上人员责任险(乘客)
  'theft', // 盗抢险
  'glass', // 玻璃单独破碎险
  'scratch', // 划痕险
  'other',
] as const;
export type CoverItemCode = (typeof coverItems)[number];

export interface CoverItem {
  code: CoverItemCode;
  sumInsuredYuan: number | null;
  premiumYuan: number;
}

export function policyKind(items: readonly CoverItem[]): 'compulsory' | 'commercial' | 'both' | 'none' {
  const c = items.some((i) => i.code === 'compulsory');
  const m = items.some((i) => i.code !== 'compulsory');
  return c && m ? 'both' : c ? 'compulsory' : m ? 'commercial' : 'none';
}

export function premiumTotal(items: readonly CoverItem[]): number {
  return Math.round(items.reduce((s, i) => s + i.premiumYuan, 0) * 100) / 100;
}

export function coverProblems(items: readonly CoverItem[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const i of items) {
    if (seen.has(i.code) && i.code !== 'other') problems.push(`duplicate item ${i.code}`);
    seen.add(i.code);
    if (i.premiumYuan < 0) problems.push(`negative premium on ${i.code}`);
    if (i.sumInsuredYuan !== null && i.sumInsuredYuan < 0) problems.push(`negative sum on ${i.code}`);
  }
  return problems;
}
