// The app's initial JavaScript, gzipped, must stay within the budget: what a diplomat's phone
// downloads before the first screen. "Initial" is the index.html entry and every chunk it imports
// statically (Vite's manifest); screens loaded on demand and the GraphiQL entry do not count.
//   node apps/web/tools/check-bundle-size.mjs [dist/apps/web]   (after `npx nx build web`)
// Prints one line and exits 1 when over budget.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 300 * 1024;
const dir = resolve(process.argv[2] ?? 'dist/apps/web');
const manifest = JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'));

const seen = new Set();
function visit(key) {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
}
visit('index.html');

const files = [...seen].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(join(dir, file)), { level: 9 }).length }));
const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ok = total <= BUDGET_BYTES;
console.log(`${ok ? 'ok' : 'OVER BUDGET'}: initial JavaScript ${kb(total)} gzipped of ${kb(BUDGET_BYTES)} (${sizes.map(({ file, gzip }) => `${file} ${kb(gzip)}`).join(', ')})`);
process.exit(ok ? 0 : 1);
