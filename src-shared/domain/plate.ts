// Chinese licence plates (GA 36): province abbreviation + issuing-authority letter + 5 or 6
// characters (6 on new-energy plates), with special suffixes 使 领 警 学 挂 (and 港 澳 on
// Guangdong cross-border plates, 试 超 on test plates). Search keys: `local` (plate without
// province) and `reversed` (so a tail search "…2345" becomes an index prefix scan).
import { reverseString, toHalfWidth } from './text';

export const provinceAbbreviations: readonly string[] = Object.freeze(
  Array.from('京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'),
);

export const plateSuffixCharacters: readonly string[] = Object.freeze(Array.from('使领警学挂港澳试超'));

export interface NormalizedPlate {
  plate: string;
  province: string | null;
  local: string;
  reversed: string;
}

const removable = /[\s.·•・∙_-]/g;
const provinceSet = new Set(provinceAbbreviations);
const localPattern = new RegExp(`^[A-Z0-9${plateSuffixCharacters.join('')}]+$`);

export function normalizePlate(raw: string): NormalizedPlate | null {
  if (typeof raw !== 'string') return null;
  const text = toHalfWidth(raw).toUpperCase().replace(removable, '');
  const code = text.codePointAt(0);
  if (code === undefined) return null;
  const first = String.fromCodePoint(code);
  const province = provinceSet.has(first) ? first : null;
  const local = province ? text.slice(first.length) : text;
  if (!local || !localPattern.test(local)) return null;
  return { plate: (province ?? '') + local, province, local, reversed: reverseString(local) };
}

/** Display form "粤B·12345"; a plate without province, or that does not parse, is shown as given. */
export function formatPlate(plate: string): string {
  const p = normalizePlate(plate);
  if (!p || !p.province || p.local.length < 2) return p ? p.plate : plate;
  return `${p.province}${p.local[0]}·${p.local.slice(1)}`;
}
