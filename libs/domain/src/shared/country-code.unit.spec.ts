import { optionalCountryCode } from './country-code';
import { ValidationError } from './errors';

describe('country codes', () => {
  it('are upper-cased and trimmed', () => {
    expect(optionalCountryCode(' th ', 'country')).toBe('TH');
  });

  it('may be left out', () => {
    expect(optionalCountryCode(null, 'country')).toBeNull();
    expect(optionalCountryCode('', 'country')).toBeNull();
  });

  it.each(['THA', 'Thailand', 'T1', 'ไท'])('refuse %j', (code) => {
    expect(() => optionalCountryCode(code, 'country')).toThrow(ValidationError);
  });
});
