// Checks that the repository's contract (contract/schema.graphql) breaks nothing of the team's
// shared contract (../shared/contract/schema.graphql, beside the clone in CI). Run by .ci/run
// when ../shared is there; `npm test` never needs it. Exit 1 lists the breaking changes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, findBreakingChanges } from 'graphql';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.argv[2] ?? join(root, '..', 'shared', 'contract', 'schema.graphql');
if (!existsSync(shared)) {
  console.log(`contract: ${shared} not found, nothing to compare`);
  process.exit(0);
}
const load = (path) => buildSchema(readFileSync(path, 'utf8'));
const breaking = findBreakingChanges(load(shared), load(join(root, 'contract', 'schema.graphql')));
for (const change of breaking) console.log(`contract: ${change.type}: ${change.description}`);
console.log(`contract: ${breaking.length === 0 ? 'in-repo copy breaks nothing of' : `${breaking.length} breaking change(s) against`} ${shared}`);
process.exit(breaking.length === 0 ? 0 : 1);
