import type { TrackerConfig } from '@tracker/config';
import { join, resolve } from 'node:path';
import type { Level } from 'pino';
import type { WebBundle } from '../web/web-app';
import type { AccessPolicy } from '../auth/access-policy';
import {
  DEV_ACCESS_TOKEN_TTL_SECONDS,
  DEV_API_RESOURCE,
  devIssuer,
  type DevIdentityProviderOptions,
} from '../dev-identity-provider/dev-identity-provider';
import type { WebConfig } from '../web-config/web-config.controller';

/**
 * Everything the api needs from its surroundings. main.ts fills it from the configuration
 * (apiOptionsFromConfig, @tracker/config); e2e tests pass it directly to createApp, so no
 * test sets process.env.
 */
export interface ApiOptions {
  /** PostgreSQL holding the read models, and the events unless eventStoreUrl is set. */
  databaseUrl: string;
  /** EVENTSTORE_URL (esdb:// or kurrentdb://): the events live in EventStoreDB/KurrentDB. */
  eventStoreUrl?: string;
  /** HS256 secret (AUTH_JWT_SECRET), at least 32 bytes. */
  jwtSecret?: string;
  /** OIDC issuer's key set (AUTH_JWKS_URL); tokens signed RS256 or ES256. */
  jwksUrl?: string;
  /** HS256 tokens' iss and aud, checked when set (AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE). */
  jwtIssuer?: string;
  jwtAudience?: string;
  /** Key-set tokens' iss and aud, checked when set (AUTH_JWKS_ISSUER, AUTH_JWKS_AUDIENCE). */
  jwksIssuer?: string;
  jwksAudience?: string;
  /** Longest a token may be valid (AUTH_JWT_MAX_LIFETIME_SECONDS). Default one day. */
  maxTokenLifetimeSeconds?: number;
  /** The claim (or dotted path) holding a token's roles (AUTH_ROLES_CLAIM). Default `roles`. */
  rolesClaim?: string;
  /** pino level, or 'silent' (LOG_LEVEL). Default 'info'. */
  logLevel?: Level | 'silent';
  /** How long a mutation waits for the projector before answering with projected: false. */
  readYourWritesTimeoutMs?: number;
  /** A folder to write a history digest to every `digestIntervalMs` (DIGEST_DIR); none when unset. */
  digestDir?: string;
  /** Default one hour (DIGEST_INTERVAL_MINUTES). */
  digestIntervalMs?: number;
  /** NODE_ENV=production: internal error messages are hidden from clients. */
  production?: boolean;
  /** Request body limit for /graphql, in bytes. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Deepest selection nesting allowed in an operation. Default 10. */
  maxQueryDepth?: number;
  /** Highest estimated cost (fields x page sizes) of an operation. Default 10 000. */
  maxQueryCost?: number;
  /** Most lexical tokens a GraphQL document may have; parsing stops there. Default 10 000. */
  maxQueryTokens?: number;
  /**
   * GraphQL requests served at once; past it a request is refused at once with 503 and
   * Retry-After (load-shedding/). Default DEFAULT_MAX_CONCURRENT_REQUESTS.
   */
  maxConcurrentRequests?: number;
  /** The Retry-After of a request refused for load, in seconds. Default 1. */
  overloadRetryAfterSeconds?: number;
  /** The web app served at / (apps/api/src/web); none when unset (tests of the api alone). */
  web?: WebBundle;
  /**
   * The development OpenID Provider, mounted at /oidc (dev-identity-provider/). Set, the api
   * should trust its key set: apiOptionsFromConfig points jwksUrl, jwksIssuer and jwksAudience at it.
   */
  devIdentityProvider?: DevIdentityProviderOptions;
  /** What GET /web-config.json tells the web app; unset: 404 (no issuer to sign in at). */
  webConfig?: WebConfig;
  /** Apply the event store's migrations at start-up. Default true. */
  migrate?: boolean;
  /**
   * Extra Nest modules (feature modules, or test-only resolvers) and extra access rules for
   * them. The real operations are listed in app.module.ts and auth/access-policy.ts.
   */
  extraModules?: unknown[];
  extraAccessRules?: AccessPolicy;
}

export const API_OPTIONS = Symbol('API_OPTIONS');

