import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from '@tracker/config';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDevTokens, DEV_TOKEN_TTL_SECONDS, devTokenOptions, devTokens, loadOrCreateDevSecret } from './dev-tokens';
import { TokenVerifier } from './token-verifier';

describe('development tokens', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'api-dev-tokens-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps a generated secret in DATA_DIR/jwt-secret, readable by its owner only, and reuses it', async () => {
    const secret = await loadOrCreateDevSecret(dataDir);
    const file = join(dataDir, 'jwt-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, 'utf8')).trim()).toBe(secret);
    expect(Buffer.from(secret, 'base64url').byteLength).toBe(32);
    await expect(loadOrCreateDevSecret(dataDir)).resolves.toBe(secret);
  });

  it('makes one token per role that the api accepts', async () => {
    const secret = await loadOrCreateDevSecret(dataDir);
    const tokens = await devTokens(secret);
    const verifier = new TokenVerifier({ jwtSecret: secret });
    for (const role of ['diplomat', 'planner', 'auditor', 'admin'] as const) {
      await expect(verifier.verify(tokens[role])).resolves.toEqual({ subject: `dev-${role}`, roles: [role] });
    }
  });

  it('are accepted under the default lifetime limit, and under a shorter one they are made to fit', async () => {
    const secret = await loadOrCreateDevSecret(dataDir);
    expect(DEV_TOKEN_TTL_SECONDS).toBeLessThanOrEqual(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS);
    const options = devTokenOptions({ maxTokenLifetimeSeconds: 1800 });
    expect(options.ttlSeconds).toBe(1800);
    const tokens = await devTokens(secret, options);
    const strict = new TokenVerifier({ jwtSecret: secret, maxLifetimeSeconds: 1800 });
    await expect(strict.verify(tokens.admin)).resolves.toEqual({ subject: 'dev-admin', roles: ['admin'] });
    expect(describeDevTokens(tokens, 'jwt-secret', options.ttlSeconds)).toMatch(/valid 30 min/);
  });

  it('carry the HS256 issuer and audience when those are configured', async () => {
    const secret = await loadOrCreateDevSecret(dataDir);
    const tokens = await devTokens(secret, devTokenOptions({ jwtIssuer: 'tracker', jwtAudience: 'tracker-api' }));
    const strict = new TokenVerifier({ jwtSecret: secret, secretClaims: { issuer: 'tracker', audience: 'tracker-api' } });
    await expect(strict.verify(tokens.planner)).resolves.toEqual({ subject: 'dev-planner', roles: ['planner'] });
  });
});
