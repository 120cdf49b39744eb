import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

// In a /u regex, \p{Cs} matches only surrogates that are not part of a pair.
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/** Why `text` cannot be a query's argument, or null when it can. */
function unusable(text: string): string | null {
  if (text.includes('\u0000')) return 'holds the character U+0000, which no search or id can contain';
  if (UNPAIRED_SURROGATE.test(text)) return 'is not valid Unicode (an unpaired surrogate)';
  return null;
}

/**
 * Refuses a query or subscription whose arguments hold text PostgreSQL cannot take, as
 * BAD_USER_INPUT naming the argument (`filter.search`), before any resolver runs. U+0000 in
 * `organizations(filter: {search})` reached PostgreSQL, which refused it ("invalid byte
 * sequence"), and came back as INTERNAL_SERVER_ERROR with a stack trace (found by probing the
 * running api). Checked here once for every argument of every field, literal or variable,
 * rather than in each query handler, so a new filter is covered without a line of its own.
 *
 * Mutations are left to the domain, which refuses the same text naming the field in the
 * command's terms (`title.en`, shared/validation.ts) and records nothing.
 */
export function queryTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const error = unusableArgumentError(document, operation, request.variables ?? {});
          if (error) throw error;
        },
      };
    },
  };
}

/** The refusal for `operation` (null when its arguments are fine); the WebSocket server uses it too. */
export function unusableArgumentError(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError | null {
  if (operation.operation === 'mutation') return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const found = firstUnusableArgument(operation.selectionSet, fragments, variables);
  if (!found) return null;
  return new GraphQLError(`argument ${found.argument} of ${found.field} ${found.problem}`, {
    nodes: operation,
    // Apollo answers a request refused before execution with this HTTP status.
    extensions: { code: 'BAD_USER_INPUT', field: found.argument, http: { status: 400, headers: new HeaderMap() } },
  });
}

interface UnusableArgument {
  /** The query field that takes the argument (`organizations`). */
  field: string;
  /** The argument and the path inside it (`filter.search`, `ids[2]`). */
  argument: string;
  problem: string;
}

/** Every field's arguments, through fragments (each fragment read once), the first bad text found. */
export function firstUnusableArgument(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): UnusableArgument | null {
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode): UnusableArgument | null => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) {
          const found = inValue(argument.value, argument.name.value, variables);
          if (found) return { field: selection.name.value, ...found };
        }
        const below = selection.selectionSet ? walk(selection.selectionSet) : null;
        if (below) return below;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const below = walk(selection.selectionSet);
        if (below) return below;
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visited.has(fragment.name.value)) continue;
        visited.add(fragment.name.value);
        const below = walk(fragment.selectionSet);
        if (below) return below;
      }
    }
    return null;
  };
  return walk(selectionSet);
}

function inValue(value: ValueNode, path: string, variables: Record<string, unknown>): Omit<UnusableArgument, 'field'> | null {
  switch (value.kind) {
    case Kind.STRING: {
      const problem = unusable(value.value);
      return problem ? { argument: path, problem } : null;
    }
    case Kind.VARIABLE:
      return inVariable(variables[value.name.value], path);
    case Kind.LIST:
      for (const [index, item] of value.values.entries()) {
        const found = inValue(item, `${path}[${index}]`, variables);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const field of value.fields) {
        const found = inValue(field.value, `${path}.${field.name.value}`, variables);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

/**
 * No input type of the schema nests this deep; below it the value cannot coerce and graphql-js
 * refuses it. Bounding the walk keeps a 1 MiB variable of nested lists from overflowing the stack.
 */
const MAX_VARIABLE_DEPTH = 32;

/** A variable's value as sent (JSON): its strings, down to MAX_VARIABLE_DEPTH. */
function inVariable(value: unknown, path: string, depth = 0): Omit<UnusableArgument, 'field'> | null {
  if (depth > MAX_VARIABLE_DEPTH) return null;
  if (typeof value === 'string') {
    const problem = unusable(value);
    return problem ? { argument: path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = inVariable(item, `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = inVariable(item, `${path}.${key}`, depth + 1);
      if (found) return found;
    }
  }
  return null;
}
