import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, pageRequest, toConnection } from './connection';

const isIdKeyset = (value: unknown): value is [string, string] =>
  Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === 'string');

function codeOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : error;
  }
  return undefined;
}

describe('cursors', () => {
  it('round-trip a keyset through an opaque base64url string', () => {
    const cursor = encodeCursor(['2019-12-16T02:00:00.000Z', 'program-1']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, isIdKeyset)).toEqual(['2019-12-16T02:00:00.000Z', 'program-1']);
  });

  it('write bigints (positions) as strings', () => {
    expect(decodeCursor(encodeCursor({ position: 12n }), (_value): _value is { position: string } => true)).toEqual({ position: '12' });
  });

  it.each([['not base64!'], [Buffer.from('not json').toString('base64url')], [encodeCursor({ other: 'shape' })], ['A'.repeat(2000)]])(
    'refuse %j as BAD_USER_INPUT',
    (cursor) => {
      expect(codeOf(() => decodeCursor(cursor, isIdKeyset))).toBe('BAD_USER_INPUT');
    },
  );
});

describe('pageRequest', () => {
  it('asks for 20 rows when first is not given', () => {
    expect(pageRequest({})).toEqual({ limit: 20, after: null });
    expect(pageRequest({ first: null, after: null })).toEqual({ limit: 20, after: null });
  });

  it('takes first up to 100 and decodes after', () => {
    expect(pageRequest({ first: 100, after: encodeCursor(['a', 'b']) }, isIdKeyset)).toEqual({ limit: 100, after: ['a', 'b'] });
  });

  it('refuses first above 100 or below 0 as BAD_USER_INPUT', () => {
    expect(codeOf(() => pageRequest({ first: 101 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => pageRequest({ first: -1 }))).toBe('BAD_USER_INPUT');
  });
});

describe('toConnection', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('says there is a next page when the extra row came back, and ends at the last edge shown', () => {
    const connection = toConnection(rows, { limit: 2 }, (row) => [row.id], 7);
    expect(connection.edges.map((edge) => edge.node.id)).toEqual(['a', 'b']);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(['b']) });
    expect(connection.totalCount).toBe(7);
  });

  it('says there is no next page on the last page, and has no end cursor when empty', () => {
    expect(toConnection(rows, { limit: 3 }, (row) => [row.id], 3).pageInfo.hasNextPage).toBe(false);
    expect(toConnection([], { limit: 20 }, (row: { id: string }) => [row.id], 0).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
