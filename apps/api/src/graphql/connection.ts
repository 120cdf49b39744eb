import type { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

/**
 * Relay cursor connections, as the contract shapes them:
 *   type XEdge { node: X! cursor: String! }
 *   type XConnection { edges: [XEdge!]! pageInfo: PageInfo! totalCount: Int! }
 *
 * A query resolver takes PageArgs, turns them into a PageRequest (pageRequest), fetches
 * `limit + 1` rows after the keyset (the extra row says whether there is a next page), and
 * returns toConnection(rows, request, keysetOf, totalCount). Cursors are opaque to clients:
 * base64url of the JSON keyset of the edge's row (for example [updatedAt, id]).
 */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_CURSOR_LENGTH = 1024;

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * The base class of a connection type. The concrete class names the GraphQL type:
 *   @ObjectType() export class OrganizationConnection extends Connection(Organization) {}
 * The edge type is `<node type name>Edge`; pass `nodeName` when the node class is named
 * differently from its GraphQL type (`Connection(OrganizationModel, 'Organization')`).
 */
export function Connection<T>(nodeType: Type<T>, nodeName: string = nodeType.name): Type<ConnectionShape<T>> {
  const EdgeType = edgeTypeFor(nodeType, nodeName);

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [EdgeType])
    edges: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

// One edge type per node type, however many connections list it (a second `ActivityEdge`
// would be a duplicate type name in the schema).
const edgeTypes = new Map<string, Type<unknown>>();

function edgeTypeFor<T>(nodeType: Type<T>, nodeName: string): Type<Edge<T>> {
  const existing = edgeTypes.get(nodeName);
  if (existing) return existing as Type<Edge<T>>;

  @ObjectType(`${nodeName}Edge`)
  class EdgeType implements Edge<T> {
    @Field(() => nodeType)
    node: T;

    @Field()
    cursor: string;
  }
  edgeTypes.set(nodeName, EdgeType);
  return EdgeType;
}

/** `first` and `after`, as every connection field of the contract takes them. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size; default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

export interface PageRequest<K> {
  /** Rows wanted on the page; fetch limit + 1. */
  limit: number;
  /** The keyset to continue after, or null for the first page. */
  after: K | null;
}

/** Validates `first` and decodes `after`; a bad value is BAD_USER_INPUT naming the argument. */
export function pageRequest<K = unknown>(
  args: { first?: number | null; after?: string | null },
  isKeyset: (value: unknown) => value is K = (value): value is K => value !== null,
): PageRequest<K> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) {
    throw badUserInput(`first must be between 0 and ${MAX_PAGE_SIZE}, not ${first}`, 'first');
  }
  if (first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be at most ${MAX_PAGE_SIZE}, not ${first}: fetch the rest with after`, 'first');
  }
  return { limit: first, after: args.after == null ? null : decodeCursor(args.after, isKeyset) };
}

/** Builds the connection from up to `limit + 1` rows fetched after the request's keyset. */
export function toConnection<T, K>(
  rows: readonly T[],
  request: Pick<PageRequest<K>, 'limit'>,
  keysetOf: (row: T) => K,
  totalCount: number,
): ConnectionShape<T> {
  const page = rows.slice(0, request.limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keysetOf(node)) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > request.limit, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount,
  };
}

export function encodeCursor(keyset: unknown): string {
  const json = JSON.stringify(keyset, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  if (json === undefined) throw new TypeError('a cursor keyset must be JSON');
  return Buffer.from(json, 'utf8').toString('base64url');
}

export function decodeCursor<K>(cursor: string, isKeyset: (value: unknown) => value is K): K {
  const invalid = () => badUserInput('after is not a cursor of this list: pass a pageInfo.endCursor unchanged', 'after');
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!isKeyset(value)) throw invalid();
  return value;
}

function badUserInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** The same connection with each node turned into another shape (rows into GraphQL objects). */
export function mapConnection<T, U>(connection: ConnectionShape<T>, map: (node: T) => U): ConnectionShape<U> {
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) })) };
}

/** A connection with nothing in it: a filter that can match no row (an id that is not a UUID). */
export function emptyConnection<T>(): ConnectionShape<T> {
  return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
}
