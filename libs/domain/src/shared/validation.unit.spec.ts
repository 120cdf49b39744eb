import { ValidationError } from './errors';
import { boundedList, comparableText, distinctList, MAX_LIST_ITEMS, optionalText, requiredText, requireId } from './validation';

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

describe('text that shows nothing', () => {
  it.each([
    ['a zero-width space and joiner', '\u200B\u200D'],
    ['a zero-width non-joiner', '\u200C'],
    ['a word joiner', '\u2060'],
    ['a byte-order mark', '\uFEFF'],
    ['a soft hyphen', '\u00AD'],
    ['a lone Thai vowel mark above', '\u0E34'],
    ['Thai marks with no consonant under them', '\u0E31\u0E47\u0E48\u0E4C\u0E4E'],
    ['a combining acute accent', '\u0301'],
    ['a variation selector', '\uFE0F'],
    ['a Hangul filler', '\u3164'],
    ['a control character', '\u0007'],
    ['invisible characters between spaces', ' \u200B \u0E3A '],
  ])('refuses %s as a required text, naming the field (regression: it was stored)', (_what, text) => {
    expect(() => requiredText(text, 'reason')).toThrow(
      new ValidationError('reason holds only invisible or combining characters; write visible text'),
    );
    expect(captured(() => requiredText(text, 'reason'))).toMatchObject({ field: 'reason' });
  });

  it('refuses it as an optional text too: it is not blank, it only looks blank', () => {
    expect(captured(() => optionalText('\u200B', 'summary'))).toMatchObject({ field: 'summary', message: expect.stringMatching(/invisible/) });
  });

  it.each([
    ['a Thai word with its marks', 'ที่'],
    ['Thai text with a zero-width space between words', 'ประชุม\u200Bออนไลน์'],
    ['an emoji family joined by U+200D', '👨\u200D👩\u200D👧'],
    ['an emoji with a variation selector', '❤\uFE0F'],
    ['a letter with a combining accent', 'e\u0301'],
    ['a Thai consonant followed by a mark', 'ก\u0E34'],
  ])('keeps %s', (_what, text) => {
    expect(requiredText(text, 'title.th')).toBe(text);
  });
});

describe('repeats in a list', () => {
  it('returns a list without repeats unchanged', () => {
    const ids = ['a', 'b', 'c'];
    expect(distinctList(ids, 'organizerIds')).toBe(ids);
    expect(distinctList([], 'organizerIds')).toEqual([]);
  });

  it('refuses the first repeat, naming it and the item it repeats', () => {
    expect(captured(() => distinctList(['a', 'b', 'c', 'b', 'a'], 'partyIds'))).toMatchObject({
      message: 'partyIds[3] repeats partyIds[1]: give each once',
      field: 'partyIds[3]',
    });
  });

  it('compares by the keys it is given; any shared key is a repeat', () => {
    const people = [
      ['Paiboon', 'ไพบูลย์'],
      ['Somchai', 'สมชาย'],
      ['Phaibun', 'ไพบูลย์'],
    ];
    expect(captured(() => distinctList(people, 'participants', (names) => names))).toMatchObject({ field: 'participants[2]' });
    expect(distinctList(people, 'participants', (names) => names[0])).toBe(people);
  });

  it('does not count an item as repeating itself when its keys coincide', () => {
    expect(distinctList([['Lazada', 'Lazada']], 'participants', (names) => names)).toHaveLength(1);
  });

  it('compares texts in one form: composed, spaces collapsed, trimmed, lower case', () => {
    expect(comparableText('  OTOP  on\tAlibaba ')).toBe('otop on alibaba');
    expect(comparableText('Cafe\u0301')).toBe(comparableText('Café'));
  });
});

function captured(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}
