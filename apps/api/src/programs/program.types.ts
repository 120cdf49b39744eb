import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActivityConnection, type Activity } from '../activities/activity.types';
import { Agreement } from '../agreements/agreement.types';
import { FollowUp } from '../follow-ups/follow-up.types';
import { Connection, type ConnectionShape } from '../graphql/connection';
import { GraphQLDate } from '../graphql/scalars';
import { Outcome, OutcomeTotal } from '../outcomes/outcome.types';
import { PartnerRole, ProgramStatus, type PartnerRoleValue, type ProgramStatusValue } from '../shared/enums';
import type { Organization } from '../organizations/organization.types';
import { LocalizedText } from '../shared/localized-text.types';
import type { ProgramReadPort } from './program-read.port';

@ObjectType('ProgramPartner', { description: 'A current partner; removed partners are in programHistory and in as-of views.' })
export class ProgramPartner {
  // organization: resolved by ProgramPartnerFieldsResolver.
  @Field(() => PartnerRole) role: PartnerRoleValue;
  @Field(() => GraphQLDate, { nullable: true }) joinedOn: string | null;

  organizationId: string;
  /**
   * Set by a ProgramReadPort that knows the organisation as it stands in its own view (the
   * as-of port: the name then); left unset, it is loaded from the read model by organizationId.
   * Not decorated here: a decorated property typed with a class of another module would put
   * that class in the decorator metadata, evaluated before the module cycle has settled.
   */
  organization?: Organization;
}

/**
 * The contract's Program. The scalar fields are plain properties; partners, agreements,
 * activities, outcomes, followUps and totals are resolved by ProgramFieldsResolver through a
 * ProgramReadPort: the read model's by default, or the one a Program object carries in
 * `readPort` (an as-of view replayed in memory plugs its own in that way).
 */
@ObjectType('Program')
export class Program {
  @Field(() => ID) id: string;
  @Field(() => LocalizedText) title: LocalizedText;
  @Field(() => String, { nullable: true }) summary: string | null;
  @Field(() => ProgramStatus) status: ProgramStatusValue;
  @Field(() => GraphQLDate, { nullable: true }) startedOn: string | null;
  @Field(() => [ProgramPartner]) partners?: ProgramPartner[];
  @Field(() => [Agreement]) agreements?: Agreement[];
  /** Arguments (first, after) are declared on the field resolver. */
  @Field(() => ActivityConnection) activities?: ConnectionShape<Activity>;
  @Field(() => [Outcome]) outcomes?: Outcome[];
  /** Argument (status) is declared on the field resolver. */
  @Field(() => [FollowUp]) followUps?: FollowUp[];
  @Field(() => [OutcomeTotal], {
    description: 'Outcome amounts summed by kind and currency (quantities by kind where no currency).',
  })
  totals?: OutcomeTotal[];
  @Field(() => Int) version: number;
  @Field(() => Date) updatedAt: Date;

  /** Not in the schema: the partners as recorded on the program (organization resolved later). */
  partnerList: ProgramPartner[];
  /** Not in the schema: where the nested fields are read from; unset means the live read model. */
  readPort?: ProgramReadPort;
}

@ObjectType('ProgramConnection')
export class ProgramConnection extends Connection(Program) {}
