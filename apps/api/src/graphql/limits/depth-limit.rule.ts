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

interface Depths {
  depth: number;
  introspectionDepth: number;
}

/**
 * Depths relative to `selectionSet` (its own fields are level 1). Each fragment is measured
 * once and its depths reused at every spread: expanding spreads instead makes a document of a
 * few hundred bytes (fragment i spreading fragment i+1 twice) cost 2^n steps, and the event
 * loop stalls on one request (found by hardening/input-fuzzing.e2e.spec.ts).
 */
function measure(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): Depths {
  const none: Depths = { depth: 0, introspectionDepth: 0 };
  const measured = new Map<string, Depths>();
  const walk = (set: SelectionSetNode, inIntrospection: boolean, visiting: Set<string>): Depths => {
    let depth = 0;
    let introspectionDepth = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const introspection = inIntrospection || selection.name.value.startsWith('__');
        const below = selection.selectionSet ? walk(selection.selectionSet, introspection, visiting) : none;
        if (introspection) {
          introspectionDepth = Math.max(introspectionDepth, 1 + below.introspectionDepth);
        } else {
          depth = Math.max(depth, 1 + below.depth);
          if (below.introspectionDepth > 0) introspectionDepth = Math.max(introspectionDepth, 1 + below.introspectionDepth);
        }
      } else {
        let inner: Depths = none;
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          inner = walk(selection.selectionSet, inIntrospection, visiting);
        } else {
          const name = selection.name.value;
          const key = `${name}|${inIntrospection}`;
          const fragment = fragments.get(name);
          // Unknown and cyclic fragments are reported by graphql-js's own rules.
          if (fragment !== undefined && !visiting.has(name)) {
            const known = measured.get(key);
            if (known) {
              inner = known;
            } else {
              visiting.add(name);
              inner = walk(fragment.selectionSet, inIntrospection, visiting);
              visiting.delete(name);
              measured.set(key, inner);
            }
          }
        }
        depth = Math.max(depth, inner.depth);
        introspectionDepth = Math.max(introspectionDepth, inner.introspectionDepth);
      }
    }
    return { depth, introspectionDepth };
  };
  return walk(selectionSet, false, new Set());
}

export function limitError(message: string, node: import('graphql').ASTNode | undefined, details: Record<string, unknown>) {
  // BAD_USER_INPUT, not Apollo's GRAPHQL_VALIDATION_FAILED: the document is valid GraphQL,
  // the client asked for too much (error-mapping.ts keeps this code).
  return new GraphQLError(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT', ...details } });
}
