// Recording settings in the desk's `settings` table under one key; stored JSON from an older
// version is merged over the defaults field by field so a new setting never invalidates the rest.
import type Database from 'better-sqlite3';
import {
  defaultRecordingSettings,
  RecordingSettingsSchema,
  type RecordingSettings,
  type RecordingSettingsView,
} from '../../src-shared/contract/recording';

const key = 'recording.settings';

export function loadRecordingSettings(sqlite: Database.Database): RecordingSettings {
  const raw = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (!raw) return defaultRecordingSettings;
  let stored: Record<string, unknown>;
  try {
    stored = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return defaultRecordingSettings;
  }
  const merged: Record<string, unknown> = { ...defaultRecordingSettings };
  const shape = RecordingSettingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const [field, schema] of Object.entries(shape)) {
    if (!(field in stored)) continue;
    const parsed = schema.safeParse(stored[field]);
    if (parsed.success) merged[field] = parsed.data;
  }
  return merged as RecordingSettings;
}

export function saveRecordingSettings(sqlite: Database.Database, patch: Partial<RecordingSettings>): RecordingSettings {
  const next = { ...loadRecordingSettings(sqlite), ...patch };
  if (patch.uploadToken === undefined) next.uploadToken = loadRecordingSettings(sqlite).uploadToken;
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(next));
  return next;
}

export function recordingSettingsView(settings: RecordingSettings): RecordingSettingsView {
  const { uploadToken, ...rest } = settings;
  return { ...rest, hasUploadToken: uploadToken !== '' };
}
