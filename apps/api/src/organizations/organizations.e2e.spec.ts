import { callerFor, codesOf, dataOf, mutate, newCommandId, type Caller } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';

let api: TestApp;
let diplomat: Caller;
let planner: Caller;

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  diplomat = await callerFor(api, ['diplomat']);
  planner = await callerFor(api, ['planner']);
});

afterAll(async () => {
  await api?.close();
});

const ORGANIZATION = '{ organization { id name { th en zh } kind country parent { id name { en } } version } result { streamId version position projected } }';

async function register(input: Record<string, unknown>): Promise<Record<string, any>> {
  return dataOf(await mutate(diplomat, 'registerOrganization', { commandId: newCommandId(), ...input }, ORGANIZATION)).registerOrganization;
}

describe('registering an organisation', () => {
  it('answers with the organisation read back from the read model, parent included', async () => {
    const ministry = await register({ name: { th: 'กระทรวงการต่างประเทศ', en: 'Ministry of Foreign Affairs' }, kind: 'MINISTRY', country: 'th' });
    const department = await register({ name: { en: 'Department of International Economic Affairs' }, kind: 'DEPARTMENT', parentId: ministry.organization.id });

    expect(ministry.result).toMatchObject({ version: 1, projected: true, streamId: `organization-${ministry.organization.id}` });
    expect(ministry.organization).toMatchObject({ kind: 'MINISTRY', country: 'TH', parent: null, version: 1 });
    expect(department.organization.parent).toEqual({ id: ministry.organization.id, name: { en: 'Ministry of Foreign Affairs' } });
    expect(BigInt(department.result.position)).toBeGreaterThan(BigInt(ministry.result.position));
  });

  it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
    const input = { commandId: newCommandId(), name: { en: 'Alibaba Group', zh: '阿里巴巴集团' }, kind: 'COMPANY', country: 'CN' };
    const first = dataOf(await mutate(diplomat, 'registerOrganization', input, ORGANIZATION)).registerOrganization;
    const events = await api.eventCount();

    const retry = dataOf(await mutate(diplomat, 'registerOrganization', input, ORGANIZATION)).registerOrganization;

    expect(retry).toEqual(first);
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses the same commandId with other input as CONFLICT, recording nothing', async () => {
    const commandId = newCommandId();
    dataOf(await mutate(diplomat, 'registerOrganization', { commandId, name: { en: 'Lazada' }, kind: 'COMPANY' }, ORGANIZATION));
    const events = await api.eventCount();

    const reused = await mutate(diplomat, 'registerOrganization', { commandId, name: { en: 'Shopee' }, kind: 'COMPANY' }, ORGANIZATION);

    expect(codesOf(reused)).toEqual(['CONFLICT']);
    expect(reused.errors?.[0].extensions).toMatchObject({ reason: 'COMMAND_ID_REUSED' });
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses an unknown parent as NOT_FOUND, naming the field, recording nothing', async () => {
    const events = await api.eventCount();
    const body = await mutate(
      diplomat,
      'registerOrganization',
      { name: { en: 'Orphan' }, kind: 'COMPANY', parentId: '99999999-0000-4000-8000-000000000000' },
      ORGANIZATION,
    );
    expect(codesOf(body)).toEqual(['NOT_FOUND']);
    expect(body.errors?.[0].extensions).toMatchObject({ field: 'parentId' });
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses a country that is not an ISO code as BAD_USER_INPUT, recording nothing', async () => {
    const events = await api.eventCount();
    const body = await mutate(diplomat, 'registerOrganization', { name: { en: 'Somewhere' }, kind: 'COMPANY', country: 'Thailand' }, ORGANIZATION);
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0].extensions).toMatchObject({ field: 'country' });
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses a kind outside the enum as BAD_USER_INPUT', async () => {
    const body = await mutate(diplomat, 'registerOrganization', { name: { en: 'Club' }, kind: 'CLUB' }, ORGANIZATION);
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('renaming an organisation', () => {
  let id: string;

  beforeAll(async () => {
    id = (await register({ name: { en: 'Mall Thailand' }, kind: 'COMPANY' })).organization.id;
  });

  it('renames it at the version the caller saw', async () => {
    const renamed = dataOf(
      await mutate(planner, 'renameOrganization', { id, expectedVersion: 1, name: { th: 'บริษัท มอลล์ (ไทยแลนด์) จำกัด', en: 'Mall (Thailand) Co., Ltd.' } }, ORGANIZATION),
    ).renameOrganization;
    expect(renamed.organization).toMatchObject({ name: { th: 'บริษัท มอลล์ (ไทยแลนด์) จำกัด', en: 'Mall (Thailand) Co., Ltd.' }, version: 2 });
    expect(renamed.result.version).toBe(2);
  });

  it('refuses a stale expectedVersion as CONFLICT, recording nothing', async () => {
    const events = await api.eventCount();
    const body = await mutate(planner, 'renameOrganization', { id, expectedVersion: 1, name: { en: 'Someone else’s idea' } }, ORGANIZATION);
    expect(codesOf(body)).toEqual(['CONFLICT']);
    expect(body.errors?.[0].extensions).toMatchObject({ reason: 'WRONG_EXPECTED_VERSION', expectedVersion: 1, actualVersion: 2 });
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses an organisation that was never registered as NOT_FOUND', async () => {
    const body = await mutate(planner, 'renameOrganization', { id: '99999999-0000-4000-8000-000000000001', name: { en: 'Nobody' } }, ORGANIZATION);
    expect(codesOf(body)).toEqual(['NOT_FOUND']);
  });
});

