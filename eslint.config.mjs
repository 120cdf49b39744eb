// Boundaries live here, not in prose: the Nx tags of each project.json decide who may
// import whom (DESIGN.md: apps -> libs; read-model -> domain; event-store -> util only;
// domain -> nothing; the projection loop -> read model and event store), and the domain may not import a framework, a database or Node's I/O.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const ENV_MESSAGE = 'Read configuration through @tracker/config (loadConfig, testEnvironment, benchEnvironment): its schema checks and documents every variable.';
// `import { env } from 'node:process'` is process.env by another name. (A later block that sets
// no-restricted-imports for its own files replaces these paths, so it lists them again.)
const ENV_IMPORTS = [
  { name: 'process', importNames: ['env'], message: ENV_MESSAGE },
  { name: 'node:process', importNames: ['env'], message: ENV_MESSAGE },
];

export default [
  { ignores: ['**/node_modules', '**/dist', '**/.data', '**/tmp', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:application', 'type:projector', 'type:audit', 'type:domain', 'type:event-store', 'type:read-model', 'type:util'] },
            { sourceTag: 'type:audit', onlyDependOnLibsWithTags: ['type:read-model', 'type:event-store', 'type:domain', 'type:util'] },
            { sourceTag: 'type:projector', onlyDependOnLibsWithTags: ['type:read-model', 'type:event-store', 'type:domain', 'type:util'] },
            { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:domain', 'type:event-store', 'type:util'] },
            { sourceTag: 'type:read-model', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
            { sourceTag: 'type:event-store', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
          ],
        },
      ],
    },
  },
  {
    // Configuration is read once, through one schema (@tracker/config): nowhere else reads the
    // environment, so a variable cannot be used unchecked, undocumented or with its own default.
    // Tests and benches read theirs through the same module (testEnvironment, benchEnvironment,
    // childEnvironment). tools/jest/*.mjs is jest's own setup and is not linted as TypeScript.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'bench/**/*.ts'],
    ignores: ['libs/config/src/environment.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: ENV_MESSAGE },
      ],
      'no-restricted-imports': ['error', { paths: ENV_IMPORTS }],
    },
  },
  {
    // The domain is pure: no framework, no database, no clock-reading or I/O module.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ENV_IMPORTS,
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'pg-*', '@eventstore/*', 'graphql', 'rxjs'], message: 'libs/domain is pure TypeScript: no framework or database import.' },
            { group: ['node:*', 'fs', 'net', 'http', 'child_process'], message: 'libs/domain does no I/O.' },
          ],
        },
      ],
      // Nothing ambient (STYLE.md 5): time arrives in the command's metadata.
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'libs/domain reads no clock: take the time from the command metadata.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'libs/domain reads no clock: take the time from the command metadata.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'libs/domain makes no ids or randomness: they arrive in the command.' },
      ],
    },
  },
  {
    // The command side runs on the EventStore port. Its handlers are @nestjs/cqrs command
    // handlers (one file per command, the "one command, one place"), so @nestjs/cqrs and
    // the Nest core it needs are allowed; no ORM, database driver, GraphQL or other Nest package.
    files: ['libs/application/src/**/*.ts'],
    ignores: ['libs/application/src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ENV_IMPORTS,
          patterns: [
            {
              group: ['@nestjs/*', '!@nestjs/cqrs', '!@nestjs/common', '!@nestjs/core', 'typeorm', 'pg', 'pg-*', '@eventstore/*', 'graphql', 'rxjs'],
              message: 'libs/application holds command handlers on the EventStore port: @nestjs/cqrs yes, no ORM, driver, GraphQL or other framework.',
            },
          ],
        },
      ],
    },
  },
];
