import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isObjectType } from 'graphql';
import { FIELD_WEIGHTS } from '../graphql/limits/operation-cost';
import { LaunchProgram, RegisterOrganization } from '@tracker/application';
import { codesOf, dataOf, type GraphQLBody } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { bearer } from '../testing/test-tokens';

/**
 * Input that was accepted but hid a mistake or misled (issue 11, "Input that cannot hide or
 * mislead"; found by probing the running api), one test each, named for what used to happen.
 * A refused mutation records nothing; a refused query runs no resolver.
 */
let api: TestApp;
let admin: string;
let program: string;
let organizations: { cdd: string; lazada: string };

beforeAll(async () => {
  // The projector keeps the index of which streams belong to a program, which programAsOf reads.
  api = await startTestApp({ projector: true });
  admin = await bearer(['admin']);
  const commands = api.app.get(CommandBus);
  const fixtures = { actor: 'fixtures', now: new Date() };
  program = (await commands.execute(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, fixtures))).id;
  organizations = {
    cdd: (await commands.execute(new RegisterOrganization({ name: { en: 'Community Development Department' }, kind: 'DEPARTMENT' }, fixtures))).id,
    lazada: (await commands.execute(new RegisterOrganization({ name: { en: 'Lazada' }, kind: 'COMPANY' }, fixtures))).id,
  };
});

afterAll(async () => {
  await api?.close();
});

const LOG_ACTIVITY = 'mutation ($input: LogActivityInput!) { logActivity(input: $input) { result { version } } }';
const RECORD_AGREEMENT = 'mutation ($input: RecordAgreementInput!) { recordAgreement(input: $input) { result { version } } }';
const CHANGE_STATUS = 'mutation ($input: ChangeProgramStatusInput!) { changeProgramStatus(input: $input) { result { version } } }';
const LAUNCH_PROGRAM = 'mutation ($input: LaunchProgramInput!) { launchProgram(input: $input) { result { streamId } } }';

