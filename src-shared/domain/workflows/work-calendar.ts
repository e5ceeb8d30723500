// Working days of a dealership: weekdays minus public holidays, plus the make-up working days
// (调休) on which China moves a weekend day into the working week. Both lists are configurable
// per dealership; the built-in weekend is Saturday and Sunday.
import { addDays } from '../dates';
import { isoWeekday } from './zoned-time';

export interface WorkCalendar {
  /** ISO weekdays that are normally worked: 1 = Monday … 7 = Sunday. */
  workWeekdays: readonly number[];
  /** Dates off even though their weekday is worked (法定节假日). */
  holidays: readonly string[];
  /** Dates worked even though their weekday is not (调休上班). */
  workdays: readonly string[];
}

export const defaultWorkCalendar: WorkCalendar = Object.freeze({
  workWeekdays: Object.freeze([1, 2, 3, 4, 5]),
  holidays: Object.freeze([]),
  workdays: Object.freeze([]),
});

export function isWorkingDay(date: string, calendar: WorkCalendar = defaultWorkCalendar): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  return calendar.workWeekdays.includes(isoWeekday(date));
}

/** The first working day strictly after `date` (gives up after ten years of days off). */
export function nextWorkingDay(date: string, calendar: WorkCalendar = defaultWorkCalendar): string {
  let d = date;
  for (let i = 0; i < 3660; i++) {
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) return d;
  }
  throw new RangeError('work calendar has no working day');
}

/** `n` working days after `date` (n ≥ 0; n = 0 is `date` itself). */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar = defaultWorkCalendar): string {
  let d = date;
  for (let i = 0; i < n; i++) d = nextWorkingDay(d, calendar);
  return d;
}
