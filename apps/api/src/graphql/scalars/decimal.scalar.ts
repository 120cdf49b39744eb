import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ScalarInputError } from './scalar-input.error';

/**
 * Plain decimal notation, bounded so no one sends a megabyte of digits: up to 30 integer and
 * 12 fraction digits. Currency scale and sign rules are the domain's (shared/money.ts).
 */
const DECIMAL_PATTERN = /^-?\d{1,30}(?:\.\d{1,12})?$/;

/**
 * Exact decimal amount, as a string. Never parsed to a float: the string goes through as
 * written, from input to event to NUMERIC column and back. Literals in a query are taken
 * from their source text (`amount: 10000000.00` is exact); a JSON number in variables has
 * already been through a binary float, so only whole numbers are accepted that way.
 */
export const GraphQLDecimal = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'Exact decimal amount, as a string ("10000000.00"); never a float.',
  serialize(value) {
    if (typeof value === 'string' && DECIMAL_PATTERN.test(value)) return value;
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    throw new TypeError(`Decimal cannot represent ${describe(value)}: return amounts as decimal strings`);
  },
  parseValue(value) {
    if (typeof value === 'number') {
      if (Number.isSafeInteger(value)) return String(value);
      throw new ScalarInputError(
        `${value} was sent as a JSON number: send decimal amounts as strings ("1234.50") so no digit is lost`,
      );
    }
    return readDecimal(value);
  },
  parseLiteral(ast: ValueNode) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return readDecimal(ast.value);
    throw new ScalarInputError('a Decimal is written as a string such as "10000000.00"');
  },
});

function readDecimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL_PATTERN.test(value)) return value;
  throw new ScalarInputError(
    `${describe(value)} is not a decimal amount: write digits with an optional "-" and "." ` +
      '(such as "10000000.00"; no spaces, commas or exponents)',
  );
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
