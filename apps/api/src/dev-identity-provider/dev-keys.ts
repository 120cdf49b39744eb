import { generateKeyPairSync, randomBytes, randomUUID, type JsonWebKey } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The provider's secrets: the ES256 key that signs its tokens, and the keys of its cookies. */
export interface DevProviderKeys {
  signingKey: JsonWebKey & { kid: string; alg: 'ES256'; use: 'sig' };
  cookieKeys: string[];
}

export function generateDevProviderKeys(): DevProviderKeys {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    signingKey: { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'ES256', use: 'sig' },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
}

/**
 * The keys kept in `file` (mode 0600, under DATA_DIR like the HS256 development secret), made on
 * the first start. Kept rather than made per start so that a restart leaves the access tokens
 * already issued valid (the api still finds their key) and the cookies readable.
 */
export async function loadOrCreateDevProviderKeys(file: string): Promise<DevProviderKeys> {
  try {
    const kept = JSON.parse(await readFile(file, 'utf8')) as Partial<DevProviderKeys>;
    if (kept.signingKey?.kid && kept.signingKey.d && Array.isArray(kept.cookieKeys) && kept.cookieKeys.length > 0) return kept as DevProviderKeys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  const keys = generateDevProviderKeys();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return keys;
}
