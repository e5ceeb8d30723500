// Customer care reminders (客户关怀, seeds 000/001/002): what is due per customer comes from
// computeDue (src-shared/domain/due.ts: first free maintenance, due maintenance by date and by
// mileage from the average daily distance, insurance, annual inspection, warranty end,
// birthday); this module turns due items into reminders with a stage (insurance 60/30/7 days
// before), a message template, and adds holiday greetings from the dealership's holiday list.
import type { DueItem } from '../../contract/customers';
import { daysBetween } from '../dates';
import { computeDue, defaultDueRules, insuranceReminderWindow, type DueInput, type DueRules } from '../due';

export type ReminderKind = DueItem['kind'] | 'holiday';

export interface Holiday {
  name: string;
  date: string;
}

export interface ReminderRules {
  due: DueRules;
  /** Greetings are sent this many days before a holiday. */
  holidayLeadDays: number;
  holidays: readonly Holiday[];
  /** Reminder kind → template id (seed 002 templates). */
  templates: Readonly<Record<ReminderKind, string | null>>;
}

export const defaultReminderRules: ReminderRules = Object.freeze({
  due: defaultDueRules,
  holidayLeadDays: 3,
  holidays: Object.freeze([]),
  templates: Object.freeze({
    first_maintenance: 'maintenance_due',
    maintenance: 'maintenance_due',
    insurance: 'insurance_expiry',
    inspection: null,
    warranty: null,
    birthday: 'birthday',
    holiday: 'holiday',
  }),
});

export interface CareReminder {
  kind: ReminderKind;
  vehicleId: number | null;
  dueDate: string;
  daysLeft: number;
  urgency: DueItem['urgency'];
  /** Insurance: the 60/30/7 stage the expiry is in; holiday: its name. */
  stage: string | null;
  templateId: string | null;
  detail?: string;
}

export function careReminders(input: DueInput, today: string, rules: ReminderRules = defaultReminderRules): CareReminder[] {
  const out: CareReminder[] = [];
  for (const item of computeDue(input, today, rules.due)) {
    let stage: string | null = null;
    if (item.kind === 'insurance') {
      const w = insuranceReminderWindow(item.daysLeft, rules.due);
      if (w === null && item.daysLeft >= 0) continue;
      stage = w === null ? 'expired' : `${w}d`;
    }
    out.push({ kind: item.kind, vehicleId: item.vehicleId, dueDate: item.dueDate, daysLeft: item.daysLeft, urgency: item.urgency, stage, templateId: rules.templates[item.kind], ...(item.detail ? { detail: item.detail } : {}) });
  }
  for (const h of holidayGreetings(today, rules)) out.push(h);
  return out;
}

/** Holidays within the lead time (the same for every customer, so computed once per scan). */
export function holidayGreetings(today: string, rules: ReminderRules = defaultReminderRules): CareReminder[] {
  return rules.holidays
    .map((h) => ({ h, daysLeft: daysBetween(today, h.date) }))
    .filter(({ daysLeft }) => daysLeft >= 0 && daysLeft <= rules.holidayLeadDays)
    .map(({ h, daysLeft }) => ({ kind: 'holiday' as const, vehicleId: null, dueDate: h.date, daysLeft, urgency: daysLeft <= rules.due.soonDays ? ('soon' as const) : ('upcoming' as const), stage: h.name, templateId: rules.templates.holiday }));
}
