// Why the follow-up queue offers no one: from the next callable time the desk reports and the
// dealership's calling-window rules (seed 002): a break (午休 12:00–13:00, or 14:00 in the
// south/summer) or outside the day's window / a day off.
import type { WorkflowSettings } from '../../../src-shared/contract/workflow-settings';
import { localTime, parseClock } from '../../../src-shared/domain/workflows/zoned-time';

export type CallingReason =
  | { kind: 'break'; lunch: boolean; from: string; to: string; nextAt: Date }
  | { kind: 'outside'; from: string; to: string; nextAt: Date | null };

export function callingReason(nextCallableAt: string | null, rules: WorkflowSettings['callingWindows']): CallingReason {
  if (!nextCallableAt) return { kind: 'outside', from: rules.start, to: rules.end, nextAt: null };
  const nextAt = new Date(nextCallableAt);
  const local = localTime(nextAt, rules.timeZone);
  const md = local.date.slice(5);
  const season = rules.seasons.find((s) => (s.from <= s.to ? md >= s.from && md <= s.to : md >= s.from || md <= s.to));
  const breaks = season ? season.breaks : rules.breaks;
  const ended = breaks.find((b) => parseClock(b.to) === local.minutes && parseClock(b.to) > parseClock(rules.start));
  if (ended) return { kind: 'break', lunch: parseClock(ended.from) <= 12 * 60 && parseClock(ended.to) > 12 * 60, from: ended.from, to: ended.to, nextAt };
  return { kind: 'outside', from: rules.start, to: rules.end, nextAt };
}

/** 'MM-DD HH:mm' (or 'HH:mm' on the same local date as `now`) on the dealership's clock. */
export function localClockText(at: Date, timeZone: string, now: Date): string {
  const a = localTime(at, timeZone);
  const n = localTime(now, timeZone);
  const hhmm = `${String(Math.floor(a.minutes / 60)).padStart(2, '0')}:${String(a.minutes % 60).padStart(2, '0')}`;
  return a.date === n.date ? hhmm : `${a.date.slice(5)} ${hhmm}`;
}