describe('reading organisations', () => {
  beforeAll(async () => {
    for (const [en, th] of [
      ['Ministry of Interior', 'กระทรวงมหาดไทย'],
      ['Community Development Department', 'กรมการพัฒนาชุมชน'],
      ['Royal Thai Consulate-General in Shanghai', 'สถานกงสุลใหญ่ ณ นครเซี่ยงไฮ้'],
    ]) {
      await register({ name: { en, th }, kind: en.startsWith('Ministry') ? 'MINISTRY' : 'DEPARTMENT' });
    }
  });

  it('answers null for an id that names no organisation, UUID or not', async () => {
    const body = dataOf(
      await planner(`{ a: organization(id: "99999999-0000-4000-8000-000000000002") { id } b: organization(id: "not-a-uuid") { id } }`),
    );
    expect(body).toEqual({ a: null, b: null });
  });

  it('filters by kind and by a Thai substring of the name', async () => {
    const data = dataOf(
      await planner(`{
        ministries: organizations(filter: { kind: MINISTRY }) { totalCount edges { node { name { en } } } }
        thai: organizations(filter: { search: "พัฒนาชุมชน" }) { totalCount edges { node { name { en } } } }
        chinese: organizations(filter: { search: "阿里巴巴" }) { totalCount }
        literal: organizations(filter: { search: "100%" }) { totalCount }
      }`),
    );
    expect(data.ministries.edges.map((edge: any) => edge.node.name.en)).toEqual(['Ministry of Foreign Affairs', 'Ministry of Interior']);
    expect(data.thai).toEqual({ totalCount: 1, edges: [{ node: { name: { en: 'Community Development Department' } } }] });
    expect(data.chinese.totalCount).toBe(1);
    expect(data.literal.totalCount).toBe(0);
  });

  it('pages through them in registration order with opaque cursors', async () => {
    const query = 'query ($after: String) { organizations(first: 3, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = dataOf(await planner(query, { after })).organizations;
      seen.push(...page.edges.map((edge: any) => edge.node.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) {
        expect(seen).toHaveLength(page.totalCount);
        break;
      }
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBeGreaterThan(1);
  });

  it('refuses a page over 100 and a cursor it did not make as BAD_USER_INPUT', async () => {
    expect(codesOf(await planner('{ organizations(first: 101) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await planner('{ organizations(after: "WyJ4Il0") { totalCount } }'))).toEqual(['BAD_USER_INPUT']);
  });
});
