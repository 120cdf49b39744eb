import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException } from '@nestjs/common';
import { CommandIdReusedError } from '@tracker/application';
import { DigestInputError } from '@tracker/audit';
import { DomainError, ForbiddenTransitionError, NotFoundError, OrganizationMergedError, ValidationError } from '@tracker/domain';
import { IdempotencyViolationError, WrongExpectedVersionError } from '@tracker/event-store';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AuthenticationError, AuthorizationError } from '../auth/auth.errors';
import { isDatabaseUnavailable } from '../database/connection-errors';
import { currentRequestIds } from '../logging/request-context';
import { ScalarInputError } from './scalars';

/**
 * THE place where errors become GraphQL error codes (STYLE.md 7): resolvers and handlers
 * throw typed errors and never pick a code themselves.
 *
 *   DomainError VALIDATION              -> BAD_USER_INPUT (extensions.field)
 *   DomainError NOT_FOUND               -> NOT_FOUND (entity, id)
 *   DomainError CONFLICT                -> CONFLICT
 *   DomainError FORBIDDEN_TRANSITION    -> CONFLICT (reason FORBIDDEN_TRANSITION, from, to)
 *   OrganizationMergedError (domain)    -> CONFLICT (reason ORGANIZATION_MERGED, organizationId, survivorId):
 *                                          a command named a merged duplicate; name the survivor instead
 *   WrongExpectedVersionError           -> CONFLICT (reason WRONG_EXPECTED_VERSION)
 *   IdempotencyViolationError           -> CONFLICT (reason COMMAND_ID_REUSED)
 *   CommandIdReusedError (application)  -> CONFLICT (reason COMMAND_ID_REUSED): the command side's
 *                                          word for the same thing, a commandId sent again with
 *                                          other input, for another record or by another actor
 *   AuthenticationError / Authorization -> UNAUTHENTICATED / FORBIDDEN
 *   a scalar refusing a value           -> BAD_USER_INPUT (variables and literals alike)
 *   GraphQLError with a contract code   -> that code (page size, cursor, query limits)
 *   Nest HttpException                  -> by status (400, 401, 403, 404, 409)
 *   PostgreSQL unreachable or gone     -> INTERNAL_SERVER_ERROR (reason DATABASE_UNAVAILABLE), HTTP 503
 *                                          with Retry-After (graphql.config.ts): transient, retry
 *   Apollo's GRAPHQL_PARSE_FAILED and   -> kept: the document was wrong
 *   GRAPHQL_VALIDATION_FAILED
 *   Apollo's other request-level codes  -> BAD_USER_INPUT (reason: Apollo's code, e.g. BAD_REQUEST for a
 *                                          body that is not a GraphQL request): the contract's list is
 *                                          closed, and what the client must do is the same, fix the request
 *   anything else                       -> INTERNAL_SERVER_ERROR; in production the message is
 *                                          replaced (no stack, no SQL) and the error is logged
 *
 * Why a forbidden transition is CONFLICT and not BAD_USER_INPUT: the input is well formed and
 * the same command is valid against another state (ACTIVE -> ON_HOLD is fine, COMPLETED ->
 * ON_HOLD is not). It conflicts with what is recorded, like a duplicate or a stale version,
 * and the client's remedy is the same: re-read the record and decide again.
 */
const CONTRACT_ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INTERNAL_SERVER_ERROR',
] as const;
type ContractErrorCode = (typeof CONTRACT_ERROR_CODES)[number];

