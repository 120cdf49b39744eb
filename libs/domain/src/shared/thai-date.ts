import { ValidationError } from './errors';

/**
 * Calendar dates. The domain stores and returns ISO dates ("2019-12-16", Common Era);
 * it reads what Thai users write as well: Buddhist-Era years (BE = CE + 543), Thai digits,
 * full, abbreviated or short Thai month names, and day/month/year with slashes.
 * No Date object is involved, so no time zone can shift a day.
 *
 * The era rule (ERA_RULE, also the Date scalar's description): dates from 1900-01-01 to
 * 2200-12-31 CE are accepted, whichever era they are written in. A year without an era is
 * Common Era from 1900 to 2200 and Buddhist Era from 2443 to 2743 (1900 to 2200 CE); any other
 * unmarked year is refused. The two ranges do not meet, so the year alone says the era, and two
 * inputs a year apart are never read centuries apart (the old rule, "BE above 2400", read
 * 1/1/2400 as 2400 CE and 1/1/2401 as 1858 CE). "พ.ศ." or "BE" marks a Buddhist-Era year and
 * "ค.ศ.", "CE" or "AD" a Common-Era one; a marked year must still fall in the range. ISO dates
 * are Common Era by definition.
 */
export const BUDDHIST_ERA_OFFSET = 543;
export const FIRST_YEAR_CE = 1900;
export const LAST_YEAR_CE = 2200;
const FIRST_YEAR_BE = FIRST_YEAR_CE + BUDDHIST_ERA_OFFSET;
const LAST_YEAR_BE = LAST_YEAR_CE + BUDDHIST_ERA_OFFSET;
const RANGE = `dates from 1 January ${FIRST_YEAR_CE} to 31 December ${LAST_YEAR_CE} CE (${FIRST_YEAR_BE} to ${LAST_YEAR_BE} BE) are accepted`;

/** The era rule in a sentence, for the Date scalar's description. */
export const ERA_RULE =
  `Dates from ${FIRST_YEAR_CE}-01-01 to ${LAST_YEAR_CE}-12-31 (Common Era) are accepted, whichever era they are written in. ` +
  `A year written without an era is Common Era from ${FIRST_YEAR_CE} to ${LAST_YEAR_CE} and Buddhist Era from ${FIRST_YEAR_BE} to ${LAST_YEAR_BE}; ` +
  `any other year without an era is refused. "พ.ศ." or "BE" marks a Buddhist-Era year, "ค.ศ.", "CE" or "AD" a Common-Era one. ` +
  'ISO dates (2019-12-16) are always Common Era.';

const months = [
  { th: 'มกราคม', abbr: 'ม.ค.', en: 'January' },
  { th: 'กุมภาพันธ์', abbr: 'ก.พ.', en: 'February' },
  { th: 'มีนาคม', abbr: 'มี.ค.', en: 'March' },
  { th: 'เมษายน', abbr: 'เม.ย.', en: 'April' },
  { th: 'พฤษภาคม', abbr: 'พ.ค.', en: 'May' },
  { th: 'มิถุนายน', abbr: 'มิ.ย.', en: 'June' },
  { th: 'กรกฎาคม', abbr: 'ก.ค.', en: 'July' },
  { th: 'สิงหาคม', abbr: 'ส.ค.', en: 'August' },
  { th: 'กันยายน', abbr: 'ก.ย.', en: 'September' },
  { th: 'ตุลาคม', abbr: 'ต.ค.', en: 'October' },
  { th: 'พฤศจิกายน', abbr: 'พ.ย.', en: 'November' },
  { th: 'ธันวาคม', abbr: 'ธ.ค.', en: 'December' },
] as const;

/** Month number by every spelling accepted: full, abbreviated with or without dots, spoken ("ธันวา"), English. */
const monthByName = new Map<string, number>(
  months.flatMap((month, index) => [
    [month.th, index + 1],
    [withoutDots(month.abbr), index + 1],
    [month.th.replace(/(คม|ยน|พันธ์)$/, ''), index + 1],
    [month.en.toLowerCase(), index + 1],
    [month.en.slice(0, 3).toLowerCase(), index + 1],
  ]),
);

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLASHED_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const NAMED_DATE = /^(?:วันที่ ?)?(\d{1,2}) ?([\u0E00-\u0E7Fa-zA-Z.]+?) ?(?:(พ\.ศ\.|ค\.ศ\.|BE|CE|AD) ?)?(\d{4})$/;
const HOW_TO_WRITE = 'write it as 2019-12-16, 16 ธันวาคม 2562, 16 ธ.ค. 2562 or 16/12/2562';

