/**
 * Thrown by the scalars when a client sends a value they cannot read. graphql-js prefixes the
 * message with the variable or argument and the path ("Variable "$input" got invalid value
 * "31/02/2562" at "input.startsOn"; ..."), and error-mapping.ts reports it as BAD_USER_INPUT.
 * Not a GraphQLError on purpose: graphql-js only adds that location prefix to plain errors.
 */
export class ScalarInputError extends TypeError {
  override readonly name = 'ScalarInputError';
  readonly code = 'BAD_USER_INPUT';
}
