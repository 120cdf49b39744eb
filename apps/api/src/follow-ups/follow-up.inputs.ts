import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type {
  AddFollowUpInput as AddFollowUpFields,
  CloseFollowUpInput as CloseFollowUpFields,
  ReopenFollowUpInput as ReopenFollowUpCommandInput,
  UpdateFollowUpInput as UpdateFollowUpCommandInput,
} from '@tracker/application';
import { CommandResult } from '../commands/command-result.type';
import { GraphQLDate } from '../graphql/scalars';
import { FollowUpStatus, type FollowUpStatusValue } from '../shared/enums';
import { FollowUp } from './follow-up.types';

@InputType('AddFollowUpInput')
export class AddFollowUpInput implements AddFollowUpFields {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) activityId: string;
  @Field(() => String) description: string;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => GraphQLDate, { nullable: true }) dueOn?: string | null;
}

@InputType('CloseFollowUpInput')
export class CloseFollowUpInput implements CloseFollowUpFields {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => FollowUpStatus) status: FollowUpStatusValue;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType('UpdateFollowUpInput', {
  description:
    'Reassign, reschedule or reword an OPEN follow-up (a DONE or DROPPED one is CONFLICT: reopen it first). ' +
    'Fields left out keep their value; null clears ownerId or dueOn; description cannot be null. ' +
    'An update that changes nothing is BAD_USER_INPUT.',
})
export class UpdateFollowUpInput implements UpdateFollowUpCommandInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => GraphQLDate, { nullable: true }) dueOn?: string | null;
  @Field(() => String) reason: string;
}

@InputType('ReopenFollowUpInput', { description: 'A DONE or DROPPED follow-up back to OPEN (an OPEN one is CONFLICT).' })
export class ReopenFollowUpInput implements ReopenFollowUpCommandInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => String) reason: string;
}

@InputType('FollowUpFilter')
export class FollowUpFilter {
  @Field(() => FollowUpStatus, { nullable: true }) status?: FollowUpStatusValue | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
  @Field(() => ID, { nullable: true }) programId?: string | null;
  @Field(() => GraphQLDate, {
    nullable: true,
    description:
      'Open follow-ups due on or before this date (overdue when it is today). Pass your own today: ' +
      'the server does not guess the caller\'s day. With status DONE or DROPPED nothing matches.',
  })
  dueBy?: string | null;
}

@ObjectType('FollowUpPayload')
export class FollowUpPayload {
  @Field(() => FollowUp, { nullable: true }) followUp: FollowUp | null;
  @Field(() => CommandResult) result: CommandResult;
}
