import { ValidationError } from './errors';
import { MAX_SHORT_TEXT, optionalText } from './validation';

export const languages = ['th', 'en', 'zh'] as const;
export type Language = (typeof languages)[number];

/**
 * A name or title in Thai, English and/or Chinese. At least one language is present;
 * a missing language is an absent key (never an empty string, never null).
 */
export type LocalizedText = { th?: string; en?: string; zh?: string };

/** What callers send: GraphQL hands over nulls and untrimmed strings. */
export type LocalizedTextInput = { readonly th?: string | null; readonly en?: string | null; readonly zh?: string | null };

/** Trims each language, drops the empty ones and requires at least one to remain. */
export function localizedText(input: LocalizedTextInput | null | undefined, field: string): LocalizedText {
  const text = optionalLocalizedText(input, field);
  if (text === null) throw new ValidationError(`${field} needs a Thai, English or Chinese text`, field);
  return text;
}

/** As localizedText, but input with no text at all is recorded as null. */
export function optionalLocalizedText(
  input: LocalizedTextInput | null | undefined,
  field: string,
): LocalizedText | null {
  if (input === null || input === undefined) return null;
  if (typeof input !== 'object') throw new ValidationError(`${field} must be an object with th, en or zh`, field);
  const text: LocalizedText = {};
  for (const language of languages) {
    const value = optionalText(input[language], `${field}.${language}`, MAX_SHORT_TEXT);
    if (value !== null) text[language] = value;
  }
  return Object.keys(text).length === 0 ? null : text;
}

export function sameLocalizedText(a: LocalizedText, b: LocalizedText): boolean {
  return languages.every((language) => a[language] === b[language]);
}
