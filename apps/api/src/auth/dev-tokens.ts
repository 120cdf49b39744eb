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

/** One signed HS256 token per role, subject `dev-<role>`, valid for `ttlSeconds` (default 12 h). */
export async function devTokens(
  secret: string,
  options: { ttlSeconds?: number; now?: Date } = {},
): Promise<Record<Role, string>> {
  const key = new TextEncoder().encode(secret);
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const entries = await Promise.all(
    ROLES.map(async (role) => {
      const token = await new SignJWT({ roles: [role] })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(`dev-${role}`)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + (options.ttlSeconds ?? 12 * 3600))
        .sign(key);
      return [role, token] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Role, string>;
}

/** The lines `npm start` prints: how to use the tokens, then one per role. */
export function describeDevTokens(tokens: Record<Role, string>, secretFile: string): string {
  return [
    `Development tokens (HS256, secret in ${secretFile}; valid 12 h, printed again at each start):`,
    ...ROLES.map((role) => `  ${role.padEnd(8)} Authorization: Bearer ${tokens[role]}`),
  ].join('\n');
}
