import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { ROLES, type Role } from './roles';

/**
 * Development convenience only: with no AUTH_JWT_SECRET and no AUTH_JWKS_URL outside
 * production, `npm start` keeps a generated secret in <DATA_DIR>/jwt-secret (mode 0600) and
 * prints a ready token per role.
 */
export async function loadOrCreateDevSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'jwt-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 43) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return secret;
}

/** How long the development tokens are valid unless the lifetime limit is shorter: a working day. */
export const DEV_TOKEN_TTL_SECONDS = 12 * 3600;

export interface DevTokenOptions {
  /** Default DEV_TOKEN_TTL_SECONDS; the start scripts cap it at AUTH_JWT_MAX_LIFETIME_SECONDS. */
  ttlSeconds?: number;
  /** AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE when set: the verifier checks them on HS256 tokens. */
  issuer?: string;
  audience?: string;
  now?: Date;
}

/** One signed HS256 token per role, subject `dev-<role>`, valid for `ttlSeconds`. */
export async function devTokens(secret: string, options: DevTokenOptions = {}): Promise<Record<Role, string>> {
  const key = new TextEncoder().encode(secret);
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const entries = await Promise.all(
    ROLES.map(async (role) => {
      const jwt = new SignJWT({ roles: [role] })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(`dev-${role}`)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + (options.ttlSeconds ?? DEV_TOKEN_TTL_SECONDS));
      if (options.issuer !== undefined) jwt.setIssuer(options.issuer);
      if (options.audience !== undefined) jwt.setAudience(options.audience);
      return [role, await jwt.sign(key)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Role, string>;
}

/**
 * The development tokens as the api's options allow them: no longer-lived than the lifetime
 * limit, and carrying the HS256 issuer and audience when those are configured, so the tokens
 * `npm start` prints are always accepted.
 */
export function devTokenOptions(options: { maxTokenLifetimeSeconds?: number; jwtIssuer?: string; jwtAudience?: string }): DevTokenOptions {
  return {
    ttlSeconds: Math.min(DEV_TOKEN_TTL_SECONDS, options.maxTokenLifetimeSeconds ?? DEV_TOKEN_TTL_SECONDS),
    issuer: options.jwtIssuer,
    audience: options.jwtAudience,
  };
}

/** The lines `npm start` prints: how to use the tokens, then one per role. */
export function describeDevTokens(tokens: Record<Role, string>, secretFile: string, ttlSeconds = DEV_TOKEN_TTL_SECONDS): string {
  const validity = ttlSeconds % 3600 === 0 ? `${ttlSeconds / 3600} h` : `${Math.round(ttlSeconds / 60)} min`;
  return [
    `Development tokens (HS256, secret in ${secretFile}; valid ${validity}, printed again at each start):`,
    ...ROLES.map((role) => `  ${role.padEnd(8)} Authorization: Bearer ${tokens[role]}`),
  ].join('\n');
}
