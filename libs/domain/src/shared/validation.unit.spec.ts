import { ValidationError } from './errors';
import { boundedList, MAX_LIST_ITEMS, optionalText, requiredText, requireId } from './validation';

describe('text and ids an event can store', () => {
  it.each([
    ['U+0000 in a title', () => requiredText('OTOP\u0000 fair', 'title.en'), 'title.en holds the character U+0000, which cannot be stored'],
    ['an unpaired high surrogate in a summary', () => optionalText('Lazada \ud83d', 'summary'), 'summary is not valid Unicode (an unpaired surrogate)'],
    ['an unpaired low surrogate in an id', () => requireId('x\udfffy', 'programId'), 'programId is not valid Unicode (an unpaired surrogate)'],
    ['U+0000 in a commandId', () => requireId('a\u0000b', 'commandId'), 'commandId holds the character U+0000, which cannot be stored'],
  ])('refuses %s as a validation error (regression: it reached the event store and came back as INTERNAL_SERVER_ERROR)', (_what, call, message) => {
    expect(call).toThrow(new ValidationError(message));
  });

  it('keeps characters outside the Basic Multilingual Plane, whose surrogates are paired', () => {
    expect(requiredText('ร้านค้า 🛒 𠀀', 'title.th')).toBe('ร้านค้า 🛒 𠀀');
  });
});

describe('bounded lists', () => {
  it(`accepts ${MAX_LIST_ITEMS} items and reads no list as empty`, () => {
    expect(boundedList(Array.from({ length: MAX_LIST_ITEMS }, (_, i) => i), 'topics')).toHaveLength(MAX_LIST_ITEMS);
    expect(boundedList(undefined, 'topics')).toEqual([]);
  });

  it('refuses one item more (regression: 20,000 organiser ids held the database pool for seconds)', () => {
    expect(() => boundedList(Array.from({ length: MAX_LIST_ITEMS + 1 }, () => 'x'), 'organizerIds')).toThrow(
      new ValidationError(`organizerIds has ${MAX_LIST_ITEMS + 1} items; at most ${MAX_LIST_ITEMS} are allowed`),
    );
  });
});
