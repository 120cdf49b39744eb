import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDate } from '../graphql/scalars';
import type { OrganizationLookup } from '../organizations/organization.types';
import { FollowUpStatus, type FollowUpStatusValue } from '../shared/enums';

@ObjectType('FollowUp')
export class FollowUp {
  @Field(() => ID) id: string;
  @Field(() => String) description: string;
  // owner: resolved from ownerId (FollowUpsResolver).
  @Field(() => GraphQLDate, { nullable: true }) dueOn: string | null;
  @Field(() => FollowUpStatus) status: FollowUpStatusValue;
  // activity: resolved from activityId (FollowUpsResolver).
  @Field(() => Int) version: number;

  ownerId: string | null;
  activityId: string;
  programId: string | null;
  /** Not in the schema: the view's own organisations (as-of: as they were then); unset, the read model's. */
  organizationsFrom?: OrganizationLookup;
}
