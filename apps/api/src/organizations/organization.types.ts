import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../graphql/connection';
import { OrganizationKind, type OrganizationKindValue } from '../shared/enums';
import { LocalizedText } from '../shared/localized-text.types';

/** A duplicate merged into an organisation: as it was named, when and why it was merged. */
@ObjectType('MergedOrganization')
export class MergedOrganization {
  @Field(() => ID) id: string;
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => Date) mergedAt: Date;
  @Field(() => String) reason: string;
}

@ObjectType('Organization')
export class Organization {
  @Field(() => ID) id: string;
  @Field(() => LocalizedText) name: LocalizedText;
  @Field(() => OrganizationKind) kind: OrganizationKindValue;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' }) country: string | null;
  /** Resolved from parentId (OrganizationFieldsResolver). */
  @Field(() => Organization, { nullable: true }) parent?: Organization | null;
  @Field(() => Int) version: number;
  /** Resolved from the duplicates merged into it (OrganizationsResolver). */
  @Field(() => [ID], { description: "Ids of duplicates merged into this organisation; asking for one of them returns this one." })
  mergedIds?: string[];
  @Field(() => [MergedOrganization], { description: 'The duplicates merged into this organisation, as they were named, with when and why.' })
  merged?: MergedOrganization[];

  /** Not in the schema: what the parent field resolves. */
  parentId: string | null;
  /**
   * Not in the schema: the merged duplicates as a view other than the live read model knows
   * them (an as-of view: those merged by then); left unset, they are read from the read model.
   */
  mergedKnown?: MergedOrganization[];
}

@ObjectType('OrganizationConnection')
export class OrganizationConnection extends Connection(Organization) {}

/**
 * Where an organisation id is turned into an organisation: the request's loader (the live
 * read model, following merges), or a view's own (an as-of view: the organisation then).
 */
export type OrganizationLookup = (id: string) => Promise<Organization | null>;

/**
 * The organisations a list of ids names, in order, each once: a duplicate and its survivor
 * named side by side (recorded before the merge) read as one organisation now. An id the read
 * model does not (yet) have is left out.
 */
export async function organizationsNamed(ids: readonly string[], lookup: OrganizationLookup): Promise<Organization[]> {
  const found = await Promise.all(ids.map(lookup));
  const seen = new Set<string>();
  return found.filter((organization): organization is Organization => {
    if (organization === null || seen.has(organization.id)) return false;
    seen.add(organization.id);
    return true;
  });
}
