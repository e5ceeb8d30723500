// When a customer may be called or messaged (seed 002, 回访时间): not before 08:30, not after
// 19:00, not during lunch 12:00–13:00 — in the south one hour longer (until 14:00) because of
// the midday rest — and avoid weekends. Regions and seasons are configurable: a season
// (e.g. summer, 06-01…09-30) may replace the day's breaks, as northern dealerships lengthen the
// midday rest in summer. Everything is evaluated on the wall clock of the dealership's zone.
import { addDays } from '../dates';
import { defaultWorkCalendar, isWorkingDay, type WorkCalendar } from './work-calendar';
import { localTime, parseClock, zonedInstant } from './zoned-time';

export interface ClockRange {
  from: string;
  to: string;
}

export interface Season {
  name: string;
  /** 'MM-DD' inclusive; a range may wrap the new year (11-01 … 02-28). */
  from: string;
  to: string;
  breaks: readonly ClockRange[];
}

export interface CallingWindowRules {
  timeZone: string;
  /** Earliest and latest call times ('08:30', '19:00'): callable in [start, end). */
  start: string;
  end: string;
  breaks: readonly ClockRange[];
  seasons: readonly Season[];
  /** Calls on days off (weekends, holidays) are avoided unless allowed. */
  allowDaysOff: boolean;
  calendar: WorkCalendar;
}

const lunch: ClockRange = Object.freeze({ from: '12:00', to: '13:00' });
const longLunch: ClockRange = Object.freeze({ from: '12:00', to: '14:00' });

export const callingWindowPresets: Readonly<Record<'north' | 'south', CallingWindowRules>> = Object.freeze({
  north: Object.freeze({
    timeZone: 'Asia/Shanghai', start: '08:30', end: '19:00', breaks: Object.freeze([lunch]),
    seasons: Object.freeze([Object.freeze({ name: 'summer', from: '06-01', to: '09-30', breaks: Object.freeze([longLunch]) })]),
    allowDaysOff: false, calendar: defaultWorkCalendar,
  }),
  south: Object.freeze({
    timeZone: 'Asia/Shanghai', start: '08:30', end: '19:00', breaks: Object.freeze([longLunch]), seasons: Object.freeze([]),
    allowDaysOff: false, calendar: defaultWorkCalendar,
  }),
});

export const defaultCallingWindowRules: CallingWindowRules = callingWindowPresets.north;

function inSeason(date: string, season: Season): boolean {
  const md = date.slice(5);
  return season.from <= season.to ? md >= season.from && md <= season.to : md >= season.from || md <= season.to;
}

/** The callable [from, to) minute ranges of one local date, in order. Empty on a day off. */
export function callableRanges(date: string, rules: CallingWindowRules): [number, number][] {
  if (!rules.allowDaysOff && !isWorkingDay(date, rules.calendar)) return [];
  const season = rules.seasons.find((s) => inSeason(date, s));
  const breaks = (season ? season.breaks : rules.breaks).map((b) => [parseClock(b.from), parseClock(b.to)] as [number, number]).sort((a, b) => a[0] - b[0]);
  let ranges: [number, number][] = [[parseClock(rules.start), parseClock(rules.end)]];
  for (const [bf, bt] of breaks) {
    ranges = ranges.flatMap(([f, t]): [number, number][] => {
      const parts: [number, number][] = bt <= f || bf >= t ? [[f, t]] : [[f, Math.min(bf, t)], [Math.max(bt, f), t]];
      return parts.filter(([a, b]) => b > a);
    });
  }
  return ranges;
}

export function isCallable(now: Date, rules: CallingWindowRules = defaultCallingWindowRules): boolean {
  const local = localTime(now, rules.timeZone);
  return callableRanges(local.date, rules).some(([f, t]) => local.minutes >= f && local.minutes < t);
}

/** `now` when callable, else the start of the next callable range (null if none within a year). */
export function nextCallableTime(now: Date, rules: CallingWindowRules = defaultCallingWindowRules): Date | null {
  const local = localTime(now, rules.timeZone);
  for (let i = 0; i <= 366; i++) {
    const date = addDays(local.date, i);
    for (const [f, t] of callableRanges(date, rules)) {
      if (i === 0 && local.minutes >= t) continue;
      if (i === 0 && local.minutes >= f) return now;
      const at = zonedInstant(date, f, rules.timeZone);
      if (at.getTime() > now.getTime()) return at;
    }
  }
  return null;
}
