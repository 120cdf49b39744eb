import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { OutcomeEntity } from '@tracker/read-model';
import { In } from 'typeorm';
import { manyByKey, oneByKey, uuids } from '../read-model/batch';
import { ReadDatabase } from '../read-model/read-database';
import type { OutcomeKindValue } from '../shared/enums';
import type { Outcome } from './outcome.types';

/** Outcomes by id, one result per id (null for an unknown one). */
export class GetOutcomes extends Query<(Outcome | null)[]> {
  constructor(readonly ids: readonly string[]) {
    super();
  }
}

/** The outcomes of each program, or of each activity, in the order they were recorded. */
export class GetOutcomesOf extends Query<Outcome[][]> {
  constructor(
    readonly parent: 'program' | 'activity',
    readonly parentIds: readonly string[],
  ) {
    super();
  }
}

export function toOutcome(row: OutcomeEntity): Outcome {
  return {
    id: row.id,
    programId: row.programId,
    activityId: row.activityId,
    kind: row.kind as OutcomeKindValue,
    amount: row.amount,
    currency: row.currency,
    quantity: row.quantity,
    description: row.description,
    voided: row.voided,
    version: row.version,
  };
}

@QueryHandler(GetOutcomes)
export class GetOutcomesHandler implements IQueryHandler<GetOutcomes> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ ids }: GetOutcomes): Promise<(Outcome | null)[]> {
    const wanted = uuids(ids);
    if (wanted.length === 0) return ids.map(() => null);
    const rows = await (await this.db.repository(OutcomeEntity)).findBy({ id: In(wanted) });
    return oneByKey(ids, rows.map(toOutcome), (outcome) => outcome.id);
  }
}

@QueryHandler(GetOutcomesOf)
export class GetOutcomesOfHandler implements IQueryHandler<GetOutcomesOf> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ parent, parentIds }: GetOutcomesOf): Promise<Outcome[][]> {
    const wanted = uuids(parentIds);
    if (wanted.length === 0) return parentIds.map(() => []);
    const key = parent === 'program' ? 'programId' : 'activityId';
    const rows = await (await this.db.repository(OutcomeEntity)).find({
      where: { [key]: In(wanted) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return manyByKey(parentIds, rows.map(toOutcome), (outcome) => outcome[key]);
  }
}

export const OUTCOME_QUERY_HANDLERS = [GetOutcomesHandler, GetOutcomesOfHandler];
