import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS } from '@tracker/config';
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { webcrypto } from 'node:crypto';
import { AuthenticationError } from './auth.errors';
import { readRolesClaim } from './roles-claim';
import { isRole, type AuthUser } from './roles';

/** The issuer and audience a kind of key's tokens must carry; each is checked when set. */
export interface ExpectedClaims {
  issuer?: string;
  audience?: string;
}

interface TokenVerifierOptions {
  /** HS256 shared secret, at least 32 bytes. */
  jwtSecret?: string;
  /** iss and aud of HS256 tokens (AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE). */
  secretClaims?: ExpectedClaims;
  /** OIDC key set URL: RS256 / ES256 tokens. */
  jwksUrl?: string;
  /** A key set resolver in place of jwksUrl (tests: createLocalJWKSet). */
  jwks?: JWTVerifyGetKey;
  /** iss and aud of key-set tokens (AUTH_JWKS_ISSUER, AUTH_JWKS_AUDIENCE). */
  jwksClaims?: ExpectedClaims;
  /** Where the roles are: a claim name or a dotted path (AUTH_ROLES_CLAIM). Default `roles`. */
  rolesClaim?: string;
  /** Longest validity accepted, exp - iat and exp - now (AUTH_JWT_MAX_LIFETIME_SECONDS). Default one day. */
  maxLifetimeSeconds?: number;
  /** Leeway for exp / nbf between our clock and the issuer's. Default 5 s. */
  clockToleranceSeconds?: number;
  /** Tests: verify "as of" another time. */
  currentDate?: () => Date;
}

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
const MIN_SECRET_BYTES = 32;

// Pinned per key kind: a token cannot pick its own algorithm (no 'none', no HS256 signed
// with an RSA public key taken for a shared secret).
const SECRET_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'ES256'];

/**
 * Verifies `Authorization: Bearer <JWT>` tokens and returns the caller. Signature, exp and
 * nbf are always checked; exp and sub are required. The roles claim (`roles`, or the path
 * `rolesClaim` names) is an array of strings when present (roles this api does not know are
 * dropped); without it the caller is signed in with no role, which only `me` accepts. Each kind of key checks the issuer and audience
 * configured for it: HS256 tokens and an identity provider's are accepted side by side, and
 * one issuer's token must not pass as the other's. No token is valid for longer than
 * `maxLifetimeSeconds`, however its issuer set exp: a leaked one expires soon.
 */
export class TokenVerifier {
  private readonly secret?: Uint8Array;
  /**
   * The secret imported once as a WebCrypto key: given the bytes, jose imports them again on
   * every verification, which was most of the cost of checking a token (about 5% of the api's
   * CPU on a program page).
   */
  private secretKey?: Promise<webcrypto.CryptoKey>;
  private readonly jwks?: JWTVerifyGetKey;

  constructor(private readonly options: TokenVerifierOptions) {
    if (options.jwtSecret !== undefined) {
      this.secret = new TextEncoder().encode(options.jwtSecret);
      if (this.secret.byteLength < MIN_SECRET_BYTES) {
        throw new Error(`AUTH_JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes for HS256`);
      }
    }
    this.jwks = options.jwks ?? (options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined);
    if (!this.secret && !this.jwks) throw new Error('Set AUTH_JWT_SECRET or AUTH_JWKS_URL: the api needs a way to verify tokens');
  }

  /** The caller from an Authorization header value; null when there is none. */
  async fromAuthorizationHeader(header: string | undefined): Promise<AuthUser | null> {
    if (header === undefined || header.trim() === '') return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new AuthenticationError('Authorization header must be "Bearer <token>"');
    return this.verify(match[1]);
  }

  async verify(token: string): Promise<AuthUser> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new AuthenticationError('token is not a JWT');
    }
    const useSecret = alg !== undefined && SECRET_ALGORITHMS.includes(alg) && this.secret !== undefined;
    const useJwks = alg !== undefined && JWKS_ALGORITHMS.includes(alg) && this.jwks !== undefined;
    if (!useSecret && !useJwks) throw new AuthenticationError(`token algorithm ${alg ?? '(none)'} is not accepted`);

    const expected = (useSecret ? this.options.secretClaims : this.options.jwksClaims) ?? {};
    const now = this.options.currentDate?.() ?? new Date();
    const clockTolerance = this.options.clockToleranceSeconds ?? 5;
    const verifyOptions = {
      algorithms: useSecret ? SECRET_ALGORITHMS : JWKS_ALGORITHMS,
      issuer: expected.issuer,
      audience: expected.audience,
      clockTolerance,
      requiredClaims: ['exp', 'sub'],
      currentDate: now,
    };
    let payload: JWTPayload;
    try {
      payload = useSecret
        ? (await jwtVerify(token, await this.hmacKey(), verifyOptions)).payload
        : (await jwtVerify(token, this.jwks as JWTVerifyGetKey, verifyOptions)).payload;
    } catch (error) {
      throw new AuthenticationError(describeJoseError(error));
    }
    assertLifetime(payload, now, this.options.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, clockTolerance);
    return userFrom(payload, this.options.rolesClaim ?? 'roles');
  }

  private hmacKey(): Promise<webcrypto.CryptoKey> {
    this.secretKey ??= webcrypto.subtle.importKey('raw', this.secret as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    return this.secretKey;
  }
}

/**
 * exp - iat is the lifetime the issuer gave the token; exp - now bounds it too, since a token
 * without iat, or with an iat set in the future, would otherwise say nothing about how long it
 * stays valid. jose has already checked that exp is present and both are numbers.
 */
function assertLifetime(payload: JWTPayload, now: Date, maxSeconds: number, toleranceSeconds: number): void {
  const exp = payload.exp as number;
  if (payload.iat !== undefined && exp - payload.iat > maxSeconds) {
    throw new AuthenticationError(`token lifetime (exp - iat) is ${exp - payload.iat} s; at most ${maxSeconds} s is accepted`);
  }
  const remaining = exp - Math.floor(now.getTime() / 1000);
  if (remaining > maxSeconds + toleranceSeconds) {
    throw new AuthenticationError(`token is valid for another ${remaining} s; at most ${maxSeconds} s is accepted`);
  }
}

function userFrom(payload: JWTPayload, rolesClaim: string): AuthUser {
  const subject = payload.sub;
  if (typeof subject !== 'string' || subject.trim() === '' || subject.length > 256) {
    throw new AuthenticationError('token subject (sub) must be a non-empty string');
  }
  const user: AuthUser = { subject, roles: [...new Set(readRolesClaim(payload, rolesClaim).filter(isRole))] };
  // A display name only: never used to decide anything, so a missing or odd one is just left out.
  if (typeof payload.name === 'string' && payload.name.trim() !== '') user.name = payload.name.slice(0, 256);
  return user;
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'token is not valid yet (nbf)';
    return `token claim ${error.claim} is invalid: ${error.reason}`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm is not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'token was signed with an unknown key';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return "the identity provider's keys could not be fetched";
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'token is malformed';
  return 'token could not be verified';
}
