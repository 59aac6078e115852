/**
 * Words by language. The language follows the OS (main tells us which) and can be switched.
 */
import { createContext, useContext } from 'react';
import type { AppLocale } from '../../../main/ipc/contract';
import { formatMessage } from '../../../probes/util/message-format';
import { de } from './de';
import { en, type MessageKey, type Messages } from './en';

export const CATALOGS: Readonly<Record<AppLocale, Messages>> = { en, de };
export const LANGUAGE_NAMES: Readonly<Record<AppLocale, string>> = { en: 'English', de: 'Deutsch' };

export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

export function translator(locale: AppLocale): Translate {
  const catalog = CATALOGS[locale];
  return (key, params = {}) => formatMessage(locale, catalog[key], params);
}

export const I18nContext = createContext<{ t: Translate; locale: AppLocale }>({
  t: translator('en'),
  locale: 'en',
});

export function useI18n(): { t: Translate; locale: AppLocale } {
  return useContext(I18nContext);
}

export type { MessageKey };
