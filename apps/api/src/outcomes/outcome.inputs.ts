import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type {
  CorrectOutcomeInput as CorrectOutcomeFields,
  RecordOutcomeInput as RecordOutcomeFields,
  VoidOutcomeInput as VoidOutcomeFields,
} from '@tracker/application';
import { CommandResult } from '../commands/command-result.type';
import { GraphQLDecimal } from '../graphql/scalars';
import { OutcomeKind, type OutcomeKindValue } from '../shared/enums';
import { Outcome } from './outcome.types';

@InputType('RecordOutcomeInput')
export class RecordOutcomeInput implements RecordOutcomeFields {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) programId: string;
  @Field(() => ID, { nullable: true }) activityId?: string | null;
  @Field(() => OutcomeKind) kind: OutcomeKindValue;
  @Field(() => GraphQLDecimal, { nullable: true }) amount?: string | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => Int, { nullable: true }) quantity?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
}

/** Fields left out keep their value; null clears them. */
@InputType('CorrectOutcomeInput')
export class CorrectOutcomeInput implements CorrectOutcomeFields {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => GraphQLDecimal, { nullable: true }) amount?: string | null;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => Int, { nullable: true }) quantity?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String) reason: string;
}

/** An outcome recorded by mistake: still listed, voided, and counted in no total. */
@InputType('VoidOutcomeInput')
export class VoidOutcomeInput implements VoidOutcomeFields {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => String) reason: string;
}

@ObjectType('OutcomePayload')
export class OutcomePayload {
  @Field(() => Outcome, { nullable: true }) outcome: Outcome | null;
  @Field(() => CommandResult) result: CommandResult;
}
