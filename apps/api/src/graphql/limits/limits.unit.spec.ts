import { buildSchema, Kind, parse, specifiedRules, validate, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { depthLimitRule } from './depth-limit.rule';
import { FIELD_WEIGHTS, operationCost } from './operation-cost';

const schema = buildSchema(`
  type Query { programs(first: Int, after: String): ProgramConnection! program(id: ID!): Program programAsOf(id: ID!): Program }
  type ProgramConnection { edges: [ProgramEdge!]! totalCount: Int! }
  type ProgramEdge { node: Program! cursor: String! }
  type Program { id: ID! title: String partners: [Partner!]! parent: Program activities(first: Int): ProgramConnection! }
  type Partner { name: String }
`);

function depthErrors(query: string, maxDepth = 4) {
  return validate(schema, parse(query), [...specifiedRules, depthLimitRule(maxDepth)]).map((error) => error.message);
}

function cost(query: string, variables: Record<string, unknown> = {}, weights: Record<string, number> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d] as const),
  );
  return operationCost(schema, operation, fragments, variables, weights);
}

describe('the depth limit', () => {
  it('allows an operation at the limit', () => {
    expect(depthErrors('{ program(id: "p") { parent { parent { id } } } }')).toEqual([]);
  });

  it('refuses an operation past the limit, counting through fragments', () => {
    expect(depthErrors('{ program(id: "p") { ...P } } fragment P on Program { parent { parent { parent { id } } } }')).toEqual([
      'operation is 5 levels deep; the limit is 4',
    ]);
  });

  it('measures introspection against its own limit, so tools can load the schema', () => {
    const introspection = '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }';
    expect(depthErrors(introspection)).toEqual([]);
    expect(depthErrors(introspection.replace('{ name }', `{ ${'ofType { '.repeat(15)}name${' }'.repeat(15)} }`))).toHaveLength(1);
  });

  it('does not loop on a fragment cycle (graphql-js reports the cycle itself)', () => {
    const errors = depthErrors('{ program(id: "p") { ...A } } fragment A on Program { parent { ...A } }');
    expect(errors.some((message) => message.includes('Cannot spread fragment "A" within itself'))).toBe(true);
  });
});

describe('the operation cost', () => {
  it('counts each field once when nothing is paged', () => {
    expect(cost('{ program(id: "p") { id title partners { name } } }')).toBe(5);
  });

  it('multiplies what is below a paged field by its page size', () => {
    // programs: 1 + 10 x (edges 1 + node (1 + id 1)) = 31
    expect(cost('{ programs(first: 10) { edges { node { id } } } }')).toBe(31);
  });

  it('takes the page size from variables, and the default 20 when none is given', () => {
    expect(cost('query ($n: Int) { programs(first: $n) { edges { node { id } } } }', { n: 50 })).toBe(151);
    expect(cost('{ programs { edges { node { id } } } }')).toBe(61);
  });

  it('multiplies nested pages together', () => {
    const nested = '{ programs(first: 10) { edges { node { activities(first: 10) { edges { node { id } } } } } } }';
    // inner activities: 1 + 10 x 3 = 31; node: 1 + 31 = 32; edges: 1 + 32 = 33; programs: 1 + 10 x 33
    expect(cost(nested)).toBe(331);
  });

  it('caps a page size above the maximum at the maximum', () => {
    expect(cost('{ programs(first: 1000000) { totalCount } }')).toBe(101);
  });

  it('weighs an expensive field by its weight, adding what it selects', () => {
    const weights = { 'Query.programAsOf': 500 };
    expect(cost('{ programAsOf(id: "p") { id title } }', {}, weights)).toBe(502);
    expect(cost('{ a: programAsOf(id: "p") { id } b: programAsOf(id: "q") { id } }', {}, weights)).toBe(1002);
    // The weight belongs to the field of that type only.
    expect(cost('{ program(id: "p") { id } }', {}, weights)).toBe(2);
  });

  it('multiplies a weighed field under a page like any other', () => {
    expect(cost('{ programs(first: 10) { edges { node { parent { id } } } } }', {}, { 'Program.parent': 100 })).toBe(1 + 10 * (1 + 1 + 101));
  });
});

describe('the weights of the expensive fields', () => {
  it('weigh the as-of replay, verification, digest and history by their work', () => {
    expect(Object.keys(FIELD_WEIGHTS).sort()).toEqual([
      'Query.historyDigest',
      'Query.programAsOf',
      'Query.programHistory',
      'Query.verifyHistory',
      'Subscription.programChanged',
      'Subscription.programHistoryAppended',
    ]);
    expect(Object.values(FIELD_WEIGHTS).every((weight) => weight > 1)).toBe(true);
  });

  it('refuse 600 as-of views in one request under the default limit, and allow a few', () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: programAsOf(id: "p") { id }`).join(' ')} }`;
    expect(cost(aliases(600), {}, FIELD_WEIGHTS)).toBeGreaterThan(10_000);
    expect(cost(aliases(5), {}, FIELD_WEIGHTS)).toBeLessThan(10_000);
  });
});

/** Fragment i spreads fragment i+1 twice: 2^levels fields once expanded, a few hundred bytes to send. */
function fragmentBomb(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Program { id }` : `fragment F${i} on Program { ...F${i + 1} ...F${i + 1} }`,
  );
  return `{ program(id: "p") { ...F0 } } ${fragments.join(' ')}`;
}

// 2^39 fields once expanded: returning at all proves the spreads were not walked one by one.
describe('a fragment bomb (regression: the limits expanded every spread, 2^n work on one request)', () => {
  it('is measured for depth without expanding the fragments', () => {
    expect(depthErrors(fragmentBomb(40), 10)).toEqual([]);
    expect(depthErrors(fragmentBomb(40), 1)).toEqual(['operation is 2 levels deep; the limit is 1']);
  });

  it('is costed without expanding the fragments, and costs what it would expand to', () => {
    expect(cost(fragmentBomb(40))).toBe(1 + 2 ** 39);
  });
});
