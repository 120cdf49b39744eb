import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLSchema, type GraphQLNamedType } from 'graphql';
import type { Request } from 'express';
import type { ResolvedApiOptions } from '../config/api-options';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Logger } from '../logging/logger';
import { requestIdsFrom } from '../logging/request-context';
import { formatGraphQLError, isInternalError } from './error-mapping';
import { buildGraphQLContext, type GraphQLContext } from './graphql-context';
import { costLimitPlugin } from './limits/cost-limit.plugin';
import { depthLimitRule } from './limits/depth-limit.rule';
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
    validationRules: [depthLimitRule(options.maxQueryDepth)],
    plugins: [costLimitPlugin(options.maxQueryCost), errorLoggingPlugin(logger)],
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
export function withContractScalars(schema: GraphQLSchema): GraphQLSchema {
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
            if (isInternalError(error)) {
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
