export {
  ConfigError,
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  LOG_FORMATS,
  LOG_LEVELS,
  MIN_JWT_SECRET_BYTES,
  parseConfig,
  type Environment,
  type LogFormat,
  type LogLevel,
  type TrackerConfig,
} from './config.schema';
export { parseTestEnvironment, type TestEnvironment } from './test-environment.schema';
export { parseBenchEnvironment, type BenchEnvironment } from './bench-environment.schema';
export { benchEnvironment, childEnvironment, loadConfig, readConfig, testEnvironment } from './environment';
export { logDestination, logFormatFor } from './log-destination';
