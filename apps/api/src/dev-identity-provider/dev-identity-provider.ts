import type { IncomingMessage, ServerResponse } from 'node:http';
// Types only here: the package is loaded when the provider is made (below), so an api that does
// not run it never loads it (nor prints its "unsupported runtime" warning on Node 20).
import type { OidcContext, Provider } from 'oidc-provider';
import type { Logger } from '../logging/logger';
import { generateDevProviderKeys, loadOrCreateDevProviderKeys } from './dev-keys';
import { DEV_USERS, findDevUser } from './dev-users';
import { memoryAdapter } from './memory-adapter';
import { errorPage, signedOutPage, signInPage, signOutPage } from './pages';

/** Where the provider is mounted on the api's own server: `npm start` needs no second port. */
export const DEV_IDENTITY_PROVIDER_PATH = '/oidc';
/** The web app's one client: public (no secret), authorization code with PKCE S256 only. */
export const DEV_WEB_CLIENT_ID = 'tracker-web';
/** The api's audience: the resource indicator (RFC 8707) its access tokens are issued for. */
export const DEV_API_RESOURCE = 'urn:tracker:api';
/** Vite's dev server, so the web app also signs in when served from there rather than by the api. */
export const VITE_DEV_ORIGIN = 'http://localhost:5173';
/** Access tokens are short-lived; the web app renews them with the refresh token it is given. */
export const DEV_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** A working day: the session, and the refresh tokens that expire with it. */
const SESSION_TTL_SECONDS = 8 * 3600;

export interface DevIdentityProviderOptions {
  /** The api's origin, e.g. http://localhost:3000: the issuer is this plus DEV_IDENTITY_PROVIDER_PATH. */
  origin: string;
  /** The claim (or dotted path) the roles go in: the api's AUTH_ROLES_CLAIM. */
  rolesClaim: string;
  /** Access token lifetime, at most the api's AUTH_JWT_MAX_LIFETIME_SECONDS. */
  accessTokenTtlSeconds: number;
  /** Where the signing and cookie keys are kept (under DATA_DIR); unset: new ones for this process only (tests). */
  keysFile?: string;
}

export function devIssuer(origin: string): string {
  return `${origin}${DEV_IDENTITY_PROVIDER_PATH}`;
}

type Handler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * A development OpenID Provider (oidc-provider) with the demo users of dev-users.ts, as one
 * request handler to mount at DEV_IDENTITY_PROVIDER_PATH. It serves discovery, the key set, the
 * authorization, token, revocation and end-session endpoints, and its own sign-in form (the
 * interaction pages below). Access tokens are JWTs (ES256) for DEV_API_RESOURCE, carrying `sub`,
 * `name` and the roles, which the api verifies through `<issuer>/jwks` like any issuer's; ID
 * tokens are for the client (aud tracker-web), so the api refuses them. Sessions, grants and
 * refresh tokens live in memory: a restart keeps issued access tokens valid (the key is kept),
 * but the web app must sign in again once they expire.
 */