export type ResolvedApiOptions = Required<
  Pick<
    ApiOptions,
    | 'databaseUrl'
    | 'logLevel'
    | 'readYourWritesTimeoutMs'
    | 'production'
    | 'bodyLimitBytes'
    | 'maxQueryDepth'
    | 'maxQueryCost'
    | 'maxQueryTokens'
    | 'maxConcurrentRequests'
    | 'overloadRetryAfterSeconds'
    | 'migrate'
  >
> &
  ApiOptions;

const DEFAULT_READ_YOUR_WRITES_TIMEOUT_MS = 2000;
/** Why this number: LoadShedder in load-shedding/load-shedding.middleware.ts. */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 16;

export function resolveApiOptions(options: ApiOptions): ResolvedApiOptions {
  if (!options.databaseUrl) throw new Error('createApp needs a databaseUrl');
  return {
    ...options,
    logLevel: options.logLevel ?? 'info',
    readYourWritesTimeoutMs: options.readYourWritesTimeoutMs ?? DEFAULT_READ_YOUR_WRITES_TIMEOUT_MS,
    production: options.production ?? false,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    maxQueryDepth: options.maxQueryDepth ?? 10,
    maxQueryCost: options.maxQueryCost ?? 10_000,
    // The cost and depth limits run after parsing and validation; this bounds those two. A
    // 1 MiB body of 60 000 repeated fields took a second of the event loop to parse and
    // validate before the cost limit refused it (hardening/input-fuzzing.e2e.spec.ts). The
    // standard introspection query is under 200 tokens; an operation reaching 10 000 would cost
    // more than the cost limit allows anyway, unless it is mostly inline literals.
    maxQueryTokens: options.maxQueryTokens ?? 10_000,
    maxConcurrentRequests: options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS,
    overloadRetryAfterSeconds: options.overloadRetryAfterSeconds ?? 1,
    migrate: options.migrate ?? true,
  };
}

/**
 * Whether `npm start` runs the development identity provider: as DEV_IDENTITY_PROVIDER says;
 * unsaid, on for a developer's start that names no issuer of its own, never under NODE_ENV=production.
 */
export function devIdentityProviderWanted(config: TrackerConfig): boolean {
  return config.devIdentityProvider ?? (!config.production && config.auth.jwksUrl === undefined);
}

/** The api's part of the configuration (the database URL comes from startDatabase). */
export function apiOptionsFromConfig(config: TrackerConfig, databaseUrl: string): ApiOptions {
  const origin = `http://localhost:${config.port}`;
  const dev: DevIdentityProviderOptions | undefined = devIdentityProviderWanted(config)
    ? {
        origin,
        rolesClaim: config.auth.rolesClaim,
        accessTokenTtlSeconds: Math.min(DEV_ACCESS_TOKEN_TTL_SECONDS, config.auth.maxTokenLifetimeSeconds),
        keysFile: join(resolve(config.database.dataDir), 'dev-identity-provider.json'),
      }
    : undefined;
  const authority = config.web.oidcAuthority ?? (dev ? devIssuer(origin) : config.auth.jwksIssuer);
  return {
    databaseUrl,
    eventStoreUrl: config.eventStoreUrl,
    jwtSecret: config.auth.jwtSecret,
    jwtIssuer: config.auth.issuer,
    jwtAudience: config.auth.audience,
    // The development provider's tokens are checked like any issuer's, by its key set; the
    // audience keeps its ID tokens (aud: the web client) out.
    ...(dev
      ? { jwksUrl: `${devIssuer(origin)}/jwks`, jwksIssuer: devIssuer(origin), jwksAudience: DEV_API_RESOURCE }
      : { jwksUrl: config.auth.jwksUrl, jwksIssuer: config.auth.jwksIssuer, jwksAudience: config.auth.jwksAudience }),
    maxTokenLifetimeSeconds: config.auth.maxTokenLifetimeSeconds,
    rolesClaim: config.auth.rolesClaim,
    logLevel: config.log.level,
    production: config.production,
    ...config.api,
    digestDir: config.digests.dir,
    digestIntervalMs: config.digests.intervalMinutes * 60_000,
    devIdentityProvider: dev,
    webConfig: authority
      ? {
          oidc: {
            authority,
            clientId: config.web.oidcClientId,
            scope: config.web.oidcScope,
            resource: config.web.oidcResource ?? (dev ? DEV_API_RESOURCE : null),
          },
        }
      : undefined,
  };
}
