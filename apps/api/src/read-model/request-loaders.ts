import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import DataLoader from 'dataloader';
import { GetActivities, GetProgramActivities } from '../activities/activity.queries';
import type { ActivityKeyset } from '../activities/activity.keyset';
import type { Activity } from '../activities/activity.types';
import { GetProgramAgreements } from '../agreements/agreement.queries';
import type { Agreement } from '../agreements/agreement.types';
import { GetFollowUpsOf } from '../follow-ups/follow-up.queries';
import type { FollowUp } from '../follow-ups/follow-up.types';
import type { ConnectionShape, PageRequest } from '../graphql/connection';
import { GetMergedOrganizations, GetOrganizations } from '../organizations/organization.queries';
import type { MergedOrganization, Organization } from '../organizations/organization.types';
import { GetOutcomesOf } from '../outcomes/outcome.queries';
import type { Outcome, OutcomeTotal } from '../outcomes/outcome.types';
import { GetProgramTotals, GetPrograms } from '../programs/program.queries';
import type { Program } from '../programs/program.types';

interface ProgramActivitiesKey {
  programId: string;
  page: PageRequest<ActivityKeyset>;
}

/**
 * One request's DataLoaders: every nested read of a GraphQL operation is batched per level
 * (one query for all the parents' organisations, one for all the programs' outcomes...), so
 * the number of SQL statements depends on the shape of the operation, not on the rows.
 * Each batch goes through the QueryBus like any other read. Per request, so nothing is
 * cached across callers.
 */
export class RequestLoaders {
  /** A merged duplicate's id loads its survivor. */
  readonly organization = new DataLoader<string, Organization | null>((ids) => this.queries.execute(new GetOrganizations(ids)));
  /** The duplicates merged into each survivor. */
  readonly mergedInto = new DataLoader<string, MergedOrganization[]>((ids) => this.queries.execute(new GetMergedOrganizations(ids)));
  readonly program = new DataLoader<string, Program | null>((ids) => this.queries.execute(new GetPrograms(ids)));
  readonly activity = new DataLoader<string, Activity | null>((ids) => this.queries.execute(new GetActivities(ids)));
  readonly agreementsOfProgram = new DataLoader<string, Agreement[]>((ids) => this.queries.execute(new GetProgramAgreements(ids)));
  readonly outcomesOfProgram = new DataLoader<string, Outcome[]>((ids) => this.queries.execute(new GetOutcomesOf('program', ids)));
  readonly outcomesOfActivity = new DataLoader<string, Outcome[]>((ids) => this.queries.execute(new GetOutcomesOf('activity', ids)));
  readonly followUpsOfProgram = new DataLoader<string, FollowUp[]>((ids) => this.queries.execute(new GetFollowUpsOf('program', ids)));
  readonly followUpsOfActivity = new DataLoader<string, FollowUp[]>((ids) => this.queries.execute(new GetFollowUpsOf('activity', ids)));
  readonly totalsOfProgram = new DataLoader<string, OutcomeTotal[]>((ids) => this.queries.execute(new GetProgramTotals(ids)));
  /** Programs asking for the same page (first/after) share one query. */
  readonly activitiesOfProgram = new DataLoader<ProgramActivitiesKey, ConnectionShape<Activity>, string>(
    async (keys) => {
      const byPage = new Map<string, ProgramActivitiesKey[]>();
      for (const key of keys) {
        const page = JSON.stringify(key.page);
        byPage.set(page, [...(byPage.get(page) ?? []), key]);
      }
      const results = new Map<string, ConnectionShape<Activity>>();
      for (const group of byPage.values()) {
        const connections = await this.queries.execute(new GetProgramActivities(group.map((key) => key.programId), group[0].page));
        group.forEach((key, i) => results.set(cacheKey(key), connections[i]));
      }
      return keys.map((key) => results.get(cacheKey(key))!);
    },
    { cacheKeyFn: cacheKey },
  );

  constructor(private readonly queries: QueryBus) {}

  /** Organisation ids turned into organisations through `organization` (merges followed). */
  readonly organizations = (id: string): Promise<Organization | null> => this.organization.load(id);

  clearAll(): void {
    for (const loader of Object.values(this)) if (loader instanceof DataLoader) loader.clearAll();
  }
}

function cacheKey(key: ProgramActivitiesKey): string {
  return JSON.stringify([key.programId, key.page.limit, key.page.after]);
}

/**
 * Hands out each request's RequestLoaders, keyed by the request's GraphQL context object (a
 * WeakMap, so they go with the request). Cheaper than a request-scoped provider, which would
 * make every resolver that injects it request-scoped too.
 */
@Injectable()
export class ReadLoaders {
  private readonly perRequest = new WeakMap<object, RequestLoaders>();

  constructor(private readonly queries: QueryBus) {}

  for(context: object): RequestLoaders {
    let loaders = this.perRequest.get(context);
    if (!loaders) {
      loaders = new RequestLoaders(this.queries);
      this.perRequest.set(context, loaders);
    }
    return loaders;
  }

  /** After a write, what this request loaded before it may be stale (several mutations in one document). */
  forget(context: object): void {
    this.perRequest.get(context)?.clearAll();
  }
}
