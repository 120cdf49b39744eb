import { parseConfig } from '@tracker/config';
import { apiOptionsFromConfig, devIdentityProviderWanted, resolveApiOptions } from './api-options';

describe('api options', () => {
  it('takes its part of the configuration, query limits included', () => {
    const config = parseConfig({
      AUTH_JWT_SECRET: 's'.repeat(32),
      AUTH_JWKS_URL: '',
      LOG_LEVEL: 'debug',
      READ_YOUR_WRITES_TIMEOUT_MS: '500',
      NODE_ENV: 'production',
      MAX_QUERY_DEPTH: '7',
      MAX_QUERY_COST: '900',
      MAX_QUERY_TOKENS: '800',
      BODY_LIMIT_BYTES: '4096',
    });
    expect(apiOptionsFromConfig(config, 'postgres://db')).toMatchObject({
      databaseUrl: 'postgres://db',
      jwtSecret: 's'.repeat(32),
      jwksUrl: undefined,
      logLevel: 'debug',
      readYourWritesTimeoutMs: 500,
      production: true,
      maxQueryDepth: 7,
      maxQueryCost: 900,
      maxQueryTokens: 800,
      bodyLimitBytes: 4096,
    });
  });

  it('defaults read-your-writes to 2 s, the body to 1 MiB, depth 10 and 100-row pages worth of cost', () => {
    expect(resolveApiOptions({ databaseUrl: 'postgres://db', production: false })).toMatchObject({
      readYourWritesTimeoutMs: 2000,
      bodyLimitBytes: 1024 * 1024,
      maxQueryDepth: 10,
      maxQueryCost: 10_000,
      migrate: true,
      logLevel: 'info',
    });
  });

  it('has the same defaults whether the options come from the configuration or not', () => {
    const fromConfig = resolveApiOptions(apiOptionsFromConfig(parseConfig({}), 'postgres://db'));
    const direct = resolveApiOptions({ databaseUrl: 'postgres://db' });
    for (const key of ['readYourWritesTimeoutMs', 'bodyLimitBytes', 'maxQueryDepth', 'maxQueryCost', 'maxQueryTokens', 'logLevel', 'production'] as const) {
      expect([key, fromConfig[key]]).toEqual([key, direct[key]]);
    }
  });

  describe('sign-in', () => {
    it('runs the development identity provider on a developer start, and trusts only its access tokens by key set', () => {
      const options = apiOptionsFromConfig(parseConfig({ PORT: '4000', DATA_DIR: '/tmp/tracker-data', AUTH_ROLES_CLAIM: 'realm_access.roles' }), 'postgres://db');
      expect(options).toMatchObject({
        devIdentityProvider: { origin: 'http://localhost:4000', rolesClaim: 'realm_access.roles', accessTokenTtlSeconds: 900, keysFile: '/tmp/tracker-data/dev-identity-provider.json' },
        jwksUrl: 'http://localhost:4000/oidc/jwks',
        jwksIssuer: 'http://localhost:4000/oidc',
        jwksAudience: 'urn:tracker:api',
        rolesClaim: 'realm_access.roles',
        webConfig: { oidc: { authority: 'http://localhost:4000/oidc', clientId: 'tracker-web', scope: 'openid profile', resource: 'urn:tracker:api' } },
      });
    });

    it('keeps its access tokens within AUTH_JWT_MAX_LIFETIME_SECONDS', () => {
      expect(apiOptionsFromConfig(parseConfig({ AUTH_JWT_MAX_LIFETIME_SECONDS: '300' }), 'postgres://db').devIdentityProvider?.accessTokenTtlSeconds).toBe(300);
    });

    it.each([
      ['under NODE_ENV=production', { NODE_ENV: 'production' }],
      ['when an issuer is configured', { AUTH_JWKS_URL: 'https://id.example.org/jwks' }],
      ['when DEV_IDENTITY_PROVIDER=false', { DEV_IDENTITY_PROVIDER: 'false' }],
    ])('does not run it %s', (_when, env) => {
      expect(devIdentityProviderWanted(parseConfig(env))).toBe(false);
      expect(apiOptionsFromConfig(parseConfig(env), 'postgres://db').devIdentityProvider).toBeUndefined();
    });

    it('runs it under NODE_ENV=production when DEV_IDENTITY_PROVIDER=true', () => {
      expect(devIdentityProviderWanted(parseConfig({ NODE_ENV: 'production', DEV_IDENTITY_PROVIDER: 'true' }))).toBe(true);
    });

    it("gives the web app a real issuer's settings: the authority from WEB_OIDC_AUTHORITY or the key set's issuer", () => {
      const keycloak = { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://id.example.org/realms/mfa/protocol/openid-connect/certs', AUTH_JWKS_ISSUER: 'https://id.example.org/realms/mfa' };
      expect(apiOptionsFromConfig(parseConfig(keycloak), 'postgres://db').webConfig).toEqual({
        oidc: { authority: 'https://id.example.org/realms/mfa', clientId: 'tracker-web', scope: 'openid profile', resource: null },
      });
      const named = { ...keycloak, WEB_OIDC_AUTHORITY: 'https://login.example.org', WEB_OIDC_CLIENT_ID: 'tracker', WEB_OIDC_RESOURCE: 'api://tracker' };
      expect(apiOptionsFromConfig(parseConfig(named), 'postgres://db').webConfig).toEqual({
        oidc: { authority: 'https://login.example.org', clientId: 'tracker', scope: 'openid profile', resource: 'api://tracker' },
      });
    });

    it('offers the web app no configuration when there is no issuer to sign in at', () => {
      expect(apiOptionsFromConfig(parseConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 's'.repeat(32) }), 'postgres://db').webConfig).toBeUndefined();
    });
  });
});
