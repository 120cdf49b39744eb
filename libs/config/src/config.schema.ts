import { z } from 'zod';

/**
 * Every variable the tracker's apps read, in one zod schema. Each field turns the variable's
 * text into a typed value and carries, as its error message, what is allowed; parseConfig
 * turns a refusal into `NAME="value" is not allowed: <what is allowed>`, with secrets never
 * shown. An empty or blank value counts as unset (compose files often pass `VAR=`).
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export type Environment = Readonly<Record<string, string | undefined>>;

/** Variables whose value is never printed, not even in part. */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set(['AUTH_JWT_SECRET']);

/** The smallest HS256 secret the api accepts (RFC 7518: a key at least as long as the hash). */
export const MIN_JWT_SECRET_BYTES = 32;

/**
 * The longest a token may be valid (exp - iat, and exp - now): one day. A leaked token is then
 * useful for a day at most, while a working day's development token (12 h) and the access tokens
 * identity providers issue (minutes to hours) fit well within it.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

const EVENTSTORE_SCHEMES = ['esdb', 'esdb+discover', 'kurrentdb', 'kurrentdb+discover'];

function unsetIfBlank(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A variable: blank means unset; `schema` sees the trimmed text. */
export function variable<T extends z.ZodType>(schema: T) {
  return z.preprocess(unsetIfBlank, schema);
}

