import { daysInMonth } from '@tracker/domain';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ScalarInputError } from './scalar-input.error';

// An instant needs its offset: "2019-12-16T09:00" alone means a different moment in Bangkok and Beijing.
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Date-time, ISO 8601 with offset; read into a JS Date (the type code-first fields use for it). */
export const GraphQLDateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'Date-time, ISO 8601 with offset.',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string' && ISO_DATE_TIME.test(value)) return new Date(value).toISOString();
    throw new TypeError(`DateTime cannot represent ${JSON.stringify(value) ?? String(value)}`);
  },
  parseValue: (value) => readDateTime(value),
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw new ScalarInputError('a DateTime is written as a string, such as "2019-12-16T09:00:00+07:00"');
    return readDateTime(ast.value);
  },
});

function readDateTime(value: unknown): Date {
  const text = typeof value === 'string' ? value : undefined;
  const match = text === undefined ? null : ISO_DATE_TIME.exec(text);
  if (text === undefined || match === null) {
    throw new ScalarInputError(
      `${JSON.stringify(value) ?? String(value)} is not an ISO 8601 date-time with offset, such as "2019-12-16T09:00:00+07:00"`,
    );
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.parse rolls 2019-02-31 over into March instead of refusing it.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new ScalarInputError(`"${text}" is not a calendar date-time: there is no ${match[1]}-${match[2]}-${match[3]}`);
  }
  return new Date(text);
}
