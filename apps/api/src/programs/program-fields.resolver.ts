import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { isActivityKeyset } from '../activities/activity.keyset';
import { Activity, ActivityConnection } from '../activities/activity.types';
import { Agreement } from '../agreements/agreement.types';
import { FollowUp } from '../follow-ups/follow-up.types';
import { pageRequest, type ConnectionShape } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/graphql-context';
import { Organization } from '../organizations/organization.types';
import { Outcome, OutcomeTotal } from '../outcomes/outcome.types';
import { ReadLoaders } from '../read-model/request-loaders';
import { FollowUpStatus, type FollowUpStatusValue } from '../shared/enums';
import type { ProgramReadPort } from './program-read.port';
import { Program, ProgramPartner } from './program.types';
import { ReadModelProgramPort } from './read-model-program.port';

/**
 * Program's nested fields, each read through the ProgramReadPort the program carries, or
 * the live read model's for this request. Whatever builds Program objects (the programs
 * queries, an as-of view) gets these fields for free.
 */
@Resolver(() => Program)
export class ProgramFieldsResolver {
  constructor(private readonly loaders: ReadLoaders) {}

  @ResolveField(() => [ProgramPartner])
  partners(program: Program, _args: unknown, context: GraphQLContext): Promise<ProgramPartner[]> {
    return this.portFor(program, context).partners(program);
  }

  @ResolveField(() => [Agreement])
  agreements(program: Program, _args: unknown, context: GraphQLContext): Promise<Agreement[]> {
    return this.portFor(program, context).agreements(program);
  }

  @ResolveField(() => ActivityConnection)
  activities(
    @Parent() program: Program,
    @Context() context: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<ConnectionShape<Activity>> {
    return this.portFor(program, context).activities(program, pageRequest({ first, after }, isActivityKeyset));
  }

  @ResolveField(() => [Outcome])
  outcomes(program: Program, _args: unknown, context: GraphQLContext): Promise<Outcome[]> {
    return this.portFor(program, context).outcomes(program);
  }

  @ResolveField(() => [FollowUp])
  followUps(
    @Parent() program: Program,
    @Context() context: GraphQLContext,
    @Args('status', { type: () => FollowUpStatus, nullable: true }) status?: FollowUpStatusValue | null,
  ): Promise<FollowUp[]> {
    return this.portFor(program, context).followUps(program, status ?? null);
  }

  @ResolveField(() => [OutcomeTotal])
  totals(program: Program, _args: unknown, context: GraphQLContext): Promise<OutcomeTotal[]> {
    return this.portFor(program, context).totals(program);
  }

  private portFor(program: Program, context: GraphQLContext): ProgramReadPort {
    return program.readPort ?? new ReadModelProgramPort(this.loaders.for(context));
  }
}

@Resolver(() => ProgramPartner)
export class ProgramPartnerFieldsResolver {
  constructor(private readonly loaders: ReadLoaders) {}

  @ResolveField(() => Organization)
  async organization(partner: ProgramPartner, _args: unknown, context: GraphQLContext): Promise<Organization> {
    if (partner.organization) return partner.organization; // set by a ProgramReadPort (as-of: the name then)
    const organization = await this.loaders.for(context).organization.load(partner.organizationId);
    // The decider only adds registered organisations, and organisations are never deleted.
    if (!organization) throw new Error(`partner organization ${partner.organizationId} is missing from the read model`);
    return organization;
  }
}
