// Per-dealership settings of the service workflows, with the seed numbers as defaults
// (seed 004 3-day reply clock, seed 002 calling windows and templates, seed 003 advisor
// capacity and routing, seed 001 follow-up rules). Secrets (SMS AccessKey secret, SMTP
// password) are not here: they go to the secret store and only `has…` flags come back.
import { z } from 'zod';
import { callingWindowPresets } from '../domain/workflows/calling-windows';
import { defaultCapacityRules } from '../domain/workflows/capacity';
import { defaultFollowUpRules, defaultRetryPolicy, followUpTriggers } from '../domain/workflows/follow-up-rules';
import { defaultSlaRules } from '../domain/workflows/sla';

const clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'HH:MM');
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD');
const zone = z.string().min(1).max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'unknown IANA time zone');

export const WorkCalendarSchema = z.object({
  workWeekdays: z.array(z.number().int().min(1).max(7)).max(7),
  holidays: z.array(z.iso.date()).max(400),
  workdays: z.array(z.iso.date()).max(100),
});

const range = z.object({ from: clock, to: clock });

export const CallingWindowSchema = z.object({
  timeZone: zone,
  start: clock,
  end: clock,
  breaks: z.array(range).max(6),
  seasons: z.array(z.object({ name: z.string().max(32), from: monthDay, to: monthDay, breaks: z.array(range).max(6) })).max(6),
  allowDaysOff: z.boolean(),
  calendar: WorkCalendarSchema,
});

export const SmsSettingsSchema = z.object({
  provider: z.enum(['none', 'aliyun']),
  /** https://dysmsapi.aliyuncs.com by default; a test or proxy may point elsewhere. */
  endpoint: z.string().url().max(300),
  accessKeyId: z.string().max(128),
  signName: z.string().max(64),
  regionId: z.string().max(64),
});

export const EmailSettingsSchema = z.object({
  host: z.string().max(200),
  port: z.number().int().min(1).max(65535),
  secure: z.boolean(),
  user: z.string().max(200),
  from: z.string().max(200),
});

export const WorkflowSettingsSchema = z.object({
  dealership: z.object({ name: z.string().max(100), hotline: z.string().max(40), timeZone: zone }),
  sla: z.object({
    days: z.number().int().min(1).max(60),
    unit: z.enum(['calendar', 'working']),
    remindBeforeHours: z.array(z.number().min(0).max(720)).max(6),
    escalateAfterHours: z.array(z.number().min(0).max(720)).max(6),
  }),
  region: z.enum(['north', 'south']),
  callingWindows: CallingWindowSchema,
  capacity: z.object({ target: z.number().int().min(1).max(50), max: z.number().int().min(1).max(60), slots: z.array(clock).min(1).max(24), perSlot: z.number().int().min(1).max(20) }),
  followUpRules: z.array(z.object({ code: z.string().max(16), trigger: z.enum(followUpTriggers), offsetDays: z.number().int().min(0).max(365), questionnaireId: z.string().max(64).nullable(), title: z.string().max(100), enabled: z.boolean() })).max(50),
  retry: z.object({ maxAttempts: z.number().int().min(1).max(20), retryAfterMinutes: z.number().int().min(1).max(10_080) }),
  frequencyCap: z.object({ max: z.number().int().min(0).max(100), days: z.number().int().min(1).max(365) }),
  holidays: z.array(z.object({ name: z.string().max(32), date: z.iso.date() })).max(100),
  /** Department → the manager's user name: complaints of important customers go to them (seed 003). */
  managers: z.record(z.string().max(32), z.string().max(64)),
  sms: SmsSettingsSchema.extend({ hasSecret: z.boolean().optional(), accessKeySecret: z.string().max(200).optional() }),
  email: EmailSettingsSchema.extend({ hasPassword: z.boolean().optional(), password: z.string().max(200).optional() }),
});
export type WorkflowSettings = z.infer<typeof WorkflowSettingsSchema>;

export const defaultWorkflowSettings: WorkflowSettings = {
  dealership: { name: '4S店', hotline: '', timeZone: defaultSlaRules.timeZone },
  sla: { days: defaultSlaRules.days, unit: defaultSlaRules.unit, remindBeforeHours: [...defaultSlaRules.remindBeforeHours], escalateAfterHours: [...defaultSlaRules.escalateAfterHours] },
  region: 'north',
  callingWindows: structuredCloneRules(),
  capacity: { ...defaultCapacityRules, slots: [...defaultCapacityRules.slots] },
  followUpRules: defaultFollowUpRules.map((r) => ({ ...r })),
  retry: { ...defaultRetryPolicy },
  frequencyCap: { max: 2, days: 7 },
  holidays: [],
  managers: {},
  sms: { provider: 'none', endpoint: 'https://dysmsapi.aliyuncs.com', accessKeyId: '', signName: '', regionId: 'cn-hangzhou' },
  email: { host: '', port: 465, secure: true, user: '', from: '' },
};

function structuredCloneRules(): WorkflowSettings['callingWindows'] {
  return JSON.parse(JSON.stringify(callingWindowPresets.north)) as WorkflowSettings['callingWindows'];
}
