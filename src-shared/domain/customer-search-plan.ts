// Turns what an agent types into index probes. Every probe is an exact key or a key prefix on
// an indexed column, so each kind answers from one B-tree range scan: suffix searches (last
// digits of a phone, tail of a plate or VIN, end of a name) use columns stored reversed.
import { normalizePhone } from './phone';
import { normalizePlate, provinceAbbreviations } from './plate';
import { reverseString, toHalfWidth } from './text';
import type { MatchKind } from '../contract/customers';

export type ProbeColumn =
  | 'phone'
  | 'phone_reversed'
  | 'plate_local'
  | 'plate_reversed'
  | 'vin_reversed'
  | 'name'
  | 'name_reversed'
  | 'pinyin'
  | 'pinyin_initials'
  | 'number';

export interface SearchProbe {
  column: ProbeColumn;
  /** Exact key, or the prefix every matching key starts with. */
  key: string;
  exact: boolean;
  match: MatchKind;
  score: number;
  /** Plate probes typed with a province: matches from another province rank lower. */
  province?: string;
}

const cjk = /\p{Script=Han}/u;
const separators = /[\s\-·•.．_/\\()（）]+/g;

export function planCustomerSearch(query: string): SearchProbe[] {
  const text = toHalfWidth(query).trim();
  if (!text) return [];
  const compact = text.replace(separators, '');
  const upper = compact.toUpperCase();
  const probes: SearchProbe[] = [];
  const digitsOnly = /^\d+$/.test(compact);
  const alnum = /^[A-Z0-9]+$/.test(upper);

  const phone = normalizePhone(text);
  if (phone && phone.normalized.length >= 7) probes.push({ column: 'phone', key: phone.normalized, exact: true, match: 'phone', score: 100 });
  if (digitsOnly && compact.length >= 4 && compact.length <= 12) {
    probes.push({ column: 'phone_reversed', key: reverseString(compact), exact: false, match: 'phone_tail', score: 60 + compact.length });
  }

  const startsWithProvince = provinceAbbreviations.includes(compact[0] ?? '');
  // Every plate's serial has a digit: a letters-only query is a name in pinyin, not a plate.
  const hasDigit = /\d/.test(compact);
  if (startsWithProvince || (alnum && hasDigit && compact.length >= 3 && compact.length <= 8)) {
    const plate = normalizePlate(compact);
    if (plate && plate.local.length >= 1) {
      const full = plate.local.length >= 6;
      probes.push({ column: 'plate_local', key: plate.local, exact: full, match: 'plate', score: full ? 95 : 55 + plate.local.length, province: plate.province ?? undefined });
      if (!plate.province && plate.local.length >= 3) {
        probes.push({ column: 'plate_reversed', key: plate.reversed, exact: false, match: 'plate', score: 55 + plate.local.length });
      }
    }
  }

  if (alnum && upper.length === 17) probes.push({ column: 'vin_reversed', key: reverseString(upper), exact: true, match: 'vin', score: 100 });
  else if (alnum && hasDigit && upper.length >= 6 && upper.length < 17) {
    probes.push({ column: 'vin_reversed', key: reverseString(upper), exact: false, match: 'vin_tail', score: 58 + Math.min(upper.length, 8) });
  }

  // Customer numbers keep their own separators (D2023-0007): match them as typed, upper-cased.
  const number = text.replace(/\s+/g, '').toUpperCase();
  if (/^[A-Z0-9][A-Z0-9\-_/.]{2,39}$/.test(number) && /\d/.test(number)) {
    probes.push({ column: 'number', key: number, exact: false, match: 'number', score: 50 + number.length });
  }

  if (cjk.test(compact) && !startsWithProvince) {
    probes.push({ column: 'name', key: compact, exact: false, match: 'name', score: 70 + compact.length * 5 });
    probes.push({ column: 'name_reversed', key: reverseString(compact), exact: false, match: 'name', score: 64 + compact.length * 5 });
  } else if (cjk.test(compact) && startsWithProvince && compact.length <= 4) {
    // 曾/苏/贵… are both surnames and plate provinces: a short query may be either.
    probes.push({ column: 'name', key: compact, exact: false, match: 'name', score: 70 + compact.length * 5 });
  }

  const letters = text.toLowerCase().replace(/[^a-z]/g, '');
  if (/^[a-z\s']+$/i.test(text) && letters.length >= 2) {
    probes.push({ column: 'pinyin', key: letters, exact: false, match: 'pinyin', score: 52 + letters.length });
    if (letters.length <= 4) probes.push({ column: 'pinyin_initials', key: letters, exact: false, match: 'pinyin', score: 48 + letters.length * 2 });
  }
  return probes;
}

/** Exclusive upper bound of the keys that start with `prefix` in SQLite's BINARY order. */
export function prefixUpperBound(prefix: string): string {
  const points = Array.from(prefix);
  const last = points.pop() ?? '';
  return points.join('') + String.fromCodePoint((last.codePointAt(0) ?? 0) + 1);
}
