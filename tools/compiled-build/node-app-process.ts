// Starts an app as its own Node process and waits for its /health: shared by the compiled-build
// test (tools/compiled-build.e2e.spec.ts) and the start-up bench (bench/startup.bench.ts).
import { freePort } from '@tracker/database';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');

export interface NodeAppProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 from GET /health. */
  startToHealthMs: number;
  /** Everything it wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Peak resident memory of the process so far in MiB (Linux: VmHWM), or null elsewhere. */
  peakRssMiB(): number | null;
  /** SIGTERM, then its exit code (SIGKILL and a rejection after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<number | null>;
}

export interface StartOptions {
  /** Node's arguments: flags and the entry file. */
  args: string[];
  cwd: string;
  /** The whole environment of the process (nothing is inherited but PATH and HOME). */
  env: Record<string, string>;
  timeoutMs?: number;
}


/** Spawns `node <args>` with PORT free and polls GET /health every 25 ms until it answers 200. */
export async function startNodeApp(options: StartOptions): Promise<NodeAppProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const deadline = started + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${options.args.join(' ')} exited (${exitCode}) before /health answered:\n${output}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.args.join(' ')}: no /health within ${options.timeoutMs ?? 60_000} ms:\n${output}`);
    }
    const ok = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((wake) => setTimeout(wake, 25));
  }
  const startToHealthMs = performance.now() - started;

  return {
    child,
    baseUrl,
    startToHealthMs,
    output: () => output,
    peakRssMiB: () => {
      try {
        const kib = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
        return kib > 0 ? kib / 1024 : null;
      } catch {
        return null;
      }
    },
    stop: async (timeoutMs = 30_000) => {
      if (exitCode !== undefined) return exitCode;
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`${options.args.join(' ')} did not stop within ${timeoutMs} ms of SIGTERM:\n${output}`));
        }, timeoutMs);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** `nx run <project>:build` (typecheck, then webpack into dist/apps/<project>), as `npm run build` runs it; cached by Nx. */
export function buildApp(project: string): void {
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/nx/dist/bin/nx.js'), 'run', `${project}:build`, '--output-style=static'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (run.status !== 0) throw new Error(`nx run ${project}:build failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
}
