import { Args, Context, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { MergeOrganizations, RegisterOrganization, RenameOrganization, UpdateOrganization } from '@tracker/application';
import { Mutations } from '../commands/mutations';
import { PageArgs, pageRequest } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/graphql-context';
import { isCreatedKeyset } from '../read-model/created-keyset';
import { ReadLoaders } from '../read-model/request-loaders';
import {
  MergeOrganizationsInput,
  OrganizationFilter,
  OrganizationPayload,
  RegisterOrganizationInput,
  RenameOrganizationInput,
  UpdateOrganizationInput,
} from './organization.inputs';
import { GetOrganizations, ListOrganizations } from './organization.queries';
import { MergedOrganization, Organization, OrganizationConnection } from './organization.types';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly mutations: Mutations,
    private readonly loaders: ReadLoaders,
  ) {}

  /** A merged duplicate's id gives its survivor (GetOrganizations follows the merge). */
  @Query(() => Organization, { nullable: true })
  async organization(@Args('id', { type: () => ID }) id: string): Promise<Organization | null> {
    const [organization] = await this.queries.execute(new GetOrganizations([id]));
    return organization;
  }

  @Query(() => OrganizationConnection)
  organizations(
    @Args() page: PageArgs,
    @Args('filter', { type: () => OrganizationFilter, nullable: true }) filter?: OrganizationFilter | null,
  ): Promise<OrganizationConnection> {
    return this.queries.execute(new ListOrganizations(filter ?? {}, pageRequest(page, isCreatedKeyset)));
  }

  @Mutation(() => OrganizationPayload)
  async registerOrganization(
    @Args('input') input: RegisterOrganizationInput,
    @Context() context: GraphQLContext,
  ): Promise<OrganizationPayload> {
    return this.respond(context, new RegisterOrganization(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => OrganizationPayload)
  async renameOrganization(@Args('input') input: RenameOrganizationInput, @Context() context: GraphQLContext): Promise<OrganizationPayload> {
    return this.respond(context, new RenameOrganization(input, this.mutations.contextOf(context, input.commandId)));
  }

  @Mutation(() => OrganizationPayload)
  async updateOrganization(@Args('input') input: UpdateOrganizationInput, @Context() context: GraphQLContext): Promise<OrganizationPayload> {
    return this.respond(context, new UpdateOrganization(input, this.mutations.contextOf(context, input.commandId)));
  }

  /** The payload's organisation is the survivor: the duplicate's id now reads as it. */
  @Mutation(() => OrganizationPayload)
  async mergeOrganizations(@Args('input') input: MergeOrganizationsInput, @Context() context: GraphQLContext): Promise<OrganizationPayload> {
    return this.respond(context, new MergeOrganizations(input, this.mutations.contextOf(context, input.commandId)));
  }

  @ResolveField(() => Organization, { nullable: true })
  parent(organization: Organization, _args: unknown, context: GraphQLContext): Promise<Organization | null> | null {
    return organization.parentId ? this.loaders.for(context).organization.load(organization.parentId) : null;
  }

  @ResolveField(() => [MergedOrganization])
  merged(organization: Organization, _args: unknown, context: GraphQLContext): Promise<MergedOrganization[]> {
    return this.mergedInto(organization, context);
  }

  @ResolveField(() => [ID])
  async mergedIds(organization: Organization, _args: unknown, context: GraphQLContext): Promise<string[]> {
    return (await this.mergedInto(organization, context)).map((duplicate) => duplicate.id);
  }

  private async mergedInto(organization: Organization, context: GraphQLContext): Promise<MergedOrganization[]> {
    return organization.mergedKnown ?? this.loaders.for(context).mergedInto.load(organization.id);
  }

  private async respond(
    context: GraphQLContext,
    command: RegisterOrganization | RenameOrganization | UpdateOrganization | MergeOrganizations,
  ): Promise<OrganizationPayload> {
    const { record, result } = await this.mutations.execute(context, command, (id) => this.organization(id));
    return { organization: record, result };
  }
}
