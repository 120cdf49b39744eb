import { ValidationError } from './errors';

/**
 * ISO 3166-1 alpha-2, upper case ("th" becomes "TH"). Only the format is checked: the list of
 * assigned codes changes over time and a stored event must stay valid.
 */
export function optionalCountryCode(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new ValidationError(`${field} must be text`, field);
  const code = value.trim().toUpperCase();
  if (code === '') return null;
  if (!/^[A-Z]{2}$/.test(code)) {
    throw new ValidationError(`${field} must be an ISO 3166-1 alpha-2 code such as TH or CN, not "${value}"`, field);
  }
  return code;
}
