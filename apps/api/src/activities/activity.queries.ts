import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ActivityEntity } from '@tracker/read-model';
import type { SelectQueryBuilder } from 'typeorm';
import { emptyConnection, toConnection, type ConnectionShape, type PageRequest } from '../graphql/connection';
import { manyByKey, oneByKey, uuids } from '../read-model/batch';
import { ReadDatabase } from '../read-model/read-database';
import { mergeGroupOf } from '../organizations/organization.queries';
import { containsPattern, jsonContains } from '../read-model/sql';
import type { ActivityKindValue, ActivityStatusValue } from '../shared/enums';
import { isUuid } from '../shared/ids';
import { activityKeysetOf, type ActivityKeyset } from './activity.keyset';
import type { Activity } from './activity.types';

export interface ActivityCriteria {
  programId?: string | null;
  /** An organiser, or the organisation of a participant. */
  organizationId?: string | null;
  kind?: ActivityKindValue | null;
  status?: ActivityStatusValue | null;
  /** ISO dates; an activity matches when its days overlap [from, to]. */
  from?: string | null;
  to?: string | null;
  search?: string | null;
}

/** Activities by id, one result per id (null for an unknown one). */
export class GetActivities extends Query<(Activity | null)[]> {
  constructor(readonly ids: readonly string[]) {
    super();
  }
}

/** A page of activities, by (startsOn, id). */
export class ListActivities extends Query<ConnectionShape<Activity>> {
  constructor(
    readonly criteria: ActivityCriteria,
    readonly page: PageRequest<ActivityKeyset>,
  ) {
    super();
  }
}

/** The same page of each program's activities (Program.activities), one per program id. */
export class GetProgramActivities extends Query<ConnectionShape<Activity>[]> {
  constructor(
    readonly programIds: readonly string[],
    readonly page: PageRequest<ActivityKeyset>,
  ) {
    super();
  }
}

/** What toActivity reads: the columns the batched reads select. */
const ACTIVITY_FIELDS = [
  'id', 'kind', 'status', 'title', 'programId', 'startsOn', 'endsOn', 'location', 'organizerIds', 'participants', 'topics', 'summary', 'version',
] as const satisfies readonly (keyof ActivityEntity)[];
type ActivityRow = Pick<ActivityEntity, (typeof ACTIVITY_FIELDS)[number]>;

export function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    kind: row.kind as ActivityKindValue,
    status: row.status as ActivityStatusValue,
    title: row.title,
    programId: row.programId,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    location: row.location,
    organizerIds: row.organizerIds,
    participants: row.participants.map((participant) => ({
      name: participant.name,
      position: participant.position,
      organizationId: participant.organizationId,
    })),
    topics: row.topics,
    summary: row.summary,
    version: row.version,
  };
}

function after(query: SelectQueryBuilder<ActivityEntity>, alias: string, keyset: ActivityKeyset | null): void {
  if (keyset) {
    query.andWhere(`(${alias}.startsOn, ${alias}.id) > (cast(:afterOn as date), cast(:afterId as uuid))`, {
      afterOn: keyset[0],
      afterId: keyset[1],
    });
  }
}

@QueryHandler(GetActivities)
export class GetActivitiesHandler implements IQueryHandler<GetActivities> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ ids }: GetActivities): Promise<(Activity | null)[]> {
    const wanted = uuids(ids);
    if (wanted.length === 0) return ids.map(() => null);
    const { table, columns } = await this.db.columnsOf(ActivityEntity, ACTIVITY_FIELDS);
    const rows = await this.db.query<ActivityRow>(`select ${columns} from ${table} where id = any($1::uuid[])`, [wanted]);
    return oneByKey(ids, rows.map(toActivity), (activity) => activity.id);
  }
}

/**
 * Dates: an activity is in [from, to] when its days overlap the range (endsOn >= from and
 * startsOn <= to), so a fair from 29 May to 1 June 2019 is among June's activities too.
 * Either end may be left open.
 */
@QueryHandler(ListActivities)
export class ListActivitiesHandler implements IQueryHandler<ListActivities> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ criteria, page }: ListActivities): Promise<ConnectionShape<Activity>> {
    const ids = [criteria.programId, criteria.organizationId].filter((id) => id != null);
    if (!ids.every(isUuid)) return emptyConnection();
    const query = (await this.db.repository(ActivityEntity)).createQueryBuilder('a');
    if (criteria.programId) query.andWhere('a.programId = :programId', { programId: criteria.programId });
    if (criteria.organizationId) {
      // The organisation and every duplicate merged into it (activities keep the ids they were
      // logged with); jsonb containment per id, each answered by the GIN index on organization_ids.
      const group = await mergeGroupOf(this.db, criteria.organizationId);
      const contains = group.map((_, i) => `a.organizationIds @> cast(:organization${i} as jsonb)`);
      query.andWhere(`(${contains.join(' or ')})`, Object.fromEntries(group.map((id, i) => [`organization${i}`, jsonContains(id)])));
    }
    if (criteria.kind) query.andWhere('a.kind = :kind', { kind: criteria.kind });
    if (criteria.status) query.andWhere('a.status = :status', { status: criteria.status });
    if (criteria.from) query.andWhere('a.endsOn >= cast(:from as date)', { from: criteria.from });
    if (criteria.to) query.andWhere('a.startsOn <= cast(:to as date)', { to: criteria.to });
    if (criteria.search) query.andWhere('a.searchText like :pattern', { pattern: containsPattern(criteria.search) });
    const totalCount = await query.clone().getCount();
    after(query, 'a', page.after);
    const rows = await query.orderBy('a.startsOn').addOrderBy('a.id').limit(page.limit + 1).getMany();
    return toConnection(rows.map(toActivity), page, activityKeysetOf, totalCount);
  }
}

/**
 * Two statements for any number of programs: the first `limit + 1` activities of each program
 * after the keyset (ranked per program by a window function), and the counts per program.
 */
@QueryHandler(GetProgramActivities)
export class GetProgramActivitiesHandler implements IQueryHandler<GetProgramActivities> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ programIds, page }: GetProgramActivities): Promise<ConnectionShape<Activity>[]> {
    const wanted = uuids(programIds);
    if (wanted.length === 0) return programIds.map(() => emptyConnection());
    const { table, columns } = await this.db.columnsOf(ActivityEntity, ACTIVITY_FIELDS);
    const parameters: unknown[] = [wanted, page.limit + 1];
    if (page.after) parameters.push(page.after[0], page.after[1]);
    const [rows, counts] = await Promise.all([
      this.db.query<ActivityRow>(
        `select ${columns} from ${table}
          where id in (
            select ranked.id from (
              select id, row_number() over (partition by program_id order by starts_on, id) as rank from ${table}
               where program_id = any($1::uuid[])${page.after ? ' and (starts_on, id) > (cast($3 as date), cast($4 as uuid))' : ''}
            ) ranked
            where ranked.rank <= $2)
          order by starts_on, id`,
        parameters,
      ),
      this.db.query<{ programId: string; count: number }>(
        `select program_id as "programId", count(*)::int as count from ${table} where program_id = any($1::uuid[]) group by program_id`,
        [wanted],
      ),
    ]);
    const countOf = new Map(counts.map((row) => [row.programId, row.count]));
    const activities = manyByKey(programIds, rows.map(toActivity), (activity) => activity.programId);
    return programIds.map((programId, i) => toConnection(activities[i], page, activityKeysetOf, countOf.get(programId) ?? 0));
  }
}

export const ACTIVITY_QUERY_HANDLERS = [GetActivitiesHandler, ListActivitiesHandler, GetProgramActivitiesHandler];
