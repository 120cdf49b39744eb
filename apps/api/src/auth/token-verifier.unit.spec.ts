import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { signTestToken, TEST_JWT_SECRET } from '../testing/test-tokens';
import { AuthenticationError } from './auth.errors';
import { TokenVerifier } from './token-verifier';

const verifier = new TokenVerifier({ jwtSecret: TEST_JWT_SECRET });

async function rejection(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return (error as Error).message;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('TokenVerifier with an HS256 secret', () => {
  it('returns the subject and the known roles of a valid token', async () => {
    const token = await signTestToken({ sub: 'somchai', roles: ['diplomat', 'planner', 'astronaut'] });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'somchai', roles: ['diplomat', 'planner'] });
  });

  it('reads the token from an Authorization header, and nothing from no header', async () => {
    const token = await signTestToken({ roles: ['auditor'] });
    await expect(verifier.fromAuthorizationHeader(`Bearer ${token}`)).resolves.toMatchObject({ roles: ['auditor'] });
    await expect(verifier.fromAuthorizationHeader(undefined)).resolves.toBeNull();
    expect(await rejection(verifier.fromAuthorizationHeader(`Basic dXNlcjpwYXNz`))).toBe('Authorization header must be "Bearer <token>"');
  });

  it('refuses an expired token', async () => {
    const token = await signTestToken({}, { expiresInSeconds: -60 });
    expect(await rejection(verifier.verify(token))).toBe('token has expired');
  });

  it('refuses a token whose nbf is in the future', async () => {
    const token = await signTestToken({ nbf: Math.floor(Date.now() / 1000) + 600 });
    expect(await rejection(verifier.verify(token))).toBe('token is not valid yet (nbf)');
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signTestToken({}, { secret: 'another-secret-another-secret-another-secret' });
    expect(await rejection(verifier.verify(token))).toBe('token signature is invalid');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'x', roles: ['admin'], exp: now + 60 })}.`;
    expect(await rejection(verifier.verify(token))).toBe('token algorithm none is not accepted');
  });

  it('refuses an HS512 token even with the right secret (the algorithm is pinned)', async () => {
    const token = await signTestToken({}, { alg: 'HS512' });
    expect(await rejection(verifier.verify(token))).toBe('token algorithm HS512 is not accepted');
  });

  it.each([['not-a-token'], ['a.b.c'], [''], ['eyJhbGciOiJIUzI1NiJ9.%%%.sig']])('refuses the malformed token %j', async (token) => {
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('takes a token without a roles claim as a signed-in caller with no role', async () => {
    const token = await signTestToken({ sub: 'newcomer', roles: undefined });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'newcomer', roles: [] });
  });

  it('takes a token with an empty roles claim as a signed-in caller with no role', async () => {
    const token = await signTestToken({ sub: 'newcomer', roles: [] });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'newcomer', roles: [] });
  });

  it('refuses a token whose roles claim is not a list of names', async () => {
    const token = await signTestToken({ roles: 'admin' });
    expect(await rejection(verifier.verify(token))).toBe('token claim roles must be an array of role names');
  });

  it('reads the roles from the claim AUTH_ROLES_CLAIM names, and only there', async () => {
    const keycloak = new TokenVerifier({ jwtSecret: TEST_JWT_SECRET, rolesClaim: 'realm_access.roles' });
    const token = await signTestToken({ sub: 'somchai', roles: ['admin'], realm_access: { roles: ['planner', 'offline_access'] } });
    await expect(keycloak.verify(token)).resolves.toEqual({ subject: 'somchai', roles: ['planner'] });
  });

  it("keeps the token's name claim as the caller's display name", async () => {
    const token = await signTestToken({ sub: 'somchai', name: 'Somchai Jaidee', roles: ['diplomat'] });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'somchai', name: 'Somchai Jaidee', roles: ['diplomat'] });
  });

  it('refuses a token without a subject or without an expiry', async () => {
    const now = Math.floor(Date.now() / 1000);
    const key = new TextEncoder().encode(TEST_JWT_SECRET);
    const noSubject = await new SignJWT({ roles: ['admin'], exp: now + 60 }).setProtectedHeader({ alg: 'HS256' }).sign(key);
    const noExpiry = await new SignJWT({ roles: ['admin'], sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).sign(key);
    expect(await rejection(verifier.verify(noSubject))).toMatch(/sub/);
    expect(await rejection(verifier.verify(noExpiry))).toMatch(/exp/);
  });

  it('checks issuer and audience when configured', async () => {
    const strict = new TokenVerifier({ jwtSecret: TEST_JWT_SECRET, secretClaims: { issuer: 'https://id.example', audience: 'tracker' } });
    const right = await signTestToken({ iss: 'https://id.example', aud: 'tracker' });
    const wrongAudience = await signTestToken({ iss: 'https://id.example', aud: 'other' });
    const wrongIssuer = await signTestToken({ iss: 'https://elsewhere.example', aud: 'tracker' });
    await expect(strict.verify(right)).resolves.toMatchObject({ subject: 'test-user' });
    expect(await rejection(strict.verify(wrongAudience))).toMatch(/aud/);
    expect(await rejection(strict.verify(wrongIssuer))).toMatch(/iss/);
  });

  describe('the longest a token may be valid', () => {
    const now = Math.floor(Date.now() / 1000);
    const limited = new TokenVerifier({ jwtSecret: TEST_JWT_SECRET, maxLifetimeSeconds: 3600 });

    it('accepts a token valid for exactly the maximum', async () => {
      await expect(limited.verify(await signTestToken({ iat: now, exp: now + 3600 }))).resolves.toMatchObject({ subject: 'test-user' });
    });

    it('refuses a token whose lifetime (exp - iat) is longer, even when most of it has passed', async () => {
      const token = await signTestToken({ iat: now - 3000, exp: now + 601 });
      expect(await rejection(limited.verify(token))).toBe('token lifetime (exp - iat) is 3601 s; at most 3600 s is accepted');
    });

    it('refuses a token without iat that is valid for longer than the maximum from now', async () => {
      const token = await signTestToken({ iat: undefined, exp: now + 7200 });
      expect(await rejection(limited.verify(token))).toMatch(/^token is valid for another 7\d\d\d s; at most 3600 s is accepted$/);
    });

    it('refuses a token whose iat is set in the future to make a long validity look short', async () => {
      const token = await signTestToken({ iat: now + 86_400, exp: now + 86_400 + 60 });
      expect(await rejection(limited.verify(token))).toMatch(/^token is valid for another \d+ s; at most 3600 s is accepted$/);
    });

    it('refuses a token without exp', async () => {
      const token = await signTestToken({ exp: undefined });
      expect(await rejection(limited.verify(token))).toMatch(/exp/);
    });

    it('is one day unless configured', async () => {
      await expect(verifier.verify(await signTestToken({ iat: now, exp: now + 86_400 }))).resolves.toMatchObject({ subject: 'test-user' });
      expect(await rejection(verifier.verify(await signTestToken({ iat: now, exp: now + 86_401 })))).toMatch(/at most 86400 s/);
    });
  });

  it('will not start with a secret shorter than 32 bytes', () => {
    expect(() => new TokenVerifier({ jwtSecret: 'short' })).toThrow(/at least 32 bytes/);
    expect(() => new TokenVerifier({})).toThrow(/AUTH_JWT_SECRET or AUTH_JWKS_URL/);
  });
});

describe('TokenVerifier with an identity provider key set', () => {
  let jwks: ReturnType<typeof createLocalJWKSet>;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let publicJwk: JWK;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createLocalJWKSet({ keys: [publicJwk] });
  });

  const sign = (alg = 'RS256') =>
    new SignJWT({ roles: ['planner'] })
      .setProtectedHeader({ alg, kid: 'k1' })
      .setSubject('oidc-user')
      .setExpirationTime('5m')
      .sign(privateKey);

  it('accepts an RS256 token signed by a key of the set', async () => {
    const rs256 = new TokenVerifier({ jwks });
    await expect(rs256.verify(await sign())).resolves.toEqual({ subject: 'oidc-user', roles: ['planner'] });
  });

  it('refuses a key-set token valid for longer than the maximum', async () => {
    const rs256 = new TokenVerifier({ jwks, maxLifetimeSeconds: 60 });
    expect(await rejection(rs256.verify(await sign()))).toMatch(/at most 60 s is accepted/);
  });

  describe('beside an HS256 secret, each kind of key with its own issuer and audience', () => {
    const both = () =>
      new TokenVerifier({
        jwtSecret: TEST_JWT_SECRET,
        secretClaims: { issuer: 'tracker', audience: 'tracker-api' },
        jwks,
        jwksClaims: { issuer: 'https://id.example.org', audience: 'tracker-web' },
      });
    const signOidc = (claims: { iss?: string; aud?: string }) => {
      const jwt = new SignJWT({ roles: ['planner'] }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('oidc-user').setIssuedAt().setExpirationTime('5m');
      if (claims.iss) jwt.setIssuer(claims.iss);
      if (claims.aud) jwt.setAudience(claims.aud);
      return jwt.sign(privateKey);
    };

    it("accepts each kind of token with its own key's issuer and audience", async () => {
      await expect(both().verify(await signOidc({ iss: 'https://id.example.org', aud: 'tracker-web' }))).resolves.toMatchObject({ subject: 'oidc-user' });
      await expect(both().verify(await signTestToken({ iss: 'tracker', aud: 'tracker-api' }))).resolves.toMatchObject({ subject: 'test-user' });
    });

    it("refuses a key-set token carrying the HS256 issuer or audience", async () => {
      expect(await rejection(both().verify(await signOidc({ iss: 'tracker', aud: 'tracker-web' })))).toMatch(/iss/);
      expect(await rejection(both().verify(await signOidc({ iss: 'https://id.example.org', aud: 'tracker-api' })))).toMatch(/aud/);
    });

    it("refuses an HS256 token carrying the identity provider's issuer or audience", async () => {
      expect(await rejection(both().verify(await signTestToken({ iss: 'https://id.example.org', aud: 'tracker-api' })))).toMatch(/iss/);
      expect(await rejection(both().verify(await signTestToken({ iss: 'tracker', aud: 'tracker-web' })))).toMatch(/aud/);
    });

    it('refuses a key-set token without the issuer and audience its key requires', async () => {
      expect(await rejection(both().verify(await signOidc({})))).toMatch(/iss|aud/);
    });
  });

  it('refuses an HS256 token made with the public key as its secret (algorithm confusion)', async () => {
    const rs256 = new TokenVerifier({ jwks });
    const forged = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setSubject('mallory')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    expect(await rejection(rs256.verify(forged))).toBe('token algorithm HS256 is not accepted');
  });
});
