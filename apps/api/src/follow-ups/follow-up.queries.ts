import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { FollowUpEntity } from '@tracker/read-model';
import { In } from 'typeorm';
import { manyByKey, oneByKey, uuids } from '../read-model/batch';
import { ReadDatabase } from '../read-model/read-database';
import type { FollowUpStatusValue } from '../shared/enums';
import type { FollowUp } from './follow-up.types';

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

export function toFollowUp(row: FollowUpEntity): FollowUp {
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
    const rows = await (await this.db.repository(FollowUpEntity)).findBy({ id: In(wanted) });
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
    const rows = await (await this.db.repository(FollowUpEntity)).find({
      where: { [key]: In(wanted) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return manyByKey(parentIds, rows.map(toFollowUp), (followUp) => followUp[key]);
  }
}

export const FOLLOW_UP_QUERY_HANDLERS = [GetFollowUpsHandler, GetFollowUpsOfHandler];
