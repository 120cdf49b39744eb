import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Activity } from '../activities/activity.types';
import { Mutations } from '../commands/mutations';
import { PageArgs, pageRequest } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/graphql-context';
import { Organization } from '../organizations/organization.types';
import { Program } from '../programs/program.types';
import { ReadLoaders } from '../read-model/request-loaders';
import { AddFollowUp, CloseFollowUp, ReopenFollowUp, UpdateFollowUp } from '@tracker/application';
import { AddFollowUpInput, CloseFollowUpInput, FollowUpFilter, FollowUpPayload, ReopenFollowUpInput, UpdateFollowUpInput } from './follow-up.inputs';
import { isFollowUpKeyset } from './follow-up.keyset';
import { GetFollowUps, ListFollowUps } from './follow-up.queries';
import { FollowUp, FollowUpConnection } from './follow-up.types';

@Resolver(() => FollowUp)
export class FollowUpsResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly mutations: Mutations,
    private readonly loaders: ReadLoaders,
  ) {}

  @Query(() => FollowUpConnection, { description: 'Follow-ups across programs, soonest due first.' })
  followUps(
    @Args() page: PageArgs,
    @Args('filter', { type: () => FollowUpFilter, nullable: true }) filter?: FollowUpFilter | null,
  ): Promise<FollowUpConnection> {
    return this.queries.execute(new ListFollowUps(filter ?? {}, pageRequest(page, isFollowUpKeyset)));
  }

  @Mutation(() => FollowUpPayload)
  addFollowUp(@Args('input') input: AddFollowUpInput, @Context() context: GraphQLContext): Promise<FollowUpPayload> {
    return this.respond(context, new AddFollowUp(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => FollowUpPayload)
  closeFollowUp(@Args('input') input: CloseFollowUpInput, @Context() context: GraphQLContext): Promise<FollowUpPayload> {
    return this.respond(context, new CloseFollowUp(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => FollowUpPayload)
  updateFollowUp(@Args('input') input: UpdateFollowUpInput, @Context() context: GraphQLContext): Promise<FollowUpPayload> {
    return this.respond(context, new UpdateFollowUp(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => FollowUpPayload)
  reopenFollowUp(@Args('input') input: ReopenFollowUpInput, @Context() context: GraphQLContext): Promise<FollowUpPayload> {
    return this.respond(context, new ReopenFollowUp(input, this.mutations.contextOf(context, input.commandId)));
  }

  @ResolveField(() => Organization, { nullable: true })
  owner(followUp: FollowUp, _args: unknown, context: GraphQLContext): Promise<Organization | null> | null {
    if (!followUp.ownerId) return null;
    return (followUp.organizationsFrom ?? this.loaders.for(context).organizations)(followUp.ownerId);
  }

  @ResolveField(() => Activity, { nullable: true })
  activity(followUp: FollowUp, _args: unknown, context: GraphQLContext): Promise<Activity | null> {
    return this.loaders.for(context).activity.load(followUp.activityId);
  }

  /** The program of the follow-up's activity when it was added; null for an activity outside any program. */
  @ResolveField(() => Program, { nullable: true })
  program(followUp: FollowUp, _args: unknown, context: GraphQLContext): Promise<Program | null> | null {
    return followUp.programId ? this.loaders.for(context).program.load(followUp.programId) : null;
  }

  private async respond(
    context: GraphQLContext,
    command: AddFollowUp | CloseFollowUp | UpdateFollowUp | ReopenFollowUp,
  ): Promise<FollowUpPayload> {
    const { record, result } = await this.mutations.execute(context, command, async (id) => {
      const [followUp] = await this.queries.execute(new GetFollowUps([id]));
      return followUp;
    });
    return { followUp: record, result };
  }
}
