import { BadRequestException, ConflictException } from '@nestjs/common';
import { CommandIdReusedError } from '@tracker/application';
import { ConflictError, ForbiddenTransitionError, NotFoundError, OrganizationMergedError, ValidationError } from '@tracker/domain';
import { IdempotencyViolationError, InvalidAppendError, WrongExpectedVersionError } from '@tracker/event-store';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AuthenticationError, AuthorizationError } from '../auth/auth.errors';
import { requestContext } from '../logging/request-context';
import { formatGraphQLError, isInternalError, isUnavailableError } from './error-mapping';
import { ScalarInputError } from './scalars';

/** As graphql-js hands a resolver's error to formatError: located, with the thrown error inside. */
function fromResolver(error: Error): { formatted: GraphQLFormattedError; error: GraphQLError } {
  const located = new GraphQLError(error.message, { path: ['field'], originalError: error });
  return { formatted: { ...located.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, error: located };
}

function format(thrown: Error, production = false): GraphQLFormattedError {
  const { formatted, error } = fromResolver(thrown);
  return formatGraphQLError(formatted, error, { production });
}

describe('the error mapping', () => {
  it.each([
    [new ValidationError('endsOn is before startsOn', 'endsOn'), { code: 'BAD_USER_INPUT', field: 'endsOn' }],
    [new NotFoundError('Program', 'p-1'), { code: 'NOT_FOUND', entity: 'Program', id: 'p-1' }],
    [new ConflictError('already added'), { code: 'CONFLICT' }],
    [new ForbiddenTransitionError('no', 'COMPLETED', 'ACTIVE'), { code: 'CONFLICT', reason: 'FORBIDDEN_TRANSITION', from: 'COMPLETED', to: 'ACTIVE' }],
    [new WrongExpectedVersionError('program-1', 2, 3), { code: 'CONFLICT', reason: 'WRONG_EXPECTED_VERSION', expectedVersion: 2, actualVersion: 3 }],
    [new IdempotencyViolationError('e-1', 'other content'), { code: 'CONFLICT', reason: 'COMMAND_ID_REUSED' }],
    [new CommandIdReusedError('c-1', 'with different input'), { code: 'CONFLICT', reason: 'COMMAND_ID_REUSED' }],
    [new OrganizationMergedError('o-dup', 'o-1'), { code: 'CONFLICT', reason: 'ORGANIZATION_MERGED', organizationId: 'o-dup', survivorId: 'o-1' }],
    [new AuthenticationError('token has expired'), { code: 'UNAUTHENTICATED' }],
    [new AuthorizationError('not allowed'), { code: 'FORBIDDEN' }],
    [new ScalarInputError('not a date'), { code: 'BAD_USER_INPUT' }],
    [new GraphQLError('first must be at most 100', { extensions: { code: 'BAD_USER_INPUT', argument: 'first' } }), { code: 'BAD_USER_INPUT', argument: 'first' }],
    [new BadRequestException('bad'), { code: 'BAD_USER_INPUT' }],
    [new ConflictException('clash'), { code: 'CONFLICT' }],
  ])('maps %p', (thrown, extensions) => {
    expect(format(thrown).extensions).toEqual(extensions);
    expect(isInternalError(fromResolver(thrown).error)).toBe(false);
  });

  it('keeps the domain message, which is written for the user', () => {
    expect(format(new ValidationError('endsOn 2019-12-01 is before startsOn 2019-12-16', 'endsOn')).message).toBe(
      'endsOn 2019-12-01 is before startsOn 2019-12-16',
    );
  });

  it('treats an invalid append as a bug, not as bad input', () => {
    expect(format(new InvalidAppendError('no events')).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('keeps the message and stack of an unexpected error outside production', () => {
    const formatted = format(new Error('relation "x" does not exist'));
    expect(formatted.message).toBe('relation "x" does not exist');
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] });
  });

  it('hides the message, stack and SQL of an unexpected error in production, naming the request', () => {
    const formatted = requestContext.run({ requestId: 'r-1', correlationId: 'c-1' }, () =>
      format(new Error('duplicate key value violates unique constraint "events_pkey"'), true),
    );
    expect(formatted).toEqual({
      message: 'Internal server error (request r-1)',
      path: ['field'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'r-1' },
    });
  });

  it('drops the stack of expected errors in production too', () => {
    expect(format(new ConflictError('already added'), true).extensions).toEqual({ code: 'CONFLICT' });
  });

  it("keeps Apollo's codes for a request that never ran", () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const formatted = formatGraphQLError(error.toJSON(), error, { production: true });
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(formatted.message).toBe('Cannot query field "nope" on type "Query".');
  });

  it('reports a limit refused during validation as BAD_USER_INPUT, not as a validation failure', () => {
    const limit = new GraphQLError('operation is 12 levels deep; the limit is 10', { extensions: { code: 'BAD_USER_INPUT' } });
    // Apollo wraps validation errors, overriding the code but keeping the original.
    const wrapped = new GraphQLError(limit.message, { originalError: limit, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(formatGraphQLError(wrapped.toJSON(), wrapped, { production: false }).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it("reports Apollo's other request errors as BAD_USER_INPUT with Apollo's code as the reason (regression: BAD_REQUEST is no contract code)", () => {
    for (const code of ['BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_SUPPORTED']) {
      const error = new GraphQLError('PersistedQueryNotSupported', { extensions: { code } });
      const formatted = formatGraphQLError(error.toJSON(), error, { production: true });
      expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: code });
      expect(formatted.message).toBe('PersistedQueryNotSupported');
      expect(isInternalError(error)).toBe(false);
    }
  });
});

describe('an unreachable database (regression: a restart answered INTERNAL_SERVER_ERROR with the driver message)', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  const terminated = new Error('Connection terminated unexpectedly');
  const adminShutdown = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  const startingUp = Object.assign(new Error('the database system is starting up'), { code: '57P03' });
  const viaTypeorm = Object.assign(new Error('Query failed'), { driverError: adminShutdown });

  it.each([
    ['a refused connection', refused],
    ['a connection dropped mid-query', terminated],
    ['a server shutting down', adminShutdown],
    ['a server starting up', startingUp],
    ['a TypeORM error wrapping one', viaTypeorm],
  ])('reports %s as transient: INTERNAL_SERVER_ERROR with reason DATABASE_UNAVAILABLE, hidden details, no bug report', (_what, thrown) => {
    const formatted = format(thrown, true);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'DATABASE_UNAVAILABLE' });
    expect(formatted.message).toMatch(/^the database is unavailable: retry in a moment/);
    expect(isUnavailableError(fromResolver(thrown).error)).toBe(true);
    expect(isInternalError(fromResolver(thrown).error)).toBe(false);
  });

  it('leaves a query PostgreSQL refused (a bug) as an internal error', () => {
    const syntax = Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' });
    expect(isUnavailableError(fromResolver(syntax).error)).toBe(false);
    expect(format(syntax, true).message).toMatch(/^Internal server error/);
  });
});
