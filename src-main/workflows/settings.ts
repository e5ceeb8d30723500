// Workflow settings: plain values in the desk's `settings` table under one key, merged over
// the seed defaults field by field (a new setting never invalidates stored ones); the SMS
// AccessKey secret and SMTP password live in the secret store and only flags come back.
import type Database from 'better-sqlite3';
import { defaultWorkflowSettings, WorkflowSettingsSchema, type WorkflowSettings } from '../../src-shared/contract/workflow-settings';
import type { CallingWindowRules } from '../../src-shared/domain/workflows/calling-windows';
import { callingWindowPresets } from '../../src-shared/domain/workflows/calling-windows';
import type { AdvisorCapacityRules } from '../../src-shared/domain/workflows/capacity';
import type { MessagePolicy } from '../../src-shared/domain/workflows/message-policy';
import { defaultReminderRules, type ReminderRules } from '../../src-shared/domain/workflows/care-reminders';
import type { SlaRules } from '../../src-shared/domain/workflows/sla';
import { secretStoreFor } from '../softphone/secret-store';

const settingsKey = 'workflows.settings';
export const smsSecretKey = 'workflows.sms-access-key-secret';
export const smtpPasswordKey = 'workflows.smtp-password';

type Stored = Omit<WorkflowSettings, 'sms' | 'email'> & { sms: Omit<WorkflowSettings['sms'], 'accessKeySecret' | 'hasSecret'>; email: Omit<WorkflowSettings['email'], 'password' | 'hasPassword'> };

const cache = new WeakMap<Database.Database, Stored>();

export function loadWorkflowSettings(sqlite: Database.Database): Stored {
  const cached = cache.get(sqlite);
  if (cached) return cached;
  const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(settingsKey) as string | undefined;
  let stored: Record<string, unknown> = {};
  try {
    stored = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    stored = {};
  }
  const merged: Record<string, unknown> = structuredClone(defaultWorkflowSettings);
  const shape = WorkflowSettingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const [key, schema] of Object.entries(shape)) {
    if (!(key in stored)) continue;
    const parsed = schema.safeParse(stored[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  const result = merged as Stored;
  cache.set(sqlite, result);
  return result;
}

export function settingsView(ctx: { sqlite: Database.Database; dataDir: string }): WorkflowSettings {
  const s = loadWorkflowSettings(ctx.sqlite);
  const secrets = secretStoreFor(ctx);
  return { ...s, sms: { ...s.sms, hasSecret: secrets.get(smsSecretKey) !== null }, email: { ...s.email, hasPassword: secrets.get(smtpPasswordKey) !== null } };
}

export function saveWorkflowSettings(ctx: { sqlite: Database.Database; dataDir: string }, patch: Partial<WorkflowSettings>): WorkflowSettings {
  const current = loadWorkflowSettings(ctx.sqlite);
  const secrets = secretStoreFor(ctx);
  const { accessKeySecret, hasSecret: _hs, ...sms } = (patch.sms ?? current.sms) as WorkflowSettings['sms'];
  const { password, hasPassword: _hp, ...email } = (patch.email ?? current.email) as WorkflowSettings['email'];
  if (accessKeySecret !== undefined) {
    if (accessKeySecret) secrets.set(smsSecretKey, accessKeySecret);
    else secrets.delete(smsSecretKey);
  }
  if (password !== undefined) {
    if (password) secrets.set(smtpPasswordKey, password);
    else secrets.delete(smtpPasswordKey);
  }
  const next: Stored = { ...current, ...patch, sms, email } as Stored;
  // Choosing a region without sending windows takes that region's preset windows.
  if (patch.region && !patch.callingWindows) next.callingWindows = structuredClone({ ...callingWindowPresets[patch.region], timeZone: next.dealership.timeZone }) as Stored['callingWindows'];
  ctx.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(settingsKey, JSON.stringify(next));
  cache.delete(ctx.sqlite);
  return settingsView(ctx);
}

export function slaRulesOf(s: Stored): SlaRules {
  return { ...s.sla, timeZone: s.dealership.timeZone, calendar: s.callingWindows.calendar };
}

export function callingRulesOf(s: Stored): CallingWindowRules {
  return s.callingWindows;
}

export function capacityRulesOf(s: Stored): AdvisorCapacityRules {
  return s.capacity;
}

export function messagePolicyOf(s: Stored): MessagePolicy {
  return { quietHours: s.callingWindows, frequencyCap: s.frequencyCap };
}

export function reminderRulesOf(s: Stored): ReminderRules {
  return { ...defaultReminderRules, holidays: s.holidays };
}

export function smsSecret(ctx: { dataDir: string }): string | null {
  return secretStoreFor(ctx).get(smsSecretKey);
}

export function smtpPassword(ctx: { dataDir: string }): string | null {
  return secretStoreFor(ctx).get(smtpPasswordKey);
}
