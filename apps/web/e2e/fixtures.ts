import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { testEnvironment } from '@tracker/config';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, trackerUnderTest, type TrackerUnderTest } from './tracker';

export { expect };

/**
 * The development identity provider's demo users (apps/api/src/dev-identity-provider/dev-users.ts)
 * and the words the app's header names their role with, in Thai and English (src/i18n).
 */
export const USERS = {
  diplomat: { name: 'Demo Diplomat', role: { th: 'นักการทูต', en: 'Diplomat' } },
  planner: { name: 'Demo Planner', role: { th: 'ผู้วางแผน', en: 'Planner' } },
  auditor: { name: 'Demo Auditor', role: { th: 'ผู้ตรวจสอบ', en: 'Auditor' } },
  admin: { name: 'Demo Admin', role: { th: 'ผู้ดูแลระบบ', en: 'Administrator' } },
  visitor: { name: 'Demo Visitor', role: null },
} as const;
export type Username = keyof typeof USERS;
export type Language = 'th' | 'en';

/** The shell's words the helpers look for, in both languages (the tests start in Thai, the app's default). */
export const SHELL = {
  signIn: /^(เข้าสู่ระบบ|Sign in)$/,
  signOut: /^(ออกจากระบบ|Sign out)$/,
  languageName: { th: 'ไทย', en: 'English' },
};

/**
 * The tests' `test`: `baseURL` is the tracker the global setup started, `tracker` tells its demo
 * program. Every page is 1280 px wide (playwright.config.ts), as the README's screenshots are.
 */
export const test = base.extend<object, { tracker: TrackerUnderTest }>({
  tracker: [async ({}, use) => use(trackerUnderTest()), { scope: 'worker' }],
  baseURL: async ({ tracker }, use) => use(tracker.baseURL),
});

/**
 * Signs in the way a person does: the app's "Sign in" button, the development identity provider's
 * own form (authorization code + PKCE), back to `path`. No token is injected. `language` is chosen
 * on the sign-in screen first (the app remembers it on this browser); otherwise the app's default, Thai.
 */
export async function signIn(page: Page, username: Username, options: { path?: string; language?: Language } = {}): Promise<void> {
  await page.goto(options.path ?? '/programs');
  if (options.language) await chooseLanguage(page, options.language);
  await page.getByRole('button', { name: SHELL.signIn }).click();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(`${username}-demo`);
  await page.locator('button[type=submit]').click();
  // Back in the app, at the page asked for, with the sign-out button of a signed-in person.
  await expect(page.getByRole('button', { name: SHELL.signOut })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(options.path ?? '/programs')}$`));
}

/** The language switch (in the header, on the sign-in and no-role pages). */
export async function chooseLanguage(page: Page, language: Language): Promise<void> {
  // Mantine's SegmentedControl: a radio group; the radio itself is hidden under its label.
  await page.getByText(SHELL.languageName[language], { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** The access token the app holds for the signed-in person (oidc-client-ts keeps it in sessionStorage). */
export function accessToken(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
    const token = key ? (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token?: string }).access_token : undefined;
    if (!token) throw new Error('no signed-in user in sessionStorage');
    return token;
  });
}

export interface GraphqlResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

/**
 * Sends a GraphQL operation from the page, as the app would, with the signed-in person's own
 * access token: for what the screens do not offer (a forbidden action forced) or do not have yet.
 */
export async function graphqlFromPage<T = Record<string, unknown>>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlResponse<T>> {
  const token = await accessToken(page);
  return page.evaluate(
    async ({ query, variables, token }) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlResponse<T>;
    },
    { query, variables, token },
  );
}

type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];

/** Impacts that fail a page: a serious or critical barrier (axe's own scale). */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Axe (WCAG rules) on the page as it is now: fails on any serious or critical violation, each
 * printed with the elements it found and how to fix it. Call it once the page shows its content.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // @axe-core/playwright types its page with its own playwright-core (a newer minor than
  // @playwright/test's): the same API at run time, two copies of the type at compile time.
  const results = await new AxeBuilder({ page: page as unknown as AxePage }).analyze();
  const failing = results.violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: `${violation.help} (${violation.helpUrl})`,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  expect(failing, `axe on ${page.url()}`).toEqual([]);
}

/**
 * A screenshot for the README (docs/screenshots/<name>.png): the full page, 1280 px wide, written
 * only when the run is asked for them (SCREENSHOTS=1), so an ordinary run leaves docs/ alone.
 * Take it once the page shows what the picture is for.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!testEnvironment().screenshots) return;
  const dir = join(REPO_ROOT, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.evaluate(() => document.fonts.ready);
  // A window as tall as the page: the app shell's fixed navigation then reaches the bottom of the
  // picture, as it does on screen, instead of stopping at the first 800 px.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.max(height, size.height) });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
  await page.setViewportSize(size);
}

/** A text no demo record and no other test uses, so a test finds exactly what it wrote. */
export function uniqueText(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
