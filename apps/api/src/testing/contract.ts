import { testEnvironment } from '@tracker/config';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';

const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * The public contract (shared/contract/schema.graphql). shared/ sits beside the repository
 * on developers' machines and in CI; CONTRACT_SCHEMA points elsewhere if needed.
 */
export function loadContractSchema(): GraphQLSchema {
  const candidates = [
    testEnvironment().contractSchema,
    join(REPO_ROOT, '..', 'shared', 'contract', 'schema.graphql'),
    join(REPO_ROOT, 'shared', 'contract', 'schema.graphql'),
    join(REPO_ROOT, 'contract', 'schema.graphql'),
  ].filter((path): path is string => path !== undefined);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`contract schema not found; looked at ${candidates.join(', ')}`);
  return buildSchema(readFileSync(found, 'utf8'));
}

/** `Query.organizations`, `Mutation.logActivity`, ... of a schema. */
export function rootOperations(schema: GraphQLSchema): string[] {
  return [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
    ['Subscription', schema.getSubscriptionType()],
  ].flatMap(([name, type]) =>
    type && typeof type !== 'string' ? Object.keys(type.getFields()).map((field) => `${name as string}.${field}`) : [],
  );
}
