import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { CommandResult } from '../commands/command-result.type';
import { GraphQLDate } from '../graphql/scalars';
import { FollowUpStatus, type FollowUpStatusValue } from '../shared/enums';
import { FollowUp } from './follow-up.types';

@InputType('AddFollowUpInput')
export class AddFollowUpInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) activityId: string;
  @Field(() => String) description: string;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => GraphQLDate, { nullable: true }) dueOn?: string | null;
}

@InputType('CloseFollowUpInput')
export class CloseFollowUpInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => FollowUpStatus) status: FollowUpStatusValue;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType('FollowUpPayload')
export class FollowUpPayload {
  @Field(() => FollowUp, { nullable: true }) followUp: FollowUp | null;
  @Field(() => CommandResult) result: CommandResult;
}
