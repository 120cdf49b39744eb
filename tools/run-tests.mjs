// `npm test`: every test runner of the repository, then one line: `all runners: N passed, N failed`.
//   1. jest: the api, projector, auditor and libs (unit, PostgreSQL integration, HTTP end-to-end);
//   2. the web app's build: typed against the served schema, so a contract change that breaks
//      the app fails here (counted as one test);
//   3. vitest: the web app's components and formatting;
//   4. the web app's size budget (one test);
//   5. Playwright: the web app end to end in Debian's Chromium against a tracker it starts
//      (apps/web/e2e; after the build, whose bundle the tracker serves).
// `npm test -- <jest arguments>` runs jest alone with them, as before (e.g. a path to one spec).
// The counts are also written to tmp/test-summary.json for .ci/run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tmp = join(root, 'tmp');
mkdirSync(tmp, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args, cwd = root, env = process.env) => spawnSync(command, args, { cwd, stdio: 'inherit', env }).status ?? 1;

const jestArgs = process.argv.slice(2);
if (jestArgs.length > 0) process.exit(run(bin('jest'), jestArgs));

const totals = { passed: 0, failed: 0 };
const runners = {};

/** Reads a runner's JSON report; a report missing or unreadable counts as one failure. */
function count(name, file, status, read) {
  let result;
  try {
    result = read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    result = { passed: 0, failed: 1 };
  }
  if (status !== 0 && result.failed === 0) result.failed = 1;
  runners[name] = result;
  totals.passed += result.passed;
  totals.failed += result.failed;
}

/** A step that is one test: it passes or it does not. */
function step(name, status) {
  runners[name] = status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  totals.passed += runners[name].passed;
  totals.failed += runners[name].failed;
}

// jest's counts, with a suite that failed to load (no results of its own) counted as a failure.
const fromJest = (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests + report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length,
});

const jestReport = join(tmp, 'jest.json');
rmSync(jestReport, { force: true });
count('jest', jestReport, run(bin('jest'), ['--json', `--outputFile=${jestReport}`]), fromJest);

step('web build', run(bin('nx'), ['run', 'web:build', '--skip-nx-cache']));

const vitestReport = join(tmp, 'vitest.json');
rmSync(vitestReport, { force: true });
count('vitest', vitestReport, run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`], join(root, 'apps/web')), fromJest);

step('web size budget', run(process.execPath, [join(root, 'apps/web/tools/check-bundle-size.mjs'), join(root, 'dist/apps/web')]));

// Playwright writes tmp/playwright.json (apps/web/playwright.config.ts). It runs with no retries,
// so a test that fails once is a failure (`flaky` only appears with retries: counted as failed).
// A skipped test counts as failed too (the team's rule: no skipped tests), and a run that broke
// before its tests (the global setup) reports its errors: one failure at least.
const fromPlaywright = ({ stats, errors }) => {
  const failed = stats.unexpected + stats.flaky + stats.skipped;
  return { passed: stats.expected, failed: failed === 0 && errors?.length ? 1 : failed };
};
const playwrightReport = join(tmp, 'playwright.json');
rmSync(playwrightReport, { force: true });
// Never a browser download: the tests launch /usr/bin/chromium (.ci/run installs it).
const playwrightEnv = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
count('playwright', playwrightReport, run(bin('playwright'), ['test', '-c', 'playwright.config.ts'], join(root, 'apps/web'), playwrightEnv), fromPlaywright);

writeFileSync(join(tmp, 'test-summary.json'), `${JSON.stringify({ ...totals, runners }, null, 2)}\n`);
console.log(`\n${Object.entries(runners).map(([name, r]) => `${name}: ${r.passed} passed, ${r.failed} failed`).join('\n')}`);
// Not "tests:": that line is .ci/run's, which adds the contract check to these counts.
console.log(`all runners: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
