import { parseConfig } from '@tracker/config';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { apiOptionsFromConfig, type ApiOptions } from '../config/api-options';
import { codesOf, type GraphQLBody } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { DEV_API_RESOURCE, DEV_WEB_CLIENT_ID, VITE_DEV_ORIGIN } from './dev-identity-provider';

// The api and its development provider on a real port: the api fetches the provider's key set
// over HTTP from itself, as `npm start` does, and the flow below is what a browser does, with
// a tiny cookie jar over fetch.

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The options `npm start` would derive from this environment, for the parts sign-in needs. */
function signInOptions(env: Record<string, string>): Partial<ApiOptions> {
  const { devIdentityProvider, jwksUrl, jwksIssuer, jwksAudience, webConfig, rolesClaim, maxTokenLifetimeSeconds } = apiOptionsFromConfig(parseConfig(env), 'postgres://unused');
  // Keys made for this process: the test writes nothing under DATA_DIR.
  return { devIdentityProvider: devIdentityProvider && { ...devIdentityProvider, keysFile: undefined }, jwksUrl, jwksIssuer, jwksAudience, webConfig, rolesClaim, maxTokenLifetimeSeconds };
}

class Browser {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1).trim()];
      const expired = attributes.some((attribute) => /^\s*expires=/i.test(attribute) && new Date(attribute.split('=')[1]).getTime() < Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Follows redirects from `url` until a page is shown or the redirect leaves for `stopAt`; the last URL and response. */
  async follow(url: string, init: RequestInit = {}, stopAt?: string): Promise<{ url: string; response: Response }> {
    let response = await this.fetch(url, init);
    for (let hops = 0; response.status >= 300 && response.status < 400 && hops < 10; hops++) {
      url = new URL(response.headers.get('location') as string, url).href;
      if (stopAt && url.startsWith(stopAt)) return { url, response };
      response = await this.fetch(url);
    }
    return { url, response };
  }
}

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function formAction(html: string, pageUrl: string): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on the page:\n${html}`);
  return new URL(action.replace(/&amp;/g, '&'), pageUrl).href;
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

interface Tokens {
  access_token: string;
  id_token: string;
  refresh_token: string;
  expires_in: number;
}

let api: TestApp;
let origin: string;
let issuer: string;
let callback: string;

beforeAll(async () => {
  const port = await freePort();
  origin = `http://localhost:${port}`;
  issuer = `${origin}/oidc`;
  callback = `${origin}/auth/callback`;
  api = await startTestApp({ ...signInOptions({ PORT: String(port) }), readYourWritesTimeoutMs: 0 });
  await api.app.listen(port);
});

afterAll(async () => {
  await api?.close();
});

/** Opens the authorization request and answers the sign-in form; the redirect back, and the PKCE verifier. */
async function authorize(browser: Browser, username: string, password: string, extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  const query = new URLSearchParams({
    client_id: DEV_WEB_CLIENT_ID,
    response_type: 'code',
    redirect_uri: callback,
    scope: 'openid profile',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'state-1',
    nonce: 'nonce-1',
    ...extra,
  });
  const page = await browser.follow(`${issuer}/auth?${query}`, {}, callback);
  if (page.url.startsWith(callback)) return { back: page, verifier, signInPage: undefined };
  const html = await page.response.text();
  const back = await browser.follow(formAction(html, page.url), form({ username, password }), callback);
  return { back, verifier, signInPage: html };
}

async function exchange(code: string, verifier: string | undefined): Promise<{ status: number; body: Record<string, unknown> }> {
  const fields: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: callback, client_id: DEV_WEB_CLIENT_ID };
  if (verifier !== undefined) fields.code_verifier = verifier;
  const response = await fetch(`${issuer}/token`, form(fields));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function signIn(username: string, password: string, browser = new Browser()): Promise<Tokens> {
  const { back, verifier } = await authorize(browser, username, password);
  const redirect = new URL(back.url);
  expect(redirect.origin + redirect.pathname).toBe(callback);
  expect(redirect.searchParams.get('state')).toBe('state-1');
  const { status, body } = await exchange(redirect.searchParams.get('code') as string, verifier);
  expect(status).toBe(200);
  return body as unknown as Tokens;
}

async function graphql(query: string, token: string): Promise<GraphQLBody> {
  return (await api.graphql(query, {}, `Bearer ${token}`)).body as GraphQLBody;
}

const ME = 'query { me { subject name roles } }';
const PLANNER_QUERY = 'query { historyDigest { position } }';

