import { GraphQLDate } from './date.scalar';
import { GraphQLDateTime } from './date-time.scalar';
import { GraphQLDecimal } from './decimal.scalar';
import { GraphQLJSON } from './json.scalar';

export { GraphQLDate, GraphQLDateTime, GraphQLDecimal, GraphQLJSON };
export { ScalarInputError } from './scalar-input.error';

/** The contract's custom scalars; the schema always declares them (graphql.config.ts). */
export const CONTRACT_SCALARS = [GraphQLDate, GraphQLDateTime, GraphQLDecimal, GraphQLJSON];
