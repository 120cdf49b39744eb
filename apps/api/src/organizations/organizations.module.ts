import { Module } from '@nestjs/common';
import { OrganizationHandlers } from '@tracker/application';
import { ORGANIZATION_QUERY_HANDLERS } from './organization.queries';
import { OrganizationsResolver } from './organizations.resolver';

@Module({ providers: [OrganizationsResolver, ...OrganizationHandlers, ...ORGANIZATION_QUERY_HANDLERS] })
export class OrganizationsModule {}