export async function createDevIdentityProvider(options: DevIdentityProviderOptions, logger: Logger): Promise<Handler> {
  const keys = options.keysFile ? await loadOrCreateDevProviderKeys(options.keysFile) : generateDevProviderKeys();
  // ESM-only, like jose: compiled to CommonJS this import() is a require, which Node 20.19+ serves
  // with require(esm); under jest SWC turns the package into CommonJS (jest.preset.js). The named
  // export, not the default, which require(esm) may hand back as the module namespace.
  const { Provider, errors } = await import('oidc-provider');
  const issuer = devIssuer(options.origin);
  const webOrigins = [...new Set([options.origin, VITE_DEV_ORIGIN])];
  const provider: Provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    clients: [
      {
        client_id: DEV_WEB_CLIENT_ID,
        client_name: 'Tracker',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: webOrigins.flatMap((origin) => [`${origin}/auth/callback`, `${origin}/auth/silent-renew`]),
        post_logout_redirect_uris: webOrigins.map((origin) => `${origin}/`),
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [keys.signingKey] },
    cookies: { keys: keys.cookieKeys },
    // PKCE on every request; oidc-provider 9 knows only S256.
    pkce: { required: () => true },
    responseTypes: ['code'],
    scopes: ['openid', 'profile', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name'] },
    // The name in the ID token too, so the web app has it without a userinfo call.
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, subject: string) => {
      const user = findDevUser(subject);
      return user && { accountId: user.username, claims: () => ({ sub: user.username, name: user.name }) };
    },
    extraTokenClaims: (_ctx: unknown, token: { kind: string; accountId?: string }) => {
      const user = token.kind === 'AccessToken' && token.accountId ? findDevUser(token.accountId) : undefined;
      return user && { name: user.name, ...claimAt(options.rolesClaim, user.roles) };
    },
    // Refresh tokens for the public client, rotated at each use (oidc-provider's default for
    // public clients), without asking for offline_access: silent renewal is a token request,
    // no hidden iframe or third-party cookie. They expire with the session, so signing out ends them.
    issueRefreshToken: (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: options.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: options.accessTokenTtlSeconds,
      Interaction: 15 * 60,
      Grant: SESSION_TTL_SECONDS,
      Session: SESSION_TTL_SECONDS,
      RefreshToken: SESSION_TTL_SECONDS,
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `${DEV_IDENTITY_PROVIDER_PATH}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // The web app need not name the api: every request is for it unless it says otherwise.
        defaultResource: (_ctx: unknown, _client: unknown, oneOf?: string[]) => oneOf ?? DEV_API_RESOURCE,
        // A code or refresh token exchanged without `resource` still gives the api's token, not an opaque one for userinfo.
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource !== DEV_API_RESOURCE) throw new errors.InvalidTarget(`the only resource here is ${DEV_API_RESOURCE}`);
          return {
            scope: 'api',
            audience: DEV_API_RESOURCE,
            accessTokenTTL: options.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: OidcContext, form: string) => {
          ctx.type = 'html';
          ctx.body = signOutPage(form);
        },
        postLogoutSuccessSource: (ctx: OidcContext) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
    },
    renderError: (ctx: OidcContext, out: { error: string; error_description?: string }) => {
      ctx.type = 'html';
      ctx.body = errorPage(out.error, out.error_description);
    },
  });
  provider.on('server_error', (_ctx, error) => logger.error({ err: error }, 'development identity provider: server error'));

  const oidc = provider.callback();
  return (req, res, next) => {
    const interaction = /^\/interaction\/([\w-]+)(\/login)?(?:\?|$)/.exec(req.url ?? '');
    if (!interaction) return oidc(req, res);
    const login = interaction[2] !== undefined;
    if (login && req.method !== 'POST') return next();
    handleInteraction(provider, req, res, login).catch((error: unknown) => {
      // An expired or unknown interaction (a sign-in page left open too long, a replayed form):
      // oidc-provider's errors say what went wrong and are safe to show.
      const oidcError = error as { status?: number; error?: string; error_description?: string };
      if (typeof oidcError.status === 'number' && typeof oidcError.error === 'string' && !res.headersSent) {
        return sendHtml(res, oidcError.status, errorPage(oidcError.error, oidcError.error_description));
      }
      next(error);
    });
  };
}

/** The lines `npm start` prints: where to sign in, and as whom. */
export function describeDevIdentityProvider(origin: string): string {
  return [
    `Sign in at ${origin}/ (development identity provider at ${devIssuer(origin)}; not for production):`,
    ...DEV_USERS.map((user) => `  ${user.username.padEnd(9)} password ${user.password.padEnd(14)} ${user.roles.length ? user.roles.join(', ') : '(no role)'}`),
  ].join('\n');
}

/**
 * The interaction pages: the sign-in form, and consent granted at once (the web app is this
 * api's own first-party client, so there is nothing to ask).
 */
async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse, login: boolean): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const action = `${DEV_IDENTITY_PROVIDER_PATH}/interaction/${details.uid}/login`;
  if (login) {
    const form = new URLSearchParams(await readBody(req));
    const username = form.get('username')?.trim() ?? '';
    const user = findDevUser(username);
    if (!user || user.password !== form.get('password')) {
      return sendHtml(res, 200, signInPage(action, { username, error: true }));
    }
    return provider.interactionFinished(req, res, { login: { accountId: user.username } }, { mergeWithLastSubmission: false });
  }
  if (details.prompt.name === 'login') return sendHtml(res, 200, signInPage(action));

  const accountId = details.session?.accountId as string;
  const grant = (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ?? new provider.Grant({ accountId, clientId: details.params.client_id as string });
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '));
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

/** `{ realm_access: { roles } }` for the path `realm_access.roles`: the token as Keycloak would shape it. */
export function claimAt(path: string, value: unknown): Record<string, unknown> {
  return path
    .split('.')
    .reverse()
    .reduce<Record<string, unknown>>((inner, name, index) => ({ [name]: index === 0 ? value : inner }), {});
}

const MAX_FORM_BYTES = 8 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) {
        reject(new Error('sign-in form too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://localhost:*; frame-ancestors 'none'; base-uri 'none'");
  res.end(html);
}
