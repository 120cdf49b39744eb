import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Refuses operations nested deeper than `maxDepth` fields (programs > edges > node >
 * activities > ... ), counting through fragments. Introspection (`__schema`, `__type`) is
 * measured against its own, higher limit: GraphiQL's standard introspection query is about
 * 13 levels deep, all of them `ofType`.
 */
export function depthLimitRule(maxDepth: number, maxIntrospectionDepth = 20) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        const { depth, introspectionDepth } = measure(operation.selectionSet, fragments);
        if (depth > maxDepth) {
          context.reportError(limitError(`operation is ${depth} levels deep; the limit is ${maxDepth}`, operation, { depth, maxDepth }));
        }
        if (introspectionDepth > maxIntrospectionDepth) {
          context.reportError(
            limitError(`introspection is ${introspectionDepth} levels deep; the limit is ${maxIntrospectionDepth}`, operation, {
              depth: introspectionDepth,
              maxDepth: maxIntrospectionDepth,
            }),
          );
        }
      },
    };
  };
}

export function operationDepth(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): number {
  return measure(selectionSet, fragments).depth;
}

function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
): { depth: number; introspectionDepth: number } {
  let depth = 0;
  let introspectionDepth = 0;
  const walk = (set: SelectionSetNode, level: number, inIntrospection: boolean, visiting: Set<string>): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const introspection = inIntrospection || selection.name.value.startsWith('__');
        if (introspection) introspectionDepth = Math.max(introspectionDepth, level);
        else depth = Math.max(depth, level);
        if (selection.selectionSet) walk(selection.selectionSet, level + 1, introspection, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, level, inIntrospection, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Unknown and cyclic fragments are reported by graphql-js's own rules.
        if (fragment === undefined || visiting.has(name)) continue;
        visiting.add(name);
        walk(fragment.selectionSet, level, inIntrospection, visiting);
        visiting.delete(name);
      }
    }
  };
  walk(selectionSet, 1, false, new Set());
  return { depth, introspectionDepth };
}

export function limitError(message: string, node: import('graphql').ASTNode | undefined, details: Record<string, unknown>) {
  // BAD_USER_INPUT, not Apollo's GRAPHQL_VALIDATION_FAILED: the document is valid GraphQL,
  // the client asked for too much (error-mapping.ts keeps this code).
  return new GraphQLError(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT', ...details } });
}
