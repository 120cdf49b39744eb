import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { OutcomeEntity, ProgramEntity } from '@tracker/read-model';
import { emptyConnection, mapConnection, toConnection, type ConnectionShape, type PageRequest } from '../graphql/connection';
import type { OutcomeTotal } from '../outcomes/outcome.types';
import { manyByKey, oneByKey, uuids } from '../read-model/batch';
import { createdKeysetOf, type CreatedKeyset } from '../read-model/created-keyset';
import { ReadDatabase } from '../read-model/read-database';
import { mergeGroupOf } from '../organizations/organization.queries';
import { containsPattern, jsonContains } from '../read-model/sql';
import type { OutcomeKindValue, PartnerRoleValue, ProgramStatusValue } from '../shared/enums';
import { isUuid } from '../shared/ids';
import type { Program } from './program.types';

export interface ProgramCriteria {
  status?: ProgramStatusValue | null;
  partnerId?: string | null;
  search?: string | null;
}

/** Programs by id, one result per id (null for an unknown one). */
export class GetPrograms extends Query<(Program | null)[]> {
  constructor(readonly ids: readonly string[]) {
    super();
  }
}

/** A page of programs in the order they were launched. */
export class ListPrograms extends Query<ConnectionShape<Program>> {
  constructor(
    readonly criteria: ProgramCriteria,
    readonly page: PageRequest<CreatedKeyset>,
  ) {
    super();
  }
}

/** Each program's outcome totals (Program.totals), one list per program id. */
export class GetProgramTotals extends Query<OutcomeTotal[][]> {
  constructor(readonly programIds: readonly string[]) {
    super();
  }
}

/** What toProgram reads: the columns GetPrograms selects. */
const PROGRAM_FIELDS = ['id', 'title', 'summary', 'status', 'startedOn', 'version', 'updatedAt', 'partners'] as const satisfies readonly (keyof ProgramEntity)[];
type ProgramRow = Pick<ProgramEntity, (typeof PROGRAM_FIELDS)[number]>;

export function toProgram(row: ProgramRow): Program {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status as ProgramStatusValue,
    startedOn: row.startedOn,
    version: row.version,
    updatedAt: row.updatedAt,
    partnerList: row.partners.map((partner) => ({
      organizationId: partner.organizationId,
      role: partner.role as PartnerRoleValue,
      joinedOn: partner.joinedOn,
    })),
  };
}

@QueryHandler(GetPrograms)
export class GetProgramsHandler implements IQueryHandler<GetPrograms> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ ids }: GetPrograms): Promise<(Program | null)[]> {
    const wanted = uuids(ids);
    if (wanted.length === 0) return ids.map(() => null);
    const { table, columns } = await this.db.columnsOf(ProgramEntity, PROGRAM_FIELDS);
    const rows = await this.db.query<ProgramRow>(`select ${columns} from ${table} where id = any($1::uuid[])`, [wanted]);
    return oneByKey(ids, rows.map(toProgram), (program) => program.id);
  }
}

@QueryHandler(ListPrograms)
export class ListProgramsHandler implements IQueryHandler<ListPrograms> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ criteria, page }: ListPrograms): Promise<ConnectionShape<Program>> {
    if (criteria.partnerId != null && !isUuid(criteria.partnerId)) return emptyConnection();
    const query = (await this.db.repository(ProgramEntity)).createQueryBuilder('p');
    if (criteria.status) query.andWhere('p.status = :status', { status: criteria.status });
    if (criteria.partnerId) {
      // The partner and every duplicate merged into it (programs keep the ids partners were
      // added with); jsonb containment per id, each answered by the GIN index on partners.
      const group = await mergeGroupOf(this.db, criteria.partnerId);
      const contains = group.map((_, i) => `p.partners @> cast(:partner${i} as jsonb)`);
      query.andWhere(`(${contains.join(' or ')})`, Object.fromEntries(group.map((id, i) => [`partner${i}`, jsonContains({ organizationId: id })])));
    }
    if (criteria.search) query.andWhere('p.searchText like :pattern', { pattern: containsPattern(criteria.search) });
    const totalCount = await query.clone().getCount();
    if (page.after) {
      query.andWhere('(p.createdAt, p.id) > (cast(:afterAt as timestamptz), cast(:afterId as uuid))', {
        afterAt: page.after[0],
        afterId: page.after[1],
      });
    }
    const rows = await query.orderBy('p.createdAt').addOrderBy('p.id').limit(page.limit + 1).getMany();
    return mapConnection(toConnection<ProgramEntity, CreatedKeyset>(rows, page, createdKeysetOf, totalCount), toProgram);
  }
}

/**
 * Sums in NUMERIC, so 0.1 + 0.2 is 0.3 and ten million baht stays "10000000.00". Amounts are
 * summed per kind and currency (an amount always has one); quantities per kind, on a line
 * with no currency. An outcome with both (orders worth an amount) counts on both lines; a
 * voided one (recorded by mistake) counts on none.
 */
@QueryHandler(GetProgramTotals)
export class GetProgramTotalsHandler implements IQueryHandler<GetProgramTotals> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ programIds }: GetProgramTotals): Promise<OutcomeTotal[][]> {
    const wanted = uuids(programIds);
    if (wanted.length === 0) return programIds.map(() => []);
    const table = (await this.db.repository(OutcomeEntity)).metadata.tablePath;
    const rows = await this.db.query<{ program_id: string; kind: string; currency: string | null; amount: string | null; quantity: string | null }>(
      `select program_id, kind, currency, sum(amount)::text as amount, null::text as quantity
         from ${table} where program_id = any($1::uuid[]) and not voided and amount is not null
        group by program_id, kind, currency
       union all
       select program_id, kind, null, null, sum(quantity)::text
         from ${table} where program_id = any($1::uuid[]) and not voided and quantity is not null
        group by program_id, kind
       order by program_id, kind, currency nulls last`,
      [wanted],
    );
    const totals = rows.map((row) => ({
      programId: row.program_id,
      kind: row.kind as OutcomeKindValue,
      currency: row.currency,
      amount: row.amount,
      quantity: row.quantity === null ? null : Number(row.quantity),
    }));
    return manyByKey(programIds, totals, (total) => total.programId).map((list) =>
      list.map(({ kind, currency, amount, quantity }) => ({ kind, currency, amount, quantity })),
    );
  }
}

export const PROGRAM_QUERY_HANDLERS = [GetProgramsHandler, ListProgramsHandler, GetProgramTotalsHandler];
