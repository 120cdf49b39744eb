import { CommandBus } from '@nestjs/cqrs';
import { LaunchProgram, RegisterOrganization } from '@tracker/application';
import { callerFor, codesOf, dataOf, mutate, type Caller } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';

let api: TestApp;
let diplomat: Caller;
let planner: Caller;
let programId: string;
const org = { diea: '', cdd: '', lazada: '', mall: '' };

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  diplomat = await callerFor(api, ['diplomat']);
  planner = await callerFor(api, ['planner']);
  const commands = api.app.get(CommandBus);
  const ctx = { actor: 'setup', now: new Date() };
  org.diea = (await commands.execute(new RegisterOrganization({ name: { en: 'Department of International Economic Affairs' }, kind: 'DEPARTMENT' }, ctx))).id;
  org.cdd = (await commands.execute(new RegisterOrganization({ name: { en: 'Community Development Department' }, kind: 'DEPARTMENT' }, ctx))).id;
  org.lazada = (await commands.execute(new RegisterOrganization({ name: { en: 'Lazada (Thailand) Co., Ltd.' }, kind: 'COMPANY' }, ctx))).id;
  org.mall = (await commands.execute(new RegisterOrganization({ name: { en: 'Mall (Thailand) Co., Ltd.' }, kind: 'COMPANY' }, ctx))).id;
  programId = (await commands.execute(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, ctx))).id;
});

afterAll(async () => {
  await api?.close();
});

const ACTIVITY = `{ activity {
  id kind title { th en zh } startsOn endsOn location { venue city country } topics summary version
  program { id } organizers { id } participants { name { en } position { en } organization { id } }
  followUps { id } outcomes { id }
} result { projected } }`;

async function log(input: Record<string, unknown>): Promise<Record<string, any>> {
  return dataOf(await mutate(diplomat, 'logActivity', input, ACTIVITY)).logActivity.activity;
}

describe('logging an activity', () => {
  it('records the meeting with its participants, topics and a Thai date', async () => {
    const activity = await log({
      programId,
      kind: 'MEETING',
      title: { th: 'หารือการขายสินค้า OTOP ผ่านลาซาด้า', en: 'Meeting on OTOP sales through Lazada' },
      startsOn: '๑๖ ธันวาคม ๒๕๖๒',
      location: { venue: 'Community Development Department', city: 'Bangkok', country: 'TH' },
      organizerIds: [org.diea, org.cdd],
      participants: [
        { name: { en: 'Zhang Zhuoyan' }, position: { en: 'Executive, international business' }, organizationId: org.lazada },
        { name: { en: 'An observer' } },
      ],
      topics: ['Grassroots economy', 'Selling to Chinese consumers'],
      summary: 'Planning online sales of OTOP goods.',
    });
    expect(activity).toMatchObject({
      kind: 'MEETING',
      startsOn: '2019-12-16',
      endsOn: '2019-12-16',
      version: 1,
      program: { id: programId },
      organizers: [{ id: org.diea }, { id: org.cdd }],
      participants: [
        { name: { en: 'Zhang Zhuoyan' }, position: { en: 'Executive, international business' }, organization: { id: org.lazada } },
        { name: { en: 'An observer' }, position: null, organization: null },
      ],
      topics: ['Grassroots economy', 'Selling to Chinese consumers'],
      followUps: [],
      outcomes: [],
    });
  });

  it('refuses an end before the start as BAD_USER_INPUT naming endsOn, recording nothing', async () => {
    const events = await api.eventCount();
    const body = await mutate(diplomat, 'logActivity', { kind: 'WORKSHOP', title: { en: 'Backwards' }, startsOn: '2019-12-16', endsOn: '2019-12-01' }, ACTIVITY);
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0].extensions).toMatchObject({ field: 'endsOn' });
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses a date that does not exist as BAD_USER_INPUT', async () => {
    const body = await mutate(diplomat, 'logActivity', { kind: 'WORKSHOP', title: { en: 'Never' }, startsOn: '31/02/2562' }, ACTIVITY);
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an organiser that was never registered as NOT_FOUND, naming which', async () => {
    const body = await mutate(
      diplomat,
      'logActivity',
      { kind: 'WORKSHOP', title: { en: 'Ghost host' }, startsOn: '2019-12-16', organizerIds: [org.cdd, '99999999-0000-4000-8000-000000000000'] },
      ACTIVITY,
    );
    expect(codesOf(body)).toEqual(['NOT_FOUND']);
    expect(body.errors?.[0].extensions).toMatchObject({ field: 'organizerIds[1]' });
  });

  it('refuses an unknown program as NOT_FOUND', async () => {
    const body = await mutate(diplomat, 'logActivity', { programId: '99999999-0000-4000-8000-000000000000', kind: 'FAIR', title: { en: 'x' }, startsOn: '2019-12-16' }, ACTIVITY);
    expect(codesOf(body)).toEqual(['NOT_FOUND']);
  });
});

