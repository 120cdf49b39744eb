import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { OrganizationEntity } from '@tracker/read-model';
import { In } from 'typeorm';
import { mapConnection, toConnection, type ConnectionShape, type PageRequest } from '../graphql/connection';
import { oneByKey, uuids } from '../read-model/batch';
import { createdKeysetOf, type CreatedKeyset } from '../read-model/created-keyset';
import { ReadDatabase } from '../read-model/read-database';
import { containsPattern } from '../read-model/sql';
import type { OrganizationKindValue } from '../shared/enums';
import type { Organization } from './organization.types';

export interface OrganizationCriteria {
  kind?: OrganizationKindValue | null;
  search?: string | null;
}

/** Organisations by id, one result per id (null for an unknown one). */
export class GetOrganizations extends Query<(Organization | null)[]> {
  constructor(readonly ids: readonly string[]) {
    super();
  }
}

/** A page of organisations in the order they were registered. */
export class ListOrganizations extends Query<ConnectionShape<Organization>> {
  constructor(
    readonly criteria: OrganizationCriteria,
    readonly page: PageRequest<CreatedKeyset>,
  ) {
    super();
  }
}

export function toOrganization(row: OrganizationEntity): Organization {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrganizationKindValue,
    country: row.country,
    parentId: row.parentId,
    version: row.version,
  };
}

@QueryHandler(GetOrganizations)
export class GetOrganizationsHandler implements IQueryHandler<GetOrganizations> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ ids }: GetOrganizations): Promise<(Organization | null)[]> {
    const wanted = uuids(ids);
    if (wanted.length === 0) return ids.map(() => null);
    const rows = await (await this.db.repository(OrganizationEntity)).findBy({ id: In(wanted) });
    return oneByKey(ids, rows.map(toOrganization), (organization) => organization.id);
  }
}

@QueryHandler(ListOrganizations)
export class ListOrganizationsHandler implements IQueryHandler<ListOrganizations> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ criteria, page }: ListOrganizations): Promise<ConnectionShape<Organization>> {
    const query = (await this.db.repository(OrganizationEntity)).createQueryBuilder('o');
    if (criteria.kind) query.andWhere('o.kind = :kind', { kind: criteria.kind });
    if (criteria.search) query.andWhere('o.searchText like :pattern', { pattern: containsPattern(criteria.search) });
    const totalCount = await query.clone().getCount();
    if (page.after) {
      query.andWhere('(o.createdAt, o.id) > (cast(:afterAt as timestamptz), cast(:afterId as uuid))', {
        afterAt: page.after[0],
        afterId: page.after[1],
      });
    }
    const rows = await query.orderBy('o.createdAt').addOrderBy('o.id').limit(page.limit + 1).getMany();
    return mapConnection(toConnection<OrganizationEntity, CreatedKeyset>(rows, page, createdKeysetOf, totalCount), toOrganization);
  }
}

export const ORGANIZATION_QUERY_HANDLERS = [GetOrganizationsHandler, ListOrganizationsHandler];
