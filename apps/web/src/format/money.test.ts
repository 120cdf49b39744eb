import { describe, expect, it } from 'vitest';
import { formatMoney } from './money';

describe('formatMoney', () => {
  it('writes baht the Thai way in Thai and with the currency code first in English', () => {
    expect(formatMoney('10000000.00', 'THB', 'th')).toBe('10,000,000.00 บาท');
    expect(formatMoney('10000000.00', 'THB', 'en')).toBe('THB 10,000,000.00');
  });

  it('keeps every digit of an amount no float can hold', () => {
    expect(formatMoney('12345678901234567890.12', 'THB', 'en')).toBe('THB 12,345,678,901,234,567,890.12');
    expect(formatMoney('0.10', 'THB', 'en')).toBe('THB 0.10');
    expect(formatMoney('10250000.005', 'THB', 'en')).toBe('THB 10,250,000.005');
  });

  it('pads whole amounts to two decimals and keeps the sign', () => {
    expect(formatMoney('1500', 'USD', 'th')).toBe('USD 1,500.00');
    expect(formatMoney('-250.5', 'THB', 'th')).toBe('-250.50 บาท');
    expect(formatMoney('999', null, 'en')).toBe('999.00');
  });

  it('shows an amount it cannot read as it came, rather than a wrong figure', () => {
    expect(formatMoney('1e6', 'THB', 'en')).toBe('1e6 THB');
  });
});
