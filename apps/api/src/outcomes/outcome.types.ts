import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDecimal } from '../graphql/scalars';
import { OutcomeKind, type OutcomeKindValue } from '../shared/enums';

@ObjectType('Outcome')
export class Outcome {
  @Field(() => ID) id: string;
  @Field(() => OutcomeKind) kind: OutcomeKindValue;
  @Field(() => GraphQLDecimal, { nullable: true }) amount: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 4217 (THB).' }) currency: string | null;
  @Field(() => Int, { nullable: true }) quantity: number | null;
  @Field(() => String, { nullable: true }) description: string | null;
  // activity and program: resolved from activityId and programId (OutcomesResolver).
  @Field(() => Boolean, { description: 'True once voided (recorded by mistake); voided outcomes count in no total.' })
  voided: boolean;
  @Field(() => Int) version: number;

  programId: string;
  activityId: string | null;
}

/** One line of Program.totals: the exact sum of amounts in one currency, or of quantities. */
@ObjectType('OutcomeTotal')
export class OutcomeTotal {
  @Field(() => OutcomeKind) kind: OutcomeKindValue;
  @Field(() => String, { nullable: true }) currency: string | null;
  @Field(() => GraphQLDecimal, { nullable: true }) amount: string | null;
  @Field(() => Int, { nullable: true }) quantity: number | null;
}
