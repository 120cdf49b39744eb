import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Mutations } from '../commands/mutations';
import { PageArgs, pageRequest } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/graphql-context';
import { isCreatedKeyset } from '../read-model/created-keyset';
import { AddProgramPartner, ChangeProgramStatus, CorrectProgram, LaunchProgram, RemoveProgramPartner } from '@tracker/application';
import {
  AddProgramPartnerInput,
  ChangeProgramStatusInput,
  CorrectProgramInput,
  LaunchProgramInput,
  ProgramFilter,
  ProgramPayload,
  RemoveProgramPartnerInput,
} from './program.inputs';
import { GetPrograms, ListPrograms } from './program.queries';
import { Program, ProgramConnection } from './program.types';

@Resolver(() => Program)
export class ProgramsResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly mutations: Mutations,
  ) {}

  @Query(() => Program, { nullable: true })
  async program(@Args('id', { type: () => ID }) id: string): Promise<Program | null> {
    const [program] = await this.queries.execute(new GetPrograms([id]));
    return program;
  }

  @Query(() => ProgramConnection)
  programs(
    @Args() page: PageArgs,
    @Args('filter', { type: () => ProgramFilter, nullable: true }) filter?: ProgramFilter | null,
  ): Promise<ProgramConnection> {
    return this.queries.execute(new ListPrograms(filter ?? {}, pageRequest(page, isCreatedKeyset)));
  }

  @Mutation(() => ProgramPayload)
  launchProgram(@Args('input') input: LaunchProgramInput, @Context() context: GraphQLContext): Promise<ProgramPayload> {
    return this.respond(context, new LaunchProgram(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => ProgramPayload)
  addProgramPartner(@Args('input') input: AddProgramPartnerInput, @Context() context: GraphQLContext): Promise<ProgramPayload> {
    return this.respond(context, new AddProgramPartner(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => ProgramPayload)
  changeProgramStatus(@Args('input') input: ChangeProgramStatusInput, @Context() context: GraphQLContext): Promise<ProgramPayload> {
    return this.respond(context, new ChangeProgramStatus(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => ProgramPayload)
  correctProgram(@Args('input') input: CorrectProgramInput, @Context() context: GraphQLContext): Promise<ProgramPayload> {
    return this.respond(context, new CorrectProgram(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => ProgramPayload)
  removeProgramPartner(@Args('input') input: RemoveProgramPartnerInput, @Context() context: GraphQLContext): Promise<ProgramPayload> {
    return this.respond(context, new RemoveProgramPartner(input, this.mutations.contextOf(context, input.commandId)));
  }

  private async respond(
    context: GraphQLContext,
    command: LaunchProgram | AddProgramPartner | ChangeProgramStatus | CorrectProgram | RemoveProgramPartner,
  ): Promise<ProgramPayload> {
    const { record, result } = await this.mutations.execute(context, command, (id) => this.program(id));
    return { program: record, result };
  }
}
