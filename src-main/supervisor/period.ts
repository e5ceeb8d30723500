// A dashboard period: whole months 'YYYY-MM'..'YYYY-MM' in the dealership's time zone.
import { addDays, addMonths } from '../../src-shared/domain/dates';
import { zonedInstant } from '../../src-shared/domain/workflows/zoned-time';
import { DeskError } from '../../src-shared/contract/errors';

export interface Period {
  from: string;
  to: string;
  firstDay: string;
  lastDay: string;
  months: string[];
  startIso: string;
  endIso: string;
}

export function period(from: string, to: string, timeZone: string): Period {
  if (from > to) throw new DeskError('invalid-input', 'the period ends before it starts', [{ path: 'to', message: 'before from' }]);
  const months: string[] = [];
  for (let m = `${from}-01`; m.slice(0, 7) <= to; m = addMonths(m, 1)) {
    months.push(m.slice(0, 7));
    if (months.length > 36) throw new DeskError('invalid-input', 'at most 36 months', [{ path: 'from', message: 'too long' }]);
  }
  const firstDay = `${from}-01`;
  const nextMonth = addMonths(`${to}-01`, 1);
  return { from, to, firstDay, lastDay: addDays(nextMonth, -1), months, startIso: zonedInstant(firstDay, 0, timeZone).toISOString(), endIso: zonedInstant(nextMonth, 0, timeZone).toISOString() };
}
