import { Module } from '@nestjs/common';
import { ORGANIZATION_COMMAND_HANDLERS } from './organization.commands';
import { ORGANIZATION_QUERY_HANDLERS } from './organization.queries';
import { OrganizationsResolver } from './organizations.resolver';

@Module({ providers: [OrganizationsResolver, ...ORGANIZATION_COMMAND_HANDLERS, ...ORGANIZATION_QUERY_HANDLERS] })
export class OrganizationsModule {}
