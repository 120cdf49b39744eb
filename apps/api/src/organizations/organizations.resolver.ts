import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Mutations } from '../commands/mutations';
import { PageArgs, pageRequest } from '../graphql/connection';
import type { GraphQLContext } from '../graphql/graphql-context';
import { isCreatedKeyset } from '../read-model/created-keyset';
import { ReadLoaders } from '../read-model/request-loaders';
import { RegisterOrganization, RenameOrganization } from '@tracker/application';
import { OrganizationFilter, OrganizationPayload, RegisterOrganizationInput, RenameOrganizationInput } from './organization.inputs';
import { GetOrganizations, ListOrganizations } from './organization.queries';
import { Organization, OrganizationConnection } from './organization.types';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(
    private readonly queries: QueryBus,
    private readonly mutations: Mutations,
    private readonly loaders: ReadLoaders,
  ) {}

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
    const command = new RegisterOrganization(input, this.mutations.contextOf(context, input.commandId));
    const { record, result } = await this.mutations.execute(context, command, (id) => this.organization(id));
    return { organization: record, result };
  }

  @Mutation(() => OrganizationPayload)
  async renameOrganization(@Args('input') input: RenameOrganizationInput, @Context() context: GraphQLContext): Promise<OrganizationPayload> {
    const command = new RenameOrganization(input, this.mutations.contextOf(context, input.commandId));
    const { record, result } = await this.mutations.execute(context, command, (id) => this.organization(id));
    return { organization: record, result };
  }

  @ResolveField(() => Organization, { nullable: true })
  parent(@Parent() organization: Organization, @Context() context: GraphQLContext): Promise<Organization | null> | null {
    return organization.parentId ? this.loaders.for(context).organization.load(organization.parentId) : null;
  }
}
