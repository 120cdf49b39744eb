import {
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromAST,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type FieldNode,
  GraphQLInt,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../connection';

/**
 * Fields whose resolver does far more than read a row, by `Type.field`, weighed in the unit of
 * a plain field (1: a column of a row already read). Without weights, 600 aliases of
 * `programAsOf` cost 1,200 and passed the limit, then took 3 s of the event loop; weighed,
 * such a request is refused before any resolver runs. The weights are for the field itself;
 * what it selects is added on top as for any field. With the default limit (10,000) a request
 * holds about 19 as-of views, or 4 verifications or digests.
 */
export const FIELD_WEIGHTS: Readonly<Record<string, number>> = {
  // Replays every event of the program's streams through the projections in memory: about 5 ms
  // for the reference program (600 aliases took 3 s), the work of some 500 plain fields.
  'Query.programAsOf': 500,
  // Recomputes hash chains: the program's streams, or every stream without programId (2.5 s at
  // 1,000,000 events); with `against` it also reads four columns of every event, once per alias.
  'Query.verifyHistory': 2_000,
  // Reads and hashes four columns of every event (3.1 s at 1,000,000 events). Aliases share one
  // digest being taken, but a request asking for many is asking for that much work.
  'Query.historyDigest': 2_000,
  // Two queries over the event log (a page of the program's events and their count) rather than
  // one over a read model; each event of the page is then costed as its own fields.
  'Query.programHistory': 50,
  // Holds a feed open on every append for as long as the client stays, and with `after` first
  // replays the program's events since that position.
  'Subscription.programHistoryAppended': 100,
  // The same feed, without the replay, plus a wait on the read model per signal.
  'Subscription.programChanged': 100,
};

/**
 * A rough upper bound of the work an operation asks for: every field costs 1 (or its weight in
 * FIELD_WEIGHTS), and a field that takes `first` multiplies what is below it by the page size
 * it will return (the argument, else the default page size). So `programs(first: 50) { edges {
 * node { activities(first: 20) { edges { node { id } } } } } }` costs about 50 x 20 x 3.
 * Computed with the request's variables (first: $n counts as n), which is why this runs
 * after validation (cost-limit.plugin.ts) and not as a cached validation rule.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
  weights: Readonly<Record<string, number>> = FIELD_WEIGHTS,
): number {
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!root) return 0;

  // Each fragment is costed once and reused at every spread (its cost does not depend on where
  // it is spread: its type condition says what it selects on). Expanding spreads instead is
  // 2^n work for fragment i spreading fragment i+1 twice (hardening/input-fuzzing.e2e.spec.ts).
  const costed = new Map<string, number>();
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, visiting: Set<string>): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(selection, parent, visiting);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) cost += walk(selection.selectionSet, type, visiting);
      } else {
        const name = selection.name.value;
        const known = costed.get(name);
        if (known !== undefined) {
          cost += known;
          continue;
        }
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (!type || !isCompositeType(type)) continue;
        visiting.add(name);
        const fragmentCost = walk(fragment.selectionSet, type, visiting);
        visiting.delete(name);
        costed.set(name, fragmentCost);
        cost += fragmentCost;
      }
    }
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLCompositeType, visiting: Set<string>): number => {
    if (node.name.value.startsWith('__')) return 1;
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
    const weight = weights[`${parent.name}.${node.name.value}`] ?? 1;
    if (!field || !node.selectionSet) return weight;
    const child = getNamedType(field.type);
    if (!isCompositeType(child)) return weight;
    return weight + pageSize(field, node, variables) * walk(node.selectionSet, child, visiting);
  };

  return walk(operation.selectionSet, root, new Set());
}

function pageSize(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number {
  if (!field.args.some((arg) => arg.name === 'first')) return 1;
  const argument = node.arguments?.find((arg) => arg.name.value === 'first');
  const value = argument ? valueFromAST(argument.value, GraphQLInt, variables) : undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return DEFAULT_PAGE_SIZE;
  // Above the maximum the resolver refuses the page anyway; do not let it inflate the cost.
  return Math.min(value, MAX_PAGE_SIZE);
}
