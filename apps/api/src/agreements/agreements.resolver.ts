import { Args, Context, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Mutations } from '../commands/mutations';
import type { GraphQLContext } from '../graphql/graphql-context';
import { Organization, organizationsNamed } from '../organizations/organization.types';
import { Program } from '../programs/program.types';
import { AmendAgreement, RecordAgreement, SignAgreement, TerminateAgreement } from '@tracker/application';
import { AgreementPayload, AmendAgreementInput, RecordAgreementInput, SignAgreementInput, TerminateAgreementInput } from './agreement.inputs';
import { ReadLoaders } from '../read-model/request-loaders';
import { GetAgreements } from './agreement.queries';
import { Agreement } from './agreement.types';

@Resolver(() => Agreement)
export class AgreementsResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly mutations: Mutations,
    private readonly loaders: ReadLoaders,
  ) {}

  @Query(() => Agreement, { nullable: true })
  async agreement(@Args('id', { type: () => ID }) id: string): Promise<Agreement | null> {
    const [agreement] = await this.queries.execute(new GetAgreements([id]));
    return agreement;
  }

  @Mutation(() => AgreementPayload)
  recordAgreement(@Args('input') input: RecordAgreementInput, @Context() context: GraphQLContext): Promise<AgreementPayload> {
    return this.respond(context, new RecordAgreement(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => AgreementPayload)
  signAgreement(@Args('input') input: SignAgreementInput, @Context() context: GraphQLContext): Promise<AgreementPayload> {
    return this.respond(context, new SignAgreement(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => AgreementPayload)
  amendAgreement(@Args('input') input: AmendAgreementInput, @Context() context: GraphQLContext): Promise<AgreementPayload> {
    return this.respond(context, new AmendAgreement(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => AgreementPayload)
  terminateAgreement(@Args('input') input: TerminateAgreementInput, @Context() context: GraphQLContext): Promise<AgreementPayload> {
    return this.respond(context, new TerminateAgreement(input, this.mutations.contextOf(context, input.commandId)));
  }

  private async respond(
    context: GraphQLContext,
    command: RecordAgreement | SignAgreement | AmendAgreement | TerminateAgreement,
  ): Promise<AgreementPayload> {
    const { record, result } = await this.mutations.execute(context, command, (id) => this.agreement(id));
    return { agreement: record, result };
  }

  @ResolveField(() => [Organization])
  async parties(agreement: Agreement, _args: unknown, context: GraphQLContext): Promise<Organization[]> {
    return organizationsNamed(agreement.partyIds, agreement.organizationsFrom ?? this.loaders.for(context).organizations);
  }

  @ResolveField(() => Program, { nullable: true })
  program(agreement: Agreement, _args: unknown, context: GraphQLContext): Promise<Program | null> | null {
    return agreement.programId ? this.loaders.for(context).program.load(agreement.programId) : null;
  }
}
