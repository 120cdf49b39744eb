import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { ACCESS_POLICY_TOKEN, allows, type AccessPolicy } from '../auth/access-policy';
import { CurrentUser } from '../auth/current-user.decorator';
import type { AuthUser } from '../auth/roles';
import { ROLE_VALUES, Viewer } from './viewer.types';

/**
 * `me` (access: anyone signed in, even with no role; auth/access-policy.ts). The answer is the
 * verified token itself, so there is no query to send through the bus.
 */
@Resolver()
export class ViewerResolver {
  constructor(@Inject(ACCESS_POLICY_TOKEN) private readonly policy: AccessPolicy) {}

  @Query(() => Viewer, { description: 'Who is calling: subject, name and roles. Any signed-in caller, even one with no role.' })
  me(@CurrentUser() user: AuthUser): Viewer {
    return {
      subject: user.subject,
      name: user.name ?? null,
      roles: user.roles.map((role) => ROLE_VALUES[role]),
      operations: Object.keys(this.policy)
        .filter((operation) => allows(this.policy[operation], user.roles))
        .sort(),
    };
  }
}
