import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import { limitError } from './depth-limit.rule';
import { operationCost } from './operation-cost';

/** Refuses an operation whose estimated cost (operation-cost.ts) is above `maxCost`, before it runs. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          const cost = operationCost(schema, operation, fragments, request.variables ?? {});
          if (cost > maxCost) {
            const error = limitError(
              `operation would cost about ${cost}; the limit is ${maxCost}: ask for smaller pages (first) or fewer nested lists`,
              operation,
              // Apollo answers a request refused before execution with this HTTP status.
              { cost, maxCost, http: { status: 400, headers: new HeaderMap() } },
            );
            throw error;
          }
        },
      };
    },
  };
}
