import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { AuthenticationError } from './auth.errors';
import type { AuthUser } from './roles';

/**
 * `@CurrentUser() user: AuthUser` in a resolver: the verified caller. On a root operation
 * the access guard has already checked it; the throw is for a field resolver used without one.
 */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const user = GqlExecutionContext.create(context).getContext<GraphQLContext>().user;
  if (!user) throw new AuthenticationError('this operation needs a token: send Authorization: Bearer <JWT>');
  return user;
});
