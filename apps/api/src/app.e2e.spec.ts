import { randomUUID } from 'node:crypto';
import { EVENT_STORE } from './database/database.module';
import type { EventStore } from '@tracker/event-store';
import request from 'supertest';
import { createApp } from './create-app';
import { createLogger } from './logging/logger';
import { startTestApp, type TestApp } from './testing/test-app';
import { TEST_ACCESS_RULES, TestOperationsModule } from './testing/test-operations.module';
import { bearer, signTestToken, TEST_JWT_SECRET } from './testing/test-tokens';

// One app for the file (starting one costs a second); each test reads what it needs.
let api: TestApp;
let admin: string;

beforeAll(async () => {
  api = await startTestApp({ extraModules: [TestOperationsModule], extraAccessRules: TEST_ACCESS_RULES });
  admin = await bearer(['admin']);
});

afterAll(async () => {
  await api?.close();
});

function codes(body: { errors?: { extensions?: { code?: string } }[] }): (string | undefined)[] {
  return (body.errors ?? []).map((error) => error.extensions?.code);
}

describe('health endpoints', () => {
  it('answers /health with status ok', async () => {
    const response = await api.http.get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers /ready with the database up and each projection lag', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    const id = randomUUID();
    for (let i = 0; i < 3; i += 1) {
      await store.append(
        `test-${id}`,
        [{ eventId: randomUUID(), type: 'TestHappened', schemaVersion: 1, data: { i }, metadata: { actor: 'tester' } }],
        'any',
      );
    }
    const { rows } = await api.database.pool.query<{ head: string }>('select max(position)::text as head from events');
    const head = BigInt(rows[0].head);
    // The api creates the read model's tables at start; no projector runs here to move them.
    await api.database.pool.query(`insert into read_model.projection_checkpoints (projection, position) values ('programs', $1)`, [
      String(head - 2n),
    ]);

    const response = await api.http.get('/ready').expect(200);

    expect(response.body).toMatchObject({
      status: 'ok',
      database: 'up',
      readModel: 'up',
      eventStore: 'up',
      head: String(head),
      projections: [{ projection: 'programs', position: String(head - 2n), lag: '2' }],
    });
  });

  it('exports request, event and projection-lag metrics as Prometheus text', async () => {
    await api.http.get('/health');
    const response = await api.http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toMatch(/http_requests_total\{method="GET",route="\/health",status="200"\} \d+/);
    expect(response.text).toMatch(/http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/health"/);
    expect(response.text).toMatch(/tracker_events_appended_total\{type="TestHappened"\} 3/);
    expect(response.text).toMatch(/tracker_projection_lag_events\{projection="programs"\} 2/);
  });

  it('answers /ready with 503 when the database cannot be reached', async () => {
    // Nothing listens on port 1: every connection attempt is refused at once.
    const app = await createApp({
      databaseUrl: 'postgres://postgres:postgres@127.0.0.1:1/tracker',
      jwtSecret: TEST_JWT_SECRET,
      logLevel: 'silent',
      migrate: false,
    });
    try {
      const response = await request(app.getHttpServer()).get('/ready').expect(503);
      expect(response.body).toEqual({ status: 'unavailable', database: 'down', readModel: 'down', eventStore: 'down' });
      await request(app.getHttpServer()).get('/health').expect(200);
    } finally {
      await app.close();
    }
  });

  it('answers a query and a mutation with 503 and Retry-After when the database cannot be reached (regression: 200 with the driver error as INTERNAL_SERVER_ERROR)', async () => {
    const app = await createApp({
      databaseUrl: 'postgres://postgres:postgres@127.0.0.1:1/tracker',
      jwtSecret: TEST_JWT_SECRET,
      logLevel: 'silent',
      migrate: false,
    });
    try {
      for (const query of ['{ programs { totalCount } }', 'mutation { registerOrganization(input: { name: { en: "Lazada" }, kind: COMPANY }) { result { version } } }']) {
        const response = await request(app.getHttpServer()).post('/graphql').set('authorization', admin).send({ query });
        expect(response.status).toBe(503);
        expect(response.headers['retry-after']).toBe('1');
        expect(response.body.errors).toHaveLength(1);
        expect(response.body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', reason: 'DATABASE_UNAVAILABLE' });
        expect(response.body.errors[0].message).toMatch(/^the database is unavailable: retry in a moment/);
      }
    } finally {
      await app.close();
    }
  });
});

describe('plain HTTP', () => {
  it('answers an unknown path with a JSON 404', async () => {
    const response = await api.http.get('/nope').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404 });
  });
});

