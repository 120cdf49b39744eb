import { CommandBus } from '@nestjs/cqrs';
import { loadReferenceCase } from '@tracker/application';
import { waitForReadModel } from '@tracker/audit/testing';
import { referenceIds } from '@tracker/domain';
import { callerFor, codesOf, dataOf, mutate, newCommandId, type Caller } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';

/**
 * One of the reference case's made-up mistakes (shared/domain/README.md, "Mistakes to
 * correct"; not in the article, not in the demo data): Lazada registered twice, as "Lazada
 * (Thailand) Co., Ltd." and as "Lazada Thailand", then merged. A diplomat who did not find the
 * first registration records the second one and uses it: as a partner of the program, a
 * participant's organisation in a planning meeting, the owner of a follow-up and a party to the
 * draft memorandum on training OTOP sellers. A planner notices and merges it into the first.
 */
const { program, organizations } = referenceIds;
const lazada = organizations.lazada;
const DUPLICATE_NAME = { th: 'ลาซาด้า ประเทศไทย', en: 'Lazada Thailand' };
const REASON = 'Lazada (Thailand) Co., Ltd. was registered a second time as "Lazada Thailand"';

let api: TestApp;
let diplomat: Caller;
let planner: Caller;
let auditor: Caller;
let duplicate: string;
let planning: string;
let training: string;
let memorandum: string;
/** The program's last event before the merge: the as-of view "before". */
let beforeMerge: string;

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  diplomat = await callerFor(api, ['diplomat'], 'somchai@mfa.go.th');
  planner = await callerFor(api, ['planner'], 'malee@mfa.go.th');
  auditor = await callerFor(api, ['auditor'], 'auditor@oag.go.th');
  const loaded = await loadReferenceCase(api.app.get(CommandBus), { now: new Date() });
  await waitForReadModel(api.database.pool, loaded.position);

  // The second registration and what was recorded against it.
  duplicate = dataOf(
    await mutate(diplomat, 'registerOrganization', { commandId: newCommandId(), name: DUPLICATE_NAME, kind: 'COMPANY', country: 'TH' }, '{ organization { id } }'),
  ).registerOrganization.organization.id;
  dataOf(await mutate(planner, 'addProgramPartner', { programId: program, organizationId: duplicate, role: 'PARTNER', joinedOn: '2020-01-10' }, '{ program { id } }'));
  planning = dataOf(
    await mutate(
      diplomat,
      'logActivity',
      {
        programId: program,
        kind: 'MEETING',
        title: { en: 'Planning the online-selling training for OTOP SMEs' },
        startsOn: '2020-01-10',
        organizerIds: [organizations.diea],
        participants: [{ name: { en: 'Jirawan Chaipongphat' }, organizationId: duplicate }],
      },
      '{ activity { id } }',
    ),
  ).logActivity.activity.id;
  training = dataOf(
    await mutate(diplomat, 'addFollowUp', { activityId: planning, description: 'Draft the training plan', ownerId: duplicate }, '{ followUp { id } }'),
  ).addFollowUp.followUp.id;
  memorandum = dataOf(
    await mutate(
      planner,
      'recordAgreement',
      { title: { en: 'Memorandum on training OTOP sellers online' }, partyIds: [organizations.diea, duplicate], programId: program, status: 'DRAFT' },
      '{ agreement { id } }',
    ),
  ).recordAgreement.agreement.id;
  beforeMerge = (await history()).at(-1)!.recordedAt;

  dataOf(await mutate(planner, 'mergeOrganizations', { survivorId: lazada, duplicateId: duplicate, expectedVersion: 1, reason: REASON }, '{ result { projected } }'));
});

afterAll(async () => {
  await api?.close();
});

type HistoryNode = { type: string; actor: string; recordedAt: string; data: Record<string, any> };

async function history(): Promise<HistoryNode[]> {
  const body = await auditor(`query ($id: ID!) { programHistory(programId: $id, first: 100) { edges { node { type actor recordedAt data } } } }`, { id: program });
  return dataOf(body).programHistory.edges.map((edge: { node: HistoryNode }) => edge.node);
}

const names = (organizations: { name: { en: string } }[]) => organizations.map((organization) => organization.name.en);

