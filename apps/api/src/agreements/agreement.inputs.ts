import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type {
  AmendAgreementInput as AmendAgreementCommandInput,
  RecordAgreementInput as RecordAgreementFields,
  SignAgreementInput as SignAgreementCommandInput,
  TerminateAgreementInput as TerminateAgreementCommandInput,
} from '@tracker/application';
import { CommandResult } from '../commands/command-result.type';
import { GraphQLDate } from '../graphql/scalars';
import { AgreementStatus, type AgreementStatusValue } from '../shared/enums';
import { LocalizedTextInput } from '../shared/localized-text.types';
import { Agreement } from './agreement.types';

@InputType('RecordAgreementInput')
export class RecordAgreementInput implements RecordAgreementFields {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => LocalizedTextInput) title: LocalizedTextInput;
  @Field(() => [ID], { description: 'Two or more organisations, each once: a repeat is refused (BAD_USER_INPUT naming it, e.g. partyIds[2]).' })
  partyIds: string[];
  @Field(() => ID, { nullable: true }) programId?: string | null;
  @Field(() => AgreementStatus, { nullable: true }) status?: AgreementStatusValue | null;
  @Field(() => GraphQLDate, { nullable: true }) signedOn?: string | null;
  @Field(() => GraphQLDate, { nullable: true }) expiresOn?: string | null;
}

@InputType('SignAgreementInput')
export class SignAgreementInput implements SignAgreementCommandInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => GraphQLDate) signedOn: string;
  /** Left out keeps the draft's expiry; null clears it. */
  @Field(() => GraphQLDate, { nullable: true }) expiresOn?: string | null;
}

/** Fields left out keep their value; null clears expiresOn; partyIds given replaces the whole list. */
@InputType('AmendAgreementInput')
export class AmendAgreementInput implements AmendAgreementCommandInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => LocalizedTextInput, { nullable: true }) title?: LocalizedTextInput | null;
  @Field(() => [ID], { nullable: true }) partyIds?: string[] | null;
  @Field(() => GraphQLDate, { nullable: true }) expiresOn?: string | null;
  @Field(() => String) reason: string;
}

@InputType('TerminateAgreementInput')
export class TerminateAgreementInput implements TerminateAgreementCommandInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => GraphQLDate) terminatedOn: string;
  @Field(() => String) reason: string;
}

@ObjectType('AgreementPayload')
export class AgreementPayload {
  @Field(() => Agreement, { nullable: true }) agreement: Agreement | null;
  @Field(() => CommandResult) result: CommandResult;
}
