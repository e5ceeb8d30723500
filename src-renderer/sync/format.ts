// Display helpers of the sync UI: relative "last sync" times and conflict values.
import type { ConflictView } from '../../src-shared/contract/sync';

/** "刚刚 / 3 分钟前 / 11-26 14:05" style, in the desk's locale; `now` passed in. */
export function syncTimeText(iso: string, now: Date, locale: string): string {
  const at = new Date(iso);
  const seconds = Math.round((now.getTime() - at.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (seconds < 45) return rtf.format(0, 'second');
  if (seconds < 3600) return rtf.format(-Math.round(seconds / 60), 'minute');
  if (seconds < 86_400) return rtf.format(-Math.round(seconds / 3600), 'hour');
  return new Intl.DateTimeFormat(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at);
}

export function conflictValueText(value: ConflictView['lostValue'], empty: string): string {
  if (value === null || value === '') return empty;
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== null && v !== '')
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join('；') || empty;
  }
  return String(value);
}