describe('finding activities', () => {
  beforeAll(async () => {
    await log({
      programId,
      kind: 'FAIR',
      title: { en: 'Thai Festival: Local Best, Global Taste', zh: '上海泰国节' },
      startsOn: '2019-05-29',
      endsOn: '2019-06-01',
      organizerIds: [org.cdd],
    });
    await log({ programId, kind: 'SITE_VISIT', title: { en: 'Visit to OTOP City 2019' }, startsOn: '2019-12-16', participants: [{ name: { en: 'Jirawan' }, organizationId: org.lazada }] });
    await log({ kind: 'WORKSHOP', title: { en: 'Selling online, a workshop for SMEs' }, startsOn: '2020-02-03', organizerIds: [org.mall] });
  });

  const titles = (connection: any) => connection.edges.map((edge: any) => edge.node.title.en);

  it('finds those with an organisation as organiser or through a participant', async () => {
    const data = dataOf(
      await planner('query ($lazada: ID!, $cdd: ID!) { lazada: activities(filter: { organizationId: $lazada }) { totalCount edges { node { title { en } } } } cdd: activities(filter: { organizationId: $cdd }) { totalCount } }', {
        lazada: org.lazada,
        cdd: org.cdd,
      }),
    );
    // Same day: ties are broken by id, an order of no meaning.
    expect(titles(data.lazada).sort()).toEqual(['Meeting on OTOP sales through Lazada', 'Visit to OTOP City 2019']);
    expect(data.cdd.totalCount).toBe(2);
  });

  it('finds those whose days overlap a date range, a fair running into June included', async () => {
    const data = dataOf(
      await planner(`{
        june: activities(filter: { from: "2019-06-01", to: "2019-06-30" }) { edges { node { title { en } } } }
        y2019: activities(filter: { from: "1 ม.ค. 2562", to: "31 ธ.ค. 2562" }) { totalCount }
        since2020: activities(filter: { from: "2020-01-01" }) { edges { node { title { en } } } }
      }`),
    );
    expect(titles(data.june)).toEqual(['Thai Festival: Local Best, Global Taste']);
    expect(data.y2019.totalCount).toBe(3);
    expect(titles(data.since2020)).toEqual(['Selling online, a workshop for SMEs']);
  });

  it('filters by kind and program, and searches Thai, English and Chinese text', async () => {
    const data = dataOf(
      await planner(
        `query ($program: ID!) {
          visits: activities(filter: { kind: SITE_VISIT, programId: $program }) { totalCount }
          thai: activities(filter: { search: "ลาซาด้า" }) { edges { node { title { en } } } }
          english: activities(filter: { search: "WORKSHOP FOR" }) { edges { node { title { en } } } }
          chinese: activities(filter: { search: "泰国" }) { edges { node { title { en } } } }
          topic: activities(filter: { search: "grassroots" }) { totalCount }
          none: activities(filter: { programId: "no-such-program" }) { totalCount }
        }`,
        { program: programId },
      ),
    );
    expect(data.visits.totalCount).toBe(1);
    expect(titles(data.thai)).toEqual(['Meeting on OTOP sales through Lazada']);
    expect(titles(data.english)).toEqual(['Selling online, a workshop for SMEs']);
    expect(titles(data.chinese)).toEqual(['Thai Festival: Local Best, Global Taste']);
    expect(data.topic.totalCount).toBe(1);
    expect(data.none.totalCount).toBe(0);
  });

  it('pages by date, the same way at the top level and under a program', async () => {
    const top = 'query ($after: String) { activities(first: 2, after: $after) { totalCount edges { node { startsOn } } pageInfo { hasNextPage endCursor } } }';
    const page1 = dataOf(await planner(top)).activities;
    const page2 = dataOf(await planner(top, { after: page1.pageInfo.endCursor })).activities;
    expect([...page1.edges, ...page2.edges].map((edge: any) => edge.node.startsOn)).toEqual(['2019-05-29', '2019-12-16', '2019-12-16', '2020-02-03']);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const nested = 'query ($id: ID!, $after: String) { program(id: $id) { activities(first: 2, after: $after) { totalCount edges { node { startsOn } } pageInfo { hasNextPage endCursor } } } }';
    const inner1 = dataOf(await planner(nested, { id: programId })).program.activities;
    const inner2 = dataOf(await planner(nested, { id: programId, after: inner1.pageInfo.endCursor })).program.activities;
    expect(inner1.totalCount).toBe(3);
    expect([...inner1.edges, ...inner2.edges].map((edge: any) => edge.node.startsOn)).toEqual(['2019-05-29', '2019-12-16', '2019-12-16']);
    expect(inner2.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
  });

  it('answers null for an activity that does not exist', async () => {
    expect(dataOf(await planner('{ activity(id: "99999999-0000-4000-8000-000000000000") { id } }'))).toEqual({ activity: null });
  });
});
