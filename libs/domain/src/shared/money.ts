import { ValidationError } from './errors';

/**
 * Exact money. Amounts are decimal strings from input to event to NUMERIC column, and
 * arithmetic is BigInt on scaled integers: a float never touches an amount.
 */
export type Money = { amount: string; currency: string };

/** ISO 4217 minor units where they differ from the default, plus the common ones spelled out. */
const minorUnits: Readonly<Record<string, number>> = {
  THB: 2,
  USD: 2,
  EUR: 2,
  CNY: 2,
  JPY: 0,
  KRW: 0,
  VND: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
};
export const DEFAULT_SCALE = 2;
/** No ISO 4217 currency has more than four minor digits; totals never need more. */
export const MAX_SCALE = 4;
/** Bounded so a read model can keep amounts in NUMERIC(22, 4). */
const MAX_INTEGER_DIGITS = 18;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export function currencyScale(currency: string): number {
  return minorUnits[currency] ?? DEFAULT_SCALE;
}

export function normalizeCurrency(value: unknown, field = 'currency'): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(code)) {
    throw new ValidationError(`${field} must be an ISO 4217 code such as THB, not ${JSON.stringify(value)}`, field);
  }
  return code;
}

/**
 * A non-negative amount at the currency's scale: "10000000" THB becomes "10000000.00",
 * "1500.50" JPY is refused (JPY has no minor unit) while "1500.00" JPY becomes "1500".
 */
export function money(amount: unknown, currency: unknown, field = 'amount'): Money {
  const code = normalizeCurrency(currency, 'currency');
  const parsed = parseDecimal(amount, field);
  if (parsed.negative) throw new ValidationError(`${field} must not be negative`, field);
  const scale = currencyScale(code);
  const significant = parsed.fraction.replace(/0+$/, '');
  if (significant.length > scale) {
    throw new ValidationError(`${field} ${parsed.written} has more decimal places than ${code} allows (${scale})`, field);
  }
  return { amount: formatScaled(toScaled(parsed, scale), scale), currency: code };
}

/** Exact sum of two decimal strings, at the larger of their scales. */
export function addDecimals(a: string, b: string): string {
  const x = parseDecimal(a, 'amount');
  const y = parseDecimal(b, 'amount');
  const scale = Math.max(x.fraction.length, y.fraction.length);
  return formatScaled(toScaled(x, scale) + toScaled(y, scale), scale);
}

/** Exact total of decimal strings ("0" for none). */
export function sumDecimals(values: readonly string[]): string {
  return values.reduce(addDecimals, '0');
}

type ParsedDecimal = { written: string; negative: boolean; integer: string; fraction: string };

function parseDecimal(value: unknown, field: string): ParsedDecimal {
  if (typeof value !== 'string') {
    // A number here would already have been rounded by binary floating point.
    throw new ValidationError(`${field} must be a decimal string such as "10000000.00", not a ${typeof value}`, field);
  }
  const written = value.trim();
  const match = DECIMAL.exec(written);
  if (match === null) throw new ValidationError(`${field} "${value}" is not a decimal number`, field);
  const integer = match[2].replace(/^0+(?=\d)/, '');
  const fraction = match[3] ?? '';
  if (integer.length > MAX_INTEGER_DIGITS || fraction.length > MAX_SCALE) {
    throw new ValidationError(
      `${field} "${value}" is out of range (at most ${MAX_INTEGER_DIGITS} digits before the point and ${MAX_SCALE} after)`,
      field,
    );
  }
  return { written, negative: match[1] === '-' && /[1-9]/.test(written), integer, fraction };
}

/** The value times 10^scale; callers make sure no significant digit is dropped. */
function toScaled({ negative, integer, fraction }: ParsedDecimal, scale: number): bigint {
  const magnitude = BigInt(integer + fraction.padEnd(scale, '0').slice(0, scale));
  return negative ? -magnitude : magnitude;
}

function formatScaled(value: bigint, scale: number): string {
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString().padStart(scale + 1, '0');
  if (scale === 0) return sign + digits;
  return `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
