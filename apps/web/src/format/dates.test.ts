import { describe, expect, it } from 'vitest';
import { formatDate, parseDateInput, todayIso } from './dates';

describe('formatDate', () => {
  it('shows the Buddhist Era with a Thai month in Thai', () => {
    expect(formatDate('2019-12-16', 'th')).toBe('16 ธ.ค. 2562');
    expect(formatDate('2019-12-16', 'th', { thaiDigits: true })).toBe('๑๖ ธ.ค. ๒๕๖๒');
  });

  it('shows the Common Era in English', () => {
    expect(formatDate('2019-12-16', 'en')).toBe('16 Dec 2019');
  });

  it('never moves a date across midnight, whatever the time zone', () => {
    expect(formatDate('2020-01-01', 'en')).toBe('1 Jan 2020');
  });
});

describe('parseDateInput', () => {
  it.each([
    ['๑๖ ธันวาคม ๒๕๖๒', '2019-12-16'],
    ['16/12/2562', '2019-12-16'],
    ['16 ธ.ค. 2562', '2019-12-16'],
    ['16 Dec 2019', '2019-12-16'],
    ['2019-12-16', '2019-12-16'],
    ['  16/12/2019 ', '2019-12-16'],
  ])('reads %s as %s, as the API does', (text, iso) => {
    expect(parseDateInput(text)).toEqual({ ok: true, iso });
  });

  it.each(['31/02/2562', 'next Tuesday', '16/12/62', ''])('refuses %j', (text) => {
    expect(parseDateInput(text).ok).toBe(false);
  });
});

describe('todayIso', () => {
  it('is the local calendar date', () => {
    expect(todayIso(new Date(2026, 11, 1, 23, 59))).toBe('2026-12-01');
  });
});
