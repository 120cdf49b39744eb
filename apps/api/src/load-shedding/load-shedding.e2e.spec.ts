import type { AddressInfo } from 'node:net';
import type { PoolClient } from 'pg';
import { callerFor, dataOf, mutate, newCommandId } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { bearer } from '../testing/test-tokens';

/**
 * Past the limit of GraphQL requests at once, the api refuses at once (503, Retry-After, a
 * GraphQL error with reason OVERLOADED) instead of queueing, counts it, and keeps answering
 * /health, /ready and /metrics. Overload is made deterministically: a limit of 1, and one
 * `program(id)` held in flight by a lock on the programs table that its read waits for.
 */
const RETRY_AFTER_SECONDS = 7;
jest.setTimeout(30_000);

let api: TestApp;
let baseUrl: string;
let planner: string;
let programId: string;

beforeAll(async () => {
  api = await startTestApp({
    projector: true,
    maxConcurrentRequests: 1,
    overloadRetryAfterSeconds: RETRY_AFTER_SECONDS,
    // Long enough that a mutation waiting for a stopped projector is still waiting when looked at.
    readYourWritesTimeoutMs: 60_000,
  });
  await api.app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  planner = await bearer(['planner']);
  const launched = dataOf(
    await mutate(await callerFor(api, ['planner']), 'launchProgram', { title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, '{ program { id } result { projected } }'),
  );
  expect(launched.launchProgram.result.projected).toBe(true);
  programId = launched.launchProgram.program.id;
});

afterAll(async () => {
  await api?.close();
});

const PROGRAM_QUERY = 'query ($id: ID!) { program(id: $id) { id title { en } status } }';

async function post(body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    signal,
    headers: { 'content-type': 'application/json', authorization: planner, ...headers },
    body: JSON.stringify(body),
  });
}

async function metricsText(): Promise<string> {
  return (await fetch(`${baseUrl}/metrics`)).text();
}

async function shedCount(): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const line = /^tracker_http_requests_shed_total (\d+)$/m.exec(text);
  if (!line) throw new Error('tracker_http_requests_shed_total is not exported');
  return Number(line[1]);
}

/** Holds an exclusive lock on the programs table until released: a read of it waits. */
async function lockPrograms(): Promise<{ release(): Promise<void>; waiters(): Promise<number> }> {
  const client: PoolClient = await api.database.pool.connect();
  await client.query('begin');
  await client.query('lock table read_model.programs in access exclusive mode');
  return {
    waiters: async () => {
      const { rows } = await api.database.pool.query<{ waiting: number }>(
        `select count(*)::int as waiting from pg_locks where relation = 'read_model.programs'::regclass and not granted`,
      );
      return rows[0].waiting;
    },
    release: async () => {
      await client.query('commit');
      client.release();
    },
  };
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  // A bound on a wait, not a timing assertion: the condition is what is checked.
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('with one request in flight and a limit of one', () => {
  let lock: Awaited<ReturnType<typeof lockPrograms>>;
  let held: Promise<Response>;
  let shedBefore: number;

  beforeAll(async () => {
    shedBefore = await shedCount();
    lock = await lockPrograms();
    held = post({ query: PROGRAM_QUERY, variables: { id: programId } });
    await until(async () => (await lock.waiters()) > 0, 'the held program(id) to wait for the lock');
  });

  afterAll(async () => {
    await lock?.release().catch(() => undefined);
  });

  it('refuses a query at once with 503, Retry-After and a GraphQL error saying OVERLOADED', async () => {
    const response = await post({ query: PROGRAM_QUERY, variables: { id: programId } });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({
      errors: [{ message: expect.stringContaining('limit of 1 request'), extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'OVERLOADED' } }],
    });
  });

  it('answers in the media type asked for, as Apollo does (GraphQL over HTTP)', async () => {
    const response = await post({ query: PROGRAM_QUERY, variables: { id: programId } }, { accept: 'application/graphql-response+json' });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
  });

  it('refuses a mutation the same way, and records nothing', async () => {
    const before = await api.eventCount();
    const response = await post({
      query: 'mutation ($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { result { version } } }',
      variables: { input: { commandId: newCommandId(), name: { en: 'Lazada (Thailand) Co., Ltd.' }, kind: 'COMPANY' } },
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { errors: { extensions: unknown }[] }).errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'OVERLOADED' });
    expect(await api.eventCount()).toBe(before);
  });

  it('refuses a body it never reads, however malformed, and keeps the connection usable', async () => {
    const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(503);
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
  });

  it('keeps answering /health, /ready and /metrics', async () => {
    expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
    const ready = await fetch(`${baseUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', database: 'up', readModel: 'up', eventStore: 'up' });
    expect((await fetch(`${baseUrl}/metrics`)).status).toBe(200);
  });

  it('counts every refusal in /metrics, with the request in flight', async () => {
    expect(await shedCount()).toBe(shedBefore + 4);
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(text).toMatch(/^tracker_http_requests_in_flight 1$/m);
    expect(text).toMatch(/^http_requests_total\{method="POST",route="\/graphql",status="503"\} 4$/m);
  });

  it('still answers the held request, correctly, once its read can go on', async () => {
    await lock.release();
    const response = await held;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { program: { id: programId, title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' } } });
  });

  it('serves the next request once the place is free again', async () => {
    const response = await post({ query: PROGRAM_QUERY, variables: { id: programId } });
    expect(response.status).toBe(200);
    expect(dataOf((await response.json()) as { data: Record<string, unknown> }).program).toMatchObject({ id: programId });
    const text = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(text).toMatch(/^tracker_http_requests_in_flight 0$/m);
  });
});

describe('a request whose client went away', () => {
  it('gives its place back, so the next request is served', async () => {
    const lock = await lockPrograms();
    let next: Promise<Response>;
    try {
      const client = new AbortController();
      const abandoned = post({ query: PROGRAM_QUERY, variables: { id: programId } }, {}, client.signal).catch(() => 'aborted');
      await until(async () => (await lock.waiters()) > 0, 'the request to wait for the lock');
      client.abort();
      expect(await abandoned).toBe('aborted');
      await until(async () => /^tracker_http_requests_in_flight 0$/m.test(await metricsText()), 'its place to be given back');
      next = post({ query: PROGRAM_QUERY, variables: { id: programId } });
      await until(async () => (await lock.waiters()) > 1, 'the next request to be admitted and wait for the lock');
    } finally {
      await lock.release();
    }
    expect((await next).status).toBe(200);
  });
});

describe('a mutation waiting for the projector (read-your-writes)', () => {
  it('gives its place back while it waits, so a slow projector does not make the api shed every read', async () => {
    await api.stopProjector();
    let waiting: Promise<Response> | undefined;
    try {
      const before = await api.eventCount();
      waiting = post({
        query: 'mutation ($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { organization { id } result { projected } } }',
        variables: { input: { commandId: newCommandId(), name: { en: 'Shopee (Thailand) Co., Ltd.' }, kind: 'COMPANY' } },
      });
      await until(async () => (await api.eventCount()) > before, 'the mutation to be recorded');
      await until(async () => /^tracker_http_requests_in_flight 0$/m.test(await metricsText()), 'the waiting mutation to give its place back');
      const read = await post({ query: PROGRAM_QUERY, variables: { id: programId } });
      expect(read.status).toBe(200);
    } finally {
      await api.startProjector();
    }
    const answered = (await (await waiting).json()) as { data: { registerOrganization: { organization: { id: string } | null; result: { projected: boolean } } } };
    expect(answered.data.registerOrganization.result.projected).toBe(true);
    expect(answered.data.registerOrganization.organization).not.toBeNull();
  });
});
