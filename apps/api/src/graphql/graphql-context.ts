import type { Request } from 'express';
import { AuthenticationError } from '../auth/auth.errors';
import type { AuthUser } from '../auth/roles';
import type { TokenVerifier } from '../auth/token-verifier';
import type { RequestIds } from '../logging/request-context';

/**
 * What every resolver gets as its GraphQL context (`@Context() ctx: GraphQLContext`).
 * `user` is set once the token is verified; the access guard has already refused the call
 * when an operation's caller has no user or the wrong role, so resolvers can rely on it.
 * `requestId` / `correlationId` go into the events' metadata (see commands/command-metadata.ts).
 */
export interface GraphQLContext {
  requestId: string;
  correlationId: string;
  user: AuthUser | null;
  /** A token was sent but failed verification: the guard reports this as UNAUTHENTICATED. */
  authError?: AuthenticationError;
  /** The HTTP request, absent for subscriptions over WebSocket. */
  req?: Request;
}

/** Verifies the caller once per request; a bad token is kept, not thrown, so that the error
 * appears as the operation's UNAUTHENTICATED error rather than as a failed request. */
export async function buildGraphQLContext(
  verifier: TokenVerifier,
  authorization: string | undefined,
  ids: RequestIds,
  req?: Request,
): Promise<GraphQLContext> {
  const context: GraphQLContext = { ...ids, user: null, req };
  try {
    context.user = await verifier.fromAuthorizationHeader(authorization);
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    context.authError = error;
  }
  return context;
}
