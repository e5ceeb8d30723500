// Calendar dates as 'YYYY-MM-DD' strings. All arithmetic is done on UTC midnights so a
// machine's time zone can never shift a date; "today" is taken in the dealership's zone.
// Callers pass valid ISO dates (check untrusted input with isIsoDate first).

export const defaultTimeZone = 'Asia/Shanghai';

const dayMs = 86_400_000;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = isoDate.exec(date);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
}

function utcMs(date: string): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fromUtc(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar date in 'YYYY-MM-DD' form (rejects 2023-02-29, 2024-13-01, '2024-1-1'). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = isoDate.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function toIsoDate(d: Date): string {
  return fromUtc(d.getTime());
}

export function addDays(date: string, n: number): string {
  return fromUtc(utcMs(date) + Math.trunc(n) * dayMs);
}

/** Month arithmetic that clamps to the month end: 2024-01-31 + 1 month = 2024-02-29. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + Math.trunc(n);
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, daysInMonth(year, month)), 2)}`;
}

/** 2024-02-29 + 1 year = 2025-02-28. */
export function addYears(date: string, n: number): string {
  return addMonths(date, Math.trunc(n) * 12);
}

/** to − from in whole days (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / dayMs);
}

/** Whole calendar months from `from` to `to`: the largest k with addMonths(from, k) ≤ to (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1] = parts(from);
  const [y2, m2] = parts(to);
  let k = (y2 - y1) * 12 + (m2 - m1);
  if (addMonths(from, k) > to) k -= 1;
  else if (addMonths(from, k + 1) <= to) k += 1;
  return k;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      // An unknown zone name in settings must not stop the desk: fall back to the dealership default.
      f = formatterFor(defaultTimeZone);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date at `now` in an IANA time zone (an unknown zone falls back to Asia/Shanghai). */
export function todayIn(timeZone: string = defaultTimeZone, now: Date): string {
  const values: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(now)) values[p.type] = p.value;
  return `${values.year}-${values.month}-${values.day}`;
}
