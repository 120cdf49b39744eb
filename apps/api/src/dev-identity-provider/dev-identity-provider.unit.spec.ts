import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimAt, describeDevIdentityProvider } from './dev-identity-provider';
import { loadOrCreateDevProviderKeys } from './dev-keys';

describe('the roles claim in the access tokens', () => {
  it('is a top-level claim for `roles`', () => {
    expect(claimAt('roles', ['planner'])).toEqual({ roles: ['planner'] });
  });

  it("is nested for a dotted path, as Keycloak's realm_access.roles", () => {
    expect(claimAt('realm_access.roles', ['planner'])).toEqual({ realm_access: { roles: ['planner'] } });
  });
});

describe('the provider keys', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dev-idp-keys-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('are made once and kept, readable by their owner only, so a restart keeps issued tokens valid', async () => {
    const file = join(dir, 'data', 'dev-identity-provider.json');
    const first = await loadOrCreateDevProviderKeys(file);
    expect(first.signingKey).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(await loadOrCreateDevProviderKeys(file)).toEqual(first);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(first);
  });

  it('are made again when the kept file is not readable as keys', async () => {
    const file = join(dir, 'dev-identity-provider.json');
    await writeFile(file, 'not json');
    expect((await loadOrCreateDevProviderKeys(file)).signingKey.kid).toEqual(expect.any(String));
  });
});

describe('the start banner', () => {
  it('says where to sign in and lists every demo user with its password and role', () => {
    expect(describeDevIdentityProvider('http://localhost:3000').split('\n')).toEqual([
      'Sign in at http://localhost:3000/ (development identity provider at http://localhost:3000/oidc; not for production):',
      '  diplomat  password diplomat-demo  diplomat',
      '  planner   password planner-demo   planner',
      '  auditor   password auditor-demo   auditor',
      '  admin     password admin-demo     admin',
      '  visitor   password visitor-demo   (no role)',
    ]);
  });
});