// Apollo's codes for a document that does not parse or validate, and for variables that do
// not coerce (BAD_USER_INPUT, a contract code too): kept as they are.
const APOLLO_DOCUMENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
// The rest of Apollo's request-level codes (a body that is no GraphQL request, an unknown
// operationName, a persisted query) are not in the contract's list: sent as BAD_USER_INPUT with
// Apollo's code as `reason`. The message is Apollo's own (Apollo Client's persisted-query link
// recognises "PersistedQueryNotSupported" by it).
const APOLLO_REQUEST_CODES = new Set([
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** extensions.reason of an error caused by PostgreSQL being unreachable (answered with HTTP 503). */
const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';

interface MappedError {
  code: ContractErrorCode;
  /** Replaces the message when set; otherwise the error's own message is kept. */
  message?: string;
  extensions?: Record<string, unknown>;
}

/** The contract code for a thrown error, or null when it is not one we know. */
function mapKnownError(error: unknown): MappedError | null {
  for (const cause of causes(error)) {
    const mapped = mapOne(cause);
    if (mapped) return mapped;
  }
  return null;
}

function mapOne(error: unknown): MappedError | null {
  // Before DomainError: it is a ConflictError too, and the reason tells the client what to change.
  if (error instanceof CommandIdReusedError) return { code: 'CONFLICT', extensions: { reason: 'COMMAND_ID_REUSED' } };
  if (error instanceof OrganizationMergedError) {
    return { code: 'CONFLICT', extensions: { reason: 'ORGANIZATION_MERGED', organizationId: error.organizationId, survivorId: error.survivorId } };
  }
  if (error instanceof DomainError) {
    switch (error.code) {
      case 'VALIDATION':
        return { code: 'BAD_USER_INPUT', extensions: defined({ field: (error as ValidationError).field }) };
      case 'NOT_FOUND': {
        const notFound = error as NotFoundError;
        return { code: 'NOT_FOUND', extensions: defined({ entity: notFound.entity, id: notFound.id, field: notFound.field }) };
      }
      case 'CONFLICT':
        return { code: 'CONFLICT' };
      case 'FORBIDDEN_TRANSITION': {
        const transition = error as ForbiddenTransitionError;
        return { code: 'CONFLICT', extensions: { reason: 'FORBIDDEN_TRANSITION', from: transition.from, to: transition.to } };
      }
    }
  }
  if (error instanceof WrongExpectedVersionError) {
    return {
      code: 'CONFLICT',
      message: `the record was changed by someone else (now at version ${error.actual}): read it again and retry`,
      extensions: { reason: 'WRONG_EXPECTED_VERSION', expectedVersion: error.expected, actualVersion: error.actual },
    };
  }
  if (error instanceof IdempotencyViolationError) {
    return {
      code: 'CONFLICT',
      message: 'this commandId was already used for a different command: use a new commandId',
      extensions: { reason: 'COMMAND_ID_REUSED' },
    };
  }
  if (error instanceof AuthenticationError) return { code: 'UNAUTHENTICATED' };
  if (error instanceof AuthorizationError) return { code: 'FORBIDDEN' };
  if (error instanceof ScalarInputError) return { code: 'BAD_USER_INPUT' };
  if (error instanceof DigestInputError) return { code: 'BAD_USER_INPUT', extensions: { field: `against.${error.field}` } };
  if (error instanceof HttpException) return mapHttpException(error);
  if (isDatabaseUnavailable(error)) {
    return {
      code: 'INTERNAL_SERVER_ERROR',
      message: 'the database is unavailable: retry in a moment (a mutation retried with the same commandId is recorded once)',
      extensions: { reason: DATABASE_UNAVAILABLE },
    };
  }
  if (error instanceof GraphQLError && isContractCode(error.extensions?.code) && error.extensions.code !== 'INTERNAL_SERVER_ERROR') {
    const { http: _http, ...extensions } = error.extensions;
    return { code: error.extensions.code, extensions };
  }
  return null;
}

function mapHttpException(error: HttpException): MappedError | null {
  const byStatus: Record<number, ContractErrorCode> = {
    400: 'BAD_USER_INPUT',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
    422: 'BAD_USER_INPUT',
  };
  const code = byStatus[error.getStatus()];
  return code ? { code } : null;
}

interface FormatErrorOptions {
  /** Hide internal messages and every stack trace. */
  production: boolean;
}

/** Apollo's formatError: the formatted error as Apollo built it, and what was thrown. */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: FormatErrorOptions,
): GraphQLFormattedError {
  const { stacktrace, ...extensions } = formatted.extensions ?? {};
  const keepStack = options.production ? {} : stacktrace === undefined ? {} : { stacktrace };
  const mapped = mapKnownError(error);
  if (mapped) {
    return {
      ...formatted,
      message: mapped.message ?? formatted.message,
      // No stack for an expected error, even in development: it is the client's to fix.
      extensions: { ...withoutApolloInternals(extensions), ...mapped.extensions, code: mapped.code },
    };
  }
  const code = extensions.code;
  if (typeof code === 'string' && APOLLO_DOCUMENT_CODES.has(code)) {
    return { ...formatted, extensions };
  }
  if (typeof code === 'string' && APOLLO_REQUEST_CODES.has(code)) {
    return { ...formatted, extensions: { ...extensions, code: 'BAD_USER_INPUT', reason: code } };
  }
  if (options.production) {
    const requestId = currentRequestIds()?.requestId;
    return {
      message: `Internal server error${requestId ? ` (request ${requestId})` : ''}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  }
  return { ...formatted, extensions: { ...extensions, code: 'INTERNAL_SERVER_ERROR', ...keepStack } };
}

/** True when the error will be reported as INTERNAL_SERVER_ERROR: it is a bug, log it. */
export function isInternalError(error: unknown): boolean {
  if (mapKnownError(error)) return false;
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return !(typeof code === 'string' && (APOLLO_DOCUMENT_CODES.has(code) || APOLLO_REQUEST_CODES.has(code)));
}

/** True when PostgreSQL being unreachable caused the error: 503 and a warning, not a bug report. */
export function isUnavailableError(error: unknown): boolean {
  return mapKnownError(error)?.extensions?.reason === DATABASE_UNAVAILABLE;
}

/** The thrown error and what it wraps: resolver wrapping, GraphQLError.originalError, cause. */
function* causes(error: unknown): Generator<unknown> {
  let current: unknown = error;
  const seen = new Set<unknown>();
  for (let depth = 0; current !== undefined && current !== null && !seen.has(current) && depth < 8; depth += 1) {
    seen.add(current);
    yield current;
    const unwrapped = unwrapResolverError(current);
    if (unwrapped !== current) {
      current = unwrapped;
    } else if (current instanceof GraphQLError && current.originalError) {
      current = current.originalError;
    } else {
      current = undefined;
    }
  }
}

function isContractCode(code: unknown): code is ContractErrorCode {
  return typeof code === 'string' && (CONTRACT_ERROR_CODES as readonly string[]).includes(code);
}

function withoutApolloInternals(extensions: Record<string, unknown>): Record<string, unknown> {
  // Nest / Apollo may attach the raw exception response; the client needs the code and ours only.
  const { originalError: _originalError, exception: _exception, ...rest } = extensions;
  return rest;
}

function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
