import { ConfigError, parseConfig, withoutPassword } from './config.schema';
import { parseBenchEnvironment } from './bench-environment.schema';
import { parseTestEnvironment } from './test-environment.schema';

function refusal(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('the environment was accepted');
}

const SECRET = 'a-secret-of-more-than-thirty-two-bytes-0123456789';

describe('the configuration schema', () => {
  describe('with nothing set', () => {
    it("takes today's defaults", () => {
      expect(parseConfig({})).toEqual({
        production: false,
        port: 3000,
        database: { url: undefined, dataDir: '.data' },
        eventStoreUrl: undefined,
        auth: {
          jwtSecret: undefined,
          jwksUrl: undefined,
          issuer: undefined,
          audience: undefined,
          jwksIssuer: undefined,
          jwksAudience: undefined,
          maxTokenLifetimeSeconds: 86_400,
          rolesClaim: 'roles',
        },
        devIdentityProvider: undefined,
        web: { bundleDir: undefined, oidcAuthority: undefined, oidcClientId: 'tracker-web', oidcScope: 'openid profile', oidcResource: undefined },
        log: { level: 'info', format: undefined },
        api: { readYourWritesTimeoutMs: 2000, bodyLimitBytes: 1024 * 1024, maxQueryDepth: 10, maxQueryCost: 10_000, maxQueryTokens: 10_000, maxConcurrentRequests: 16, overloadRetryAfterSeconds: 1 },
        projector: { batchSize: 500 },
        digests: { dir: undefined, intervalMinutes: 60 },
        demoData: undefined,
      });
    });

    it('treats a blank value as unset', () => {
      expect(parseConfig({ PORT: '', DATABASE_URL: '  ', LOG_LEVEL: '' })).toMatchObject({ port: 3000, database: { url: undefined }, log: { level: 'info' } });
    });
  });

  it('reads every variable', () => {
    const config = parseConfig({
      NODE_ENV: 'production',
      PORT: ' 8080 ',
      DATABASE_URL: 'postgres://tracker:pw@db:5432/tracker',
      DATA_DIR: '/var/lib/tracker',
      EVENTSTORE_URL: 'esdb://events:2113?tls=false',
      AUTH_JWT_SECRET: SECRET,
      AUTH_JWKS_URL: 'https://id.example.org/jwks',
      AUTH_JWT_ISSUER: 'tracker-hs256',
      AUTH_JWT_AUDIENCE: 'tracker',
      AUTH_JWKS_ISSUER: 'https://id.example.org',
      AUTH_JWKS_AUDIENCE: 'tracker-web',
      AUTH_JWT_MAX_LIFETIME_SECONDS: '3600',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      DEV_IDENTITY_PROVIDER: 'false',
      WEB_OIDC_AUTHORITY: 'https://id.example.org/realms/mfa',
      WEB_OIDC_CLIENT_ID: 'tracker-spa',
      WEB_OIDC_SCOPE: 'openid profile email',
      WEB_OIDC_RESOURCE: 'https://tracker.example.org/graphql',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      READ_YOUR_WRITES_TIMEOUT_MS: '0',
      PROJECTOR_BATCH_SIZE: '10000',
      DEMO_DATA: 'off',
      WEB_BUNDLE_DIR: '/srv/tracker/web',
      BODY_LIMIT_BYTES: '65536',
      MAX_QUERY_DEPTH: '12',
      MAX_QUERY_COST: '50000',
      MAX_QUERY_TOKENS: '2000',
      MAX_CONCURRENT_REQUESTS: '8',
      OVERLOAD_RETRY_AFTER_SECONDS: '5',
      DIGEST_DIR: '/srv/audit/digests',
      DIGEST_INTERVAL_MINUTES: '15',
    });
    expect(config).toEqual({
      production: true,
      port: 8080,
      database: { url: 'postgres://tracker:pw@db:5432/tracker', dataDir: '/var/lib/tracker' },
      eventStoreUrl: 'esdb://events:2113?tls=false',
      auth: {
        jwtSecret: SECRET,
        jwksUrl: 'https://id.example.org/jwks',
        issuer: 'tracker-hs256',
        audience: 'tracker',
        jwksIssuer: 'https://id.example.org',
        jwksAudience: 'tracker-web',
        maxTokenLifetimeSeconds: 3600,
        rolesClaim: 'realm_access.roles',
      },
      devIdentityProvider: false,
      web: { bundleDir: '/srv/tracker/web', oidcAuthority: 'https://id.example.org/realms/mfa', oidcClientId: 'tracker-spa', oidcScope: 'openid profile email', oidcResource: 'https://tracker.example.org/graphql' },
      log: { level: 'debug', format: 'json' },
      api: { readYourWritesTimeoutMs: 0, bodyLimitBytes: 65536, maxQueryDepth: 12, maxQueryCost: 50_000, maxQueryTokens: 2000, maxConcurrentRequests: 8, overloadRetryAfterSeconds: 5 },
      projector: { batchSize: 10_000 },
      digests: { dir: '/srv/audit/digests', intervalMinutes: 15 },
      demoData: false,
    });
  });

  it('checks key-set tokens against AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE until AUTH_JWKS_* name their own (the old variables applied to every token)', () => {
    const config = parseConfig({ AUTH_JWKS_URL: 'https://id.example.org/jwks', AUTH_JWT_ISSUER: 'https://id.example.org', AUTH_JWT_AUDIENCE: 'tracker' });
    expect(config.auth).toMatchObject({ jwksIssuer: 'https://id.example.org', jwksAudience: 'tracker' });
  });

  it.each([
    [{ AUTH_JWT_MAX_LIFETIME_SECONDS: '59' }, 'AUTH_JWT_MAX_LIFETIME_SECONDS="59" is not allowed: a whole number from 60 to 2592000'],
    [{ PORT: '0' }, 'PORT="0" is not allowed: a whole number from 1 to 65535'],
    [{ PORT: '3000x' }, 'PORT="3000x" is not allowed: a whole number from 1 to 65535'],
    [{ PROJECTOR_BATCH_SIZE: 'abc' }, 'PROJECTOR_BATCH_SIZE="abc" is not allowed: a whole number from 1 to 10000'],
    [{ PROJECTOR_BATCH_SIZE: '10001' }, 'PROJECTOR_BATCH_SIZE="10001" is not allowed: a whole number from 1 to 10000'],
    [{ READ_YOUR_WRITES_TIMEOUT_MS: '2s' }, 'READ_YOUR_WRITES_TIMEOUT_MS="2s" is not allowed: a whole number from 0 to 600000'],
    [{ BODY_LIMIT_BYTES: '1.5' }, 'BODY_LIMIT_BYTES="1.5" is not allowed: a whole number from 1024 to 104857600'],
    [{ MAX_QUERY_DEPTH: '-1' }, 'MAX_QUERY_DEPTH="-1" is not allowed: a whole number from 1 to 100'],
    [{ MAX_QUERY_COST: '0' }, 'MAX_QUERY_COST="0" is not allowed: a whole number from 1 to 10000000'],
    [{ MAX_QUERY_TOKENS: '99' }, 'MAX_QUERY_TOKENS="99" is not allowed: a whole number from 100 to 1000000'],
    [{ MAX_CONCURRENT_REQUESTS: '0' }, 'MAX_CONCURRENT_REQUESTS="0" is not allowed: a whole number from 1 to 100000'],
    [{ OVERLOAD_RETRY_AFTER_SECONDS: '0.5' }, 'OVERLOAD_RETRY_AFTER_SECONDS="0.5" is not allowed: a whole number from 1 to 3600'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL="verbose" is not allowed: one of fatal, error, warn, info, debug, trace, silent'],
    [{ LOG_FORMAT: 'text' }, 'LOG_FORMAT="text" is not allowed: one of json, pretty'],
    [{ DIGEST_INTERVAL_MINUTES: '0' }, 'DIGEST_INTERVAL_MINUTES="0" is not allowed: a whole number from 1 to 10080'],
    [{ AUTH_ROLES_CLAIM: 'realm_access..roles' }, 'AUTH_ROLES_CLAIM="realm_access..roles" is not allowed: a claim name, or a dotted path to a nested claim such as realm_access.roles'],
    [{ AUTH_ROLES_CLAIM: 'realm access' }, 'AUTH_ROLES_CLAIM="realm access" is not allowed: a claim name, or a dotted path to a nested claim such as realm_access.roles'],
    [{ DEV_IDENTITY_PROVIDER: 'dev' }, 'DEV_IDENTITY_PROVIDER="dev" is not allowed: true or false (also 1/0, yes/no, on/off)'],
    [{ WEB_OIDC_AUTHORITY: 'id.example.org' }, 'WEB_OIDC_AUTHORITY="id.example.org" is not allowed: an http:// or https:// URL'],
    [
      { DEV_IDENTITY_PROVIDER: 'true', AUTH_JWKS_URL: 'https://id.example.org/jwks' },
      'DEV_IDENTITY_PROVIDER=true and AUTH_JWKS_URL are not allowed together: the development provider is the key set when it runs',
    ],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA="maybe" is not allowed: true or false (also 1/0, yes/no, on/off)'],
    [{ AUTH_JWKS_URL: 'id.example.org/jwks' }, 'AUTH_JWKS_URL=(value hidden: not a URL) is not allowed: an http:// or https:// URL'],
    [{ AUTH_JWKS_URL: 'ftp://id.example.org/jwks' }, 'AUTH_JWKS_URL="ftp://id.example.org/jwks" is not allowed: an http:// or https:// URL'],
    [
      { EVENTSTORE_URL: 'https://events.example.org' },
      'EVENTSTORE_URL="https://events.example.org" is not allowed: an EventStoreDB/KurrentDB connection string: esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://, e.g. esdb://localhost:2113?tls=false',
    ],
  ])('refuses %j, naming the variable, the value and what is allowed', (env, message) => {
    expect(refusal(env)).toBe(message);
  });

  it('names every bad variable, one line each', () => {
    expect(refusal({ PORT: 'x', LOG_LEVEL: 'y', PROJECTOR_BATCH_SIZE: 'z' }).split('\n')).toEqual([
      'PORT="x" is not allowed: a whole number from 1 to 65535',
      'LOG_LEVEL="y" is not allowed: one of fatal, error, warn, info, debug, trace, silent',
      'PROJECTOR_BATCH_SIZE="z" is not allowed: a whole number from 1 to 10000',
    ]);
  });

  describe('secrets', () => {
    it('never echoes AUTH_JWT_SECRET, not even a short one it refuses', () => {
      const message = refusal({ AUTH_JWT_SECRET: 'hunter2-hunter2' });
      expect(message).toBe('AUTH_JWT_SECRET=(value hidden) is not allowed: at least 32 bytes, e.g. $(openssl rand -hex 32)');
      expect(message).not.toContain('hunter2');
    });

    it('hides the password of a database URL it refuses', () => {
      const message = refusal({ DATABASE_URL: 'mysql://tracker:hunter2@db:3306/tracker' });
      expect(message).toBe(
        'DATABASE_URL="mysql://tracker:***@db:3306/tracker" is not allowed: a PostgreSQL connection URL, postgres://user:password@host:port/database (or postgresql://)',
      );
    });

    it('shows nothing of a URL variable whose value is not a URL (it may be a pasted password)', () => {
      expect(refusal({ DATABASE_URL: 'hunter2' })).not.toContain('hunter2');
    });

    it('hides a password even when the URL does not parse, or sits in the query', () => {
      expect(withoutPassword('esdb://admin:p@ss w@rd@events:2113')).not.toMatch(/p@ss|w@rd/);
      expect(withoutPassword('postgres://db/tracker?user=me&password=hunter2')).toBe('postgres://db/tracker?user=me&password=***');
    });

    it('never prints a variable the schema does not read', () => {
      expect(refusal({ PORT: 'x', SOME_TOKEN: 'hunter2' })).not.toContain('hunter2');
    });
  });
});

describe('the test environment', () => {
  it('defaults to the light run, with no external servers', () => {
    expect(parseTestEnvironment({})).toEqual({
      testDatabaseUrl: undefined,
      hardeningHeavy: false,
      fuzzCases: undefined,
      fuzzSeed: undefined,
      eventStoreUrl: undefined,
      updateWebSchema: false,
      screenshots: false,
    });
  });

  it('reads SCREENSHOTS=1: the end-to-end run writes the README screenshots', () => {
    expect(parseTestEnvironment({ SCREENSHOTS: '1' })).toMatchObject({ screenshots: true });
    expect(() => parseTestEnvironment({ SCREENSHOTS: 'sometimes' })).toThrow('SCREENSHOTS="sometimes" is not allowed');
  });

  it('reads HARDENING_HEAVY=1 and a fuzz seed to replay', () => {
    expect(parseTestEnvironment({ HARDENING_HEAVY: '1', FUZZ_SEED: '42', FUZZ_CASES: '100' })).toMatchObject({ hardeningHeavy: true, fuzzSeed: '42', fuzzCases: 100 });
  });

  it('refuses a fuzz seed that is neither a number nor random', () => {
    expect(() => parseTestEnvironment({ FUZZ_SEED: 'abc' })).toThrow('FUZZ_SEED="abc" is not allowed: a whole number, or random');
  });
});

describe('the bench environment', () => {
  it('reads comma-separated rates', () => {
    expect(parseBenchEnvironment({ BENCH_API_RATES: '10, 20,30' })).toMatchObject({ BENCH_API_RATES: [10, 20, 30], BENCH_API_WRITE_RATES: [50, 200], DATA_DIR: '.data/bench' });
  });

  it('refuses a rate list with a word in it', () => {
    expect(() => parseBenchEnvironment({ BENCH_API_RATES: '10,lots' })).toThrow('BENCH_API_RATES="10,lots" is not allowed: comma-separated whole numbers from 1 to 1000000');
  });
});
