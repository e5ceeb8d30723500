import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ContractError } from '../../src-shared/contract/errors';
import { en } from './en';
import { zhCN } from './zh-CN';

export const supportedLocales = ['zh-CN', 'en'] as const;

export function createI18n(locale: (typeof supportedLocales)[number] = 'zh-CN'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: locale,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** A contract error as one line the agent can read. */
export function errorText(t: i18n['t'], error: ContractError | null): string {
  if (!error) return '';
  return t(`errors.${error.code}`, { logId: error.logId ?? '-' });
}
