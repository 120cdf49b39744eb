import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

const repoRoot = join(__dirname, '../..');

/**
 * The web app's end-to-end tests (e2e/*.pw.ts; jest takes *.spec.ts, vitest *.test.ts(x)): a real
 * tracker (e2e/global-setup.ts), Debian's Chromium, sign-in through the development identity
 * provider. `npm run test:e2e` builds the app first; `npm test` runs them after the web build.
 * No browser is ever downloaded: Playwright launches /usr/bin/chromium (.ci/run installs it).
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.pw.ts',
  globalSetup: './e2e/global-setup.ts',
  // A flaky test is a failing test: no retry hides it.
  retries: 0,
  // Two cores, shared with the tracker under test.
  workers: 2,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 60_000,
  // Generous: the machine may be busy, and a live update crosses projector, api and socket.
  expect: { timeout: 15_000 },
  outputDir: join(repoRoot, 'tmp/playwright-results'),
  reporter: [['list'], ['json', { outputFile: join(repoRoot, 'tmp/playwright.json') }]],
  use: {
    viewport: { width: 1280, height: 800 },
    // A fresh profile per test (Playwright's own contexts); Thai the app's first language.
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
