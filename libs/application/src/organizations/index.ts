import { RegisterOrganizationHandler } from './register-organization';
import { RenameOrganizationHandler } from './rename-organization';

export * from './register-organization';
export * from './rename-organization';
export const OrganizationHandlers = [RegisterOrganizationHandler, RenameOrganizationHandler];
