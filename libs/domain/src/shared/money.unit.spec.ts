import { ValidationError } from './errors';
import { addDecimals, currencyScale, money, sumDecimals } from './money';

describe('Money', () => {
  describe("normalises an amount to its currency's scale", () => {
    it.each([
      ['10000000', 'THB', '10000000.00'],
      ['10000000.5', 'thb', '10000000.50'],
      ['0012.30', 'USD', '12.30'],
      ['1500', 'JPY', '1500'],
      ['1500.00', 'JPY', '1500'],
      ['1.5', 'KWD', '1.500'],
      ['2.25', 'XYZ', '2.25'],
      ['0', 'EUR', '0.00'],
    ])('%s %s is %s', (amount, currency, expected) => {
      expect(money(amount, currency)).toStrictEqual({ amount: expected, currency: currency.toUpperCase() });
    });
  });

  it('knows the minor units of the currencies it meets', () => {
    expect([currencyScale('THB'), currencyScale('CNY'), currencyScale('JPY'), currencyScale('BHD'), currencyScale('ABC')]).toEqual([2, 2, 0, 3, 2]);
  });

  it('refuses more decimal places than the currency has', () => {
    expect(() => money('1500.50', 'JPY')).toThrow('amount 1500.50 has more decimal places than JPY allows (0)');
    expect(() => money('10.005', 'THB')).toThrow(ValidationError);
  });

  it('refuses a negative amount', () => {
    expect(() => money('-1.00', 'THB')).toThrow('amount must not be negative');
  });

  it.each(['1e7', '10,000,000', '1.', '.5', '', 'ten', '1.23456'])('refuses %j', (amount) => {
    expect(() => money(amount, 'THB')).toThrow(ValidationError);
  });

  it('refuses a number: floats never carry money', () => {
    expect(() => money(0.1, 'THB')).toThrow('amount must be a decimal string such as "10000000.00", not a number');
  });

  it('refuses a currency that is not an ISO 4217 code', () => {
    expect(() => money('1', 'baht')).toThrow(/ISO 4217/);
  });

  describe('adds decimal strings exactly', () => {
    it('where floating point would not', () => {
      expect(0.1 + 0.2).not.toBe(0.3);
      expect(addDecimals('0.1', '0.2')).toBe('0.3');
    });

    it('at the larger scale of the two', () => {
      expect(addDecimals('10000000.00', '1.5')).toBe('10000001.50');
      expect(addDecimals('1500', '0.125')).toBe('1500.125');
    });

    it('beyond the safe integers of a double', () => {
      expect(addDecimals('999999999999999999.99', '0.01')).toBe('1000000000000000000.00');
    });

    it('with negative terms, for differences', () => {
      expect(addDecimals('10.00', '-10.25')).toBe('-0.25');
    });

    it('as a total of many', () => {
      expect(sumDecimals(['10000000.00', '250000.50', '0.50'])).toBe('10250001.00');
      expect(sumDecimals([])).toBe('0');
    });
  });
});