export type ThaiDateFormat = { digits?: 'thai' | 'arabic'; month?: 'full' | 'abbr' };

/**
 * Reads a date as a Thai user or an API client writes it and returns it as ISO, by the era
 * rule above: ISO input is always Common Era; elsewhere the year's range (or พ.ศ.) says the era.
 */
export function parseDate(input: unknown, field = 'date'): string {
  if (typeof input !== 'string') throw new ValidationError(`${field} must be a date string`, field);
  const written = input.trim();
  const text = toArabicDigits(written)
    .replace(/[\u200B\uFEFF]/g, '') // zero-width spaces come along with text pasted from Thai web pages
    .replace(/\s+/g, ' ');

  const iso = ISO_DATE.exec(text);
  if (iso !== null) {
    const year = Number(iso[1]);
    if (year >= FIRST_YEAR_BE && year <= LAST_YEAR_BE) {
      throw new ValidationError(
        `${written} is not a date: ISO dates count years in the Common Era, ` +
          `so ${year} BE is written ${toCommonEra(year)}-${iso[2]}-${iso[3]}`,
        field,
      );
    }
    return calendarDate(written, commonEraYear(written, year, 'CE', field), Number(iso[2]), Number(iso[3]), field);
  }

  const slashed = SLASHED_DATE.exec(text);
  if (slashed !== null) {
    const year = commonEraYear(written, Number(slashed[3]), undefined, field);
    return calendarDate(written, year, Number(slashed[2]), Number(slashed[1]), field);
  }

  const named = NAMED_DATE.exec(text);
  if (named !== null) {
    const month = monthByName.get(withoutDots(named[2]).toLowerCase());
    if (month === undefined) throw new ValidationError(`${written} is not a date: "${named[2]}" is not a month name`, field);
    const era = named[3] === 'พ.ศ.' || named[3] === 'BE' ? 'BE' : named[3] === undefined ? undefined : 'CE';
    return calendarDate(written, commonEraYear(written, Number(named[4]), era, field), month, Number(named[1]), field);
  }

  throw new ValidationError(`"${written}" is not a date: ${HOW_TO_WRITE}`, field);
}

/** parseDate for optional fields: missing or blank input is null. */
export function optionalDate(input: unknown, field: string): string | null {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return null;
  return parseDate(input, field);
}

/** "2019-12-16" as "๑๖ ธันวาคม ๒๕๖๒" (defaults) or "16 ธ.ค. 2562" ({ digits: 'arabic', month: 'abbr' }). */
export function formatThaiDate(iso: string, format: ThaiDateFormat = {}): string {
  const match = ISO_DATE.exec(iso);
  if (match === null) throw new ValidationError(`"${iso}" is not an ISO date`);
  calendarDate(iso, Number(match[1]), Number(match[2]), Number(match[3]), 'date');
  const month = months[Number(match[2]) - 1];
  const text = `${Number(match[3])} ${format.month === 'abbr' ? month.abbr : month.th} ${toBuddhistEra(Number(match[1]))}`;
  return format.digits === 'arabic' ? text : toThaiDigits(text);
}

export const toBuddhistEra = (commonEraYear: number): number => commonEraYear + BUDDHIST_ERA_OFFSET;
export const toCommonEra = (buddhistEraYear: number): number => buddhistEraYear - BUDDHIST_ERA_OFFSET;

export type DateRange = { startsOn: string; endsOn: string };

/**
 * A start and an optional end, as ISO dates; the end defaults to the start and may not be
 * before it. ISO dates compare correctly as strings, which is why they are kept as strings.
 */
export function dateRange(startsOn: unknown, endsOn: unknown, fields = { startsOn: 'startsOn', endsOn: 'endsOn' }): DateRange {
  const start = parseDate(startsOn, fields.startsOn);
  const end = endsOn === undefined || endsOn === null ? start : parseDate(endsOn, fields.endsOn);
  if (end < start) {
    throw new ValidationError(`${fields.endsOn} ${end} is before ${fields.startsOn} ${start}`, fields.endsOn);
  }
  return { startsOn: start, endsOn: end };
}