describe('request ids', () => {
  it('echoes x-request-id and x-correlation-id and hands them to resolvers', async () => {
    const response = await api.http
      .post('/graphql')
      .set('authorization', admin)
      .set('x-request-id', 'req-123')
      .set('x-correlation-id', 'corr-456')
      .send({ query: '{ testCaller { subject roles requestId correlationId } }' })
      .expect(200);
    expect(response.headers['x-request-id']).toBe('req-123');
    expect(response.headers['x-correlation-id']).toBe('corr-456');
    expect(response.body.data.testCaller).toEqual({
      subject: 'test-admin',
      roles: ['admin'],
      requestId: 'req-123',
      correlationId: 'corr-456',
    });
  });

  it('makes up a request id, used as the correlation id, when none is sent', async () => {
    const response = await api.graphql('{ testCaller { requestId correlationId } }', undefined, admin).expect(200);
    const { requestId, correlationId } = response.body.data.testCaller;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationId).toBe(requestId);
    expect(response.headers['x-request-id']).toBe(requestId);
  });
});

describe('authentication and roles', () => {
  it('answers UNAUTHENTICATED when no token is sent', async () => {
    const response = await api.graphql('{ testCaller { subject } }');
    expect(codes(response.body)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.data).toBeNull();
  });

  it('answers UNAUTHENTICATED for an expired token, saying so', async () => {
    const expired = await signTestToken({ roles: ['admin'] }, { expiresInSeconds: -60 });
    const response = await api.graphql('{ testCaller { subject } }', undefined, `Bearer ${expired}`);
    expect(codes(response.body)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.errors[0].message).toBe('token has expired');
  });

  describe('refusing bad tokens over HTTP, for a query and for a mutation (which records nothing)', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const tokens: [string, () => Promise<string>, string][] = [
      ['an expired token', async () => `Bearer ${await signTestToken({ roles: ['admin'] }, { expiresInSeconds: -60 })}`, 'token has expired'],
      ['a token not valid yet (nbf an hour ahead)', async () => `Bearer ${await signTestToken({ roles: ['admin'], nbf: now() + 3600 })}`, 'token is not valid yet (nbf)'],
      ['a token signed with another secret', async () => `Bearer ${await signTestToken({ roles: ['admin'] }, { secret: 'someone-else-someone-else-someone-else-0123' })}`, 'token signature is invalid'],
      ['an unsigned token (alg none)', async () => `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'mallory', roles: ['admin'], exp: now() + 300 })}.`, 'token algorithm none is not accepted'],
      ['a token signed HS512 with the right secret (the algorithm is pinned)', async () => `Bearer ${await signTestToken({ roles: ['admin'] }, { alg: 'HS512' })}`, 'token algorithm HS512 is not accepted'],
      ['a valid token with its payload swapped for an admin one', async () => {
        const [header, , signature] = (await signTestToken({ roles: ['auditor'] })).split('.');
        return `Bearer ${header}.${part({ sub: 'mallory', roles: ['admin'], exp: now() + 300 })}.${signature}`;
      }, 'token signature is invalid'],
      ['a token valid for a year (longer than the one-day maximum)', async () => `Bearer ${await signTestToken({ roles: ['admin'] }, { expiresInSeconds: 365 * 86_400 })}`, 'token lifetime (exp - iat) is 31536000 s; at most 86400 s is accepted'],
      ['a token that is no JWT', async () => 'Bearer not-a-token', 'token is not a JWT'],
      ['a token of three garbage parts', async () => 'Bearer a.b.c', 'token is not a JWT'],
      ['a Basic header', async () => 'Basic YWRtaW46YWRtaW4=', 'Authorization header must be "Bearer <token>"'],
      ['a Bearer header without a token', async () => 'Bearer', 'Authorization header must be "Bearer <token>"'],
    ];

    it.each(tokens)('refuses %s as UNAUTHENTICATED', async (_what, make, message) => {
      const authorization = await make();
      const query = await api.graphql('{ testCaller { subject } }', undefined, authorization);
      expect(codes(query.body)).toEqual(['UNAUTHENTICATED']);
      expect(query.body.errors[0].message).toBe(message);
      const before = await api.eventCount();
      const mutation = await api.graphql(
        'mutation ($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { result { version } } }',
        { input: { name: { en: 'Mallory Trading' }, kind: 'COMPANY' } },
        authorization,
      );
      expect(codes(mutation.body)).toEqual(['UNAUTHENTICATED']);
      expect(await api.eventCount()).toBe(before);
    });
  });

  it('answers FORBIDDEN when the role may not run the operation', async () => {
    const response = await api.graphql('mutation { testPlannerWrite }', undefined, await bearer(['diplomat']));
    expect(codes(response.body)).toEqual(['FORBIDDEN']);
  });

  it('runs the operation for an allowed role, with the token subject as the caller', async () => {
    const response = await api.graphql('mutation { testPlannerWrite }', undefined, await bearer(['planner'], 'somchai'));
    expect(response.body).toEqual({ data: { testPlannerWrite: 'somchai' } });
  });

  it('refuses an operation that has no access rule, even to admin', async () => {
    const response = await api.graphql('{ testWithoutRule }', undefined, admin);
    expect(codes(response.body)).toEqual(['FORBIDDEN']);
  });

  it('lets anyone introspect the schema (it is the public contract)', async () => {
    const response = await api.graphql('{ __schema { queryType { name } } }').expect(200);
    expect(response.body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('scalars over HTTP', () => {
  it('reads a Thai Buddhist-Era date with Thai digits from variables and answers ISO', async () => {
    const response = await api.graphql('query ($d: Date) { testEcho(date: $d) { date } }', { d: '๑๖ ธันวาคม ๒๕๖๒' }, admin);
    expect(response.body).toEqual({ data: { testEcho: { date: '2019-12-16' } } });
  });

  it('refuses an impossible date in variables as BAD_USER_INPUT naming the value and why', async () => {
    const response = await api.graphql('query ($d: Date) { testEcho(date: $d) { date } }', { d: '31/02/2562' }, admin);
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors[0].message).toContain('"31/02/2562"');
    expect(response.body.errors[0].message).toContain('February 2019 has 28 days');
  });

  it('refuses an impossible date written in the query as BAD_USER_INPUT', async () => {
    const response = await api.graphql('{ testEcho(date: "30 ก.พ. 2562") { date } }', undefined, admin);
    expect(codes(response.body)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors[0].message).toContain('30 ก.พ. 2562');
  });

  it('keeps a decimal written in the query exactly as written', async () => {
    const response = await api.graphql('{ testEcho(decimal: 12345678901234567.89) { decimal } }', undefined, admin);
    expect(response.body).toEqual({ data: { testEcho: { decimal: '12345678901234567.89' } } });
  });

  it('refuses a fractional JSON number for a Decimal variable', async () => {
    const response = await api.graphql('query ($x: Decimal) { testEcho(decimal: $x) { decimal } }', { x: 0.1 }, admin);
    expect(codes(response.body)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors[0].message).toContain('send decimal amounts as strings');
  });

  it('reports a float leaking out as a Decimal as an internal error, not a rounded number', async () => {
    const response = await api.graphql('{ testBadOutput(what: "decimal") { decimal } }', undefined, admin);
    expect(codes(response.body)).toEqual(['INTERNAL_SERVER_ERROR']);
  });

  it('answers DateTime in ISO 8601 and JSON as given', async () => {
    const response = await api.graphql(
      'query ($t: DateTime, $j: JSON) { testEcho(dateTime: $t, json: $j) { dateTime json } }',
      { t: '2019-12-16T09:00:00+07:00', j: { a: [1, 'two', null] } },
      admin,
    );
    expect(response.body).toEqual({ data: { testEcho: { dateTime: '2019-12-16T02:00:00.000Z', json: { a: [1, 'two', null] } } } });
  });
});

describe('error codes', () => {
  it.each([
    ['validation', 'BAD_USER_INPUT', { field: 'endsOn' }],
    ['not-found', 'NOT_FOUND', { entity: 'Program', id: 'p-1', field: 'programId' }],
    ['conflict', 'CONFLICT', {}],
    ['transition', 'CONFLICT', { reason: 'FORBIDDEN_TRANSITION', from: 'COMPLETED', to: 'ON_HOLD' }],
    ['version', 'CONFLICT', { reason: 'WRONG_EXPECTED_VERSION', expectedVersion: 3, actualVersion: 5 }],
    ['idempotency', 'CONFLICT', { reason: 'COMMAND_ID_REUSED' }],
  ])('maps a %s error to %s', async (kind, code, extensions) => {
    const response = await api.graphql('query ($k: String!) { testFail(kind: $k) }', { k: kind }, admin);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].extensions).toEqual({ code, ...extensions });
  });

  it('reports an unexpected error as INTERNAL_SERVER_ERROR', async () => {
    const response = await api.graphql('{ testFail(kind: "bug") }', undefined, admin);
    expect(codes(response.body)).toEqual(['INTERNAL_SERVER_ERROR']);
  });

  it('keeps Apollo codes for a document that does not parse or validate', async () => {
    const parse = await api.graphql('{ testCaller {', undefined, admin);
    expect(codes(parse.body)).toEqual(['GRAPHQL_PARSE_FAILED']);
    const validate = await api.graphql('{ noSuchField }', undefined, admin);
    expect(codes(validate.body)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('in production', () => {
  let production: TestApp;
  const logLines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const logger = createLogger('info', { write: (line: string) => void logLines.push(JSON.parse(line)) });
    production = await startTestApp(
      { production: true, extraModules: [TestOperationsModule], extraAccessRules: TEST_ACCESS_RULES },
      logger,
    );
  });
  afterAll(async () => {
    await production?.close();
  });

  it('hides the message and stack of an unexpected error, giving the request id instead', async () => {
    const response = await production.http
      .post('/graphql')
      .set('authorization', admin)
      .set('x-request-id', 'req-prod-1')
      .send({ query: '{ testFail(kind: "bug") }' });
    expect(response.body.errors).toEqual([
      {
        message: 'Internal server error (request req-prod-1)',
        locations: [{ line: 1, column: 3 }],
        path: ['testFail'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-prod-1' },
      },
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(/secret_table|stacktrace/);
  });

  it('logs the hidden error once, with its stack and the request id, as JSON', () => {
    const failures = logLines.filter((line) => line.msg === 'graphql operation failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 50, requestId: 'req-prod-1', correlationId: 'req-prod-1', operationName: null });
    expect((failures[0].err as { stack: string }).stack).toContain('secret_table');
    expect(logLines.some((line) => line.msg === 'request' && line.requestId === 'req-prod-1' && line.status === 200)).toBe(true);
  });

  it('does not log an expected error as a failure', async () => {
    const before = logLines.filter((line) => (line.level as number) >= 50).length;
    await production.graphql('{ testFail(kind: "conflict") }', undefined, admin);
    await production.graphql('{ testCaller { subject } }');
    expect(logLines.filter((line) => (line.level as number) >= 50).length).toBe(before);
  });

  it('still explains expected errors', async () => {
    const response = await production.graphql('{ testFail(kind: "validation") }', undefined, admin);
    expect(response.body.errors[0].message).toBe('endsOn 2019-12-01 is before startsOn 2019-12-16');
  });
});

describe('pagination', () => {
  it('pages 20 by default and continues after the end cursor', async () => {
    const query = 'query ($after: String) { testItems(after: $after) { totalCount edges { node { n } } pageInfo { hasNextPage endCursor } } }';
    const first = (await api.graphql(query, {}, admin)).body.data.testItems;
    expect(first.totalCount).toBe(250);
    expect(first.edges.map((edge: { node: { n: number } }) => edge.node.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(first.pageInfo.hasNextPage).toBe(true);

    const second = (await api.graphql(query, { after: first.pageInfo.endCursor }, admin)).body.data.testItems;
    expect(second.edges[0].node.n).toBe(21);
  });

  it('refuses more than 100 per page as BAD_USER_INPUT', async () => {
    const response = await api.graphql('{ testItems(first: 101) { totalCount } }', undefined, admin);
    expect(codes(response.body)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a cursor it did not make as BAD_USER_INPUT', async () => {
    const response = await api.graphql('{ testItems(after: "bm90IGEgY3Vyc29y") { totalCount } }', undefined, admin);
    expect(codes(response.body)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('query limits', () => {
  it('refuses an operation nested deeper than 10 levels', async () => {
    const deep = `{ testTree { ${'child { '.repeat(10)}level${' }'.repeat(10)} } }`;
    const response = await api.graphql(deep, undefined, admin);
    expect(response.status).toBe(400);
    expect(codes(response.body)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors[0].message).toBe('operation is 12 levels deep; the limit is 10');
  });

  it('allows an operation 10 levels deep', async () => {
    const ok = `{ testTree { ${'child { '.repeat(8)}level${' }'.repeat(8)} } }`;
    const response = await api.graphql(ok, undefined, admin);
    expect(response.body.errors).toBeUndefined();
  });

  it('refuses an operation whose page sizes multiply past the cost limit', async () => {
    const costly = 'query ($n: Int) { testTree { children { items { edges { node { n } } } } } a: testItems(first: $n) { edges { node { n } } } }';
    const cheap = await api.graphql(costly, { n: 10 }, admin);
    expect(cheap.body.errors).toBeUndefined();
    const query = `{ ${Array.from({ length: 60 }, (_, i) => `t${i}: testItems(first: 100) { edges { node { n } } }`).join(' ')} }`;
    const response = await api.graphql(query, undefined, admin);
    expect(codes(response.body)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors[0].message).toMatch(/^operation would cost about \d+; the limit is 10000/);
  });

  it('answers 413 for a request body over 1 MiB', async () => {
    const response = await api.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: '{ testCaller { subject } }', variables: { padding: 'x'.repeat(1024 * 1024) } }));
    expect(response.status).toBe(413);
    expect(response.body.errors[0].message).toMatch(/larger than 1048576 bytes/);
  });
});
