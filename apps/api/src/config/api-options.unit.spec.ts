import { parseConfig } from '@tracker/config';
import { apiOptionsFromConfig, resolveApiOptions } from './api-options';

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
});