describe('signing in at the development identity provider (authorization code + PKCE)', () => {
  it("gives the planner an access token the api takes: me answers with the planner's subject, name and role", async () => {
    const tokens = await signIn('planner', 'planner-demo');
    expect(await graphql(ME, tokens.access_token)).toEqual({ data: { me: { subject: 'planner', name: 'Demo Planner', roles: ['PLANNER'] } } });
    expect((await graphql(PLANNER_QUERY, tokens.access_token)).errors).toBeUndefined();
  });

  it('refuses the diplomat what only planners, auditors and admins may do', async () => {
    const tokens = await signIn('diplomat', 'diplomat-demo');
    expect((await graphql(ME, tokens.access_token)).data?.me).toEqual({ subject: 'diplomat', name: 'Demo Diplomat', roles: ['DIPLOMAT'] });
    expect(codesOf(await graphql(PLANNER_QUERY, tokens.access_token))).toEqual(['FORBIDDEN']);
  });

  it('issues the access token as a short-lived ES256 JWT for the api, carrying sub, name and roles', async () => {
    const tokens = await signIn('auditor', 'auditor-demo');
    expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    const claims = decodeJwt(tokens.access_token);
    expect(claims).toMatchObject({ iss: issuer, aud: DEV_API_RESOURCE, sub: 'auditor', name: 'Demo Auditor', roles: ['auditor'], client_id: DEV_WEB_CLIENT_ID });
    expect((claims.exp as number) - (claims.iat as number)).toBe(15 * 60);
    expect(tokens.expires_in).toBeLessThanOrEqual(15 * 60);
  });

  it("gives the visitor, who has no role, me with no roles and FORBIDDEN for everything else", async () => {
    const tokens = await signIn('visitor', 'visitor-demo');
    expect(await graphql(ME, tokens.access_token)).toEqual({ data: { me: { subject: 'visitor', name: 'Demo Visitor', roles: [] } } });
    expect(codesOf(await graphql('query { programs { totalCount } }', tokens.access_token))).toEqual(['FORBIDDEN']);
  });

  it('refuses the ID token at the api: it is for the web client, not for the api', async () => {
    const tokens = await signIn('admin', 'admin-demo');
    expect(decodeJwt(tokens.id_token)).toMatchObject({ aud: DEV_WEB_CLIENT_ID, sub: 'admin', name: 'Demo Admin' });
    expect(codesOf(await graphql(ME, tokens.id_token))).toEqual(['UNAUTHENTICATED']);
  });

  it('shows the sign-in form with labelled username and password fields in English and Thai', async () => {
    const { signInPage } = await authorize(new Browser(), 'planner', 'planner-demo');
    expect(signInPage).toContain('<html lang="en">');
    expect(signInPage).toMatch(/<label for="username">Username \/ <span lang="th">ชื่อผู้ใช้<\/span><\/label>\s*<input id="username" name="username"/);
    expect(signInPage).toMatch(/<label for="password">Password \/ <span lang="th">รหัสผ่าน<\/span><\/label>\s*<input id="password" name="password" type="password"/);
    expect(signInPage).toContain('<button type="submit">Sign in / <span lang="th">เข้าสู่ระบบ</span></button>');
    expect(signInPage?.match(/<h1/g)).toHaveLength(1);
  });

  it('answers a wrong password with the form again, an error on it, and no code', async () => {
    const { back } = await authorize(new Browser(), 'planner', 'not-the-password');
    expect(back.response.status).toBe(200);
    expect(back.url.startsWith(callback)).toBe(false);
    const html = await back.response.text();
    expect(html).toContain('role="alert">Wrong username or password. / <span lang="th">ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง</span>');
    expect(html).toContain('value="planner"');
  });

  it('refuses to exchange a code without its PKCE verifier, or with another one', async () => {
    const { back, verifier } = await authorize(new Browser(), 'planner', 'planner-demo');
    const code = new URL(back.url).searchParams.get('code') as string;
    const without = await exchange(code, undefined);
    expect(without.status).toBe(400);
    expect(without.body).toMatchObject({ error: 'invalid_grant' });
    const wrong = await exchange(code, pkce().verifier);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: 'invalid_grant' });
    expect(wrong.body.access_token).toBeUndefined();
    expect(verifier).toBeTruthy();
  });

  it('refuses an authorization request without PKCE', async () => {
    const browser = new Browser();
    const query = new URLSearchParams({ client_id: DEV_WEB_CLIENT_ID, response_type: 'code', redirect_uri: callback, scope: 'openid profile', state: 's' });
    const { url } = await browser.follow(`${issuer}/auth?${query}`, {}, callback);
    expect(new URL(url).searchParams.get('error')).toBe('invalid_request');
    expect(new URL(url).searchParams.get('code')).toBeNull();
  });
});

