// Shared jest settings for every project: SWC transforms TypeScript (with the decorator
// metadata NestJS needs), @tracker/* resolve to the libs' sources, and one PostgreSQL is
// started for the whole run by the global setup (embedded unless DATABASE_URL is set).
const path = require('node:path');
const swcOptions = require('./tools/swc-options');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': ['@swc/jest', swcOptions],
  },
  // jose and oidc-provider are ESM-only: let SWC turn them into CommonJS for jest's module system.
  transformIgnorePatterns: ['/node_modules/(?!(jose|oidc-provider)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@tracker/([a-z-]+)$': path.join(__dirname, 'libs/$1/src/index.ts'),
    '^@tracker/([a-z-]+)/testing$': path.join(__dirname, 'libs/$1/src/testing/index.ts'),
  },
  globalSetup: path.join(__dirname, 'tools/jest/global-setup.ts'),
  globalTeardown: path.join(__dirname, 'tools/jest/global-teardown.ts'),
  testMatch: ['**/?(*.)+(spec).ts'],
  // Hooks start a whole api on its own database (1-3 s on a quiet machine); jest's default 5 s
  // failed them when the two cores were shared with a browser run or builds. A hung test still fails.
  testTimeout: 20_000,
};
