import { AuthenticationError } from './auth.errors';

/**
 * The role names a token carries at `path` (AUTH_ROLES_CLAIM): `roles`, or a dotted path into
 * nested claims such as Keycloak's `realm_access.roles`. An absent claim (or an absent object on
 * the way to it) means no roles: the person signed in, and the web app says "no role yet"
 * rather than "sign in again". A claim that is there but not a list of names is a token this api
 * cannot read, so an authentication error.
 */
export function readRolesClaim(payload: Readonly<Record<string, unknown>>, path: string): string[] {
  let value: unknown = payload;
  for (const name of path.split('.')) {
    if (value === undefined) break;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new AuthenticationError(`token claim ${path} must be an array of role names`);
    }
    value = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
  }
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((role) => typeof role === 'string')) {
    throw new AuthenticationError(`token claim ${path} must be an array of role names`);
  }
  return value;
}
