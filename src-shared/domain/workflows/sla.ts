// The reply clock of complaints, suggestions and requests. Seed 004: "相关业务部门在3天内给客户
// 一个满意的回复" — the default is 3 calendar days; dealerships may count working days instead.
// Calendar days keep the local clock time (accepted Tue 15:20 → due Fri 15:20, even across a
// DST change, so the span may be 71 or 73 hours). Working days count whole working days after
// the accept date at the same clock time; a request accepted on a day off starts the clock at
// 00:00 of the next working day. Reminders fire at fixed lead times before the deadline, and
// escalation to the manager at the deadline (both configurable).
import { addDays } from '../dates';
import { addWorkingDays, defaultWorkCalendar, isWorkingDay, nextWorkingDay, type WorkCalendar } from './work-calendar';
import { localTime, zonedInstant } from './zoned-time';

export interface SlaRules {
  days: number;
  unit: 'calendar' | 'working';
  timeZone: string;
  calendar: WorkCalendar;
  /** Hours before the deadline at which the owner is reminded (催办), e.g. [24, 4]. */
  remindBeforeHours: readonly number[];
  /** Hours after the deadline at which the manager is alerted; 0 = at the deadline. */
  escalateAfterHours: readonly number[];
}

export const defaultSlaRules: SlaRules = Object.freeze({
  days: 3,
  unit: 'calendar',
  timeZone: 'Asia/Shanghai',
  calendar: defaultWorkCalendar,
  remindBeforeHours: Object.freeze([24, 4]),
  escalateAfterHours: Object.freeze([0, 24]),
});

export function slaDeadline(start: Date, rules: SlaRules = defaultSlaRules): Date {
  const local = localTime(start, rules.timeZone);
  if (rules.unit === 'calendar') return zonedInstant(addDays(local.date, rules.days), local.minutes, rules.timeZone);
  if (!isWorkingDay(local.date, rules.calendar)) {
    return zonedInstant(addWorkingDays(nextWorkingDay(local.date, rules.calendar), rules.days, rules.calendar), 0, rules.timeZone);
  }
  return zonedInstant(addWorkingDays(local.date, rules.days, rules.calendar), local.minutes, rules.timeZone);
}

export type SlaAlarmKind = 'remind' | 'escalate';
export interface SlaAlarm {
  kind: SlaAlarmKind;
  /** Stable key so a scheduler fires each alarm once: 'remind-24h', 'escalate-0h'. */
  key: string;
  at: Date;
}

/** Every alarm of a clock, in time order. */
export function slaAlarms(deadline: Date, rules: SlaRules = defaultSlaRules): SlaAlarm[] {
  const alarms: SlaAlarm[] = [];
  for (const h of rules.remindBeforeHours) alarms.push({ kind: 'remind', key: `remind-${h}h`, at: new Date(deadline.getTime() - h * 3_600_000) });
  for (const h of rules.escalateAfterHours) alarms.push({ kind: 'escalate', key: `escalate-${h}h`, at: new Date(deadline.getTime() + h * 3_600_000) });
  return alarms.sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));
}

/** Alarms that are due at `now` and not yet in `fired` (their keys). */
export function dueAlarms(deadline: Date, now: Date, fired: readonly string[], rules: SlaRules = defaultSlaRules): SlaAlarm[] {
  return slaAlarms(deadline, rules).filter((a) => a.at.getTime() <= now.getTime() && !fired.includes(a.key));
}

export type SlaState = 'running' | 'due_soon' | 'overdue' | 'met' | 'missed';

export interface SlaClock {
  state: SlaState;
  deadline: string;
  /** Negative once overdue. */
  minutesLeft: number;
}

/**
 * The clock as shown on cards and queues. `stoppedAt` is the reply time (the clock stops at
 * 回复, not at closing); `dueSoonHours` turns the clock amber.
 */
export function slaClock(deadline: Date, now: Date, stoppedAt: Date | null, dueSoonHours = 24): SlaClock {
  const end = stoppedAt ?? now;
  const minutesLeft = Math.floor((deadline.getTime() - end.getTime()) / 60_000);
  const state: SlaState = stoppedAt
    ? stoppedAt.getTime() <= deadline.getTime() ? 'met' : 'missed'
    : minutesLeft < 0 ? 'overdue' : minutesLeft <= dueSoonHours * 60 ? 'due_soon' : 'running';
  return { state, deadline: deadline.toISOString(), minutesLeft };
}
