import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** The repository's own copy of the public contract (contract/schema.graphql at the root). */
const CONTRACT_SCHEMA_PATH = resolve(__dirname, '../../../../contract/schema.graphql');

export function loadContractSchema(): GraphQLSchema {
  return buildSchema(readFileSync(CONTRACT_SCHEMA_PATH, 'utf8'));
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
