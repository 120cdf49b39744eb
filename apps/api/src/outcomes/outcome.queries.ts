import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { OutcomeEntity } from '@tracker/read-model';
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

/** What toOutcome reads: the columns the batched reads select. */
const OUTCOME_FIELDS = ['id', 'programId', 'activityId', 'kind', 'amount', 'currency', 'quantity', 'description', 'voided', 'version'] as const satisfies readonly (keyof OutcomeEntity)[];
type OutcomeRow = Pick<OutcomeEntity, (typeof OUTCOME_FIELDS)[number]>;

export function toOutcome(row: OutcomeRow): Outcome {
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
    const { table, columns } = await this.db.columnsOf(OutcomeEntity, OUTCOME_FIELDS);
    const rows = await this.db.query<OutcomeRow>(`select ${columns} from ${table} where id = any($1::uuid[])`, [wanted]);
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
    const { table, columns } = await this.db.columnsOf(OutcomeEntity, OUTCOME_FIELDS);
    const rows = await this.db.query<OutcomeRow>(
      `select ${columns} from ${table} where ${parent === 'program' ? 'program_id' : 'activity_id'} = any($1::uuid[]) order by created_at, id`,
      [wanted],
    );
    return manyByKey(parentIds, rows.map(toOutcome), (outcome) => outcome[key]);
  }
}

export const OUTCOME_QUERY_HANDLERS = [GetOutcomesHandler, GetOutcomesOfHandler];
