import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { OrganizationEntity } from '@tracker/read-model';
import { mapConnection, toConnection, type ConnectionShape, type PageRequest } from '../graphql/connection';
import { manyByKey, uuids } from '../read-model/batch';
import { createdKeysetOf, type CreatedKeyset } from '../read-model/created-keyset';
import { ReadDatabase } from '../read-model/read-database';
import { containsPattern } from '../read-model/sql';
import type { OrganizationKindValue } from '../shared/enums';
import type { MergedOrganization, Organization } from './organization.types';

/** Merges chain (a survivor merged in turn); a longer chain than this means corrupt data. */
const MAX_MERGE_HOPS = 20;

export interface OrganizationCriteria {
  kind?: OrganizationKindValue | null;
  search?: string | null;
}

/**
 * Organisations by id, one result per id (null for an unknown one). The id of a duplicate
 * merged into another gives the survivor (at the end of its merges): every place the api
 * turns an organisation id into an organisation goes through here.
 */
export class GetOrganizations extends Query<(Organization | null)[]> {
  constructor(readonly ids: readonly string[]) {
    super();
  }
}

/** For each survivor id, the duplicates merged into it (directly or through another), oldest merge first. */
export class GetMergedOrganizations extends Query<MergedOrganization[][]> {
  constructor(readonly survivorIds: readonly string[]) {
    super();
  }
}

/** A page of organisations in the order they were registered; merged duplicates are not listed. */
export class ListOrganizations extends Query<ConnectionShape<Organization>> {
  constructor(
    readonly criteria: OrganizationCriteria,
    readonly page: PageRequest<CreatedKeyset>,
  ) {
    super();
  }
}

/** What toOrganization reads, and the merge pointer GetOrganizations follows. */
const ORGANIZATION_FIELDS = ['id', 'name', 'kind', 'country', 'parentId', 'version', 'mergedInto'] as const satisfies readonly (keyof OrganizationEntity)[];
type OrganizationRow = Pick<OrganizationEntity, (typeof ORGANIZATION_FIELDS)[number]>;

export function toOrganization(row: Omit<OrganizationRow, 'mergedInto'>): Organization {
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
    const rows = new Map<string, OrganizationRow>();
    // One query per hop: the ids asked for, then the survivors of those merged, and so on.
    let missing = uuids(ids);
    if (missing.length === 0) return ids.map(() => null);
    const { table, columns } = await this.db.columnsOf(OrganizationEntity, ORGANIZATION_FIELDS);
    for (let hop = 0; missing.length > 0 && hop <= MAX_MERGE_HOPS; hop++) {
      const found = await this.db.query<OrganizationRow>(`select ${columns} from ${table} where id = any($1::uuid[])`, [missing]);
      for (const row of found) rows.set(row.id, row);
      missing = uuids(found.map((row) => row.mergedInto).filter((id): id is string => id !== null && !rows.has(id)));
    }
    return ids.map((id) => {
      let row = rows.get(id);
      const seen = new Set([id]);
      while (row?.mergedInto && rows.has(row.mergedInto) && !seen.has(row.mergedInto)) {
        seen.add(row.mergedInto);
        row = rows.get(row.mergedInto);
      }
      return row ? toOrganization(row) : null;
    });
  }
}

@QueryHandler(GetMergedOrganizations)
export class GetMergedOrganizationsHandler implements IQueryHandler<GetMergedOrganizations> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ survivorIds }: GetMergedOrganizations): Promise<MergedOrganization[][]> {
    const wanted = uuids(survivorIds);
    if (wanted.length === 0) return survivorIds.map(() => []);
    const table = (await this.db.repository(OrganizationEntity)).metadata.tablePath;
    const rows = await this.db.query<{ survivor: string; id: string; name: Organization['name']; merged_at: Date; merge_reason: string }>(
      `with recursive merged (survivor, id, name, merged_at, merge_reason, hops) as (
         select o.merged_into, o.id, o.name, o.merged_at, o.merge_reason, 1 from ${table} o where o.merged_into = any($1::uuid[])
         union all
         select m.survivor, o.id, o.name, o.merged_at, o.merge_reason, m.hops + 1
           from ${table} o join merged m on o.merged_into = m.id where m.hops < $2
       )
       select survivor, id, name, merged_at, merge_reason from merged order by merged_at, id`,
      [wanted, MAX_MERGE_HOPS],
    );
    return manyByKey(survivorIds, rows, (row) => row.survivor).map((list) =>
      list.map((row) => ({ id: row.id, name: row.name, mergedAt: new Date(row.merged_at), reason: row.merge_reason })),
    );
  }
}

/**
 * The organisations that read as the same one as `id`: the survivor at the end of its merges
 * and every duplicate merged into that survivor, for filters ("activities with Lazada" must
 * find those recorded under its duplicate). An id no organisation bears stands for itself.
 */
export async function mergeGroupOf(db: ReadDatabase, id: string): Promise<string[]> {
  const table = (await db.repository(OrganizationEntity)).metadata.tablePath;
  const rows = await db.query<{ id: string }>(
    `with recursive up (id, merged_into, hops) as (
       select o.id, o.merged_into, 0 from ${table} o where o.id = $1::uuid
       union all
       select o.id, o.merged_into, up.hops + 1 from ${table} o join up on o.id = up.merged_into where up.hops < $2
     ),
     down (id, hops) as (
       select id, 0 from up where merged_into is null
       union all
       select o.id, down.hops + 1 from ${table} o join down on o.merged_into = down.id where down.hops < $2
     )
     select distinct id from down`,
    [id, MAX_MERGE_HOPS],
  );
  const group = rows.map((row) => row.id);
  return group.includes(id) ? group : [id, ...group];
}

@QueryHandler(ListOrganizations)
export class ListOrganizationsHandler implements IQueryHandler<ListOrganizations> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ criteria, page }: ListOrganizations): Promise<ConnectionShape<Organization>> {
    const query = (await this.db.repository(OrganizationEntity)).createQueryBuilder('o');
    // A merged duplicate is read as its survivor, which is listed already.
    query.where('o.mergedInto is null');
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

export const ORGANIZATION_QUERY_HANDLERS = [GetOrganizationsHandler, GetMergedOrganizationsHandler, ListOrganizationsHandler];
