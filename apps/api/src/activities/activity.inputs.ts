import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { CommandResult } from '../commands/command-result.type';
import { GraphQLDate } from '../graphql/scalars';
import { SEARCH_FORGIVES } from '../read-model/sql';
import { ActivityKind, type ActivityKindValue } from '../shared/enums';
import { LocalizedTextInput } from '../shared/localized-text.types';
import { LocationInput } from '../shared/location.types';
import { Activity } from './activity.types';

@InputType('ActivityFilter')
export class ActivityFilter {
  @Field(() => ID, { nullable: true }) programId?: string | null;
  @Field(() => ID, { nullable: true, description: 'An organiser, or the organisation of a participant.' })
  organizationId?: string | null;
  @Field(() => ActivityKind, { nullable: true }) kind?: ActivityKindValue | null;
  @Field(() => GraphQLDate, { nullable: true, description: 'Activities whose days overlap [from, to]: ending on or after from.' })
  from?: string | null;
  @Field(() => GraphQLDate, { nullable: true, description: 'Activities whose days overlap [from, to]: starting on or before to.' })
  to?: string | null;
  @Field(() => String, {
    nullable: true,
    description: `Matches Thai, English or Chinese text in titles, topics and summaries (substring). ${SEARCH_FORGIVES}`,
  })
  search?: string | null;
}

@InputType('ParticipantInput')
class ParticipantInput {
  @Field(() => LocalizedTextInput) name: LocalizedTextInput;
  @Field(() => LocalizedTextInput, { nullable: true }) position?: LocalizedTextInput | null;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
}

@InputType('LogActivityInput')
export class LogActivityInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID, { nullable: true }) programId?: string | null;
  @Field(() => ActivityKind) kind: ActivityKindValue;
  @Field(() => LocalizedTextInput) title: LocalizedTextInput;
  @Field(() => GraphQLDate) startsOn: string;
  @Field(() => GraphQLDate, { nullable: true }) endsOn?: string | null;
  @Field(() => LocationInput, { nullable: true }) location?: LocationInput | null;
  @Field(() => [ID], { nullable: true, description: 'Each organisation once: a repeat is refused (BAD_USER_INPUT naming it, e.g. organizerIds[2]).' })
  organizerIds?: string[] | null;
  @Field(() => [ParticipantInput], {
    nullable: true,
    description:
      'Each person once: two participants of the same organisation (or both of none) sharing a name in any language, ' +
      'ignoring case and spacing, are refused (BAD_USER_INPUT naming the second, e.g. participants[1]).',
  })
  participants?: ParticipantInput[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'Each topic once, ignoring case and spacing: a repeat is refused (BAD_USER_INPUT naming it); blank topics are dropped.',
  })
  topics?: string[] | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
}

@ObjectType('ActivityPayload')
export class ActivityPayload {
  @Field(() => Activity, { nullable: true }) activity: Activity | null;
  @Field(() => CommandResult) result: CommandResult;
}
