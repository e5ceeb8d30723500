import { describe, expect, it } from 'vitest';
import { en } from './en';
import { createI18n } from './index';
import { zhCN } from './zh-CN';

function keys(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
  return [prefix];
}

describe('i18n resources', () => {
  it('English has exactly the keys of Simplified Chinese', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('translates with plurals and switches language', () => {
    const i18n = createI18n('zh-CN');
    expect(i18n.t('visits.kind.first_maintenance')).toBe('首保');
    expect(i18n.t('search.results', { count: 3 })).toBe('3 位客户');
    void i18n.changeLanguage('en');
    expect(i18n.t('search.results', { count: 1 })).toBe('1 customer');
    expect(i18n.t('errors.internal', { logId: 'ab12' })).toBe('Internal error (log id ab12)');
  });
});
