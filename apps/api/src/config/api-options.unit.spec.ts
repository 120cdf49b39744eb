import { apiOptionsFromEnv, resolveApiOptions } from './api-options';

describe('api options', () => {
  it('reads the environment', () => {
    const options = apiOptionsFromEnv(
      { AUTH_JWT_SECRET: 's', AUTH_JWKS_URL: '', LOG_LEVEL: 'debug', READ_YOUR_WRITES_TIMEOUT_MS: '500', NODE_ENV: 'production' },
      'postgres://db',
    );
    expect(options).toMatchObject({ databaseUrl: 'postgres://db', jwtSecret: 's', jwksUrl: undefined, logLevel: 'debug', readYourWritesTimeoutMs: 500, production: true });
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

  it('refuses a timeout that is not a whole number of milliseconds', () => {
    expect(() => apiOptionsFromEnv({ READ_YOUR_WRITES_TIMEOUT_MS: '2s' }, 'postgres://db')).toThrow(/READ_YOUR_WRITES_TIMEOUT_MS/);
  });
});
