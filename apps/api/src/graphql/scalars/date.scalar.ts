import { DomainError, ERA_RULE, parseDate } from '@tracker/domain';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ScalarInputError } from './scalar-input.error';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Calendar date. Out: always ISO ("2019-12-16"). In: ISO, or Thai Buddhist-Era forms
 * ("๑๖ ธันวาคม ๒๕๖๒", "16 ธ.ค. 2562", "16/12/2562") read by the domain's parseDate, so the
 * api and the domain agree on what a date is. Dates are strings end to end: no Date object,
 * so no time zone can move a day.
 */
export const GraphQLDate = new GraphQLScalarType<string, string>({
  name: 'Date',
  // The era rule is the domain's own sentence (thai-date.ts), so the schema cannot drift from the parser.
  description:
    'Calendar date, ISO 8601 (2019-12-16). Inputs also accept Thai Buddhist-Era dates such as\n' +
    '"๑๖ ธันวาคม ๒๕๖๒", "16 ธ.ค. 2562" or "16/12/2562"; output is always ISO.\n' +
    ERA_RULE,
  serialize(value) {
    if (typeof value === 'string' && ISO_DATE.test(value)) return value;
    // pg hands DATE columns back as local-midnight Date objects unless told otherwise
    // (database/pg-types.ts does); turning one into a string here could shift the day.
    throw new TypeError(`Date cannot represent ${describe(value)}: return dates as "YYYY-MM-DD" strings`);
  },
  parseValue: (value) => readDate(value),
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw new ScalarInputError(`a Date is written as a string, such as "2019-12-16" or "16 ธ.ค. 2562"`);
    return readDate(ast.value);
  },
});

function readDate(value: unknown): string {
  if (typeof value !== 'string') {
    throw new ScalarInputError(`a Date is written as a string, such as "2019-12-16" or "16 ธ.ค. 2562", not ${describe(value)}`);
  }
  try {
    return parseDate(value, 'value');
  } catch (error) {
    if (error instanceof DomainError) throw new ScalarInputError(error.message);
    throw error;
  }
}

function describe(value: unknown): string {
  return value instanceof Date ? 'a Date object' : JSON.stringify(value) ?? String(value);
}
