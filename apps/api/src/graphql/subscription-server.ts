import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { TOKEN_VERIFIER, type TokenVerifier } from '../auth/token-verifier';
import { API_OPTIONS, type ResolvedApiOptions } from '../config/api-options';
import { LOGGER, type Logger } from '../logging/logger';
import { requestIdsFrom } from '../logging/request-context';
import { formatGraphQLError, isInternalError } from './error-mapping';
import { GRAPHQL_PATH } from './graphql.config';
import { buildGraphQLContext } from './graphql-context';
import { depthLimitRule, limitError } from './limits/depth-limit.rule';
import { operationCost } from './limits/operation-cost';
import { unusableArgumentError } from './query-text.plugin';

/**
 * Subscriptions over WebSocket (graphql-ws protocol, `graphql-transport-ws`) at /graphql.
 * Wired here rather than through the Apollo driver's `subscriptions` option, which also
 * loads the deprecated subscriptions-transport-ws. The same rules as over HTTP: the token
 * (connectionParams.authorization, "Bearer <JWT>") is verified into the same context, the
 * access guard checks the subscription field, depth and cost limits and the check of argument
 * text (query-text.plugin.ts) apply, errors go through error-mapping.ts. Only subscriptions are
 * served here; queries and mutations go to POST /graphql.
 */
@Injectable()
export class SubscriptionServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private wss?: WebSocketServer;
  private disposable?: { dispose(): void | Promise<void> };

  constructor(
    private readonly httpAdapterHost: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(API_OPTIONS) private readonly options: ResolvedApiOptions,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const schema = this.schemaHost.schema;
    if (!schema.getSubscriptionType()) return;
    const server = this.httpAdapterHost.httpAdapter.getHttpServer() as HttpServer;
    this.wss = new WebSocketServer({ server, path: GRAPHQL_PATH, maxPayload: this.options.bodyLimitBytes });
    const format = { production: this.options.production };
    const rules = [...specifiedRules, depthLimitRule(this.options.maxQueryDepth)];

    this.disposable = useServer<Record<string, unknown> | undefined, { request: IncomingMessage }>(
      {
        onSubscribe: async (ctx, _id, payload) => {
          let document: DocumentNode;
          try {
            document = parse(payload.query, { maxTokens: this.options.maxQueryTokens });
          } catch (error) {
            return [error as GraphQLError];
          }
          const errors = validate(schema, document, rules);
          if (errors.length) return errors;
          const operation = getOperationAST(document, payload.operationName);
          if (!operation || operation.operation !== 'subscription') {
            return [
              new GraphQLError('only subscriptions are served over WebSocket: send queries and mutations to POST /graphql', {
                extensions: { code: 'BAD_USER_INPUT' },
              }),
            ];
          }
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          const cost = operationCost(schema, operation, fragments, payload.variables ?? {});
          if (cost > this.options.maxQueryCost) {
            return [limitError(`operation would cost about ${cost}; the limit is ${this.options.maxQueryCost}`, operation, { cost })];
          }
          const unusable = unusableArgumentError(document, operation, payload.variables ?? {});
          if (unusable) return [unusable];
          const headers = ctx.extra.request.headers;
          const authorization = connectionAuthorization(ctx.connectionParams) ?? headers.authorization;
          const ids = { ...requestIdsFrom(headers), requestId: randomUUID() };
          return {
            schema,
            document,
            operationName: payload.operationName,
            variableValues: payload.variables,
            contextValue: await buildGraphQLContext(this.verifier, authorization, ids),
          };
        },
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors ? { ...result, errors: result.errors.map((error) => this.format(error, format)) } : undefined,
        onError: (_ctx, _id, _payload, errors) => errors.map((error) => this.format(error, format)),
      },
      this.wss,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Open sockets would keep the HTTP server from closing.
    await this.disposable?.dispose();
    for (const client of this.wss?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (this.wss ? this.wss.close(() => resolve()) : resolve()));
  }

  private format(error: GraphQLError, options: { production: boolean }) {
    if (isInternalError(error)) this.logger.error({ err: error.originalError ?? error, path: error.path }, 'graphql subscription failed');
    return formatGraphQLError(error.toJSON(), error, options);
  }
}

function connectionAuthorization(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
}