async function send(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody> {
  return (await api.graphql(query, variables, admin)).body as GraphQLBody;
}

/** Sends `query`, checks that it recorded nothing and was refused as BAD_USER_INPUT; resolves to the first error. */
async function refused(query: string, variables?: Record<string, unknown>) {
  const before = await api.eventCount();
  const body = await send(query, variables);
  expect(await api.eventCount()).toBe(before);
  expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
  return body.errors![0];
}

const meeting = (change: Record<string, unknown>) => ({
  input: { programId: program, kind: 'MEETING', title: { en: 'Meeting' }, startsOn: '2019-12-16', ...change },
});

describe('text made only of invisible or combining characters', () => {
  it.each([
    ['a title of a zero-width space and joiner', meeting({ title: { en: 'Meeting', th: '\u200B\u200D' } }), 'title.th'],
    ['a participant named by a lone Thai vowel mark', meeting({ participants: [{ name: { th: '\u0E34' } }] }), 'participants[0].name.th'],
    ['a summary of a byte-order mark', meeting({ summary: '\uFEFF' }), 'summary'],
    ['a topic of a soft hyphen', meeting({ topics: ['OTOP', '\u00AD'] }), 'topics[1]'],
  ])('refuses %s as BAD_USER_INPUT naming the field (was stored)', async (_what, variables, field) => {
    const error = await refused(LOG_ACTIVITY, variables);
    expect(error.extensions?.field).toBe(field);
    expect(error.message).toMatch(/only invisible or combining characters/);
  });

  it('refuses such a reason too (was stored)', async () => {
    const error = await refused(CHANGE_STATUS, { input: { programId: program, status: 'ON_HOLD', reason: '\u2060\u200C' } });
    expect(error.extensions?.field).toBe('reason');
  });

  it('records Thai text with its marks and an emoji joined by U+200D', async () => {
    const body = await send(LOG_ACTIVITY, meeting({ title: { th: 'ที่ประชุม 👨\u200D👩\u200D👧' } }));
    expect(dataOf(body).logActivity.result.version).toBe(1);
  });
});

describe('U+0000 in a search string', () => {
  it.each([
    ['organizations', '{ organizations(filter: { search: "a\\u0000" }) { totalCount } }'],
    ['programs', '{ programs(filter: { search: "a\\u0000" }) { totalCount } }'],
    ['activities', '{ activities(filter: { search: "a\\u0000" }) { totalCount } }'],
  ])('is BAD_USER_INPUT naming filter.search of %s (was INTERNAL_SERVER_ERROR from PostgreSQL, with a stack trace)', async (field, query) => {
    const error = await refused(query);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    expect(error.extensions).not.toHaveProperty('stacktrace');
    expect(error.message).toBe(`argument filter.search of ${field} holds the character U+0000, which no search or id can contain`);
  });

  it('is refused when it comes in a variable too, and no resolver runs', async () => {
    const execute = jest.spyOn(api.app.get(QueryBus), 'execute');
    try {
      const error = await refused('query ($f: OrganizationFilter) { organizations(filter: $f) { totalCount } }', { f: { search: 'ลาซาด้า\u0000' } });
      expect(error.extensions?.field).toBe('filter.search');
      expect(execute).not.toHaveBeenCalled();
    } finally {
      execute.mockRestore();
    }
  });

  it('leaves an ordinary search alone', async () => {
    expect(dataOf(await send('{ organizations(filter: { search: "ลาซาด้า" }) { totalCount } }')).organizations.totalCount).toBe(0);
  });
});

describe('dates a year apart', () => {
  /** Launches a program starting on `written` and reads back the date its event holds. */
  async function startedOn(written: string): Promise<string> {
    const body = await send(LAUNCH_PROGRAM, { input: { title: { en: `Started ${written}` }, startedOn: written } });
    const id = (dataOf(body).launchProgram.result.streamId as string).replace(/^program-/, '');
    return ((await programAsOfNow(id, 'startedOn')) as { startedOn: string }).startedOn;
  }

  it('refuses 1/1/2400 and 1/1/2401 (were stored as 2400-01-01 and 1858-01-01)', async () => {
    for (const written of ['1/1/2400', '1/1/2401', '2401-01-01']) {
      const error = await refused(LAUNCH_PROGRAM, { input: { title: { en: 'Misdated' }, startedOn: written } });
      expect(error.message).toMatch(`${written} is out of range`);
    }
  });

  it('reads the edges of the Buddhist-Era range as 1900 and 2200', async () => {
    expect(await startedOn('1/1/2443')).toBe('1900-01-01');
    expect(await startedOn('31/12/2743')).toBe('2200-12-31');
    expect(await startedOn('16/12/2562')).toBe('2019-12-16');
  });
});

describe('repeats in list inputs, one rule for every list', () => {
  it.each([
    ['an organiser (was silently dropped)', meeting({ organizerIds: ['CDD', 'LAZADA', 'CDD'] }), 'organizerIds[2]'],
    ['a topic in other case and spacing (was silently dropped)', meeting({ topics: ['OTOP online', ' otop  ONLINE '] }), 'topics[1]'],
    [
      'a participant (was kept twice)',
      meeting({ participants: [{ name: { en: 'Paiboon' }, organizationId: 'CDD' }, { name: { en: 'paiboon ' }, organizationId: 'CDD' }] }),
      'participants[1]',
    ],
  ])('refuses %s, naming the repeat', async (_what, variables, field) => {
    const error = await refused(LOG_ACTIVITY, withIds(variables));
    expect(error.extensions?.field).toBe(field);
    expect(error.message).toMatch(/repeats/);
  });

  it('refuses a party named twice, naming the repeat (was refused naming only the list)', async () => {
    const input = { title: { en: 'MoU' }, partyIds: [organizations.cdd, organizations.lazada, organizations.cdd] };
    const error = await refused(RECORD_AGREEMENT, { input });
    expect(error.extensions?.field).toBe('partyIds[2]');
  });

  it('keeps two people of the same name from two organisations', async () => {
    const participants = [
      { name: { en: 'Somchai' }, organizationId: 'CDD' },
      { name: { en: 'Somchai' }, organizationId: 'LAZADA' },
    ];
    expect(dataOf(await send(LOG_ACTIVITY, withIds(meeting({ participants }))))).toEqual({ logActivity: { result: { version: 1 } } });
  });

  /** The fixtures' ids are known only once they are registered. */
  function withIds<T>(value: T): T {
    return JSON.parse(JSON.stringify(value).replace(/"CDD"/g, `"${organizations.cdd}"`).replace(/"LAZADA"/g, `"${organizations.lazada}"`)) as T;
  }
});

describe('the cost of expensive fields', () => {
  const asOfAliases = (n: number) =>
    `query ($id: ID!, $at: DateTime!) { ${Array.from({ length: n }, (_, i) => `a${i}: programAsOf(programId: $id, asOf: $at) { id }`).join(' ')} }`;

  it('refuses 600 aliases of programAsOf before any resolver runs (took 3 s of the event loop)', async () => {
    const execute = jest.spyOn(api.app.get(QueryBus), 'execute');
    try {
      const response = await api.graphql(asOfAliases(600), { id: program, at: new Date().toISOString() }, admin);
      const body = response.body as GraphQLBody;
      expect(response.status).toBe(400);
      expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors?.[0].message).toMatch(/^operation would cost about \d+; the limit is 10000/);
      expect(body.errors?.[0].extensions?.cost).toBeGreaterThanOrEqual(600 * 500);
      expect(body.data).toBeUndefined();
      expect(execute).not.toHaveBeenCalled();
    } finally {
      execute.mockRestore();
    }
  });

  it('weighs fields the served schema has (a renamed field would silently lose its weight)', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    for (const key of Object.keys(FIELD_WEIGHTS)) {
      const [typeName, fieldName] = key.split('.');
      const type = schema.getType(typeName);
      expect(isObjectType(type) && type.getFields()[fieldName] !== undefined ? key : `${key} is not served`).toBe(key);
    }
  });

  it('answers a request with a few as-of views', async () => {
    await programAsOfNow(program, 'id');
    const data = dataOf(await send(asOfAliases(3), { id: program, at: new Date(Date.now() + 60_000).toISOString() }));
    expect(Object.values(data)).toEqual([{ id: program }, { id: program }, { id: program }]);
  });

  it('refuses many verifications or digests in one request, and answers one of each', async () => {
    const verifications = `{ ${Array.from({ length: 6 }, (_, i) => `v${i}: verifyHistory { ok }`).join(' ')} }`;
    expect(codesOf(await send(verifications))).toEqual(['BAD_USER_INPUT']);
    const data = dataOf(await send('{ verifyHistory { ok } historyDigest { eventCount } }'));
    expect(data.verifyHistory.ok).toBe(true);
  });
});

/**
 * The program as of a minute from now, once the projector has indexed its stream: a
 * just-appended event may be invisible for a moment while another transaction runs, so poll.
 */
async function programAsOfNow(id: string, selection: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; ; attempt++) {
    const body = await send(`query ($id: ID!, $at: DateTime!) { programAsOf(programId: $id, asOf: $at) { ${selection} } }`, {
      id,
      at: new Date(Date.now() + 60_000).toISOString(),
    });
    const program = dataOf(body).programAsOf as Record<string, unknown> | null;
    if (program) return program;
    if (attempt === 50) throw new Error(`program ${id} never became visible to programAsOf`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
