import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { LOGGER, type Logger } from '../logging/logger';
import { ACCESS_POLICY_TOKEN, allows, operationKey, type AccessPolicy } from './access-policy';
import { AuthenticationError, AuthorizationError } from './auth.errors';

/**
 * The one guard: runs before every root operation (Query / Mutation / Subscription field)
 * and checks the caller against ACCESS_POLICY. Fields below a root operation are not
 * guarded: reaching them means the operation was allowed. HTTP routes (health, metrics,
 * GraphiQL) are public and not guarded.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(ACCESS_POLICY_TOKEN) private readonly policy: AccessPolicy,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const rootType = rootTypeOf(info);
    if (rootType === undefined) return true;
    const operation = operationKey(rootType, info.fieldName);
    if (this.policy[operation] === undefined) {
      this.logger.error({ operation }, 'operation has no access rule in auth/access-policy.ts: refused');
    }
    authorize(this.policy, operation, gql.getContext<GraphQLContext>());
    return true;
  }
}

/** Throws UNAUTHENTICATED (no or bad token) or FORBIDDEN (no rule, or no allowed role). */
export function authorize(policy: AccessPolicy, operation: string, context: Pick<GraphQLContext, 'user' | 'authError'>): void {
  if (context.authError) throw context.authError;
  const user = context.user;
  if (!user) throw new AuthenticationError('this operation needs a token: send Authorization: Bearer <JWT>');
  if (!allows(policy[operation], user.roles)) {
    throw new AuthorizationError(
      `${operation} is not allowed for role${user.roles.length === 1 ? '' : 's'} ` +
        `${user.roles.length ? user.roles.join(', ') : '(none)'}`,
    );
  }
}

function rootTypeOf(info: GraphQLResolveInfo): string | undefined {
  const { schema, parentType } = info;
  if (parentType === schema.getQueryType()) return 'Query';
  if (parentType === schema.getMutationType()) return 'Mutation';
  if (parentType === schema.getSubscriptionType()) return 'Subscription';
  return undefined;
}
