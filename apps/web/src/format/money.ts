import type { Language } from '../i18n/languages';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * An exact amount as people read it: "10,000,000.00 บาท" in Thai, "THB 10,000,000.00" in
 * English. The API sends amounts as decimal strings; they are regrouped as text and never pass
 * through a float, so 10000000.005 stays 10,000,000.005 and no rounding can change a figure an
 * auditor compares. Fewer than two decimals are padded to two, more are kept.
 */
export function formatMoney(amount: string, currency: string | null | undefined, language: Language): string {
  const match = DECIMAL.exec(amount.trim());
  if (!match) return currency ? `${amount} ${currency}` : amount;
  const [, minus = '', whole, fraction = ''] = match;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const number = `${minus}${grouped}.${fraction.padEnd(2, '0')}`;
  if (!currency) return number;
  if (language === 'th' && currency === 'THB') return `${number} บาท`;
  return `${currency} ${number}`;
}

/** A count (trainees, orders) grouped by thousands. */
export function formatQuantity(quantity: number, language: Language): string {
  return new Intl.NumberFormat(language === 'th' ? 'th-TH' : 'en-GB').format(quantity);
}
