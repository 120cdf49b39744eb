import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { AgreementEntity } from '@tracker/read-model';
import { In } from 'typeorm';
import { manyByKey, oneByKey, uuids } from '../read-model/batch';
import { ReadDatabase } from '../read-model/read-database';
import type { AgreementStatusValue } from '../shared/enums';
import type { Agreement } from './agreement.types';

/** Agreements by id, one result per id (null for an unknown one). */
export class GetAgreements extends Query<(Agreement | null)[]> {
  constructor(readonly ids: readonly string[]) {
    super();
  }
}

/** Each program's agreements, in the order they were recorded; one list per program id. */
export class GetProgramAgreements extends Query<Agreement[][]> {
  constructor(readonly programIds: readonly string[]) {
    super();
  }
}

export function toAgreement(row: AgreementEntity): Agreement {
  return {
    id: row.id,
    title: row.title,
    partyIds: row.partyIds,
    programId: row.programId,
    status: row.status as AgreementStatusValue,
    signedOn: row.signedOn,
    expiresOn: row.expiresOn,
    terminatedOn: row.terminatedOn,
    version: row.version,
  };
}

@QueryHandler(GetAgreements)
export class GetAgreementsHandler implements IQueryHandler<GetAgreements> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ ids }: GetAgreements): Promise<(Agreement | null)[]> {
    const wanted = uuids(ids);
    if (wanted.length === 0) return ids.map(() => null);
    const rows = await (await this.db.repository(AgreementEntity)).findBy({ id: In(wanted) });
    return oneByKey(ids, rows.map(toAgreement), (agreement) => agreement.id);
  }
}

@QueryHandler(GetProgramAgreements)
export class GetProgramAgreementsHandler implements IQueryHandler<GetProgramAgreements> {
  constructor(private readonly db: ReadDatabase) {}

  async execute({ programIds }: GetProgramAgreements): Promise<Agreement[][]> {
    const wanted = uuids(programIds);
    if (wanted.length === 0) return programIds.map(() => []);
    const rows = await (await this.db.repository(AgreementEntity)).find({
      where: { programId: In(wanted) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return manyByKey(programIds, rows.map(toAgreement), (agreement) => agreement.programId);
  }
}

export const AGREEMENT_QUERY_HANDLERS = [GetAgreementsHandler, GetProgramAgreementsHandler];
