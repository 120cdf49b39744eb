import { ValidationError } from './errors';
import {
  businessDateOf,
  dateRange,
  daysInMonth,
  formatThaiDate,
  optionalDate,
  parseDate,
  parseDateRange,
  toBuddhistEra,
  toCommonEra,
} from './thai-date';

describe('Thai dates', () => {
  describe('parseDate', () => {
    it.each([
      ['2019-12-16', '2019-12-16'],
      ['๑๖ ธันวาคม ๒๕๖๒', '2019-12-16'],
      ['16 ธันวาคม 2562', '2019-12-16'],
      ['16 ธ.ค. 2562', '2019-12-16'],
      ['16 ธ.ค.2562', '2019-12-16'],
      ['๑๖ ธ.ค. ๒๕๖๒', '2019-12-16'],
      ['16 ธค 2562', '2019-12-16'],
      ['16 ธันวา 2562', '2019-12-16'],
      ['วันที่ 16 ธันวาคม พ.ศ. 2562', '2019-12-16'],
      ['1 มิ.ย. 2562', '2019-06-01'],
      ['๒๙ พฤษภาคม ๒๕๖๒', '2019-05-29'],
      ['16/12/2562', '2019-12-16'],
      ['16/12/2019', '2019-12-16'],
      ['๑๖/๑๒/๒๕๖๒', '2019-12-16'],
      ['16 December 2019', '2019-12-16'],
      ['16 ธันวาคม 2019', '2019-12-16'],
      ['29 กุมภาพันธ์ 2563', '2020-02-29'],
      ['\u200B16\u00A0ธันวาคม 2562 ', '2019-12-16'],
    ])('reads %j as %s', (input, expected) => {
      expect(parseDate(input)).toBe(expected);
    });

    it('refuses an impossible date, saying why', () => {
      expect(() => parseDate('31 กุมภาพันธ์ 2562', 'startsOn')).toThrow(
        new ValidationError('31 กุมภาพันธ์ 2562 is not a calendar date: February 2019 has 28 days', 'startsOn'),
      );
      expect(() => parseDate('2019-02-29')).toThrow('2019-02-29 is not a calendar date: February 2019 has 28 days');
      expect(() => parseDate('31/4/2562')).toThrow('April 2019 has 30 days');
      expect(() => parseDate('16/13/2562')).toThrow('16/13/2562 is not a calendar date: there is no month 13');
    });

    it('refuses a Buddhist-Era year written as ISO, suggesting the Common-Era one', () => {
      expect(() => parseDate('2562-12-16')).toThrow(/2562 BE is written 2019-12-16/);
    });

    it('refuses what it cannot read', () => {
      expect(() => parseDate('16 ธันวาคม 62')).toThrow(/is not a date: write it as/);
      expect(() => parseDate('yesterday')).toThrow(ValidationError);
      expect(() => parseDate('16 Smarch 2019')).toThrow('"Smarch" is not a month name');
      expect(() => parseDate(20191216 as unknown)).toThrow('date must be a date string');
    });

    it('reads a blank optional date as none', () => {
      expect(optionalDate(' ', 'dueOn')).toBeNull();
      expect(optionalDate(null, 'dueOn')).toBeNull();
      expect(optionalDate('1 มิ.ย. 2562', 'dueOn')).toBe('2019-06-01');
    });
  });

  describe('formatThaiDate', () => {
    it('writes Thai digits and the full month by default', () => {
      expect(formatThaiDate('2019-12-16')).toBe('๑๖ ธันวาคม ๒๕๖๒');
    });

    it('writes Arabic digits and the abbreviated month on request', () => {
      expect(formatThaiDate('2019-06-01', { digits: 'arabic', month: 'abbr' })).toBe('1 มิ.ย. 2562');
    });

    it('reads back what it writes', () => {
      for (const iso of ['2019-05-29', '2020-02-29', '2019-12-16']) {
        expect(parseDate(formatThaiDate(iso))).toBe(iso);
        expect(parseDate(formatThaiDate(iso, { digits: 'arabic', month: 'abbr' }))).toBe(iso);
      }
    });

    it('refuses input that is not an ISO date', () => {
      expect(() => formatThaiDate('16/12/2562')).toThrow(ValidationError);
    });
  });

  describe('eras and months', () => {
    it('converts between Buddhist and Common Era', () => {
      expect(toBuddhistEra(2019)).toBe(2562);
      expect(toCommonEra(2562)).toBe(2019);
    });

    it('knows leap years', () => {
      expect([daysInMonth(2020, 2), daysInMonth(2019, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([29, 28, 28, 29]);
    });
  });

  describe('date ranges', () => {
    it('end on the start day when no end is given', () => {
      expect(dateRange('16 ธ.ค. 2562', undefined)).toStrictEqual({ startsOn: '2019-12-16', endsOn: '2019-12-16' });
    });

    it('refuse an end before the start', () => {
      expect(() => dateRange('2019-06-01', '2019-05-29')).toThrow(new ValidationError('endsOn 2019-05-29 is before startsOn 2019-06-01', 'endsOn'));
    });

    it.each([
      ['๒๙ พฤษภาคม – ๑ มิถุนายน ๒๕๖๒', '2019-05-29', '2019-06-01'],
      ['29 พ.ค. - 1 มิ.ย. 2562', '2019-05-29', '2019-06-01'],
      ['29–31 พฤษภาคม 2562', '2019-05-29', '2019-05-31'],
      ['28 ธ.ค. – 2 ม.ค. 2563', '2019-12-28', '2020-01-02'],
      ['16 ธันวาคม 2562 ถึง 17 ธันวาคม 2562', '2019-12-16', '2019-12-17'],
      ['2019-05-29..2019-06-01', '2019-05-29', '2019-06-01'],
    ])('read %j with the year said once', (input, startsOn, endsOn) => {
      expect(parseDateRange(input)).toStrictEqual({ startsOn, endsOn });
    });

    it('refuse a range that runs backwards', () => {
      expect(() => parseDateRange('2019-06-01..2019-05-29')).toThrow(/is before/);
    });
  });

  describe('businessDateOf', () => {
    it('is the calendar date in Thailand at that moment', () => {
      expect(businessDateOf('2019-12-15T17:30:00Z')).toBe('2019-12-16');
      expect(businessDateOf('2019-12-16T23:59:00+07:00')).toBe('2019-12-16');
      expect(businessDateOf('2019-12-16T10:00:00.123+07:00')).toBe('2019-12-16');
    });

    it('refuses a time without an offset: it would depend on the server', () => {
      expect(() => businessDateOf('2019-12-16T10:00:00')).toThrow(/metadata.now must be an ISO date-time with offset/);
    });
  });
});
