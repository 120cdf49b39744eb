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
      expect(() => parseDate('2443-01-01')).toThrow(/2443 BE is written 1900-01-01/);
    });

    describe('the era rule: 1900-2200 CE only, and a year alone says its era', () => {
      it.each([
        ['1/1/1900', '1900-01-01'],
        ['31/12/2200', '2200-12-31'],
        ['1900-01-01', '1900-01-01'],
        ['2200-12-31', '2200-12-31'],
        ['1/1/2443', '1900-01-01'],
        ['1/1/2743', '2200-01-01'],
        ['31/12/2743', '2200-12-31'],
        ['1 มกราคม 2443', '1900-01-01'],
        ['๓๑ ธันวาคม ๒๗๔๓', '2200-12-31'],
        ['1 January 2200', '2200-01-01'],
        ['16 ธันวาคม พ.ศ. 2562', '2019-12-16'],
        ['16 ธันวาคม ค.ศ. 2019', '2019-12-16'],
        ['16 December AD 2019', '2019-12-16'],
      ])('reads %j as %s', (input, expected) => {
        expect(parseDate(input)).toBe(expected);
      });

      it.each([
        ['31/12/1899', 'a Common-Era year before 1900'],
        ['1/1/2201', 'a Common-Era year after 2200'],
        ['31/12/2442', 'a Buddhist-Era year before 2443 (1899 CE)'],
        ['1/1/2744', 'a Buddhist-Era year after 2743 (2201 CE)'],
        ['1899-12-31', 'an ISO date before 1900'],
        ['2201-01-01', 'an ISO date after 2200'],
        ['1 มกราคม 2442', 'a Thai-form year between the ranges'],
        ['1 มกราคม 1899', 'a Thai-form year before the Common-Era range'],
        ['1 มกราคม พ.ศ. 2019', 'a year marked พ.ศ. that would be 1476 CE'],
        ['1 มกราคม ค.ศ. 2562', 'a year marked ค.ศ. beyond 2200'],
      ])('refuses %j (%s), saying what is accepted', (input) => {
        const error = refusal(() => parseDate(input, 'startsOn'));
        expect(error).toBeInstanceOf(ValidationError);
        expect(error).toMatchObject({ field: 'startsOn' });
        expect(error.message).toMatch(`${input} is out of range: `);
        expect(error.message).toMatch('dates from 1 January 1900 to 31 December 2200 CE (2443 to 2743 BE) are accepted');
      });

      // Regression: a year up to 2400 without an era was Common Era and one above it Buddhist
      // Era, so two inputs a year apart were stored 542 years apart (2400-01-01 and 1858-01-01).
      it('refuses 1/1/2400 and 1/1/2401, which the old rule read as 2400 CE and 1858 CE', () => {
        expect(() => parseDate('1/1/2400')).toThrow(/1\/1\/2400 is out of range: .* 2400 is neither/);
        expect(() => parseDate('1/1/2401')).toThrow(/1\/1\/2401 is out of range: .* 2401 is neither/);
        expect(() => parseDate('2401-01-01')).toThrow(/2401-01-01 is out of range/);
      });

      it('never reads two years a year apart more than a year apart', () => {
        for (let year = 1000; year < 3000; year++) {
          const [a, b] = [tryParse(`1/1/${year}`), tryParse(`1/1/${year + 1}`)];
          if (a !== null && b !== null) expect(Number(b.slice(0, 4)) - Number(a.slice(0, 4))).toBe(1);
        }
      });
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

    it('writes a stored date from before the era rule, which it does not judge', () => {
      expect(formatThaiDate('1858-01-01', { digits: 'arabic' })).toBe('1 มกราคม 2401');
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

function tryParse(input: string): string | null {
  try {
    return parseDate(input);
  } catch {
    return null;
  }
}

function refusal(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
}
