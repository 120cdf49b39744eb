import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { CommandResult } from '../commands/command-result.type';
import { SEARCH_FORGIVES } from '../read-model/sql';
import { OrganizationKind, type OrganizationKindValue } from '../shared/enums';
import { LocalizedTextInput } from '../shared/localized-text.types';
import { Organization } from './organization.types';
import type {
  MergeOrganizationsInput as MergeOrganizationsCommandInput,
  RegisterOrganizationInput as RegisterOrganizationFields,
  RenameOrganizationInput as RenameOrganizationFields,
  UpdateOrganizationInput as UpdateOrganizationCommandInput,
} from '@tracker/application';

@InputType('OrganizationFilter')
export class OrganizationFilter {
  @Field(() => OrganizationKind, { nullable: true }) kind?: OrganizationKindValue | null;
  @Field(() => String, { nullable: true, description: `Matches Thai, English or Chinese text in the name (substring). ${SEARCH_FORGIVES}` })
  search?: string | null;
}

@InputType('RegisterOrganizationInput')
export class RegisterOrganizationInput implements RegisterOrganizationFields {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => LocalizedTextInput) name: LocalizedTextInput;
  @Field(() => OrganizationKind) kind: OrganizationKindValue;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
}

@InputType('RenameOrganizationInput')
export class RenameOrganizationInput implements RenameOrganizationFields {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => LocalizedTextInput) name: LocalizedTextInput;
}

/** Fields left out keep their value; null clears country or parent. */
@InputType('UpdateOrganizationInput')
export class UpdateOrganizationInput implements UpdateOrganizationCommandInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => OrganizationKind, { nullable: true }) kind?: OrganizationKindValue | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => String) reason: string;
}

@InputType('MergeOrganizationsInput')
export class MergeOrganizationsInput implements MergeOrganizationsCommandInput {
  @Field(() => ID, { nullable: true }) commandId?: string | null;
  @Field(() => ID) survivorId: string;
  @Field(() => ID) duplicateId: string;
  @Field(() => Int, { nullable: true, description: "The duplicate's version." }) expectedVersion?: number | null;
  @Field(() => String) reason: string;
}

@ObjectType('OrganizationPayload')
export class OrganizationPayload {
  @Field(() => Organization, { nullable: true }) organization: Organization | null;
  @Field(() => CommandResult) result: CommandResult;
}
