import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type {
  AddProgramPartnerInput as AddProgramPartnerFields,
  ChangeProgramStatusInput as ChangeProgramStatusFields,
  CorrectProgramInput as CorrectProgramCommandInput,
  LaunchProgramInput as LaunchProgramFields,
  RemoveProgramPartnerInput as RemoveProgramPartnerCommandInput,
} from '@tracker/application';
import { CommandResult } from '../commands/command-result.type';
import { GraphQLDate } from '../graphql/scalars';
import { SEARCH_FORGIVES } from '../read-model/sql';
import { PartnerRole, ProgramStatus, type PartnerRoleValue, type ProgramStatusValue } from '../shared/enums';
import { LocalizedTextInput } from '../shared/localized-text.types';
import { Program } from './program.types';

@InputType('ProgramFilter')
export class ProgramFilter {
  @Field(() => ProgramStatus, { nullable: true }) status?: ProgramStatusValue | null;
  @Field(() => ID, { nullable: true }) partnerId?: string | null;
  @Field(() => String, { nullable: true, description: `Matches Thai, English or Chinese text in titles and summaries (substring). ${SEARCH_FORGIVES}` })
  search?: string | null;
}

@InputType('LaunchProgramInput')
export class LaunchProgramInput implements LaunchProgramFields {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => LocalizedTextInput) title: LocalizedTextInput;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => GraphQLDate, { nullable: true }) startedOn?: string | null;
  @Field(() => ProgramStatus, { nullable: true }) status?: ProgramStatusValue | null;
}

@InputType('AddProgramPartnerInput')
export class AddProgramPartnerInput implements AddProgramPartnerFields {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) programId: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => ID) organizationId: string;
  @Field(() => PartnerRole) role: PartnerRoleValue;
  @Field(() => GraphQLDate, { nullable: true }) joinedOn?: string | null;
}

@InputType('ChangeProgramStatusInput')
export class ChangeProgramStatusInput implements ChangeProgramStatusFields {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) programId: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => ProgramStatus) status: ProgramStatusValue;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

/** Fields left out keep their value; null clears summary or startedOn. */
@InputType('CorrectProgramInput')
export class CorrectProgramInput implements CorrectProgramCommandInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) programId: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => LocalizedTextInput, { nullable: true }) title?: LocalizedTextInput | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => GraphQLDate, { nullable: true }) startedOn?: string | null;
  @Field(() => String) reason: string;
}

@InputType('RemoveProgramPartnerInput')
export class RemoveProgramPartnerInput implements RemoveProgramPartnerCommandInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) programId: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => ID) organizationId: string;
  /** Left out: today in Thailand. */
  @Field(() => GraphQLDate, { nullable: true }) leftOn?: string | null;
  @Field(() => String) reason: string;
}

@ObjectType('ProgramPayload')
export class ProgramPayload {
  @Field(() => Program, { nullable: true }) program: Program | null;
  @Field(() => CommandResult) result: CommandResult;
}
