import { parseBenchEnvironment, type BenchEnvironment } from './bench-environment.schema';
import { ConfigError, parseConfig, type TrackerConfig } from './config.schema';
import { parseTestEnvironment, type TestEnvironment } from './test-environment.schema';

// The one module that reads process.env (eslint.config.mjs refuses it everywhere else): the
// apps, tests and benches take their values from these readers, each checked by a schema.

/**
 * The apps' configuration, read and checked once per process. A refused environment stops
 * the start here: one line per bad variable on stderr, no stack trace, exit code `exitCode`
 * (the auditor passes its own: its 1 means "history altered").
 */
export function loadConfig(options: { exitCode?: number } = {}): TrackerConfig {
  try {
    return readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(options.exitCode ?? 1);
  }
}

/** The apps' configuration, or a ConfigError for the caller to report (the auditor's way). */
export function readConfig(): TrackerConfig {
  return parseConfig(process.env);
}

/** The variables only tests read (see test-environment.schema.ts); a bad one throws a ConfigError. */
export function testEnvironment(): TestEnvironment {
  return parseTestEnvironment(process.env);
}

/** The benches' knobs; a bad one throws a ConfigError. */
export function benchEnvironment(): BenchEnvironment {
  return parseBenchEnvironment(process.env);
}

/**
 * The environment for a child process (an app started by a test or bench): this process's,
 * with `overrides` set, or removed where undefined.
 */
export function childEnvironment(overrides: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}
