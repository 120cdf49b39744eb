/**
 * An amount as typed, checked as a decimal string and never through a float: "10,000,000.00"
 * (thousands separators and spaces are dropped) becomes "10000000.00"; anything else is refused
 * before sending. Empty is null.
 */
export function readAmount(text: string): { ok: true; amount: string | null } | { ok: false } {
  const cleaned = text.replace(/[,\s]/g, '');
  if (cleaned === '') return { ok: true, amount: null };
  return /^\d+(\.\d+)?$/.test(cleaned) ? { ok: true, amount: cleaned } : { ok: false };
}

/** A whole count (trainees, orders), or null when empty. */
export function readQuantity(text: string): { ok: true; quantity: number | null } | { ok: false } {
  const cleaned = text.replace(/[,\s]/g, '');
  if (cleaned === '') return { ok: true, quantity: null };
  return /^\d{1,9}$/.test(cleaned) ? { ok: true, quantity: Number.parseInt(cleaned, 10) } : { ok: false };
}

/** Decimal strings summed exactly (BigInt over a common scale): an activity's total, without a float. */
export function addDecimals(a: string, b: string): string {
  const scale = Math.max(fractionLength(a), fractionLength(b));
  const sum = scaled(a, scale) + scaled(b, scale);
  if (scale === 0) return sum.toString();
  const digits = sum.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

const fractionLength = (value: string) => value.split('.')[1]?.length ?? 0;
const scaled = (value: string, scale: number) => {
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole + fraction.padEnd(scale, '0'));
};
