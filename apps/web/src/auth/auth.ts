import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { WebConfig } from './web-config';

export const CALLBACK_PATH = '/auth/callback';
export const SILENT_RENEW_PATH = '/auth/silent-renew';

/**
 * OpenID Connect, authorization code + PKCE, with the provider the api names. Tokens live in
 * sessionStorage: they end with the tab, and no other site can read them. The access token is
 * renewed silently before it expires (oidc-client-ts uses the refresh token when the provider
 * gives one, a hidden iframe at SILENT_RENEW_PATH otherwise). The api is named as the token's
 * resource, so the provider issues an access token for it (a JWT the api checks by JWKS).
 */
export function createUserManager(config: WebConfig): UserManager {
  const { authority, clientId, scope, resource } = config.oidc;
  const origin = window.location.origin;
  const resourceParams = resource ? { resource } : undefined;
  return new UserManager({
    authority,
    client_id: clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    silent_redirect_uri: `${origin}${SILENT_RENEW_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope,
    automaticSilentRenew: true,
    extraQueryParams: resourceParams,
    extraTokenParams: resourceParams,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Where to come back to after signing in: the page the person asked for. */
export interface SignInState {
  returnTo: string;
}

export const isUsable = (user: User | null): user is User => user !== null && !user.expired;
