import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Distinct operations compiled per document; an operation name past this is executed as usual. */
const MAX_OPERATIONS_PER_DOCUMENT = 8;

/**
 * Runs queries through graphql-jit: each operation compiled once (per parsed document, which
 * Apollo keeps in its document cache) into a function that resolves and serialises the fields
 * it selects, instead of graphql-js walking the document for every field of every row. On a
 * program page of 50 activities (about 4,000 fields) graphql-js's execution was the largest
 * part of the api's CPU after the SQL, most of it per-field bookkeeping (argument values, resolve
 * info, promise checks) for fields that only read a property.
 *
 * Same schema, same resolvers, same context; it answers from `responseForOperation`, after
 * every `didResolveOperation` check (limits, access, query text) has passed. Only an answer
 * without errors is taken: an operation whose result has errors is executed again by graphql-js
 * as before, so every error keeps the message, path, code, formatting, logging and HTTP status
 * it had (and queries read, so running one twice changes nothing). Mutations and subscriptions
 * never come here.
 */
export function compiledQueriesPlugin(): ApolloServerPlugin {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compiledFor = (schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byOperation = compiled.get(document);
    if (!byOperation) {
      byOperation = new Map();
      compiled.set(document, byOperation);
    }
    const key = operationName ?? '';
    if (byOperation.has(key)) return byOperation.get(key)!;
    if (byOperation.size >= MAX_OPERATIONS_PER_DOCUMENT) return null;
    const result = compileQuery(schema, document, operationName);
    // Not compilable (graphql-jit's own validation refused it): graphql-js answers, as before.
    const query = isCompiledQuery(result) ? result : null;
    byOperation.set(key, query);
    return query;
  };

  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext: GraphQLRequestContext<object>) {
          const { operation, document, schema, request, contextValue } = requestContext;
          if (operation?.operation !== 'query' || !document) return null;
          const query = compiledFor(schema, document, request.operationName ?? operation.name?.value);
          if (!query) return null;
          const result = await query.query(undefined, contextValue, request.variables ?? {});
          if (result.errors?.length || result.data == null) return null;
          return { body: { kind: 'single', singleResult: { data: result.data } }, http: { headers: new HeaderMap(), status: undefined } };
        },
      };
    },
  };
}