/**
 * A range as Thai writing gives it, with the year (and month) said once at the end:
 * "๒๙ พฤษภาคม – ๑ มิถุนายน ๒๕๖๒", "29–31 พ.ค. 2562", "28 ธ.ค. 2562 - 2 ม.ค. 2563",
 * or "2019-05-29..2019-06-01".
 */
export function parseDateRange(input: unknown, field = 'dates'): DateRange {
  if (typeof input !== 'string') throw new ValidationError(`${field} must be a date range string`, field);
  const parts = toArabicDigits(input.trim()).split(/\s*(?:\.\.|–|—|ถึง|\s-\s)\s*/);
  if (parts.length !== 2) {
    throw new ValidationError(`"${input.trim()}" is not a date range: write it as 29 พฤษภาคม – 1 มิถุนายน 2562`, field);
  }
  const [left, right] = parts;
  const endsOn = parseDate(right, field);
  const [endYear, endMonth] = endsOn.split('-');
  let startsOn: string;
  if (/^\d{1,2}$/.test(left)) {
    startsOn = parseDate(`${endYear}-${endMonth}-${left.padStart(2, '0')}`, field);
  } else if (NAMED_DATE.test(`${left} ${endYear}`) && !NAMED_DATE.test(left)) {
    startsOn = parseDate(`${left} ${endYear}`, field);
    // "28 ธ.ค. – 2 ม.ค. 2563": the start month falls after the end month, so it belongs to the year before.
    if (startsOn > endsOn) startsOn = parseDate(`${left} ${Number(endYear) - 1}`, field);
  } else {
    startsOn = parseDate(left, field);
  }
  return dateRange(startsOn, endsOn, { startsOn: field, endsOn: field });
}

/**
 * The calendar date in Thailand (UTC+7, no daylight saving) at an ISO date-time, for
 * business dates the command does not give (a follow-up's closing day).
 */
export function businessDateOf(now: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(now)) {
    // metadata comes from the handler, not the user: a bad value is a bug, not bad input.
    throw new Error(`metadata.now must be an ISO date-time with offset, not "${now}"`);
  }
  const bangkokOffsetMs = 7 * 60 * 60 * 1000;
  return new Date(Date.parse(now) + bangkokOffsetMs).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Checks the month and day only: formatThaiDate also writes stored dates older than the era rule. */
function calendarDate(written: string, year: number, month: number, day: number, field: string): string {
  if (month < 1 || month > 12) throw new ValidationError(`${written} is not a calendar date: there is no month ${month}`, field);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    throw new ValidationError(
      `${written} is not a calendar date: ${months[month - 1].en} ${year} has ${days} days`,
      field,
    );
  }
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** The Common-Era year of a written year, by the era rule; a year outside the range is refused. */
function commonEraYear(written: string, year: number, era: 'BE' | 'CE' | undefined, field: string): number {
  const inCommonEra = year >= FIRST_YEAR_CE && year <= LAST_YEAR_CE;
  const inBuddhistEra = year >= FIRST_YEAR_BE && year <= LAST_YEAR_BE;
  if (era === 'BE') {
    if (inBuddhistEra) return toCommonEra(year);
    throw new ValidationError(`${written} is out of range: ${year} BE is ${toCommonEra(year)} CE; ${RANGE}`, field);
  }
  if (era === 'CE') {
    if (inCommonEra) return year;
    throw new ValidationError(`${written} is out of range: ${RANGE}`, field);
  }
  if (inCommonEra) return year;
  if (inBuddhistEra) return toCommonEra(year);
  throw new ValidationError(
    `${written} is out of range: a year without an era is read as ${FIRST_YEAR_CE}-${LAST_YEAR_CE} CE or ` +
      `${FIRST_YEAR_BE}-${LAST_YEAR_BE} BE, and ${year} is neither; ${RANGE}`,
    field,
  );
}

function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (digit) => String(THAI_DIGITS.indexOf(digit)));
}

function toThaiDigits(text: string): string {
  return text.replace(/\d/g, (digit) => THAI_DIGITS[Number(digit)]);
}

function withoutDots(text: string): string {
  return text.replace(/\./g, '');
}

const pad = (n: number): string => String(n).padStart(2, '0');