export function wholeNumber(min: number, max: number) {
  const allowed = `a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d+$/, allowed)
    .transform(Number)
    .pipe(z.number().min(min, allowed).max(max, allowed));
}

export function urlWithScheme(schemes: readonly string[], allowed: string) {
  return z.string().refine((text) => {
    const match = /^([a-z][a-z0-9+.-]*):\/\/[^\s]+$/i.exec(text);
    return match !== null && schemes.includes(match[1].toLowerCase());
  }, allowed);
}

export const postgresUrl = urlWithScheme(
  ['postgres', 'postgresql'],
  'a PostgreSQL connection URL, postgres://user:password@host:port/database (or postgresql://)',
);
export const eventStoreUrl = urlWithScheme(
  EVENTSTORE_SCHEMES,
  'an EventStoreDB/KurrentDB connection string: esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://, e.g. esdb://localhost:2113?tls=false',
);
const httpUrl = urlWithScheme(['http', 'https'], 'an http:// or https:// URL');

/** `roles`, or a dotted path into nested claims such as Keycloak's `realm_access.roles`. */
const claimPath = z.string().regex(/^[^.\s]+(\.[^.\s]+)*$/, 'a claim name, or a dotted path to a nested claim such as realm_access.roles');

/** What the web app's OpenID Connect client is given (GET /web-config.json). */
export const DEFAULT_WEB_OIDC_CLIENT_ID = 'tracker-web';
export const DEFAULT_WEB_OIDC_SCOPE = 'openid profile';

const TRUE_WORDS = ['true', '1', 'yes', 'on'];
const FALSE_WORDS = ['false', '0', 'no', 'off'];
export const yesNo = z
  .string()
  .transform((text) => text.toLowerCase())
  .refine((text) => TRUE_WORDS.includes(text) || FALSE_WORDS.includes(text), `true or false (also 1/0, yes/no, on/off)`)
  .transform((text) => TRUE_WORDS.includes(text));

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `one of ${values.join(', ')}` });
}

export const environmentSchema = z.object({
  NODE_ENV: variable(z.string().optional()),
  PORT: variable(wholeNumber(1, 65535).default(3000)),
  DATABASE_URL: variable(postgresUrl.optional()),
  DATA_DIR: variable(z.string().default('.data')),
  EVENTSTORE_URL: variable(eventStoreUrl.optional()),
  AUTH_JWT_SECRET: variable(
    z
      .string()
      .refine((secret) => Buffer.byteLength(secret, 'utf8') >= MIN_JWT_SECRET_BYTES, `at least ${MIN_JWT_SECRET_BYTES} bytes, e.g. $(openssl rand -hex 32)`)
      .optional(),
  ),
  AUTH_JWKS_URL: variable(httpUrl.optional()),
  /** HS256 tokens' iss and aud. */
  AUTH_JWT_ISSUER: variable(z.string().optional()),
  AUTH_JWT_AUDIENCE: variable(z.string().optional()),
  /** Key-set (OIDC) tokens' iss and aud; unset: AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE, their meaning before they were split. */
  AUTH_JWKS_ISSUER: variable(z.string().optional()),
  AUTH_JWKS_AUDIENCE: variable(z.string().optional()),
  AUTH_JWT_MAX_LIFETIME_SECONDS: variable(wholeNumber(60, 30 * 24 * 3600).default(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS)),
  /** The claim holding a token's roles; a dotted path reads a nested one (Keycloak: realm_access.roles). */
  AUTH_ROLES_CLAIM: variable(claimPath.default('roles')),
  /**
   * The development OpenID Provider at /oidc (apps/api/src/dev-identity-provider). Unset: on for a
   * developer's start without AUTH_JWKS_URL, off under NODE_ENV=production.
   */
  DEV_IDENTITY_PROVIDER: variable(yesNo.optional()),
  /** The web app's sign-in (GET /web-config.json); unset: the development provider's values when it runs. */
  WEB_OIDC_AUTHORITY: variable(httpUrl.optional()),
  WEB_OIDC_CLIENT_ID: variable(z.string().default(DEFAULT_WEB_OIDC_CLIENT_ID)),
  WEB_OIDC_SCOPE: variable(z.string().default(DEFAULT_WEB_OIDC_SCOPE)),
  /** A resource indicator (RFC 8707) the web app asks its access tokens for: the api's audience at providers that need one. */
  WEB_OIDC_RESOURCE: variable(z.string().optional()),
  LOG_LEVEL: variable(oneOf(LOG_LEVELS).default('info')),
  LOG_FORMAT: variable(oneOf(LOG_FORMATS).optional()),
  READ_YOUR_WRITES_TIMEOUT_MS: variable(wholeNumber(0, 600_000).default(2000)),
  PROJECTOR_BATCH_SIZE: variable(wholeNumber(1, 10_000).default(500)),
  /** Unset: on for a developer's start, off under NODE_ENV=production. */
  DEMO_DATA: variable(yesNo.optional()),
  BODY_LIMIT_BYTES: variable(wholeNumber(1024, 100 * 1024 * 1024).default(1024 * 1024)),
  MAX_QUERY_DEPTH: variable(wholeNumber(1, 100).default(10)),
  MAX_QUERY_COST: variable(wholeNumber(1, 10_000_000).default(10_000)),
  MAX_QUERY_TOKENS: variable(wholeNumber(100, 1_000_000).default(10_000)),
  /** GraphQL requests served at once; past it, 503 with Retry-After (apps/api/src/load-shedding). */
  MAX_CONCURRENT_REQUESTS: variable(wholeNumber(1, 100_000).default(16)),
  OVERLOAD_RETRY_AFTER_SECONDS: variable(wholeNumber(1, 3600).default(1)),
  /** A folder the api writes a history digest to on a schedule (libs/audit/README.md, "History digests"). */
  DIGEST_DIR: variable(z.string().optional()),
  DIGEST_INTERVAL_MINUTES: variable(wholeNumber(1, 7 * 24 * 60).default(60)),
  /** A built web app (`vite build` output) to serve at /; unset: dist/apps/web beside the compiled api, or Vite from apps/web in development. */
  WEB_BUNDLE_DIR: variable(z.string().optional()),
});

/** The configuration every entry point takes its part of. */
export interface TrackerConfig {
  /** NODE_ENV=production: no development tokens, internal error messages hidden from clients. */
  production: boolean;
  port: number;
  /** DATABASE_URL when set; otherwise the embedded PostgreSQL under dataDir. */
  database: { url: string | undefined; dataDir: string };
  eventStoreUrl: string | undefined;
  /**
   * Each kind of key checks its own tokens' issuer and audience (unset: not checked), since HS256
   * tokens and an identity provider's are accepted side by side.
   */
  auth: {
    jwtSecret: string | undefined;
    jwksUrl: string | undefined;
    /** For HS256 tokens. */
    issuer: string | undefined;
    audience: string | undefined;
    /** For key-set tokens. */
    jwksIssuer: string | undefined;
    jwksAudience: string | undefined;
    maxTokenLifetimeSeconds: number;
    /** Where a token's roles are: a claim name or a dotted path (AUTH_ROLES_CLAIM). */
    rolesClaim: string;
  };
  /** DEV_IDENTITY_PROVIDER as said; undefined when unsaid (see devIdentityProviderWanted in the api). */
  devIdentityProvider: boolean | undefined;
  /**
   * The web app at / (apps/api/src/web/web-app.ts): the bundle served, and its OpenID Connect
   * settings as configured (unset ones default to the development provider's).
   */
  web: { bundleDir: string | undefined; oidcAuthority: string | undefined; oidcClientId: string; oidcScope: string; oidcResource: string | undefined };
  /** format undefined: pretty on a terminal, JSON otherwise (see logFormatFor). */
  log: { level: LogLevel; format: LogFormat | undefined };
  api: {
    readYourWritesTimeoutMs: number;
    bodyLimitBytes: number;
    maxQueryDepth: number;
    maxQueryCost: number;
    maxQueryTokens: number;
    maxConcurrentRequests: number;
    overloadRetryAfterSeconds: number;
  };
  projector: { batchSize: number };
  /** Scheduled history digests: none unless `dir` is set. */
  digests: { dir: string | undefined; intervalMinutes: number };
  /** DEMO_DATA as said; undefined when unsaid (then NODE_ENV decides: see demoWanted). */
  demoData: boolean | undefined;
}

/** A refused environment: `message` lists every bad variable, one line each, secrets hidden. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** The configuration in `env`, or a ConfigError naming every bad value. */
export function parseConfig(env: Environment): TrackerConfig {
  const v = parseEnvironment(environmentSchema, env);
  if (v.DEV_IDENTITY_PROVIDER === true && v.AUTH_JWKS_URL !== undefined) {
    // The development provider makes the api trust its own keys: with another issuer's, one of
    // the two would be silently ignored.
    throw new ConfigError(['DEV_IDENTITY_PROVIDER=true and AUTH_JWKS_URL are not allowed together: the development provider is the key set when it runs']);
  }
  return {
    production: v.NODE_ENV === 'production',
    port: v.PORT,
    database: { url: v.DATABASE_URL, dataDir: v.DATA_DIR },
    eventStoreUrl: v.EVENTSTORE_URL,
    auth: {
      jwtSecret: v.AUTH_JWT_SECRET,
      jwksUrl: v.AUTH_JWKS_URL,
      issuer: v.AUTH_JWT_ISSUER,
      audience: v.AUTH_JWT_AUDIENCE,
      // AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE used to apply to every token: a deployment that set
      // them for its identity provider keeps that check until it names the key set's own.
      jwksIssuer: v.AUTH_JWKS_ISSUER ?? v.AUTH_JWT_ISSUER,
      jwksAudience: v.AUTH_JWKS_AUDIENCE ?? v.AUTH_JWT_AUDIENCE,
      maxTokenLifetimeSeconds: v.AUTH_JWT_MAX_LIFETIME_SECONDS,
      rolesClaim: v.AUTH_ROLES_CLAIM,
    },
    devIdentityProvider: v.DEV_IDENTITY_PROVIDER,
    web: {
      bundleDir: v.WEB_BUNDLE_DIR,
      oidcAuthority: v.WEB_OIDC_AUTHORITY,
      oidcClientId: v.WEB_OIDC_CLIENT_ID,
      oidcScope: v.WEB_OIDC_SCOPE,
      oidcResource: v.WEB_OIDC_RESOURCE,
    },
    log: { level: v.LOG_LEVEL, format: v.LOG_FORMAT },
    api: {
      readYourWritesTimeoutMs: v.READ_YOUR_WRITES_TIMEOUT_MS,
      bodyLimitBytes: v.BODY_LIMIT_BYTES,
      maxQueryDepth: v.MAX_QUERY_DEPTH,
      maxQueryCost: v.MAX_QUERY_COST,
      maxQueryTokens: v.MAX_QUERY_TOKENS,
      maxConcurrentRequests: v.MAX_CONCURRENT_REQUESTS,
      overloadRetryAfterSeconds: v.OVERLOAD_RETRY_AFTER_SECONDS,
    },
    projector: { batchSize: v.PROJECTOR_BATCH_SIZE },
    digests: { dir: v.DIGEST_DIR, intervalMinutes: v.DIGEST_INTERVAL_MINUTES },
    demoData: v.DEMO_DATA,
  };
}

/**
 * Parses the variables `schema` names (and only those: the rest of the environment is never
 * looked at, so never printed). Shared by the apps' schema and the test and bench ones.
 */
export function parseEnvironment<S extends z.ZodObject>(schema: S, env: Environment): z.output<S> {
  const names = Object.keys(schema.shape);
  const input = Object.fromEntries(names.map((name) => [name, env[name]]));
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = new Map<string, string>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0]);
    if (!problems.has(name)) problems.set(name, `${name}=${shown(name, env[name])} is not allowed: ${issue.message}`);
  }
  throw new ConfigError([...problems.values()]);
}

/** A value as an error message may show it: a secret not at all, a URL without its password. */
export function shown(name: string, value: string | undefined): string {
  if (SECRET_VARIABLES.has(name)) return '(value hidden)';
  const text = value ?? '';
  // A URL variable's value that is not URL-shaped may be a pasted password: show none of it.
  if (name.endsWith('_URL') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim())) return '(value hidden: not a URL)';
  return JSON.stringify(withoutPassword(text));
}

/** `scheme://user:secret@host` -> `scheme://user:***@host`; also in text that is not a valid URL. */
export function withoutPassword(text: string): string {
  return text.replace(/(\/\/[^/?#@\s:]*):.*@/g, '$1:***@').replace(/([?&](?:password|pass|pwd)=)[^&#\s]*/gi, '$1***');
}
