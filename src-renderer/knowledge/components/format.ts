// Display helpers of the KB screens: the card context as short facts, ranges, dates.
import type { TFunction } from 'i18next';
import type { KbContext } from '../../../src-shared/contract/knowledge';
import { numberFormat } from '../../i18n/number-format';

export function formatNumber(locale: string, n: number): string {
  return numberFormat(locale).format(n);
}

export function ageText(t: TFunction, months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  if (y === 0) return t('kb.facts.months', { m });
  return m === 0 ? t('kb.facts.years', { y }) : t('kb.facts.yearsMonths', { y, m });
}

/** "CR-V · 32,000 公里 · 车龄 2 年 6 个月 · 保养" */
export function contextFacts(t: TFunction, locale: string, context: KbContext | null): string[] {
  if (!context) return [];
  const facts: string[] = [];
  if (context.model) facts.push(context.model);
  if (context.mileageKm !== undefined) facts.push(t('kb.facts.km', { km: formatNumber(locale, context.mileageKm) }));
  if (context.vehicleAgeMonths !== undefined) facts.push(t('kb.facts.age', { age: ageText(t, context.vehicleAgeMonths) }));
  if (context.category) facts.push(t(`kb.category.${context.category}`));
  return facts;
}

export function rangeText(t: TFunction, locale: string, range: { min: number | null; max: number | null }, unit: 'km' | 'month'): string | null {
  if (range.min === null && range.max === null) return null;
  const fmt = (n: number) => t(unit === 'km' ? 'kb.article.kmUnit' : 'kb.article.monthUnit', { n: formatNumber(locale, n) });
  if (range.min !== null && range.max !== null) return t('kb.article.range', { min: fmt(range.min), max: fmt(range.max) });
  return range.min !== null ? t('kb.article.atLeast', { min: fmt(range.min) }) : t('kb.article.atMost', { max: fmt(range.max!) });
}

export function dateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
