import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../graphql/connection';
import { OrganizationKind, type OrganizationKindValue } from '../shared/enums';
import { LocalizedText } from '../shared/localized-text.types';

@ObjectType('Organization')
export class Organization {
  @Field(() => ID) id: string;
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => OrganizationKind) kind: OrganizationKindValue;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' }) country: string | null;
  /** Resolved from parentId (OrganizationFieldsResolver). */
  @Field(() => Organization, { nullable: true }) parent?: Organization | null;
  @Field(() => Int) version: number;

  /** Not in the schema: what the parent field resolves. */
  parentId: string | null;
}

@ObjectType('OrganizationConnection')
export class OrganizationConnection extends Connection(Organization) {}
