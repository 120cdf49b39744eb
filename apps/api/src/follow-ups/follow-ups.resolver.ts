import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Activity } from '../activities/activity.types';
import { Mutations } from '../commands/mutations';
import type { GraphQLContext } from '../graphql/graphql-context';
import { Organization } from '../organizations/organization.types';
import { ReadLoaders } from '../read-model/request-loaders';
import { AddFollowUp, CloseFollowUp } from '@tracker/application';
import { AddFollowUpInput, CloseFollowUpInput, FollowUpPayload } from './follow-up.inputs';
import { GetFollowUps } from './follow-up.queries';
import { FollowUp } from './follow-up.types';

@Resolver(() => FollowUp)
export class FollowUpsResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly mutations: Mutations,
    private readonly loaders: ReadLoaders,
  ) {}

  @Mutation(() => FollowUpPayload)
  addFollowUp(@Args('input') input: AddFollowUpInput, @Context() context: GraphQLContext): Promise<FollowUpPayload> {
    return this.respond(context, new AddFollowUp(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => FollowUpPayload)
  closeFollowUp(@Args('input') input: CloseFollowUpInput, @Context() context: GraphQLContext): Promise<FollowUpPayload> {
    return this.respond(context, new CloseFollowUp(input, this.mutations.contextOf(context, input.commandId)));
  }

  @ResolveField(() => Organization, { nullable: true })
  owner(@Parent() followUp: FollowUp, @Context() context: GraphQLContext): Promise<Organization | null> | null {
    if (!followUp.ownerId) return null;
    return (followUp.organizationsFrom ?? this.loaders.for(context).organizations)(followUp.ownerId);
  }

  @ResolveField(() => Activity, { nullable: true })
  activity(@Parent() followUp: FollowUp, @Context() context: GraphQLContext): Promise<Activity | null> {
    return this.loaders.for(context).activity.load(followUp.activityId);
  }

  private async respond(context: GraphQLContext, command: AddFollowUp | CloseFollowUp): Promise<FollowUpPayload> {
    const { record, result } = await this.mutations.execute(context, command, async (id) => {
      const [followUp] = await this.queries.execute(new GetFollowUps([id]));
      return followUp;
    });
    return { followUp: record, result };
  }
}
