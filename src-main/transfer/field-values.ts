// Cell text → typed values for import, in the forms Chinese office data really uses. Each parser
// returns {value} or {error: reason}; reasons are shown to the user next to the row number.
import { toHalfWidth } from '../../src-shared/domain/text';
import { normalizeVin, vinCheckDigit } from '../../src-shared/domain/vin';

export type Parsed<T> = { value: T } | { error: string };

/** Cells that mean "nothing here" in hand-kept sheets. */
const placeholders = new Set(['-', '--', '---', '—', '——', '/', '\\', 'n/a', 'na', 'null', 'none', '无', '暂无', '空', '#n/a']);

export function cleanCell(raw: string | undefined): string {
  if (raw === undefined) return '';
  // Tabs and apostrophes are the markers exports put in front of digits to keep Excel from
  // turning them into numbers (ours does too: see csv-write.ts).
  // Line breaks inside a cell become \n, as Excel stores them (Alt+Enter), whatever the file used.
  const text = raw.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\r\n?/g, '\n').replace(/^[\t']+/, '').trim();
  return placeholders.has(text.toLowerCase()) ? '' : text;
}

/** 1.38123E+10: Excel showed a long number in scientific notation and saved only those digits. */
export function isScientificNotation(text: string): boolean {
  return /^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(toHalfWidth(text).replace(/\s/g, ''));
}

const excelEpochUtc = Date.UTC(1899, 11, 30);

/**
 * Dates: 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, 20230501, Excel serial numbers (as a CSV
 * holds them when a date column lost its format) and any of these followed by a time. D/M/Y and
 * M/D/Y are accepted only when the day makes the order unambiguous.
 */
export function parseDate(raw: string): Parsed<string> {
  const text = toHalfWidth(raw).trim().replace(/\s+/g, ' ');
  const withoutTime = text.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[ap]m)?(z|[+-]\d{2}:?\d{2})?$/i, '').trim();
  let y: number;
  let m: number;
  let d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/.exec(withoutTime))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(withoutTime))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(withoutTime))) {
    const a = Number(match[1]);
    const b = Number(match[2]);
    y = Number(match[3]);
    if (a > 12 && b <= 12) [d, m] = [a, b];
    else if (b > 12 && a <= 12) [m, d] = [a, b];
    else if (a === b) [m, d] = [a, b];
    else return { error: `ambiguous date "${raw}": write it as YYYY-MM-DD` };
  } else if ((match = /^(\d{4,5})(\.\d+)?$/.exec(withoutTime))) {
    const serial = Number(match[1]);
    if (serial < 10_000 || serial > 80_000) return { error: `not a date: "${raw}"` };
    const date = new Date(excelEpochUtc + serial * 86_400_000);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  } else {
    return { error: `not a date: "${raw}" (use YYYY-MM-DD)` };
  }
  if (!isCalendarDate(y, m, d)) return { error: `not a real date: "${raw}"` };
  if (y < 1900 || y > 2100) return { error: `date out of range: "${raw}"` };
  return { value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function parseGender(raw: string): Parsed<'M' | 'F'> {
  const text = toHalfWidth(raw).trim().toLowerCase();
  if (['男', 'm', 'male', '先生', '男性', '1'].includes(text)) return { value: 'M' };
  if (['女', 'f', 'female', '女士', '小姐', '女性', '2'].includes(text)) return { value: 'F' };
  return { error: `gender must be 男/女 or M/F, got "${raw}"` };
}

/** 12,345 / 12345km / 12345 公里 / 1.2万公里 → whole kilometres. */
export function parseMileage(raw: string): Parsed<number> {
  const text = toHalfWidth(raw).toLowerCase().replace(/[\s,，]/g, '').replace(/(公里|千米|km)$/, '');
  const match = /^(\d+(?:\.\d+)?)(万)?$/.exec(text);
  if (!match) return { error: `mileage must be a number of kilometres, got "${raw}"` };
  const km = Math.round(Number(match[1]) * (match[2] ? 10_000 : 1));
  if (km > 3_000_000) return { error: `mileage ${km} km is not plausible` };
  return { value: km };
}

export function parseModelYear(raw: string, now: Date): Parsed<number> {
  const match = /^(\d{4})\s*(款|年款|年)?$/.exec(toHalfWidth(raw).trim());
  const year = match ? Number(match[1]) : NaN;
  if (!match || year < 1950 || year > now.getUTCFullYear() + 2) return { error: `model year must be a year such as 2021, got "${raw}"` };
  return { value: year };
}

export function parseEmail(raw: string): Parsed<string> {
  const text = toHalfWidth(raw).trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) || text.length > 254) return { error: `not an e-mail address: "${raw}"` };
  return { value: text };
}

/**
 * VIN shape (17 characters, no I/O/Q) is an error; a wrong check digit (position 9, ISO 3779 /
 * GB 16735) is only a warning: real dealership data carries typos and non-Chinese-market VINs
 * without a check digit, and the rest of the number still finds the car.
 */
export function checkVin(raw: string): { vin: string } | { error: string } | { vin: string; warning: string } {
  const vin = normalizeVin(raw);
  if (vin.length !== 17) return { error: `VIN must have 17 characters, "${raw}" has ${vin.length}` };
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return { error: `VIN "${raw}" has characters a VIN never uses (I, O, Q or symbols)` };
  const expected = vinCheckDigit(vin);
  if (vin[8] !== expected) return { vin, warning: `VIN check digit wrong (position 9 is ${vin[8]}, expected ${expected}); imported as given` };
  return { vin };
}
