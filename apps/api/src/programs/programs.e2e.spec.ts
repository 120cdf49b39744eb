import { CommandBus } from '@nestjs/cqrs';
import { RegisterOrganization } from '@tracker/application';
import { callerFor, codesOf, dataOf, mutate, type Caller } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';

let api: TestApp;
let planner: Caller;
let diplomat: Caller;
const org: Record<'mfa' | 'cdd' | 'lazada' | 'mall', string> = { mfa: '', cdd: '', lazada: '', mall: '' };

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  planner = await callerFor(api, ['planner']);
  diplomat = await callerFor(api, ['diplomat']);
  const commands = api.app.get(CommandBus);
  const ctx = { actor: 'setup', now: new Date() };
  for (const [key, en, kind] of [
    ['mfa', 'Ministry of Foreign Affairs', 'MINISTRY'],
    ['cdd', 'Community Development Department', 'DEPARTMENT'],
    ['lazada', 'Lazada (Thailand) Co., Ltd.', 'COMPANY'],
    ['mall', 'Mall (Thailand) Co., Ltd.', 'COMPANY'],
  ] as const) {
    org[key] = (await commands.execute(new RegisterOrganization({ name: { en }, kind }, ctx))).id;
  }
});

afterAll(async () => {
  await api?.close();
});

const PROGRAM = `{ program { id title { en th } summary status startedOn version updatedAt
  partners { role joinedOn organization { id name { en } } } agreements { id } followUps { id } outcomes { id } totals { kind }
  activities { totalCount } } result { version projected } }`;

async function launch(input: Record<string, unknown>): Promise<Record<string, any>> {
  return dataOf(await mutate(planner, 'launchProgram', input, PROGRAM)).launchProgram;
}

