import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * `graphql(...)` types each operation from the served schema (schema.graphql, kept equal to the
 * api's by apps/api/src/graphql/contract.e2e.spec.ts; graphql-env.d.ts is generated from it by
 * the typecheck target). A field the api drops or renames fails the web build.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    Date: string;
    DateTime: string;
    /** Exact decimal as a string: never turned into a number (format/money.ts). */
    Decimal: string;
    JSON: unknown;
  };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
