// Calendar dates as integer day numbers (days since 1970-01-01), for bulk scans that must not
// allocate per date. Semantics match src-shared/domain/dates.ts exactly inside the supported
// range, years 0100–9999: below year 100 dates.ts goes through Date.UTC, which reads years
// 0–99 as 1900–1999, and past 9999 its strings are no longer ISO dates. Callers must treat
// `unsupportedDay` as "use the string rules for this record" so results stay identical.

/** A valid ISO date whose year lies outside 0100–9999. */
export const unsupportedDay = -1e9;

/** Howard Hinnant's days_from_civil (proleptic Gregorian). */
export function dayOfCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export const minDay = dayOfCivil(100, 1, 1);
export const maxDay = dayOfCivil(9999, 12, 31);

function leap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function monthLength(y: number, m: number): number {
  return m === 2 ? (leap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/**
 * The day number of the 'YYYY-MM-DD' date at s[start, end): NaN when that is not an ISO date
 * (isIsoDate false), `unsupportedDay` when its year is below 100.
 */
export function parseDay(s: string, start = 0, end = s.length): number {
  if (end - start !== 10 || s.charCodeAt(start + 4) !== 45 || s.charCodeAt(start + 7) !== 45) return NaN;
  const y = digit(s, start) * 1000 + digit(s, start + 1) * 100 + digit(s, start + 2) * 10 + digit(s, start + 3);
  const m = digit(s, start + 5) * 10 + digit(s, start + 6);
  const d = digit(s, start + 8) * 10 + digit(s, start + 9);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > monthLength(y, m)) return NaN;
  return y < 100 ? unsupportedDay : dayOfCivil(y, m, d);
}

/** [year, month, day] of a day number. */
export function civilOfDay(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function isoOfDay(day: number): string {
  const [y, m, d] = civilOfDay(day);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** addMonths of dates.ts (clamped to the month end); `unsupportedDay` when the result leaves 0100–9999. */
export function addMonthsToDay(day: number, n: number): number {
  const [y, m, d] = civilOfDay(day);
  const total = y * 12 + (m - 1) + Math.trunc(n);
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 100 || year > 9999) return unsupportedDay;
  return dayOfCivil(year, month, Math.min(d, monthLength(year, month)));
}
