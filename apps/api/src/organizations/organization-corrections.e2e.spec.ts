import { callerFor, dataOf, mutate, newCommandId, type Caller, type GraphQLBody } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { attempt, expectRefused } from '../testing/refusals';

/**
 * updateOrganization and mergeOrganizations through GraphQL, with the projector running:
 * each answer, each refusal (and that it records nothing), retries, roles, the history and
 * the as-of view. lazada-merge.e2e.spec.ts tells the reference case's duplicate end to end.
 */
let api: TestApp;
let diplomat: Caller;
let planner: Caller;
let auditor: Caller;
let admin: Caller;
let anonymous: Caller;

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  diplomat = await callerFor(api, ['diplomat'], 'somchai@mfa.go.th');
  planner = await callerFor(api, ['planner'], 'malee@mfa.go.th');
  auditor = await callerFor(api, ['auditor'], 'auditor@oag.go.th');
  admin = await callerFor(api, ['admin'], 'admin@mfa.go.th');
  anonymous = await callerFor(api, null);
});

afterAll(async () => {
  await api?.close();
});

const UNKNOWN = '99999999-0000-4000-8000-000000000000';
const ORGANIZATION = `{
  organization { id name { en } kind country parent { id } version mergedIds merged { id name { en } mergedAt reason } }
  result { streamId version position projected }
}`;

async function register(en: string, more: Record<string, unknown> = {}): Promise<string> {
  const input = { commandId: newCommandId(), name: { en }, kind: 'COMPANY', country: 'TH', ...more };
  return dataOf(await mutate(diplomat, 'registerOrganization', input, ORGANIZATION)).registerOrganization.organization.id;
}

