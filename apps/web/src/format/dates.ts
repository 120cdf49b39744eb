import { formatThaiDate, parseDate } from '@tracker/domain/thai-date';
import type { Language } from '../i18n/languages';

/**
 * Dates as the API sends them are ISO calendar dates ("2019-12-16"); they are shown in the
 * Buddhist Era with Thai month names in Thai ("16 ธ.ค. 2562", or "๑๖ ธ.ค. ๒๕๖๒" with Thai
 * digits) by the domain's own formatter, and as "16 Dec 2019" in English. A calendar date has no
 * time zone, so the English one is formatted in UTC: no reader's clock can move it a day.
 */
export function formatDate(iso: string, language: Language, options: { thaiDigits?: boolean } = {}): string {
  try {
    if (language === 'th') return formatThaiDate(iso, { digits: options.thaiDigits ? 'thai' : 'arabic', month: 'abbr' });
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  } catch {
    return iso;
  }
}

/** A recorded time (an event's recordedAt) in the reader's own time zone, to the second. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = language === 'th' ? 'th-TH-u-ca-buddhist-nu-latn' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

export type ParsedDate = { ok: true; iso: string } | { ok: false; message: string };

/**
 * What a person typed into a date field, read by the same rules as the API's Date scalar (the
 * domain's parser, shared): "๑๖ ธันวาคม ๒๕๖๒", "16/12/2562", "16 Dec 2019", "2019-12-16".
 */
export function parseDateInput(text: string): ParsedDate {
  try {
    return { ok: true, iso: parseDate(text.trim()) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Today's calendar date where the reader is, as ISO. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An ISO calendar date moved by whole days (negative: back), without any clock's time zone. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
