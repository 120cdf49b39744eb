import { randomUUID } from 'node:crypto';
import type { Role } from '../auth/roles';
import type { TestApp } from './test-app';
import { bearer } from './test-tokens';

export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

/** Sends one operation as a given caller and resolves to the response body. */
export type Caller = (query: string, variables?: Record<string, unknown>) => Promise<GraphQLBody>;

/** A caller holding a token with `roles` (subject `<name>`), or no token at all for `null`. */
export async function callerFor(api: TestApp, roles: Role[] | null, subject?: string): Promise<Caller> {
  const authorization = roles === null ? undefined : await bearer(roles, subject);
  return async (query, variables) => (await api.graphql(query, variables, authorization)).body as GraphQLBody;
}

/** The data of a response that must have no error; the errors, in the failure message, if it has one. */
export function dataOf(body: GraphQLBody): Record<string, any> {
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors, null, 2)}`);
  if (!body.data) throw new Error(`no data in ${JSON.stringify(body)}`);
  return body.data;
}

export function codesOf(body: GraphQLBody): (string | undefined)[] {
  return (body.errors ?? []).map((error) => error.extensions?.code);
}

/** A fresh commandId, as a client would make one per user action. */
export function newCommandId(): string {
  return randomUUID();
}

/**
 * Sends mutation `name` with `input` (its input type is `<Name>Input`, as in the contract)
 * and `selection` as the payload's selection set.
 */
export function mutate(caller: Caller, name: string, input: Record<string, unknown>, selection: string): Promise<GraphQLBody> {
  const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  return caller(`mutation ($input: ${inputType}!) { ${name}(input: $input) ${selection} }`, { input });
}
