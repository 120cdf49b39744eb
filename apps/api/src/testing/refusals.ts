import { codesOf, type GraphQLBody } from './graphql-caller';
import type { TestApp } from './test-app';

/** A command sent, with the number of events it recorded. */
export interface Attempt {
  body: GraphQLBody;
  recorded: number;
}

/**
 * Sends a command and counts what it recorded. The count is the store's, before and after, so
 * a test sends one command at a time.
 */
export async function attempt(api: Pick<TestApp, 'eventCount'>, send: () => Promise<GraphQLBody>): Promise<Attempt> {
  const before = await api.eventCount();
  const body = await send();
  return { body, recorded: (await api.eventCount()) - before };
}

/**
 * The command was refused and recorded nothing: with `code`, its first error's extensions
 * matching `extensions`; without, any error. Returns the body for further checks.
 */
export function expectRefused({ body, recorded }: Attempt, code?: string, extensions: Record<string, unknown> = {}): GraphQLBody {
  if (code === undefined) expect(body.errors?.length).toBeGreaterThan(0);
  else expect(codesOf(body)).toEqual([code]);
  expect(body.errors?.[0].extensions).toMatchObject(extensions);
  expect(recorded).toBe(0);
  return body;
}
