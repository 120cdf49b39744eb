import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../graphql/connection';
import { GraphQLDate } from '../graphql/scalars';
import { FollowUp } from '../follow-ups/follow-up.types';
import { Organization, type OrganizationLookup } from '../organizations/organization.types';
import { Outcome } from '../outcomes/outcome.types';
import { ActivityKind, ActivityStatus, type ActivityKindValue, type ActivityStatusValue } from '../shared/enums';
import { LocalizedText } from '../shared/localized-text.types';
import { Location } from '../shared/location.types';

@ObjectType('Participant')
export class Participant {
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => LocalizedText, { nullable: true }) position: LocalizedText | null;
  // organization: resolved from organizationId (ParticipantFieldsResolver).

  organizationId: string | null;
  /** Not in the schema: the view's own organisations (as-of: as they were then); unset, the read model's. */
  organizationsFrom?: OrganizationLookup;
}

@ObjectType('Activity', { description: 'A meeting, site visit, fair or workshop.' })
export class Activity {
  @Field(() => ID) id: string;
  @Field(() => ActivityKind) kind: ActivityKindValue;
  @Field(() => ActivityStatus) status: ActivityStatusValue;
  @Field(() => LocalizedText) title: LocalizedText;
  // program: resolved from programId (ActivitiesResolver).
  @Field(() => GraphQLDate) startsOn: string;
  @Field(() => GraphQLDate) endsOn: string;
  @Field(() => Location, { nullable: true }) location: Location | null;
  /** Resolved from organizerIds. */
  @Field(() => [Organization]) organizers?: Organization[];
  @Field(() => [Participant]) participants: Participant[];
  @Field(() => [String]) topics: string[];
  @Field(() => String, { nullable: true }) summary: string | null;
  /** Resolved by activity id. */
  @Field(() => [FollowUp]) followUps?: FollowUp[];
  /** Resolved by activity id. */
  @Field(() => [Outcome]) outcomes?: Outcome[];
  @Field(() => Int) version: number;

  programId: string | null;
  organizerIds: string[];
  /** Not in the schema: the view's own organisations (as-of: as they were then); unset, the read model's. */
  organizationsFrom?: OrganizationLookup;
}

@ObjectType('ActivityConnection')
export class ActivityConnection extends Connection(Activity) {}
