import { Kind, parseValue } from 'graphql';
import { GraphQLDate, GraphQLDateTime, GraphQLDecimal, GraphQLJSON, ScalarInputError } from '.';

describe('Date', () => {
  it.each([
    ['2019-12-16', '2019-12-16'],
    ['๑๖ ธันวาคม ๒๕๖๒', '2019-12-16'],
    ['16 ธ.ค. 2562', '2019-12-16'],
    ['16/12/2562', '2019-12-16'],
  ])('reads %s as %s', (input, iso) => {
    expect(GraphQLDate.parseValue(input)).toBe(iso);
    expect(GraphQLDate.parseLiteral(parseValue(JSON.stringify(input)), {})).toBe(iso);
  });

  it('refuses an impossible date, saying which value and why', () => {
    expect(() => GraphQLDate.parseValue('29/02/2562')).toThrow(new ScalarInputError('29/02/2562 is not a calendar date: February 2019 has 28 days'));
  });

  it('refuses an ISO date written with a Buddhist-Era year', () => {
    expect(() => GraphQLDate.parseValue('2562-12-16')).toThrow(/written 2019-12-16/);
  });

  it.each([
    ['1/1/1900', '1900-01-01'],
    ['31/12/2200', '2200-12-31'],
    ['1/1/2443', '1900-01-01'],
    ['31/12/2743', '2200-12-31'],
  ])('reads %s, at an edge of the accepted years, as %s', (input, iso) => {
    expect(GraphQLDate.parseValue(input)).toBe(iso);
  });

  it.each([['31/12/1899'], ['1/1/2201'], ['31/12/2442'], ['1/1/2744'], ['1/1/2400'], ['1/1/2401'], ['2401-01-01']])(
    'refuses %s, outside 1900-2200 CE whichever era it is read in',
    (input) => {
      expect(() => GraphQLDate.parseValue(input)).toThrow(ScalarInputError);
      expect(() => GraphQLDate.parseValue(input)).toThrow(`${input} is out of range`);
    },
  );

  it('states the era rule in its description', () => {
    expect(GraphQLDate.description).toMatch(/1900-01-01 to 2200-12-31/);
    expect(GraphQLDate.description).toMatch(/Buddhist Era from 2443 to 2743/);
  });

  it('refuses a number or a non-string literal', () => {
    expect(() => GraphQLDate.parseValue(20191216)).toThrow(ScalarInputError);
    expect(() => GraphQLDate.parseLiteral({ kind: Kind.INT, value: '20191216' }, {})).toThrow(ScalarInputError);
  });

  it('answers ISO strings and refuses a Date object (its day depends on the time zone)', () => {
    expect(GraphQLDate.serialize('2019-12-16')).toBe('2019-12-16');
    expect(() => GraphQLDate.serialize(new Date('2019-12-16T00:00:00+07:00'))).toThrow(/"YYYY-MM-DD" strings/);
    expect(() => GraphQLDate.serialize('16/12/2562')).toThrow(TypeError);
  });
});

describe('DateTime', () => {
  it('reads ISO 8601 with an offset into the instant it names', () => {
    expect((GraphQLDateTime.parseValue('2019-12-16T09:00:00+07:00') as Date).toISOString()).toBe('2019-12-16T02:00:00.000Z');
    expect((GraphQLDateTime.parseValue('2019-12-16T02:00Z') as Date).toISOString()).toBe('2019-12-16T02:00:00.000Z');
  });

  it('refuses a date-time without an offset, and a day that does not exist', () => {
    expect(() => GraphQLDateTime.parseValue('2019-12-16T09:00:00')).toThrow(/with offset/);
    expect(() => GraphQLDateTime.parseValue('2019-02-29T09:00:00Z')).toThrow(/there is no 2019-02-29/);
    expect(() => GraphQLDateTime.parseValue('2019-12-16')).toThrow(ScalarInputError);
  });

  it('answers ISO 8601 in UTC', () => {
    expect(GraphQLDateTime.serialize(new Date('2019-12-16T09:00:00+07:00'))).toBe('2019-12-16T02:00:00.000Z');
    expect(() => GraphQLDateTime.serialize(new Date('nonsense'))).toThrow(TypeError);
  });
});

describe('Decimal', () => {
  it('keeps decimal strings exactly as written', () => {
    expect(GraphQLDecimal.parseValue('10000000.00')).toBe('10000000.00');
    expect(GraphQLDecimal.parseValue('-0.5')).toBe('-0.5');
    expect(GraphQLDecimal.parseValue('123456789012345678901234567890.123456789012')).toBe('123456789012345678901234567890.123456789012');
  });

  it('takes literals from their source text, so no digit is lost', () => {
    expect(GraphQLDecimal.parseLiteral({ kind: Kind.FLOAT, value: '12345678901234567.89' }, {})).toBe('12345678901234567.89');
    expect(GraphQLDecimal.parseLiteral({ kind: Kind.INT, value: '100' }, {})).toBe('100');
  });

  it('accepts whole JSON numbers and refuses fractional ones', () => {
    expect(GraphQLDecimal.parseValue(1500)).toBe('1500');
    expect(() => GraphQLDecimal.parseValue(0.1)).toThrow(/send decimal amounts as strings/);
    expect(() => GraphQLDecimal.parseValue(2 ** 60)).toThrow(ScalarInputError);
  });

  it.each([['1,000.00'], ['1e6'], [' 10'], ['10.'], ['.5'], ['+5'], ['NaN'], ['1'.repeat(31)], ['']])('refuses %j', (input) => {
    expect(() => GraphQLDecimal.parseValue(input)).toThrow(ScalarInputError);
  });

  it.each([[0.1], ['1,000'], [Number.NaN], [null], [{}], ['1e3']])('refuses to answer %j as a Decimal', (value) => {
    expect(() => GraphQLDecimal.serialize(value)).toThrow(TypeError);
  });

  it('answers decimal strings, bigints and safe integers', () => {
    expect(GraphQLDecimal.serialize('0.10')).toBe('0.10');
    expect(GraphQLDecimal.serialize(12345678901234567890n)).toBe('12345678901234567890');
    expect(GraphQLDecimal.serialize(42)).toBe('42');
  });
});

describe('JSON', () => {
  it('passes values through and reads literals, variables included', () => {
    expect(GraphQLJSON.serialize({ a: [1] })).toEqual({ a: [1] });
    const literal = parseValue('{ a: [1, 2.5, "x", null, true], b: { c: $v }, __proto__: 1 }');
    const value = GraphQLJSON.parseLiteral(literal, { v: 'from variable' }) as Record<string, unknown>;
    expect(value.a).toEqual([1, 2.5, 'x', null, true]);
    expect(value.b).toEqual({ c: 'from variable' });
    // "__proto__" stays a plain key instead of replacing the object's prototype.
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe(1);
    expect(Object.getPrototypeOf(value)).toBeNull();
  });
});
