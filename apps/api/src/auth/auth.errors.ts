/**
 * Thrown by the token verifier and the access guard; graphql/error-mapping.ts turns them into
 * the contract's codes. Messages are safe to show: they say what is wrong with the token, never
 * what a valid one would contain.
 */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  readonly code = 'UNAUTHENTICATED';
}

export class AuthorizationError extends Error {
  override readonly name = 'AuthorizationError';
  readonly code = 'FORBIDDEN';
}
