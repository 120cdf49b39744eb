import { SignJWT, type JWTPayload } from 'jose';

/** The HS256 secret every e2e test app is created with. */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/** A token as the api expects it (roles, sub, exp), with any claim overridable. */
export async function signTestToken(
  claims: JWTPayload & { roles?: unknown } = {},
  options: { secret?: string; expiresInSeconds?: number; alg?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub: 'test-user', roles: ['admin'], iat: now, exp: now + (options.expiresInSeconds ?? 300), ...claims })
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .sign(new TextEncoder().encode(options.secret ?? TEST_JWT_SECRET));
}

export async function bearer(roles: string[], subject = `test-${roles.join('-') || 'nobody'}`): Promise<string> {
  return `Bearer ${await signTestToken({ sub: subject, roles })}`;
}
