import type { Language } from '../i18n/languages';

export interface LocalizedText {
  th?: string | null;
  en?: string | null;
  zh?: string | null;
}

/** A name in the reader's language, else in the other one, else in Chinese: never blank when any is set. */
export function localized(text: LocalizedText | null | undefined, language: Language): string {
  if (!text) return '';
  const other: Language = language === 'th' ? 'en' : 'th';
  return text[language] || text[other] || text.zh || '';
}
