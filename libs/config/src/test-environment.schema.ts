import { z } from 'zod';
import { eventStoreUrl, parseEnvironment, postgresUrl, variable, wholeNumber, yesNo, type Environment } from './config.schema';

/**
 * Variables only tests read. TEST_DATABASE_URL is set by jest's global setup
 * (tools/jest/global-setup.ts); the others are knobs a person sets for a heavier or
 * replayed run, or to reach a server the default run has none of.
 */
export const testEnvironmentSchema = z.object({
  TEST_DATABASE_URL: variable(postgresUrl.optional()),
  /** The heavy variants of apps/api/src/hardening (apps/api/README.md#hardening). */
  HARDENING_HEAVY: variable(yesNo.default(false)),
  FUZZ_CASES: variable(wholeNumber(1, 10_000_000).optional()),
  /** A seed to replay a fuzzing run, or `random`. */
  FUZZ_SEED: variable(z.string().refine((seed) => seed === 'random' || /^\d+$/.test(seed), 'a whole number, or random').optional()),
  /** The EventStoreDB/KurrentDB the gated event-store contract suite runs against. */
  EVENTSTORE_URL: variable(eventStoreUrl.optional()),
  /** `npm run web:schema`: write the served schema to the web app's copy instead of comparing them. */
  UPDATE_WEB_SCHEMA: variable(yesNo.default(false)),
  /** The web app's end-to-end run (apps/web/e2e) also writes the README's screenshots to docs/screenshots. */
  SCREENSHOTS: variable(yesNo.default(false)),
});

export interface TestEnvironment {
  testDatabaseUrl: string | undefined;
  hardeningHeavy: boolean;
  fuzzCases: number | undefined;
  fuzzSeed: string | undefined;
  eventStoreUrl: string | undefined;
  updateWebSchema: boolean;
  screenshots: boolean;
}

export function parseTestEnvironment(env: Environment): TestEnvironment {
  const v = parseEnvironment(testEnvironmentSchema, env);
  return {
    testDatabaseUrl: v.TEST_DATABASE_URL,
    hardeningHeavy: v.HARDENING_HEAVY,
    fuzzCases: v.FUZZ_CASES,
    fuzzSeed: v.FUZZ_SEED,
    eventStoreUrl: v.EVENTSTORE_URL,
    updateWebSchema: v.UPDATE_WEB_SCHEMA,
    screenshots: v.SCREENSHOTS,
  };
}
