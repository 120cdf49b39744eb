import { AuthenticationError } from './auth.errors';
import { readRolesClaim } from './roles-claim';

function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(AuthenticationError);
    return (error as Error).message;
  }
  throw new Error('the claim was accepted');
}

describe('reading the roles claim', () => {
  it('reads a top-level claim', () => {
    expect(readRolesClaim({ roles: ['planner', 'auditor'] }, 'roles')).toEqual(['planner', 'auditor']);
  });

  it("follows a dotted path into nested claims (Keycloak's realm_access.roles)", () => {
    expect(readRolesClaim({ realm_access: { roles: ['diplomat'] }, roles: ['admin'] }, 'realm_access.roles')).toEqual(['diplomat']);
  });

  it('takes a claim name with a dot as a path, not as one name', () => {
    expect(readRolesClaim({ 'realm_access.roles': ['admin'] }, 'realm_access.roles')).toEqual([]);
  });

  it('gives no roles when the claim is absent', () => {
    expect(readRolesClaim({ sub: 'someone' }, 'roles')).toEqual([]);
  });

  it('gives no roles when an object on the path is absent', () => {
    expect(readRolesClaim({ sub: 'someone' }, 'realm_access.roles')).toEqual([]);
  });

  it('gives no roles when the claim is an empty list', () => {
    expect(readRolesClaim({ roles: [] }, 'roles')).toEqual([]);
  });

  it('does not read inherited properties as claims', () => {
    expect(readRolesClaim({}, 'constructor.name')).toEqual([]);
  });

  it.each([
    ['a string', { roles: 'admin' }, 'roles'],
    ['a list holding a number', { roles: ['admin', 1] }, 'roles'],
    ['null', { roles: null }, 'roles'],
    ['an object', { roles: { admin: true } }, 'roles'],
    ['a path through a string', { realm_access: 'admin' }, 'realm_access.roles'],
    ['a path through a list', { realm_access: [['admin']] }, 'realm_access.roles'],
  ])('refuses a claim that is present but %s', (_what, payload, path) => {
    expect(refusal(() => readRolesClaim(payload, path))).toBe(`token claim ${path} must be an array of role names`);
  });
});
