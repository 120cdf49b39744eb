import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { firstUnusableArgument } from './query-text.plugin';

function check(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d] as const),
  );
  return firstUnusableArgument(operation.selectionSet, fragments, variables);
}

describe('text a query argument cannot hold', () => {
  it('names the argument and the path inside it, written literally', () => {
    expect(check('{ organizations(filter: { kind: COMPANY, search: "a\\u0000" }) { totalCount } }')).toEqual({
      field: 'organizations',
      argument: 'filter.search',
      problem: 'holds the character U+0000, which no search or id can contain',
    });
  });

  it('finds it in a variable, at any place the variable is used', () => {
    expect(check('query ($f: ProgramFilter) { programs(filter: $f) { totalCount } }', { f: { search: 'ลาซาด้า\u0000' } })).toMatchObject({
      argument: 'filter.search',
    });
    expect(check('query ($s: String) { activities(filter: { search: $s }) { totalCount } }', { s: '\u0000' })).toMatchObject({
      field: 'activities',
      argument: 'filter.search',
    });
  });

  it('finds it in nested fields, lists and fragments', () => {
    expect(check('{ program(id: "p") { ...P } } fragment P on Program { activities(filter: { search: "x\\u0000" }) { totalCount } }')).toMatchObject({
      field: 'activities',
    });
    expect(check('query ($ids: [ID!]) { nodes(ids: $ids) { id } }', { ids: ['a', 'b\ud800'] })).toEqual({
      field: 'nodes',
      argument: 'ids[1]',
      problem: 'is not valid Unicode (an unpaired surrogate)',
    });
  });

  it('lets ordinary text through, Thai, emoji and all', () => {
    expect(check('query ($f: OrganizationFilter) { organizations(filter: $f) { totalCount } }', { f: { search: 'ลาซาด้า 🛒 𠀀' } })).toBeNull();
    expect(check('{ organizations(filter: { search: "%_\\\\" }) { totalCount } }')).toBeNull();
  });

  it('ignores variables no argument uses', () => {
    expect(check('{ programs { totalCount } }', { unused: '\u0000' })).toBeNull();
  });
});
