import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { FollowUpEntity } from '@tracker/read-model';
import { emptyConnection, toConnection, type ConnectionShape, type PageRequest } from '../graphql/connection';
import { mergeGroupOf } from '../organizations/organization.queries';
import { manyByKey, oneByKey, uuids } from '../read-model/batch';
import { ReadDatabase } from '../read-model/read-database';
import type { FollowUpStatusValue } from '../shared/enums';
import { isUuid } from '../shared/ids';
import { followUpKeysetOf, type FollowUpKeyset } from './follow-up.keyset';
import type { FollowUp } from './follow-up.types';

export interface FollowUpCriteria {
  status?: FollowUpStatusValue | null;
  ownerId?: string | null;
  programId?: string | null;
  /** ISO date: OPEN follow-ups due on or before it (the caller's today gives the overdue ones). */
  dueBy?: string | null;
}

/** Follow-ups by id, one result per id (null for an unknown one). */
export class GetFollowUps extends Query<(FollowUp | null)[]> {
  constructor(readonly ids: readonly string[]) {
    super();
  }
}

/** The follow-ups of each program, or of each activity, in the order they were added. */
export class GetFollowUpsOf extends Query<FollowUp[][]> {
  constructor(
    readonly parent: 'program' | 'activity',
    readonly parentIds: readonly string[],
  ) {
    super();
  }
}

/** A page of follow-ups across programs, soonest due first (undated last), by (dueOn, id). */
export class ListFollowUps extends Query<ConnectionShape<FollowUp>> {
  constructor(
    readonly criteria: FollowUpCriteria,
    readonly page: PageRequest<FollowUpKeyset>,
  ) {
    super();
  }
}

/** What toFollowUp reads: the columns the batched reads select. */
const FOLLOW_UP_FIELDS = ['id', 'description', 'ownerId', 'dueOn', 'status', 'activityId', 'programId', 'version'] as const satisfies readonly (keyof FollowUpEntity)[];
type FollowUpRow = Pick<FollowUpEntity, (typeof FOLLOW_UP_FIELDS)[number]>;

export function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    description: row.description,
    ownerId: row.ownerId,
    dueOn: row.dueOn,
    status: row.status as FollowUpStatusValue,
    activityId: row.activityId,
    programId: row.programId,
    version: row.version,
  };
}

@QueryHandler(GetFollowUps)
export class GetFollowUpsHandler implements IQueryHandler<GetFollowUps> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ ids }: GetFollowUps): Promise<(FollowUp | null)[]> {
    const wanted = uuids(ids);
    if (wanted.length === 0) return ids.map(() => null);
    const { table, columns } = await this.db.columnsOf(FollowUpEntity, FOLLOW_UP_FIELDS);
    const rows = await this.db.query<FollowUpRow>(`select ${columns} from ${table} where id = any($1::uuid[])`, [wanted]);
    return oneByKey(ids, rows.map(toFollowUp), (followUp) => followUp.id);
  }
}

@QueryHandler(GetFollowUpsOf)
export class GetFollowUpsOfHandler implements IQueryHandler<GetFollowUpsOf> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ parent, parentIds }: GetFollowUpsOf): Promise<FollowUp[][]> {
    const wanted = uuids(parentIds);
    if (wanted.length === 0) return parentIds.map(() => []);
    const key = parent === 'program' ? 'programId' : 'activityId';
    const { table, columns } = await this.db.columnsOf(FollowUpEntity, FOLLOW_UP_FIELDS);
    const rows = await this.db.query<FollowUpRow>(
      `select ${columns} from ${table} where ${parent === 'program' ? 'program_id' : 'activity_id'} = any($1::uuid[]) order by created_at, id`,
      [wanted],
    );
    return manyByKey(parentIds, rows.map(toFollowUp), (followUp) => followUp[key]);
  }
}

/**
 * The sort key, as the indexes of migration read-model/004-follow-ups-across-programs spell
 * it: an undated follow-up sorts after every date. The same expression bounds dueBy, so the
 * index serves the range.
 */
const DUE_KEY = "coalesce(f.dueOn, cast('infinity' as date))";

@QueryHandler(ListFollowUps)
export class ListFollowUpsHandler implements IQueryHandler<ListFollowUps> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ criteria, page }: ListFollowUps): Promise<ConnectionShape<FollowUp>> {
    const ids = [criteria.ownerId, criteria.programId].filter((id) => id != null);
    if (!ids.every(isUuid)) return emptyConnection();
    const query = (await this.db.repository(FollowUpEntity)).createQueryBuilder('f');
    if (criteria.status) query.andWhere('f.status = :status', { status: criteria.status });
    if (criteria.ownerId) {
      // Follow-ups owned by a duplicate merged into this owner are its own too. One owner (the
      // usual case) stays an equality, which its index answers in order.
      const owners = await mergeGroupOf(this.db, criteria.ownerId);
      if (owners.length === 1) query.andWhere('f.ownerId = :ownerId', { ownerId: owners[0] });
      else query.andWhere('f.ownerId in (:...owners)', { owners });
    }
    if (criteria.programId) query.andWhere('f.programId = :programId', { programId: criteria.programId });
    if (criteria.dueBy) {
      // Overdue means still to do: a DONE or DROPPED follow-up is never due.
      query.andWhere("f.status = 'OPEN'").andWhere(`${DUE_KEY} <= cast(:dueBy as date)`, { dueBy: criteria.dueBy });
    }
    const totalCount = await query.clone().getCount();
    if (page.after) {
      query.andWhere(`(${DUE_KEY}, f.id) > (coalesce(cast(:afterDue as date), cast('infinity' as date)), cast(:afterId as uuid))`, {
        afterDue: page.after[0],
        afterId: page.after[1],
      });
    }
    const rows = await query.orderBy(DUE_KEY).addOrderBy('f.id').limit(page.limit + 1).getMany();
    return toConnection(rows.map(toFollowUp), page, followUpKeysetOf, totalCount);
  }
}

export const FOLLOW_UP_QUERY_HANDLERS = [GetFollowUpsHandler, GetFollowUpsOfHandler, ListFollowUpsHandler];
