import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { CommandResult } from '../commands/command-result.type';
import { GraphQLDate } from '../graphql/scalars';
import { AgreementStatus, type AgreementStatusValue } from '../shared/enums';
import { LocalizedTextInput } from '../shared/localized-text.types';
import { Agreement } from './agreement.types';

@InputType('RecordAgreementInput')
export class RecordAgreementInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => LocalizedTextInput) title: LocalizedTextInput;
  @Field(() => [ID], { description: 'Two or more organisations, each once: a repeat is refused (BAD_USER_INPUT naming it, e.g. partyIds[2]).' })
  partyIds: string[];
  @Field(() => ID, { nullable: true }) programId?: string | null;
  @Field(() => AgreementStatus, { nullable: true }) status?: AgreementStatusValue | null;
  @Field(() => GraphQLDate, { nullable: true }) signedOn?: string | null;
  @Field(() => GraphQLDate, { nullable: true }) expiresOn?: string | null;
}

@ObjectType('AgreementPayload')
export class AgreementPayload {
  @Field(() => Agreement, { nullable: true }) agreement: Agreement | null;
  @Field(() => CommandResult) result: CommandResult;
}
