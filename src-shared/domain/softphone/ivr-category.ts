// IVR choice → inquiry category (seed 000, 售前管理: after-sales 保养 maintenance / 维修 repair /
// 投诉 complaint, and new-car / promotion inquiries). PBXes send the choice in a SIP header
// (name configurable, default X-IVR-Choice) either as the pressed digit or as a word; both are
// mapped with a configurable digit table. Unknown values map to null (no pre-selection).
export const inquiryCategories = ['maintenance', 'repair', 'complaint', 'new_car', 'promotion'] as const;
export type InquiryCategory = (typeof inquiryCategories)[number];

export const defaultIvrHeader = 'X-IVR-Choice';

/** Default IVR menu: 1 保养, 2 维修, 3 投诉, 4 新车, 5 促销活动. */
export const defaultIvrDigits: Readonly<Record<string, InquiryCategory>> = Object.freeze({
  '1': 'maintenance',
  '2': 'repair',
  '3': 'complaint',
  '4': 'new_car',
  '5': 'promotion',
});

const words: ReadonlyArray<[RegExp, InquiryCategory]> = [
  [/^(maintenance|service|保养|首保)$/i, 'maintenance'],
  [/^(repair|维修|故障)$/i, 'repair'],
  [/^(complaint|投诉)$/i, 'complaint'],
  [/^(new[-_ ]?car|sales|新车|购车|看车)$/i, 'new_car'],
  [/^(promotion|promo|促销|活动|促销活动)$/i, 'promotion'],
];

export function ivrCategory(value: string | null | undefined, digits: Readonly<Record<string, InquiryCategory>> = defaultIvrDigits): InquiryCategory | null {
  if (!value) return null;
  const v = value.slice(0, 64).trim();
  if (!v) return null;
  if (Object.prototype.hasOwnProperty.call(digits, v)) return digits[v];
  // "1-2" / "1.2": a sub-menu path; the top-level digit decides the category.
  const top = /^(\d+)[-.>/]/.exec(v);
  if (top && Object.prototype.hasOwnProperty.call(digits, top[1])) return digits[top[1]];
  for (const [pattern, category] of words) if (pattern.test(v)) return category;
  return (inquiryCategories as readonly string[]).includes(v) ? (v as InquiryCategory) : null;
}
