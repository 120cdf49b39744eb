import { sameValue } from './equality';

describe('sameValue', () => {
  it('ignores the order of object keys, as PostgreSQL jsonb does not keep it', () => {
    expect(sameValue({ venue: 'CDD', city: 'Bangkok', country: 'TH' }, { country: 'TH', venue: 'CDD', city: 'Bangkok' })).toBe(true);
  });

  it('keeps the order of list items: a list is a sequence', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
  });

  it('tells null, missing and different values apart from one another', () => {
    expect(sameValue({ summary: null }, {})).toBe(false);
    expect(sameValue({ th: 'ก' }, { th: 'ก', en: 'A' })).toBe(false);
    expect(sameValue('2019-12-16', '2019-11-16')).toBe(false);
    expect(sameValue([{ name: { en: 'Paiboon' } }], [{ name: { en: 'Paiboon' } }])).toBe(true);
  });
});
