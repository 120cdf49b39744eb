import { execSync } from 'node:child_process';
import { benchEnvironment } from '@tracker/config';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';

/** BENCH_RESULTS_FILE sends a smoke run (`npm run bench:quick`) elsewhere, so it never replaces real figures. */
const FILE = benchEnvironment().BENCH_RESULTS_FILE ?? join(__dirname, 'results.md');

/** Replaces the section `name` of bench/results.md with fresh figures, stamped with machine, date and commit. */
export async function recordResults(name: string, lines: string[]): Promise<void> {
  const existing = await readFile(FILE, 'utf8').catch(() => '# Benchmark results\n\nWritten by `npm run bench*`; each section is replaced by its bench.\n');
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    // Figures taken on a work tree with edits are not the commit's figures: say so.
    if (execSync(`git status --porcelain --untracked-files=no -- . ':!bench/results.md'`, { encoding: 'utf8' }).trim()) commit += ' + uncommitted changes';
  } catch {
    // not a git checkout
  }
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const section = [`## ${name}`, '', `${new Date().toISOString()} · commit ${commit} · ${machine}`, '', ...lines, ''].join('\n');
  const pattern = new RegExp(`## ${name}\\n[\\s\\S]*?(?=\\n## |$)`);
  const updated = pattern.test(existing) ? existing.replace(pattern, section) : `${existing.trimEnd()}\n\n${section}`;
  await mkdir(dirname(FILE), { recursive: true }); // tmp/ for a quick run on a fresh clone
  await writeFile(FILE, updated.endsWith('\n') ? updated : `${updated}\n`);
  console.log(section);
}
