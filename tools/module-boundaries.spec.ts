// Proves the boundary rules of eslint.config.mjs fire: a rule that never reports is
// indistinguishable from no rule. Each case lints a snippet as if it lived in a project.
// ESLint runs as a child process, as `nx lint` runs it: its flat config is an ES module,
// which jest's module system cannot load.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

function lintAs(filePath: string, code: string): string[] {
  const eslintBin = join(root, 'node_modules/eslint/bin/eslint.js');
  const run = spawnSync(process.execPath, [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', filePath], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const json = run.stdout.slice(run.stdout.indexOf('[{'));
  const [result] = JSON.parse(json) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries', () => {
  jest.setTimeout(60_000);

  // The Nx rule reads the cached project graph and, without one (a fresh clone), skips itself
  // with only a warning. Computing the graph first is what `nx lint` does too.
  beforeAll(() => {
    const nx = spawnSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    expect(nx.status).toBe(0);
  });

  it('reports the domain importing the read model', () => {
    const messages = lintAs('libs/domain/src/boundary-fixture.ts', "import * as rm from '@tracker/read-model';\nexport const x = rm;\n");
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('reports the event store importing the domain', () => {
    const messages = lintAs('libs/event-store/src/boundary-fixture.ts', "import * as d from '@tracker/domain';\nexport const x = d;\n");
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('reports a framework import in the domain', () => {
    const messages = lintAs('libs/domain/src/boundary-fixture.ts', "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n");
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('reports the projection runner importing the command side', () => {
    const messages = lintAs('libs/projection-runner/src/boundary-fixture.ts', "import * as a from '@tracker/application';\nexport const x = a;\n");
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('reports the audit lib importing the command side (it reads; it never decides)', () => {
    const messages = lintAs('libs/audit/src/boundary-fixture.ts', "import * as app from '@tracker/application';\nexport const x = app;\n");
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('reports the domain reading the clock', () => {
    const messages = lintAs('libs/domain/src/boundary-fixture.ts', 'export const now = () => Date.now();\nexport const today = () => new Date();\n');
    expect(messages.filter((m) => m.startsWith('no-restricted-syntax'))).toHaveLength(2);
  });

  describe('configuration', () => {
    const readsEnvironment = "export const port = process.env.PORT;\nconst { env } = process;\nexport const level = env.LOG_LEVEL;\n";

    it('reports an app reading process.env, dotted or destructured', () => {
      const messages = lintAs('apps/projector/src/boundary-fixture.ts', readsEnvironment);
      expect(messages.filter((m) => m.startsWith('no-restricted-properties'))).toHaveLength(2);
    });

    it('reports a test, a lib and a bench reading process.env', () => {
      for (const file of ['apps/api/src/boundary-fixture.e2e.spec.ts', 'libs/database/src/testing/boundary-fixture.ts', 'bench/boundary-fixture.bench.ts']) {
        expect([file, lintAs(file, readsEnvironment).some((m) => m.startsWith('no-restricted-properties'))]).toEqual([file, true]);
      }
    });

    it("reports process.env imported by another name, in the domain and the command side too", () => {
      for (const file of ['apps/api/src/boundary-fixture.ts', 'libs/application/src/boundary-fixture.ts', 'libs/domain/src/boundary-fixture.ts']) {
        const messages = lintAs(file, "import { env } from 'process';\nexport const x = env;\n");
        expect([file, messages.some((m) => m.startsWith('no-restricted-imports') && m.includes('@tracker/config'))]).toEqual([file, true]);
      }
    });

    it('allows process.env in the configuration module, and only there', () => {
      expect(lintAs('libs/config/src/environment.ts', readsEnvironment)).toEqual([]);
      expect(lintAs('libs/config/src/config.schema.ts', readsEnvironment).some((m) => m.startsWith('no-restricted-properties'))).toBe(true);
    });
  });

  it('allows the read model to import the domain', () => {
    const messages = lintAs('libs/read-model/src/boundary-fixture.ts', "import * as d from '@tracker/domain';\nexport const x = d;\n");
    expect(messages).toEqual([]);
  });
});
