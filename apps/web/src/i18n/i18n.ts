import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, type Language } from './languages';
import { resources, type Words } from './resources';

const STORAGE_KEY = 'tracker.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Words };
  }
}

/** The language a person chose last time on this browser; Thai the first time. */
export function rememberedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : 'th';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

export function createI18n(language: Language = rememberedLanguage()) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources,
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
  });
  document.documentElement.lang = language;
  return instance;
}

/** The current language, narrowed: components format dates and money by it. */
export function currentLanguage(i18n: { language: string }): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}
