import { Args, Context, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Mutations } from '../commands/mutations';
import { FollowUp } from '../follow-ups/follow-up.types';
import { PageArgs, pageRequest } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/graphql-context';
import { Organization, organizationsNamed } from '../organizations/organization.types';
import { Outcome } from '../outcomes/outcome.types';
import { Program } from '../programs/program.types';
import { CancelActivity, CorrectActivity, LogActivity } from '@tracker/application';
import { ActivityFilter, ActivityPayload, CancelActivityInput, CorrectActivityInput, LogActivityInput } from './activity.inputs';
import { ReadLoaders } from '../read-model/request-loaders';
import { isActivityKeyset } from './activity.keyset';
import { GetActivities, ListActivities } from './activity.queries';
import { Activity, ActivityConnection, Participant } from './activity.types';

@Resolver(() => Activity)
export class ActivitiesResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly mutations: Mutations,
    private readonly loaders: ReadLoaders,
  ) {}

  @Query(() => Activity, { nullable: true })
  async activity(@Args('id', { type: () => ID }) id: string): Promise<Activity | null> {
    const [activity] = await this.queries.execute(new GetActivities([id]));
    return activity;
  }

  @Query(() => ActivityConnection)
  activities(
    @Args() page: PageArgs,
    @Args('filter', { type: () => ActivityFilter, nullable: true }) filter?: ActivityFilter | null,
  ): Promise<ActivityConnection> {
    return this.queries.execute(new ListActivities(filter ?? {}, pageRequest(page, isActivityKeyset)));
  }

  @Mutation(() => ActivityPayload)
  logActivity(@Args('input') input: LogActivityInput, @Context() context: GraphQLContext): Promise<ActivityPayload> {
    return this.respond(context, new LogActivity(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => ActivityPayload)
  correctActivity(@Args('input') input: CorrectActivityInput, @Context() context: GraphQLContext): Promise<ActivityPayload> {
    return this.respond(context, new CorrectActivity(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => ActivityPayload)
  cancelActivity(@Args('input') input: CancelActivityInput, @Context() context: GraphQLContext): Promise<ActivityPayload> {
    return this.respond(context, new CancelActivity(input, this.mutations.contextOf(context, input.commandId)));
  }

  @ResolveField(() => Program, { nullable: true })
  program(activity: Activity, _args: unknown, context: GraphQLContext): Promise<Program | null> | null {
    return activity.programId ? this.loaders.for(context).program.load(activity.programId) : null;
  }

  @ResolveField(() => [Organization])
  async organizers(activity: Activity, _args: unknown, context: GraphQLContext): Promise<Organization[]> {
    return organizationsNamed(activity.organizerIds, activity.organizationsFrom ?? this.loaders.for(context).organizations);
  }

  @ResolveField(() => [FollowUp])
  followUps(activity: Activity, _args: unknown, context: GraphQLContext): Promise<FollowUp[]> {
    return this.loaders.for(context).followUpsOfActivity.load(activity.id);
  }

  @ResolveField(() => [Outcome])
  outcomes(activity: Activity, _args: unknown, context: GraphQLContext): Promise<Outcome[]> {
    return this.loaders.for(context).outcomesOfActivity.load(activity.id);
  }

  private async respond(context: GraphQLContext, command: LogActivity | CorrectActivity | CancelActivity): Promise<ActivityPayload> {
    const { record, result } = await this.mutations.execute(context, command, (id) => this.activity(id));
    return { activity: record, result };
  }
}

@Resolver(() => Participant)
export class ParticipantFieldsResolver {
  constructor(private readonly loaders: ReadLoaders) {}

  @ResolveField(() => Organization, { nullable: true })
  organization(participant: Participant, _args: unknown, context: GraphQLContext): Promise<Organization | null> | null {
    if (!participant.organizationId) return null;
    return (participant.organizationsFrom ?? this.loaders.for(context).organizations)(participant.organizationId);
  }
}
