import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Activity } from '../activities/activity.types';
import { Mutations } from '../commands/mutations';
import type { GraphQLContext } from '../graphql/graphql-context';
import { Program } from '../programs/program.types';
import { ReadLoaders } from '../read-model/request-loaders';
import { CorrectOutcome, RecordOutcome, VoidOutcome } from '@tracker/application';
import { CorrectOutcomeInput, OutcomePayload, RecordOutcomeInput, VoidOutcomeInput } from './outcome.inputs';
import { GetOutcomes } from './outcome.queries';
import { Outcome } from './outcome.types';

@Resolver(() => Outcome)
export class OutcomesResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly mutations: Mutations,
    private readonly loaders: ReadLoaders,
  ) {}

  @Mutation(() => OutcomePayload)
  recordOutcome(@Args('input') input: RecordOutcomeInput, @Context() context: GraphQLContext): Promise<OutcomePayload> {
    return this.respond(context, new RecordOutcome(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => OutcomePayload)
  correctOutcome(@Args('input') input: CorrectOutcomeInput, @Context() context: GraphQLContext): Promise<OutcomePayload> {
    return this.respond(context, new CorrectOutcome(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => OutcomePayload)
  voidOutcome(@Args('input') input: VoidOutcomeInput, @Context() context: GraphQLContext): Promise<OutcomePayload> {
    return this.respond(context, new VoidOutcome(input, this.mutations.contextOf(context, input.commandId)));
  }

  @ResolveField(() => Activity, { nullable: true })
  activity(outcome: Outcome, _args: unknown, context: GraphQLContext): Promise<Activity | null> | null {
    return outcome.activityId ? this.loaders.for(context).activity.load(outcome.activityId) : null;
  }

  @ResolveField(() => Program)
  async program(outcome: Outcome, _args: unknown, context: GraphQLContext): Promise<Program> {
    const program = await this.loaders.for(context).program.load(outcome.programId);
    // An outcome is only recorded on an existing program, and programs are never deleted.
    if (!program) throw new Error(`program ${outcome.programId} of outcome ${outcome.id} is missing from the read model`);
    return program;
  }

  private async respond(context: GraphQLContext, command: RecordOutcome | CorrectOutcome | VoidOutcome): Promise<OutcomePayload> {
    const { record, result } = await this.mutations.execute(context, command, async (id) => {
      const [outcome] = await this.queries.execute(new GetOutcomes([id]));
      return outcome;
    });
    return { outcome: record, result };
  }
}
