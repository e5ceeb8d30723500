// Display formatting that depends on the UI language (numbers, money, relative days).
import type { TFunction } from 'i18next';
import type { DueItem } from '../../src-shared/contract/customers';
import { numberFormat } from '../i18n/number-format';

const yuanFormats = new Map<string, Intl.NumberFormat>();

function cached(map: Map<string, Intl.NumberFormat>, locale: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = map.get(locale);
  if (!format) {
    format = make();
    map.set(locale, format);
  }
  return format;
}

export function formatKm(t: TFunction, locale: string, km: number | null): string {
  if (km === null) return '—';
  return t('units.km', { value: numberFormat(locale).format(km) });
}

export function formatYuan(locale: string, amount: number | null): string {
  if (amount === null) return '—';
  return cached(yuanFormats, locale, () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 0, maximumFractionDigits: 2 })).format(amount);
}

export function dueWhen(t: TFunction, item: Pick<DueItem, 'daysLeft'>): string {
  if (item.daysLeft < 0) return t('due.overdue', { count: -item.daysLeft });
  if (item.daysLeft === 0) return t('due.today');
  return t('due.daysLeft', { count: item.daysLeft });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Membership tiers are free text from the dealership's own data; the badge colour follows common words. */
export function tierTone(tier: string | null): 'diamond' | 'platinum' | 'gold' | 'silver' | 'plain' {
  if (!tier) return 'plain';
  const text = tier.toLowerCase();
  if (/钻|diamond|黑/.test(text)) return 'diamond';
  if (/铂|白金|platinum|vip/.test(text)) return 'platinum';
  if (/金|gold/.test(text)) return 'gold';
  if (/银|silver/.test(text)) return 'silver';
  return 'plain';
}