describe('Lazada registered twice, then merged', () => {
  it('answers for the duplicate with Lazada, which lists the duplicate with its name, when and why', async () => {
    const body = dataOf(
      await diplomat(`query ($id: ID!) { organization(id: $id) { id name { en } parent { name { en } } mergedIds merged { id name { th en } mergedAt reason } } }`, {
        id: duplicate,
      }),
    );
    expect(body.organization).toMatchObject({
      id: lazada,
      name: { en: 'Lazada (Thailand) Co., Ltd.' },
      parent: { name: { en: 'Alibaba Group' } },
      mergedIds: [duplicate],
      merged: [{ id: duplicate, name: DUPLICATE_NAME, reason: REASON }],
    });
  });

  it('lists Lazada once among the organisations', async () => {
    const body = dataOf(await diplomat(`{ organizations(filter: { search: "lazada" }) { totalCount edges { node { id } } } }`));
    expect(body.organizations).toEqual({ totalCount: 1, edges: [{ node: { id: lazada } }] });
  });

  it('shows Lazada in the activity, the follow-up and the memorandum that named the duplicate', async () => {
    const body = dataOf(
      await diplomat(
        `query ($activity: ID!, $agreement: ID!) {
           activity(id: $activity) { participants { name { en } organization { id name { en } } } followUps { id owner { id name { en } } } }
           agreement(id: $agreement) { parties { id name { en } } }
         }`,
        { activity: planning, agreement: memorandum },
      ),
    );
    expect(body.activity.participants).toEqual([{ name: { en: 'Jirawan Chaipongphat' }, organization: { id: lazada, name: { en: 'Lazada (Thailand) Co., Ltd.' } } }]);
    expect(body.activity.followUps).toEqual([{ id: training, owner: { id: lazada, name: { en: 'Lazada (Thailand) Co., Ltd.' } } }]);
    expect(names(body.agreement.parties)).toEqual(['Department of International Economic Affairs', 'Lazada (Thailand) Co., Ltd.']);
  });

  it("finds what was recorded under the duplicate among Lazada's activities, by either id", async () => {
    const query = `query ($id: ID!) { activities(filter: { organizationId: $id }) { totalCount edges { node { id } } } }`;
    const byLazada = dataOf(await diplomat(query, { id: lazada })).activities;
    const expected = [referenceIds.activities.cddMeeting, referenceIds.activities.otopCityVisit, planning];
    expect(byLazada.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(expected);
    expect(byLazada.totalCount).toBe(3);
    expect(dataOf(await diplomat(query, { id: duplicate })).activities).toEqual(byLazada);
    const programs = dataOf(await diplomat(`query ($id: ID!) { programs(filter: { partnerId: $id }) { totalCount } }`, { id: duplicate })).programs;
    expect(programs.totalCount).toBe(1);
    // The follow-up given to the duplicate is Lazada's too, in the list across programs.
    const owned = `query ($id: ID!) { followUps(filter: { ownerId: $id }) { totalCount edges { node { id owner { id } } } } }`;
    const byOwner = dataOf(await diplomat(owned, { id: lazada })).followUps;
    expect(byOwner.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual(
      expect.arrayContaining([referenceIds.followUps.lazadaOnlineTraining, training]),
    );
    expect(byOwner.totalCount).toBe(2);
    expect(dataOf(await diplomat(owned, { id: duplicate })).followUps).toEqual(byOwner);
  });

  it("lists Lazada once among the program's partners, in the role recorded for Lazada itself", async () => {
    const body = dataOf(await diplomat(`query ($id: ID!) { program(id: $id) { partners { role joinedOn organization { id } } followUps { owner { id } } } }`, { id: program }));
    expect(body.program.partners.filter((partner: { organization: { id: string } }) => partner.organization.id === lazada)).toEqual([
      { role: 'PLATFORM', joinedOn: '2019-12-16', organization: { id: lazada } },
    ]);
    expect(body.program.partners).toHaveLength(5);
    expect(body.program.followUps.map((followUp: { owner: { id: string } }) => followUp.owner.id)).toEqual([lazada, lazada]);
  });

  it("shows the merge in the program's history, with its reason and the planner who made it", async () => {
    const merge = (await history()).at(-1)!;
    expect(merge).toMatchObject({
      type: 'OrganizationMerged',
      actor: 'malee@mfa.go.th',
      data: { organizationId: duplicate, survivorId: lazada, name: DUPLICATE_NAME, reason: REASON },
    });
    const verified = dataOf(await auditor(`query ($id: ID!) { verifyHistory(programId: $id) { ok eventsChecked } }`, { id: program }));
    expect(verified.verifyHistory.ok).toBe(true);
  });

  it('shows both organisations as of before the merge, and Lazada alone after it', async () => {
    const query = `query ($id: ID!, $asOf: DateTime!) {
      programAsOf(programId: $id, asOf: $asOf) {
        partners { role organization { id name { en } } }
        agreements { parties { id } }
        activities(first: 10) { edges { node { id participants { organization { id } } } } }
        followUps { owner { id } }
      }
    }`;
    const before = dataOf(await auditor(query, { id: program, asOf: beforeMerge })).programAsOf;
    expect(before.partners.map((partner: { role: string; organization: { name: { en: string } } }) => [partner.organization.name.en, partner.role])).toEqual(
      expect.arrayContaining([
        ['Lazada (Thailand) Co., Ltd.', 'PLATFORM'],
        ['Lazada Thailand', 'PARTNER'],
      ]),
    );
    expect(before.agreements[0].parties.map((party: { id: string }) => party.id)).toEqual([organizations.diea, duplicate]);
    const meeting = before.activities.edges.find((edge: { node: { id: string } }) => edge.node.id === planning).node;
    expect(meeting.participants).toEqual([{ organization: { id: duplicate } }]);
    expect(before.followUps.map((followUp: { owner: { id: string } }) => followUp.owner.id)).toEqual([lazada, duplicate]);

    const after = dataOf(await auditor(query, { id: program, asOf: new Date(Date.now() + 60_000).toISOString() })).programAsOf;
    expect(after.partners).toHaveLength(5);
    expect(after.partners.filter((partner: { organization: { id: string } }) => partner.organization.id === lazada)).toEqual([
      { role: 'PLATFORM', organization: { id: lazada, name: { en: 'Lazada (Thailand) Co., Ltd.' } } },
    ]);
    expect(after.agreements[0].parties.map((party: { id: string }) => party.id)).toEqual([organizations.diea, lazada]);
    expect(after.followUps.map((followUp: { owner: { id: string } }) => followUp.owner.id)).toEqual([lazada, lazada]);
  });

  it('refuses every command that names the duplicate, with CONFLICT naming Lazada, recording nothing', async () => {
    const before = await api.eventCount();
    const attempts = [
      mutate(diplomat, 'logActivity', { programId: program, kind: 'MEETING', title: { en: 'Call' }, startsOn: '2020-02-01', organizerIds: [duplicate] }, '{ activity { id } }'),
      mutate(diplomat, 'addFollowUp', { activityId: planning, description: 'Send the plan', ownerId: duplicate }, '{ followUp { id } }'),
      mutate(planner, 'addProgramPartner', { programId: program, organizationId: duplicate, role: 'SPONSOR' }, '{ program { id } }'),
      mutate(planner, 'recordAgreement', { title: { en: 'MoU' }, partyIds: [organizations.cdd, duplicate] }, '{ agreement { id } }'),
      mutate(diplomat, 'registerOrganization', { name: { en: 'Lazada Express Thailand' }, kind: 'COMPANY', parentId: duplicate }, '{ organization { id } }'),
      mutate(planner, 'renameOrganization', { id: duplicate, name: { en: 'Lazada TH' } }, '{ organization { id } }'),
      mutate(planner, 'updateOrganization', { id: duplicate, country: 'SG', reason: 'moved' }, '{ organization { id } }'),
    ];
    for (const body of await Promise.all(attempts)) {
      expect(codesOf(body)).toEqual(['CONFLICT']);
      expect(body.errors?.[0].extensions).toMatchObject({ reason: 'ORGANIZATION_MERGED', organizationId: duplicate, survivorId: lazada });
      expect(body.errors?.[0].message).toContain(lazada);
    }
    expect(await api.eventCount()).toBe(before);
  });

  it("removes Lazada from the program with the partner entry recorded under its duplicate, in one command", async () => {
    const body = await mutate(planner, 'removeProgramPartner', { programId: program, organizationId: lazada, reason: 'The platform contract ended' }, '{ program { partners { organization { id } } } }');
    const partners = body.data?.removeProgramPartner.program.partners.map((partner: { organization: { id: string } }) => partner.organization.id);
    expect(partners).toHaveLength(4);
    expect(partners).not.toContain(lazada);
    const removals = (await history()).filter((event) => event.type === 'ProgramPartnerRemoved');
    expect(removals.map((event) => event.data.organizationId).sort()).toEqual([lazada, duplicate].sort());
  });
});