describe('staying signed in and signing out', () => {
  it('renews the access token with the refresh token (rotated: the old one is spent)', async () => {
    const tokens = await signIn('planner', 'planner-demo');
    const renew = (refreshToken: string) =>
      fetch(`${issuer}/token`, form({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: DEV_WEB_CLIENT_ID }));
    const renewed = await renew(tokens.refresh_token);
    expect(renewed.status).toBe(200);
    const fresh = (await renewed.json()) as Tokens;
    expect(fresh.access_token).not.toBe(tokens.access_token);
    expect(decodeJwt(fresh.access_token)).toMatchObject({ aud: DEV_API_RESOURCE, sub: 'planner', roles: ['planner'] });
    expect((await graphql(ME, fresh.access_token)).data?.me).toMatchObject({ subject: 'planner' });
    expect(fresh.refresh_token).not.toBe(tokens.refresh_token);
    expect((await renew(tokens.refresh_token)).status).toBe(400);
  });

  it('signs in again without the form while the session lasts (prompt=none)', async () => {
    const browser = new Browser();
    await signIn('auditor', 'auditor-demo', browser);
    const { back, signInPage } = await authorize(browser, 'unused', 'unused', { prompt: 'none' });
    expect(signInPage).toBeUndefined();
    expect(new URL(back.url).searchParams.get('code')).toBeTruthy();
  });

  it('signs out through end_session without a question, back to the web app, and the refresh token dies with the session', async () => {
    const browser = new Browser();
    const tokens = await signIn('diplomat', 'diplomat-demo', browser);
    const query = new URLSearchParams({ id_token_hint: tokens.id_token, post_logout_redirect_uri: `${origin}/`, state: 'bye' });
    const page = await browser.follow(`${issuer}/session/end?${query}`);
    expect(page.response.status).toBe(200);
    const html = await page.response.text();
    // A browser submits this form by itself (the page's script); the test does what it does.
    expect(html).toContain('<input type="hidden" name="logout" value="yes" form="op.logoutForm">');
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] as string;
    const done = await browser.follow(formAction(html, page.url), form({ xsrf, logout: 'yes' }), `${origin}/`);
    expect(done.url).toBe(`${origin}/?state=bye`);
    const renewed = await fetch(`${issuer}/token`, form({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: DEV_WEB_CLIENT_ID }));
    expect(renewed.status).toBe(400);
  });
});

describe('the web app configuration and a dev server on another origin', () => {
  it('serves /web-config.json with the provider as authority, never cached without asking', async () => {
    const response = await api.http.get('/web-config.json').expect(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body).toEqual({ oidc: { authority: issuer, clientId: 'tracker-web', scope: 'openid profile', resource: DEV_API_RESOURCE } });
  });

  it("lets Vite's dev server call the token endpoint from its own origin", async () => {
    const response = await fetch(`${issuer}/token`, {
      method: 'OPTIONS',
      headers: { origin: VITE_DEV_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe(VITE_DEV_ORIGIN);
  });
});

describe('under NODE_ENV=production', () => {
  const secret = 's'.repeat(40);

  it('does not mount the provider, nor offer a web configuration, unless configured', async () => {
    const production = await startTestApp({ ...signInOptions({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret }), production: true });
    try {
      await production.http.get('/oidc/.well-known/openid-configuration').expect(404);
      await production.http.get('/web-config.json').expect(404);
    } finally {
      await production.close();
    }
  });

  it('mounts it when DEV_IDENTITY_PROVIDER=true', async () => {
    const production = await startTestApp({ ...signInOptions({ NODE_ENV: 'production', AUTH_JWT_SECRET: secret, DEV_IDENTITY_PROVIDER: 'true', PORT: '3999' }), production: true });
    try {
      const discovery = await production.http.get('/oidc/.well-known/openid-configuration').expect(200);
      expect(discovery.body).toMatchObject({ issuer: 'http://localhost:3999/oidc', code_challenge_methods_supported: ['S256'], token_endpoint_auth_methods_supported: expect.arrayContaining(['none']) });
    } finally {
      await production.close();
    }
  });
});
