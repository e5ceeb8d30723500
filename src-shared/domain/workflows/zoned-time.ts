// Wall-clock time in an IANA time zone, with no machine-zone dependence: instants are Date
// values (UTC), local times are (ISO date, minutes since midnight). Conversion local → instant
// searches the zone offset with Intl, so it is correct across DST changes: a local time that
// does not exist (spring-forward gap) is shifted forward by the gap (02:30 → 03:30); an ambiguous one
// (fall-back) resolves to the earlier instant.
import { addDays } from '../dates';

export interface LocalTime {
  date: string;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for an unknown zone: callers validate settings with isTimeZone first. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function fields(instant: Date, timeZone: string) {
  const v: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') v[p.type] = Number(p.value);
  return v;
}

/** The zone's offset from UTC at `instant`, in minutes (Asia/Shanghai: +480). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const v = fields(instant, timeZone);
  const asUtc = Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

export function localTime(instant: Date, timeZone: string): LocalTime {
  const v = fields(instant, timeZone);
  const date = `${String(v.year).padStart(4, '0')}-${String(v.month).padStart(2, '0')}-${String(v.day).padStart(2, '0')}`;
  return { date, minutes: v.hour * 60 + v.minute, weekday: isoWeekday(date) };
}

export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The instant at which the wall clock in `timeZone` shows `date` + `minutes` (minutes may exceed a day). */
export function zonedInstant(date: string, minutes: number, timeZone: string): Date {
  const dayShift = Math.floor(minutes / 1440);
  const d = dayShift ? addDays(date, dayShift) : date;
  const m = minutes - dayShift * 1440;
  const wall = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)), 0, m);
  // Offsets half a day either side of the wall time bracket any DST change near it.
  const before = wall - zoneOffsetMinutes(new Date(wall - 43_200_000), timeZone) * 60_000;
  const after = wall - zoneOffsetMinutes(new Date(wall + 43_200_000), timeZone) * 60_000;
  const shows = (t: number) => {
    const l = localTime(new Date(t), timeZone);
    return l.date === d && l.minutes === m;
  };
  const valid = [before, after].filter(shows);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // A gap: the clock jumped over this time; keep the pre-change offset (lands after the gap).
  return new Date(before);
}

/** 'HH:MM' → minutes; throws on malformed input (rules are validated by the contract schema). */
export function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) throw new RangeError(`not a clock time: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