async function launchWithPartners(partners: [string, string][]): Promise<string> {
  const program = dataOf(await mutate(planner, 'launchProgram', { title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, '{ program { id } }')).launchProgram
    .program.id;
  for (const [organizationId, role] of partners) {
    dataOf(await mutate(planner, 'addProgramPartner', { programId: program, organizationId, role }, '{ program { id } }'));
  }
  return program;
}

const update = (caller: Caller, input: Record<string, unknown>) => mutate(caller, 'updateOrganization', input, ORGANIZATION);
const merge = (caller: Caller, input: Record<string, unknown>) => mutate(caller, 'mergeOrganizations', input, ORGANIZATION);

/** Refused with `code` (and these extensions), recording nothing. */
const refused = async (send: () => Promise<GraphQLBody>, code: string, extensions: Record<string, unknown> = {}): Promise<GraphQLBody> =>
  expectRefused(await attempt(api, send), code, extensions);

async function storedEvent(streamId: string, version: number): Promise<{ type: string; data: any; metadata: any; recorded_at: Date }> {
  const { rows } = await api.database.pool.query('select type, data, metadata, recorded_at from events where stream_id = $1 and stream_version = $2', [
    streamId,
    version,
  ]);
  return rows[0];
}

type HistoryNode = { type: string; streamId: string; actor: string; recordedAt: string; data: Record<string, any> };

async function history(programId: string): Promise<HistoryNode[]> {
  const body = await planner(
    `query ($programId: ID!) { programHistory(programId: $programId, first: 100) { edges { node { type streamId actor recordedAt data } } } }`,
    { programId },
  );
  return dataOf(body).programHistory.edges.map((edge: { node: HistoryNode }) => edge.node);
}

async function partnersAsOf(programId: string, asOf: string): Promise<{ organization: Record<string, any>; role: string }[]> {
  const body = await auditor(
    `query ($programId: ID!, $asOf: DateTime!) {
       programAsOf(programId: $programId, asOf: $asOf) { partners { role organization { id name { en } kind country mergedIds } } }
     }`,
    { programId, asOf },
  );
  return dataOf(body).programAsOf.partners;
}

describe('updateOrganization', () => {
  let alibaba: string;

  beforeAll(async () => {
    alibaba = await register('Alibaba Group', { country: 'CN' });
  });

  it('changes kind, country and parent, keeping what the input leaves out, and answers with the organisation', async () => {
    const id = await register('Lazada Express');
    const body = dataOf(await update(planner, { id, expectedVersion: 1, country: 'sg', parentId: alibaba, reason: 'A company of the Alibaba group' }));
    expect(body.updateOrganization.organization).toMatchObject({ id, kind: 'COMPANY', country: 'SG', parent: { id: alibaba }, version: 2 });
    expect(body.updateOrganization.result).toMatchObject({ streamId: `organization-${id}`, version: 2, projected: true });

    const kindOnly = dataOf(await update(admin, { id, kind: 'ASSOCIATION', reason: 'It is a trade association' })).updateOrganization.organization;
    expect(kindOnly).toMatchObject({ kind: 'ASSOCIATION', country: 'SG', parent: { id: alibaba }, version: 3 });
  });

  it('clears the country and the parent given as null', async () => {
    const id = await register('Taobao Thailand', { parentId: alibaba });
    const body = dataOf(await update(planner, { id, country: null, parentId: null, reason: 'Neither was known for sure' }));
    expect(body.updateOrganization.organization).toMatchObject({ country: null, parent: null, version: 2 });
  });

  it('stores the reason with the event and the caller as its actor', async () => {
    const id = await register('Mall (Thailand) Co., Ltd.');
    dataOf(await update(planner, { id, kind: 'OTHER', reason: 'A shopping-mall operator, not only a company' }));
    const event = await storedEvent(`organization-${id}`, 2);
    expect(event).toMatchObject({
      type: 'OrganizationUpdated',
      data: { organizationId: id, kind: 'OTHER', country: 'TH', parentId: null, reason: 'A shopping-mall operator, not only a company' },
      metadata: { actor: 'malee@mfa.go.th' },
    });
  });

  it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
    const id = await register('Cainiao');
    const input = { commandId: newCommandId(), id, country: 'CN', reason: 'Registered in Hangzhou' };
    const first = dataOf(await update(planner, input)).updateOrganization;
    const before = await api.eventCount();
    expect(dataOf(await update(planner, input)).updateOrganization).toEqual(first);
    expect(await api.eventCount()).toBe(before);
  });

  it('refuses a blank reason, a change of nothing, a cleared kind and a bad country as BAD_USER_INPUT, recording nothing', async () => {
    const id = await register('Shopee Thailand');
    await refused(() => update(planner, { id, country: 'SG', reason: '  ' }), 'BAD_USER_INPUT', { field: 'reason' });
    await refused(() => update(planner, { id, country: 'th', kind: 'COMPANY', reason: 'checked' }), 'BAD_USER_INPUT');
    await refused(() => update(planner, { id, kind: null, reason: 'unknown' }), 'BAD_USER_INPUT', { field: 'kind' });
    await refused(() => update(planner, { id, country: 'Thailand', reason: 'spelt out' }), 'BAD_USER_INPUT', { field: 'country' });
  });

  it('refuses a parent below the organisation (a cycle) as BAD_USER_INPUT on parentId', async () => {
    const top = await register('Holding');
    const below = await register('Subsidiary', { parentId: top });
    await refused(() => update(planner, { id: top, parentId: below, reason: 'upside down' }), 'BAD_USER_INPUT', { field: 'parentId' });
    await refused(() => update(planner, { id: top, parentId: top, reason: 'its own parent' }), 'BAD_USER_INPUT', { field: 'parentId' });
  });

  it('refuses an unknown organisation or parent as NOT_FOUND naming the field', async () => {
    const id = await register('Lazada Logistics');
    await refused(() => update(planner, { id: UNKNOWN, country: 'TH', reason: 'r' }), 'NOT_FOUND', { field: 'id', id: UNKNOWN });
    await refused(() => update(planner, { id, parentId: UNKNOWN, reason: 'r' }), 'NOT_FOUND', { field: 'parentId', id: UNKNOWN });
  });

  it('refuses a stale expectedVersion as CONFLICT', async () => {
    const id = await register('Lazada Seller Center');
    dataOf(await update(planner, { id, country: 'SG', reason: 'Run from Singapore' }));
    await refused(() => update(planner, { id, expectedVersion: 1, country: 'MY', reason: 'Run from Kuala Lumpur' }), 'CONFLICT', {
      reason: 'WRONG_EXPECTED_VERSION',
      actualVersion: 2,
    });
  });

  it('is for planners: a diplomat or an auditor is FORBIDDEN, no token is UNAUTHENTICATED', async () => {
    const id = await register('Lazada University');
    await refused(() => update(diplomat, { id, country: 'SG', reason: 'r' }), 'FORBIDDEN');
    await refused(() => update(auditor, { id, country: 'SG', reason: 'r' }), 'FORBIDDEN');
    await refused(() => update(anonymous, { id, country: 'SG', reason: 'r' }), 'UNAUTHENTICATED');
  });

  it("shows a partner's old kind and country as of before the update, the new ones after", async () => {
    const id = await register('Lazada Marketing');
    const program = await launchWithPartners([[id, 'MARKETING']]);
    // As of the program's last event, recorded before the update.
    const before = (await history(program)).at(-1)!.recordedAt;
    const body = dataOf(await update(planner, { id, kind: 'ASSOCIATION', country: 'SG', reason: 'Wrongly entered as a Thai company' }));
    const event = await storedEvent(body.updateOrganization.result.streamId, 2);
    expect((await partnersAsOf(program, before))[0].organization).toMatchObject({ id, kind: 'COMPANY', country: 'TH' });
    expect((await partnersAsOf(program, event.recorded_at.toISOString()))[0].organization).toMatchObject({ id, kind: 'ASSOCIATION', country: 'SG' });
  });

  it("stays out of programHistory: like a rename, it changes the organisation's own record, not the program's", async () => {
    const id = await register('Lazada Ventures');
    const program = await launchWithPartners([[id, 'SPONSOR']]);
    dataOf(await update(planner, { id, kind: 'OTHER', reason: 'An investment arm' }));
    expect((await history(program)).map((event) => event.type)).toEqual(['ProgramLaunched', 'ProgramPartnerAdded']);
  });
});

