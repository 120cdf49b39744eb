import { CommandBus } from '@nestjs/cqrs';
import { LaunchProgram } from '@tracker/application';
import { MAX_LIST_ITEMS } from '@tracker/domain';
import type { EventStore } from '@tracker/event-store';
import { EVENT_STORE } from '../database/database.module';
import { codesOf, type GraphQLBody } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { bearer } from '../testing/test-tokens';

/**
 * One test per bug the input fuzzer (input-fuzzing.e2e.spec.ts) found, over HTTP, each named
 * for what used to happen. Each refused request records nothing.
 */
let api: TestApp;
let admin: string;
let program: string;

beforeAll(async () => {
  api = await startTestApp({ readYourWritesTimeoutMs: 0 });
  admin = await bearer(['admin']);
  program = (await api.app.get(CommandBus).execute(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, { actor: 'fixtures', now: new Date() }))).id;
});

afterAll(async () => {
  await api?.close();
});

const LOG_ACTIVITY = 'mutation ($input: LogActivityInput!) { logActivity(input: $input) { result { version } } }';

/** Sends `query` and checks that it recorded nothing; resolves to the status and body. */
async function refused(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLBody }> {
  const before = await api.eventCount();
  const response = await api.graphql(query, variables, admin);
  expect(await api.eventCount()).toBe(before);
  return { status: response.status, body: response.body as GraphQLBody };
}

describe('text an event cannot hold', () => {
  it.each([
    ['U+0000 in a title', { title: { en: 'OTOP\u0000 fair' } }, 'title.en'],
    ['an unpaired surrogate in a participant name', { participants: [{ name: { th: 'x\udfffy' } }] }, 'participants[0].name.th'],
    ['U+0000 in the commandId', { commandId: 'retry\u00001' }, 'commandId'],
  ])('refuses %s as BAD_USER_INPUT naming the field (was INTERNAL_SERVER_ERROR: the event store refused the append)', async (_what, change, field) => {
    const input = { programId: program, kind: 'MEETING', title: { en: 'Meeting' }, startsOn: '2019-12-16', ...change };
    const { body } = await refused(LOG_ACTIVITY, { input });
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0].extensions?.field).toBe(field);
  });
});

describe('lists longer than a record has', () => {
  it(`refuses more than ${MAX_LIST_ITEMS} organiser ids before reading any of them (was one event-store read per id: about 2 s of database work per request)`, async () => {
    const organizerIds = Array.from({ length: 20_000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const reads = jest.spyOn(api.app.get<EventStore>(EVENT_STORE), 'readStream');
    try {
      const { body } = await refused(LOG_ACTIVITY, { input: { programId: program, kind: 'MEETING', title: { en: 'Meeting' }, startsOn: '2019-12-16', organizerIds } });
      expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors?.[0].message).toBe(`organizerIds has 20000 items; at most ${MAX_LIST_ITEMS} are allowed`);
      expect(reads.mock.calls.filter(([streamId]) => streamId.startsWith('organization-'))).toEqual([]);
    } finally {
      reads.mockRestore();
    }
  });
});

describe('documents that are cheap to send', () => {
  it('refuses a fragment bomb, costing it without expanding it (was an event loop busy for hours: the limits expanded every spread)', async () => {
    // 2^39 fields once expanded: answering at all proves the spreads were not walked one by one.
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Program { id }` : `fragment F${i} on Program { ...F${i + 1} ...F${i + 1} }`,
    );
    const { status, body } = await refused(`query ($id: ID!) { program(id: $id) { ...F0 } } ${fragments.join(' ')}`, { id: program });
    expect(status).toBe(400);
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0].extensions?.cost).toBe(1 + 2 ** 39);
  });

  it('stops parsing at 10,000 tokens (was a second of parsing and validation for 60,000 repeated fields)', async () => {
    const { status, body } = await refused(`{ programs { ${'totalCount '.repeat(60_000)} } }`);
    expect(status).toBe(400);
    expect(codesOf(body)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(body.errors?.[0].message).toMatch(/more tha[nt] 10000 tokens/);
  });
});

describe('requests outside GraphQL over HTTP', () => {
  it('refuses a subscription sent over HTTP as BAD_USER_INPUT (was INTERNAL_SERVER_ERROR from inside its resolver)', async () => {
    const { status, body } = await refused(`subscription { programHistoryAppended(programId: "${program}") { position } }`);
    expect(status).toBe(400);
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0].message).toMatch(/over WebSocket/);
  });

  it('answers a body that is not JSON with BAD_USER_INPUT, a contract code (was BAD_REQUEST)', async () => {
    const response = await api.http.post('/graphql').set('authorization', admin).set('content-type', 'application/json').send('{"query": "{ programs');
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ message: 'request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT', reason: 'BODY_NOT_JSON' } }]);
  });

  it("answers Apollo's request errors with BAD_USER_INPUT, keeping Apollo's code as the reason (was BAD_REQUEST)", async () => {
    const batch = await api.http.post('/graphql').set('authorization', admin).send([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
    expect(batch.body.errors.map((error: { extensions: unknown }) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' }]);
    const unknownOperation = await api.http.post('/graphql').set('authorization', admin).send({ query: '{ __typename }', operationName: 'Nope' });
    expect(unknownOperation.body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'OPERATION_RESOLUTION_FAILURE' });
  });

  it('answers in the media type the client accepts, errors of the body parser included', async () => {
    const response = await api.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept', 'application/graphql-response+json')
      .send('{');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/graphql-response+json; charset=utf-8');
  });
});
