// Knowledge-base article categories (issue 7; seed 000 知识库, seed 004 standard answers to
// common complaints). Codes are stored and travel in front matter; labels are what users see.
export const kbCategories = ['maintenance', 'repair', 'warranty', 'insurance', 'rescue', 'sales', 'complaint_standard', 'policy'] as const;
export type KbCategory = (typeof kbCategories)[number];

export const kbCategoryLabels: Record<KbCategory, string> = {
  maintenance: '保养',
  repair: '维修',
  warranty: '保修',
  insurance: '保险',
  rescue: '救援',
  sales: '销售',
  complaint_standard: '投诉标准答案',
  policy: '制度',
};

export const kbStatuses = ['draft', 'published', 'archived'] as const;
export type KbStatus = (typeof kbStatuses)[number];

/** Accepts a code or its Chinese label (hand-written front matter often uses the label). */
export function parseKbCategory(value: string): KbCategory | null {
  const v = value.trim();
  if ((kbCategories as readonly string[]).includes(v)) return v as KbCategory;
  const byLabel = kbCategories.find((c) => kbCategoryLabels[c] === v);
  return byLabel ?? null;
}
