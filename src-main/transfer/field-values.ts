// Cell text → typed values for import, in the forms Chinese office data really uses. Each parser
// returns {value} or {error: problem}; problems are shown to the user next to the row number.
import { toHalfWidth } from '../../src-shared/domain/text';
import { normalizeVin, vinCheckDigit } from '../../src-shared/domain/vin';
import { problem, type Problem } from './import-issues';

export type Parsed<T> = { value: T } | { error: Problem };

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
    else return { error: problem('date_ambiguous', { value: raw }) };
  } else if ((match = /^(\d{4,5})(\.\d+)?$/.exec(withoutTime))) {
    const serial = Number(match[1]);
    if (serial < 10_000 || serial > 80_000) return { error: problem('date_invalid', { value: raw }) };
    const date = new Date(excelEpochUtc + serial * 86_400_000);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  } else {
    return { error: problem('date_invalid', { value: raw }) };
  }
  if (!isCalendarDate(y, m, d)) return { error: problem('date_invalid', { value: raw }) };
  if (y < 1900 || y > 2100) return { error: problem('date_out_of_range', { value: raw }) };
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
  return { error: problem('gender_invalid', { value: raw }) };
}

/** 12,345 / 12345km / 12345 公里 / 1.2万公里 → whole kilometres. */
export function parseMileage(raw: string): Parsed<number> {
  const text = toHalfWidth(raw).toLowerCase().replace(/[\s,，]/g, '').replace(/(公里|千米|km)$/, '');
  const match = /^(\d+(?:\.\d+)?)(万)?$/.exec(text);
  if (!match) return { error: problem('mileage_invalid', { value: raw }) };
  const km = Math.round(Number(match[1]) * (match[2] ? 10_000 : 1));
  if (km > 3_000_000) return { error: problem('mileage_implausible', { km: String(km) }) };
  return { value: km };
}

export function parseModelYear(raw: string, now: Date): Parsed<number> {
  const match = /^(\d{4})\s*(款|年款|年)?$/.exec(toHalfWidth(raw).trim());
  const year = match ? Number(match[1]) : NaN;
  if (!match || year < 1950 || year > now.getUTCFullYear() + 2) return { error: problem('model_year_invalid', { value: raw }) };
  return { value: year };
}

export function parseEmail(raw: string): Parsed<string> {
  const text = toHalfWidth(raw).trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) || text.length > 254) return { error: problem('email_invalid', { value: raw }) };
  return { value: text };
}

/**
 * VIN shape (17 characters, no I/O/Q) is an error; a wrong check digit (position 9, ISO 3779 /
 * GB 16735) is only a warning: real dealership data carries typos and non-Chinese-market VINs
 * without a check digit, and the rest of the number still finds the car.
 */
export function checkVin(raw: string): { vin: string } | { error: Problem } | { vin: string; warning: Problem } {
  const vin = normalizeVin(raw);
  if (vin.length !== 17) return { error: problem('vin_length', { value: raw, length: String(vin.length) }) };
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return { error: problem('vin_characters', { value: raw }) };
  const expected = vinCheckDigit(vin);
  if (vin[8] !== expected) return { vin, warning: problem('vin_check_digit', { value: raw, actual: vin[8], expected }) };
  return { vin };
}
