import { MergeOrganizationsHandler } from './merge-organizations';
import { RegisterOrganizationHandler } from './register-organization';
import { RenameOrganizationHandler } from './rename-organization';
import { UpdateOrganizationHandler } from './update-organization';

export * from './merge-organizations';
export * from './register-organization';
export * from './rename-organization';
export * from './update-organization';
export const OrganizationHandlers = [RegisterOrganizationHandler, RenameOrganizationHandler, UpdateOrganizationHandler, MergeOrganizationsHandler];