describe('launching a program', () => {
  it('starts it as proposed, with a Buddhist-Era start date read as ISO', async () => {
    const launched = await launch({ title: { en: 'OTOP e-commerce', th: 'OTOP อีคอมเมิร์ซ' }, summary: 'Community products online', startedOn: '29/05/2562' });
    expect(launched.program).toMatchObject({
      title: { en: 'OTOP e-commerce', th: 'OTOP อีคอมเมิร์ซ' },
      status: 'PROPOSED',
      startedOn: '2019-05-29',
      version: 1,
      partners: [],
      agreements: [],
      activities: { totalCount: 0 },
      totals: [],
    });
    expect(Date.parse(launched.program.updatedAt)).not.toBeNaN();
  });

  it('refuses to launch a program as already completed, as BAD_USER_INPUT', async () => {
    const body = await mutate(planner, 'launchProgram', { title: { en: 'Done before it began' }, status: 'COMPLETED' }, PROGRAM);
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0].extensions).toMatchObject({ field: 'status' });
  });

  it('refuses a start date that is not a date as BAD_USER_INPUT', async () => {
    expect(codesOf(await mutate(planner, 'launchProgram', { title: { en: 'Never' }, startedOn: '31/02/2562' }, PROGRAM))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('partners', () => {
  let programId: string;

  beforeAll(async () => {
    programId = (await launch({ title: { en: 'Partnered program' } })).program.id;
  });

  it('adds a partner with its role and joining date', async () => {
    const added = dataOf(
      await mutate(planner, 'addProgramPartner', { programId, organizationId: org.lazada, role: 'PLATFORM', joinedOn: '16 ธ.ค. 2562' }, PROGRAM),
    ).addProgramPartner;
    expect(added.program.partners).toEqual([
      { role: 'PLATFORM', joinedOn: '2019-12-16', organization: { id: org.lazada, name: { en: 'Lazada (Thailand) Co., Ltd.' } } },
    ]);
    expect(added.result.version).toBe(2);
  });

  it('refuses a partner added twice as CONFLICT, recording nothing', async () => {
    const events = await api.eventCount();
    const body = await mutate(planner, 'addProgramPartner', { programId, organizationId: org.lazada, role: 'MARKETING' }, PROGRAM);
    expect(codesOf(body)).toEqual(['CONFLICT']);
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses an organisation that was never registered as NOT_FOUND', async () => {
    const body = await mutate(planner, 'addProgramPartner', { programId, organizationId: '99999999-0000-4000-8000-000000000000', role: 'SPONSOR' }, PROGRAM);
    expect(codesOf(body)).toEqual(['NOT_FOUND']);
  });

  it('refuses a program that was never launched as NOT_FOUND', async () => {
    const body = await mutate(planner, 'addProgramPartner', { programId: '99999999-0000-4000-8000-000000000000', organizationId: org.mall, role: 'SPONSOR' }, PROGRAM);
    expect(codesOf(body)).toEqual(['NOT_FOUND']);
  });

  it('refuses a stale expectedVersion as CONFLICT, recording nothing', async () => {
    const events = await api.eventCount();
    const body = await mutate(planner, 'addProgramPartner', { programId, expectedVersion: 1, organizationId: org.mall, role: 'MARKETING' }, PROGRAM);
    expect(codesOf(body)).toEqual(['CONFLICT']);
    expect(body.errors?.[0].extensions).toMatchObject({ reason: 'WRONG_EXPECTED_VERSION' });
    expect(await api.eventCount()).toBe(events);
  });
});

describe('when the program is completed', () => {
  let programId: string;

  beforeAll(async () => {
    programId = (await launch({ title: { en: 'Finished program' }, status: 'ACTIVE' })).program.id;
    const completed = dataOf(await mutate(planner, 'changeProgramStatus', { programId, expectedVersion: 1, status: 'COMPLETED', reason: 'all done' }, PROGRAM));
    expect(completed.changeProgramStatus.program.status).toBe('COMPLETED');
  });

  it('refuses a new activity as CONFLICT, recording nothing', async () => {
    const events = await api.eventCount();
    const body = await mutate(diplomat, 'logActivity', { programId, kind: 'MEETING', title: { en: 'Too late' }, startsOn: '2020-01-10' }, '{ activity { id } }');
    expect(codesOf(body)).toEqual(['CONFLICT']);
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses a new partner as CONFLICT', async () => {
    const body = await mutate(planner, 'addProgramPartner', { programId, organizationId: org.mall, role: 'SPONSOR' }, PROGRAM);
    expect(codesOf(body)).toEqual(['CONFLICT']);
  });

  it('refuses to be put on hold, as a CONFLICT naming the transition', async () => {
    const body = await mutate(planner, 'changeProgramStatus', { programId, status: 'ON_HOLD' }, PROGRAM);
    expect(codesOf(body)).toEqual(['CONFLICT']);
    expect(body.errors?.[0].extensions).toMatchObject({ reason: 'FORBIDDEN_TRANSITION', from: 'COMPLETED', to: 'ON_HOLD' });
  });
});

describe('agreements', () => {
  let programId: string;
  const AGREEMENT = '{ agreement { id title { en } status signedOn expiresOn version parties { id } program { id } } result { projected } }';

  beforeAll(async () => {
    programId = (await launch({ title: { en: 'Program with an MoU' } })).program.id;
  });

  it('records a signed agreement with its parties and program', async () => {
    const recorded = dataOf(
      await mutate(
        planner,
        'recordAgreement',
        { title: { en: 'MoU on OTOP marketing' }, partyIds: [org.cdd, org.mall], programId, status: 'SIGNED', signedOn: '2019-12-16', expiresOn: '2022-12-15' },
        AGREEMENT,
      ),
    ).recordAgreement;
    expect(recorded.agreement).toMatchObject({
      status: 'SIGNED',
      signedOn: '2019-12-16',
      expiresOn: '2022-12-15',
      version: 1,
      parties: [{ id: org.cdd }, { id: org.mall }],
      program: { id: programId },
    });
    const read = dataOf(
      await planner('query ($id: ID!, $program: ID!) { agreement(id: $id) { id } program(id: $program) { agreements { id } } }', {
        id: recorded.agreement.id,
        program: programId,
      }),
    );
    expect(read).toEqual({ agreement: { id: recorded.agreement.id }, program: { agreements: [{ id: recorded.agreement.id }] } });
  });

  it('refuses an agreement with one party as BAD_USER_INPUT', async () => {
    const body = await mutate(planner, 'recordAgreement', { title: { en: 'Alone' }, partyIds: [org.cdd] }, AGREEMENT);
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a party that was never registered as NOT_FOUND, naming which', async () => {
    const body = await mutate(planner, 'recordAgreement', { title: { en: 'Ghost' }, partyIds: [org.cdd, '99999999-0000-4000-8000-000000000000'] }, AGREEMENT);
    expect(codesOf(body)).toEqual(['NOT_FOUND']);
    expect(body.errors?.[0].extensions).toMatchObject({ field: 'partyIds[1]' });
  });

  it('answers null for an agreement that does not exist', async () => {
    expect(dataOf(await planner('{ agreement(id: "99999999-0000-4000-8000-000000000000") { id } }'))).toEqual({ agreement: null });
  });
});

describe('reading programs', () => {
  it('answers null for a program that does not exist', async () => {
    expect(dataOf(await planner('{ program(id: "99999999-0000-4000-8000-000000000000") { id } x: program(id: "x") { id } }'))).toEqual({
      program: null,
      x: null,
    });
  });

  it('filters by status, by partner and by words of the title', async () => {
    const data = dataOf(
      await planner(
        `query ($lazada: ID!) {
          completed: programs(filter: { status: COMPLETED }) { totalCount edges { node { title { en } } } }
          withLazada: programs(filter: { partnerId: $lazada }) { totalCount edges { node { title { en } } } }
          searched: programs(filter: { search: "อีคอมเมิร์ซ" }) { totalCount edges { node { title { en } } } }
          nobody: programs(filter: { partnerId: "not-an-id" }) { totalCount }
        }`,
        { lazada: org.lazada },
      ),
    );
    expect(data.completed.edges).toEqual([{ node: { title: { en: 'Finished program' } } }]);
    expect(data.withLazada.edges).toEqual([{ node: { title: { en: 'Partnered program' } } }]);
    expect(data.searched.edges).toEqual([{ node: { title: { en: 'OTOP e-commerce' } } }]);
    expect(data.nobody.totalCount).toBe(0);
  });

  it('pages through programs in launch order', async () => {
    const first = dataOf(await planner('{ programs(first: 2) { totalCount edges { node { title { en } } } pageInfo { hasNextPage endCursor } } }')).programs;
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = dataOf(
      await planner('query ($after: String) { programs(first: 10, after: $after) { edges { node { title { en } } } pageInfo { hasNextPage } } }', {
        after: first.pageInfo.endCursor,
      }),
    ).programs;
    expect([...first.edges, ...rest.edges].map((edge: any) => edge.node.title.en)).toEqual([
      'OTOP e-commerce',
      'Partnered program',
      'Finished program',
      'Program with an MoU',
    ]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });
});
