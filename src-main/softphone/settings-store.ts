// Softphone settings: plain values in the desk's `settings` table under one key, the password
// in a SecretStore (secret-store.ts). Stored JSON from an older version is merged over the
// defaults field by field so that a new setting never invalidates the rest.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  defaultSoftphoneSettings,
  SoftphoneSettingsSchema,
  type SoftphoneSettings,
  type SoftphoneSettingsView,
} from '../../src-shared/contract/softphone';
import type { SecretStore } from './secret-store';

const settingsKey = 'softphone.settings';
export const passwordKey = 'softphone.sip-password';

export function loadSoftphoneSettings(sqlite: Database.Database): SoftphoneSettings {
  const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(settingsKey) as string | undefined;
  if (!raw) return defaultSoftphoneSettings;
  let stored: Record<string, unknown> = {};
  try {
    stored = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return defaultSoftphoneSettings;
  }
  const merged: Record<string, unknown> = { ...defaultSoftphoneSettings };
  const shape = SoftphoneSettingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const [key, schema] of Object.entries(shape)) {
    if (!(key in stored)) continue;
    const parsed = schema.safeParse(stored[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return merged as SoftphoneSettings;
}

export function settingsView(settings: SoftphoneSettings, secrets: SecretStore): SoftphoneSettingsView {
  return { ...settings, hasPassword: secrets.get(passwordKey) !== null };
}

export function saveSoftphoneSettings(
  sqlite: Database.Database,
  secrets: SecretStore,
  patch: Partial<SoftphoneSettings> & { password?: string },
): SoftphoneSettings {
  const { password, ...rest } = patch;
  const next: SoftphoneSettings = { ...loadSoftphoneSettings(sqlite), ...rest };
  sqlite
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(settingsKey, JSON.stringify(next));
  if (password !== undefined) {
    if (password === '') secrets.delete(passwordKey);
    else secrets.set(passwordKey, password);
  }
  return next;
}

export function sipDomain(sipUri: string): string {
  const at = sipUri.lastIndexOf('@');
  return at >= 0 ? sipUri.slice(at + 1).split(/[;:>]/)[0] : '';
}

export function sipUser(sipUri: string): string {
  return sipUri.replace(/^sips?:/i, '').split('@')[0];
}

/** HA1 for digest auth (RFC 2617 §3.2.2.2); null without a password or account. */
export function digestCredentials(settings: SoftphoneSettings, secrets: SecretStore): { authorizationUser: string; realm: string; ha1: string } | null {
  const password = secrets.get(passwordKey);
  if (password === null || !settings.sipUri) return null;
  const authorizationUser = settings.authUser || sipUser(settings.sipUri);
  const realm = settings.realm || sipDomain(settings.sipUri);
  const ha1 = createHash('md5').update(`${authorizationUser}:${realm}:${password}`).digest('hex');
  return { authorizationUser, realm, ha1 };
}
