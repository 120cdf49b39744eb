import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDate } from '../graphql/scalars';
import { Organization, type OrganizationLookup } from '../organizations/organization.types';
import { AgreementStatus, type AgreementStatusValue } from '../shared/enums';
import { LocalizedText } from '../shared/localized-text.types';

@ObjectType('Agreement')
export class Agreement {
  @Field(() => ID) id: string;
  @Field(() => LocalizedText) title: LocalizedText;
  /** Resolved from partyIds. */
  @Field(() => [Organization]) parties?: Organization[];
  // program: resolved from programId (AgreementsResolver).
  @Field(() => AgreementStatus) status: AgreementStatusValue;
  @Field(() => GraphQLDate, { nullable: true }) signedOn: string | null;
  @Field(() => GraphQLDate, { nullable: true }) expiresOn: string | null;
  @Field(() => GraphQLDate, { nullable: true }) terminatedOn: string | null;
  @Field(() => Int) version: number;

  partyIds: string[];
  programId: string | null;
  /** Not in the schema: the view's own organisations (as-of: as they were then); unset, the read model's. */
  organizationsFrom?: OrganizationLookup;
}
