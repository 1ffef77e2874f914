import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from '../shared/i18n/en.json';
import nl from '../shared/i18n/nl.json';
import type { Locale } from '../shared/platform/api';
import type { LocalisedText } from './digisnap/types';

const STORAGE_KEY = 'digisprong.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'nl' || value === 'en';
}

/** The language chosen on this device, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  void i18n.changeLanguage(locale);
}

/** Switch the interface language and remember it on this device. */
export function chooseLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode or storage full: the choice still holds for this visit
  }
  applyLocale(locale);
}

/** Adopt the language stored with the account, unless this device has its own choice. */
export function adoptAccountLocale(locale: Locale): void {
  if (!storedLocale()) applyLocale(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'nl';
}

/** `t` plus the current locale and a picker for `{ nl, en }` texts from content. */
export function useI18n() {
  const { t, i18n: instance } = useTranslation();
  const locale: Locale = isLocale(instance.language) ? instance.language : 'nl';
  const text = (value: LocalisedText | string | undefined): string => (value === undefined ? '' : typeof value === 'string' ? value : (value[locale] ?? value.nl));
  return { t, locale, text };
}

const initial = storedLocale() ?? 'nl';
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'nl',
  supportedLngs: ['nl', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18n;