describe('mergeOrganizations', () => {
  it('merges the duplicate into the survivor and answers with the survivor, which lists it', async () => {
    const survivor = await register('Lazada (Thailand) Co., Ltd.');
    const duplicate = await register('Lazada Thailand');
    const body = dataOf(await merge(planner, { survivorId: survivor, duplicateId: duplicate, expectedVersion: 1, reason: 'The same company, registered twice' }));
    const { organization, result } = body.mergeOrganizations;
    expect(result).toMatchObject({ streamId: `organization-${duplicate}`, version: 2, projected: true });
    expect(organization).toMatchObject({
      id: survivor,
      name: { en: 'Lazada (Thailand) Co., Ltd.' },
      version: 1,
      mergedIds: [duplicate],
      merged: [{ id: duplicate, name: { en: 'Lazada Thailand' }, reason: 'The same company, registered twice' }],
    });
    const event = await storedEvent(`organization-${duplicate}`, 2);
    expect(new Date(organization.merged[0].mergedAt).getTime()).toBe(event.recorded_at.getTime());
    expect(event).toMatchObject({ type: 'OrganizationMerged', metadata: { actor: 'malee@mfa.go.th' } });
  });

  it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
    const survivor = await register('Alibaba Group Holding');
    const duplicate = await register('Alibaba');
    const input = { commandId: newCommandId(), survivorId: survivor, duplicateId: duplicate, reason: 'Registered twice' };
    const first = dataOf(await merge(planner, input)).mergeOrganizations;
    const before = await api.eventCount();
    expect(dataOf(await merge(planner, input)).mergeOrganizations).toEqual(first);
    expect(await api.eventCount()).toBe(before);
  });

  it('appears in the history of a program the duplicate took part in, with its actor and reason', async () => {
    const survivor = await register('Mall Group');
    const duplicate = await register('The Mall');
    const program = await launchWithPartners([[duplicate, 'MARKETING']]);
    dataOf(await merge(admin, { survivorId: survivor, duplicateId: duplicate, reason: 'One operator of shopping malls' }));
    const events = await history(program);
    expect(events.map((event) => event.type)).toEqual(['ProgramLaunched', 'ProgramPartnerAdded', 'OrganizationMerged']);
    expect(events[2]).toMatchObject({
      streamId: `organization-${duplicate}`,
      actor: 'admin@mfa.go.th',
      data: { organizationId: duplicate, survivorId: survivor, name: { en: 'The Mall' }, reason: 'One operator of shopping malls' },
    });
  });

  it('leaves both partners in the view as of before the merge; after it, the survivor once, in its own role, and once among organisers', async () => {
    const survivor = await register('Central Group');
    const duplicate = await register('Central Retail');
    const program = await launchWithPartners([
      [duplicate, 'SPONSOR'],
      [survivor, 'MARKETING'],
    ]);
    const input = { programId: program, kind: 'MEETING', title: { en: 'Sponsorship talks' }, startsOn: '2020-01-10', organizerIds: [duplicate, survivor] };
    const meeting = dataOf(await mutate(diplomat, 'logActivity', input, '{ activity { id } }')).logActivity.activity.id;
    dataOf(await merge(planner, { survivorId: survivor, duplicateId: duplicate, reason: 'One group' }));
    const events = await history(program);
    expect(events.map((event) => event.type)).toEqual(['ProgramLaunched', 'ProgramPartnerAdded', 'ProgramPartnerAdded', 'ActivityLogged', 'OrganizationMerged']);
    // As of the last event before the merge.
    const before = await partnersAsOf(program, events[3].recordedAt);
    expect(before.map((partner) => [partner.organization.id, partner.role])).toEqual([
      [duplicate, 'SPONSOR'],
      [survivor, 'MARKETING'],
    ]);
    const now = await partnersAsOf(program, new Date(Date.now() + 60_000).toISOString());
    expect(now).toEqual([{ role: 'MARKETING', organization: expect.objectContaining({ id: survivor, mergedIds: [duplicate] }) }]);
    const live = dataOf(await planner(`query ($id: ID!) { program(id: $id) { partners { role organization { id } } } }`, { id: program }));
    expect(live.program.partners).toEqual([{ role: 'MARKETING', organization: { id: survivor } }]);
    const organizers = dataOf(await planner(`query ($id: ID!) { activity(id: $id) { organizers { id } } }`, { id: meeting }));
    expect(organizers.activity.organizers).toEqual([{ id: survivor }]);
  });

  it('refuses a blank reason, an organisation merged into itself and a survivor below the duplicate as BAD_USER_INPUT', async () => {
    const group = await register('Lazada Group');
    const child = await register('Lazada Philippines', { parentId: group });
    await refused(() => merge(planner, { survivorId: group, duplicateId: child, reason: ' ' }), 'BAD_USER_INPUT', { field: 'reason' });
    await refused(() => merge(planner, { survivorId: child, duplicateId: child, reason: 'r' }), 'BAD_USER_INPUT', { field: 'survivorId' });
    await refused(() => merge(planner, { survivorId: child, duplicateId: group, reason: 'r' }), 'BAD_USER_INPUT', { field: 'survivorId' });
  });

  it('refuses an unknown survivor or duplicate as NOT_FOUND naming the field', async () => {
    const id = await register('Lazada Vietnam');
    await refused(() => merge(planner, { survivorId: UNKNOWN, duplicateId: id, reason: 'r' }), 'NOT_FOUND', { field: 'survivorId', id: UNKNOWN });
    await refused(() => merge(planner, { survivorId: id, duplicateId: UNKNOWN, reason: 'r' }), 'NOT_FOUND', { field: 'duplicateId', id: UNKNOWN });
  });

  it("refuses a stale expectedVersion (the duplicate's) as CONFLICT", async () => {
    const survivor = await register('JD Central');
    const duplicate = await register('JD Central Thailand');
    dataOf(await mutate(planner, 'renameOrganization', { id: duplicate, name: { en: 'JD.com Thailand' } }, '{ result { version } }'));
    await refused(() => merge(planner, { survivorId: survivor, duplicateId: duplicate, expectedVersion: 1, reason: 'r' }), 'CONFLICT', {
      reason: 'WRONG_EXPECTED_VERSION',
      actualVersion: 2,
    });
  });

  it('refuses a duplicate merged already, or a survivor merged away, as CONFLICT naming where it went', async () => {
    const survivor = await register('Shopee');
    const duplicate = await register('Shopee TH');
    const other = await register('Shopee Thailand Co., Ltd.');
    dataOf(await merge(planner, { survivorId: survivor, duplicateId: duplicate, reason: 'Registered twice' }));
    const again = await refused(() => merge(planner, { survivorId: other, duplicateId: duplicate, reason: 'r' }), 'CONFLICT', {
      reason: 'ORGANIZATION_MERGED',
      organizationId: duplicate,
      survivorId: survivor,
    });
    expect(again.errors?.[0].message).toContain(survivor);
    await refused(() => merge(planner, { survivorId: duplicate, duplicateId: other, reason: 'r' }), 'CONFLICT', {
      reason: 'ORGANIZATION_MERGED',
      survivorId: survivor,
    });
  });

  it('is for planners: a diplomat or an auditor is FORBIDDEN, no token is UNAUTHENTICATED', async () => {
    const survivor = await register('Kerry Express');
    const duplicate = await register('Kerry Express Thailand');
    const input = { survivorId: survivor, duplicateId: duplicate, reason: 'Registered twice' };
    await refused(() => merge(diplomat, input), 'FORBIDDEN');
    await refused(() => merge(auditor, input), 'FORBIDDEN');
    await refused(() => merge(anonymous, input), 'UNAUTHENTICATED');
  });
});
