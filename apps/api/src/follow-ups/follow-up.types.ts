import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../graphql/connection';
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
  // activity and program: resolved from activityId and programId (FollowUpsResolver).
  @Field(() => Int) version: number;

  ownerId: string | null;
  activityId: string;
  programId: string | null;
  /** Not in the schema: the view's own organisations (as-of: as they were then); unset, the read model's. */
  organizationsFrom?: OrganizationLookup;
}

@ObjectType('FollowUpConnection')
export class FollowUpConnection extends Connection(FollowUp) {}
