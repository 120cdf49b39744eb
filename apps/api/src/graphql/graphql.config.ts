import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLError, GraphQLSchema, type GraphQLNamedType } from 'graphql';
import type { Request } from 'express';
import type { ResolvedApiOptions } from '../config/api-options';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Logger } from '../logging/logger';
import { requestIdsFrom } from '../logging/request-context';
import { formatGraphQLError, isInternalError, isUnavailableError } from './error-mapping';
import { buildGraphQLContext, type GraphQLContext } from './graphql-context';
import { compiledQueriesPlugin } from './compiled-queries.plugin';
import { costLimitPlugin } from './limits/cost-limit.plugin';
import { depthLimitRule } from './limits/depth-limit.rule';
import { queryTextPlugin } from './query-text.plugin';
import { CONTRACT_SCALARS, GraphQLDateTime } from './scalars';

export const GRAPHQL_PATH = '/graphql';

/** The Apollo driver's configuration: code-first schema, limits, errors, context. */
export function graphqlOptions(options: ResolvedApiOptions, logger: Logger, verifier: TokenVerifier): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: GRAPHQL_PATH,
    // Code first, schema kept in memory; sorted so printing it gives a stable diff.
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: {
      // A JS Date in a code-first field is the contract's DateTime (this scalar, not Nest's own
      // of the same name); calendar dates are strings typed with GraphQLDate explicitly.
      scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
    },
    transformSchema: withContractScalars,
    introspection: true,
    // Apollo's landing pages load from a CDN; the explorer is served locally at /graphiql.
    playground: false,
    graphiql: false,
    persistedQueries: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: !options.production,
    // error-mapping.ts maps Nest's HttpExceptions too: one place for every code.
    autoTransformHttpErrors: false,
    // Nest's plugin for this resets the status of any response with `data` to 200, after ours
    // ran: it would turn unavailableStatusPlugin's 503 back into a 200. Nothing else sets an
    // HTTP status during execution (resolver errors carry no extensions.http), so every other
    // execution error still answers 200, as before.
    preserveHttpStatusForExecutionErrors: false,
    parseOptions: { maxTokens: options.maxQueryTokens },
    validationRules: [depthLimitRule(options.maxQueryDepth)],
    plugins: [
      // Apollo installs its cache-control plugin unless told not to. Nothing here sets cache
      // hints, so it never produces a header; but it listens to willResolveField, which makes
      // Apollo wrap every field resolver of the schema and call the plugin on each field of
      // each response (about 4% of the api's CPU on a program page of 50 activities).
      ApolloServerPluginCacheControlDisabled(),
      subscriptionsOverWebSocketPlugin(),
      costLimitPlugin(options.maxQueryCost),
      queryTextPlugin(),
      errorLoggingPlugin(logger),
      unavailableStatusPlugin(),
      compiledQueriesPlugin(),
    ],
    formatError: (formatted, error) => formatGraphQLError(formatted, error, { production: options.production }),
    context: ({ req }: { req: Request }): Promise<GraphQLContext> =>
      buildGraphQLContext(verifier, req.headers.authorization, req.ids ?? requestIdsFrom(req.headers), req),
  };
}

/**
 * The contract declares Date, DateTime, Decimal and JSON; code first only emits the scalars
 * some field uses. Adding them always keeps the served schema a superset of the contract
 * while operations are still being written.
 */
function withContractScalars(schema: GraphQLSchema): GraphQLSchema {
  const missing = CONTRACT_SCALARS.filter((scalar) => !schema.getType(scalar.name));
  if (missing.length === 0) return schema;
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, types: [...config.types, ...(missing as GraphQLNamedType[])] });
}

/** Logs errors that will reach the client as INTERNAL_SERVER_ERROR (with stack: logs only). */
function errorLoggingPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName, contextValue }) {
          for (const error of errors) {
            if (isUnavailableError(error)) {
              logger.warn({ err: error.originalError ?? error, path: error.path, operationName, requestId: contextValue.requestId }, 'graphql operation failed: database unavailable');
            } else if (isInternalError(error)) {
              logger.error(
                { err: error.originalError ?? error, path: error.path, operationName, requestId: contextValue.requestId },
                'graphql operation failed',
              );
            } else {
              logger.debug({ message: error.message, code: error.extensions?.code, path: error.path, operationName }, 'graphql error');
            }
          }
        },
      };
    },
  };
}

/**
 * PostgreSQL unreachable (stopped, restarting, failing over) is no bug of ours and no fault of
 * the client's: HTTP 503 with Retry-After, so proxies, load balancers and clients treat it as
 * transient. The body is still a GraphQL response (error code in error-mapping.ts). Found by
 * hardening/postgres-restart.e2e.spec.ts, which used to get 200 and INTERNAL_SERVER_ERROR.
 */
function unavailableStatusPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          if (!errors?.some(isUnavailableError)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', '1');
        },
      };
    },
  };
}

/**
 * Subscriptions are served over WebSocket only (subscription-server.ts). Sent over HTTP, Apollo
 * would call the subscription field's resolver as if it were a query field, which fails inside
 * it as INTERNAL_SERVER_ERROR (found by hardening/input-fuzzing.e2e.spec.ts): refuse it up
 * front instead, as the WebSocket server refuses queries.
 */
function subscriptionsOverWebSocketPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError('subscriptions are served over WebSocket (graphql-ws protocol) at /graphql, not over HTTP', {
            nodes: operation,
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400, headers: new HeaderMap() } },
          });
        },
      };
    },
  };
}
