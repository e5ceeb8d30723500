// Day arithmetic for the generator's hot loop. Dates are kept as integer offsets from `today`
// (0 = today, negative = past) and turned into ISO strings through a table built once with
// the shared date helpers, so a million customers cost array look-ups instead of millions of
// Date objects and string formats. monthsLater clamps to the month end exactly like addMonths
// (calendar.test.ts checks that against src-shared/domain/dates.ts).
import { addDays, addMonths, daysBetween, daysInMonth, isIsoDate } from '../../src-shared/domain/dates';
import { DeskError } from '../../src-shared/contract/errors';

const dayMs = 86_400_000;

export class DemoCalendar {
  readonly today: string;
  readonly first: number;
  readonly last: number;
  private readonly todayEpochDay: number;
  private readonly isoTable: string[] = [];
  private readonly years: Int16Array;
  private readonly months: Int8Array;
  private readonly days: Int8Array;

  constructor(today: string, first = -30_000, last = 4_000) {
    if (!isIsoDate(today)) throw new DeskError('invalid-input', `today must be a YYYY-MM-DD date, got ${today}`);
    this.today = today;
    this.first = first;
    this.last = last;
    this.todayEpochDay = daysBetween('1970-01-01', today);
    const size = last - first + 1;
    this.years = new Int16Array(size);
    this.months = new Int8Array(size);
    this.days = new Int8Array(size);
    for (let i = 0; i < size; i++) {
      const iso = addDays(today, first + i);
      this.isoTable.push(iso);
      this.years[i] = Number(iso.slice(0, 4));
      this.months[i] = Number(iso.slice(5, 7));
      this.days[i] = Number(iso.slice(8, 10));
    }
  }

  /** ISO date of a day offset (outside the table it is computed, slower). */
  iso(offset: number): string {
    const i = offset - this.first;
    return i >= 0 && offset <= this.last ? this.isoTable[i] : addDays(this.today, offset);
  }

  year(offset: number): number {
    return this.inTable(offset) ? this.years[offset - this.first] : Number(this.iso(offset).slice(0, 4));
  }

  month(offset: number): number {
    return this.inTable(offset) ? this.months[offset - this.first] : Number(this.iso(offset).slice(5, 7));
  }

  /** Offset of the date `months` calendar months after the date at `offset`, clamped to the month end. */
  monthsLater(offset: number, months: number): number {
    if (!this.inTable(offset)) return daysBetween(this.today, addMonths(this.iso(offset), months));
    const i = offset - this.first;
    const total = this.years[i] * 12 + (this.months[i] - 1) + months;
    const year = Math.floor(total / 12);
    const month = total - year * 12 + 1;
    const day = Math.min(this.days[i], daysInMonth(year, month));
    return Date.UTC(year, month - 1, day) / dayMs - this.todayEpochDay;
  }

  private inTable(offset: number): boolean {
    return offset >= this.first && offset <= this.last;
  }
}
