import {
  referenceActivities,
  referenceFollowUps,
  referenceIds,
  referenceOrganizations,
  referenceOutcomes,
  referenceProgram,
} from '@tracker/domain';
import { callerFor, dataOf, newCommandId, type Caller } from './testing/graphql-caller';
import { startTestApp, type TestApp } from './testing/test-app';

/**
 * The reference case (shared/domain/README.md) told through the API by its users: a diplomat
 * records the organisations and what happened, a planner sets up the program, then the
 * planner asks the questions the tracker exists for. The facts come from the domain's
 * reference data; every id is the one the API handed out.
 */
let api: TestApp;
let diplomat: Caller;
let planner: Caller;
/** Reference id -> id the API gave the record. */
const idOf = new Map<string, string>();
const id = (referenceId: string) => idOf.get(referenceId) ?? referenceId;

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  diplomat = await callerFor(api, ['diplomat'], 'somchai@mfa.go.th');
  planner = await callerFor(api, ['planner'], 'malee@mfa.go.th');
});

afterAll(async () => {
  await api?.close();
});

const organizationNames = `{ th en zh }`;

describe('the OTOP e-commerce cooperation of 2019, told through the API', () => {
  describe('a diplomat registers the organisations', () => {
    it('records each one, parents first, and reads it back at once', async () => {
      for (const organization of referenceOrganizations) {
        const data = dataOf(
          await diplomat(
            `mutation ($input: RegisterOrganizationInput!) {
              registerOrganization(input: $input) { organization { id name ${organizationNames} parent { id } } result { projected } }
            }`,
            {
              input: {
                commandId: newCommandId(),
                name: organization.name,
                kind: organization.kind,
                country: organization.country,
                parentId: organization.parentId === null ? null : id(organization.parentId),
              },
            },
          ),
        );
        const registered = data.registerOrganization;
        expect(registered.result.projected).toBe(true);
        expect(registered.organization.name.en).toBe(organization.name.en);
        expect(registered.organization.parent?.id ?? null).toBe(organization.parentId === null ? null : id(organization.parentId));
        idOf.set(organization.id, registered.organization.id);
      }
    });

    it('shows Lazada under the Alibaba Group, in Chinese too', async () => {
      const data = dataOf(
        await diplomat(`query ($id: ID!) { organization(id: $id) { name { en } parent { name ${organizationNames} } } }`, {
          id: id(referenceIds.organizations.lazada),
        }),
      );
      expect(data.organization).toEqual({ name: { en: 'Lazada (Thailand) Co., Ltd.' }, parent: { name: { th: 'กลุ่มอาลีบาบา', en: 'Alibaba Group', zh: '阿里巴巴集团' } } });
    });
  });

  describe('a planner launches the program and adds its partners', () => {
    it('launches it with a start date typed in Thai', async () => {
      const data = dataOf(
        await planner(
          `mutation ($input: LaunchProgramInput!) { launchProgram(input: $input) { program { id status startedOn title { en } } } }`,
          { input: { commandId: newCommandId(), title: referenceProgram.title, summary: referenceProgram.summary, startedOn: '๒๙ พฤษภาคม ๒๕๖๒' } },
        ),
      );
      expect(data.launchProgram.program).toMatchObject({ status: 'PROPOSED', startedOn: '2019-05-29', title: { en: referenceProgram.title.en } });
      idOf.set(referenceIds.program, data.launchProgram.program.id);
    });

    it('adds the lead agencies and the platform and marketing partners', async () => {
      for (const partner of referenceProgram.partners) {
        const data = dataOf(
          await planner(
            `mutation ($input: AddProgramPartnerInput!) {
              addProgramPartner(input: $input) { program { partners { role organization { id } } } }
            }`,
            {
              input: {
                commandId: newCommandId(),
                programId: id(referenceIds.program),
                organizationId: id(partner.organizationId),
                role: partner.role,
                joinedOn: partner.joinedOn,
              },
            },
          ),
        );
        expect(data.addProgramPartner.program.partners).toContainEqual({ role: partner.role, organization: { id: id(partner.organizationId) } });
      }
    });

    it('activates it', async () => {
      const data = dataOf(
        await planner(
          `mutation ($input: ChangeProgramStatusInput!) { changeProgramStatus(input: $input) { program { status partners { role } } } }`,
          { input: { commandId: newCommandId(), programId: id(referenceIds.program), status: 'ACTIVE' } },
        ),
      );
      expect(data.changeProgramStatus.program.status).toBe('ACTIVE');
      expect(data.changeProgramStatus.program.partners).toHaveLength(5);
    });
  });

  describe('the diplomat logs the fair, the meeting with its follow-up, and the site visit', () => {
    it('records each activity with its organisers, participants and topics', async () => {
      for (const activity of referenceActivities) {
        const data = dataOf(
          await diplomat(
            `mutation ($input: LogActivityInput!) {
              logActivity(input: $input) { activity { id kind startsOn endsOn participants { name { en } organization { id } } } }
            }`,
            {
              input: {
                commandId: newCommandId(),
                programId: id(activity.programId),
                kind: activity.kind,
                title: activity.title,
                startsOn: activity.startsOn,
                endsOn: activity.endsOn,
                location: activity.location,
                organizerIds: activity.organizerIds.map(id),
                participants: activity.participants.map((participant) => ({
                  name: participant.name,
                  position: participant.position,
                  organizationId: participant.organizationId === null ? null : id(participant.organizationId),
                })),
                topics: activity.topics,
                summary: activity.summary,
              },
            },
          ),
        );
        const logged = data.logActivity.activity;
        expect(logged).toMatchObject({ kind: activity.kind, startsOn: activity.startsOn, endsOn: activity.endsOn });
        expect(logged.participants).toHaveLength(activity.participants.length);
        idOf.set(activity.id, logged.id);
      }
    });

    it('records the fair revenue exactly', async () => {
      for (const outcome of referenceOutcomes) {
        const data = dataOf(
          await diplomat(
            `mutation ($input: RecordOutcomeInput!) { recordOutcome(input: $input) { outcome { id kind amount currency activity { kind } } } }`,
            {
              input: {
                commandId: newCommandId(),
                programId: id(outcome.programId),
                activityId: outcome.activityId === null ? null : id(outcome.activityId),
                kind: outcome.kind,
                amount: outcome.amount,
                currency: outcome.currency,
                description: outcome.description,
              },
            },
          ),
        );
        expect(data.recordOutcome.outcome).toMatchObject({ kind: 'REVENUE', amount: '10000000.00', currency: 'THB', activity: { kind: 'FAIR' } });
      }
    });

    it('adds the training follow-up, owned by Lazada', async () => {
      for (const followUp of referenceFollowUps) {
        const data = dataOf(
          await diplomat(
            `mutation ($input: AddFollowUpInput!) { addFollowUp(input: $input) { followUp { status owner { name { en } } activity { kind } } } }`,
            {
              input: {
                commandId: newCommandId(),
                activityId: id(followUp.activityId),
                description: followUp.description,
                ownerId: followUp.ownerId === null ? null : id(followUp.ownerId),
              },
            },
          ),
        );
        expect(data.addFollowUp.followUp).toEqual({ status: 'OPEN', owner: { name: { en: 'Lazada (Thailand) Co., Ltd.' } }, activity: { kind: 'MEETING' } });
      }
    });
  });

  describe('then the planner asks', () => {
    it('every meeting with Lazada: the one at the Community Development Department', async () => {
      const data = dataOf(
        await planner(
          `query ($lazada: ID!) {
            activities(filter: { organizationId: $lazada, kind: MEETING }) {
              totalCount edges { node { startsOn title { en } location { venue } } }
            }
          }`,
          { lazada: id(referenceIds.organizations.lazada) },
        ),
      );
      expect(data.activities.totalCount).toBe(1);
      expect(data.activities.edges[0].node).toEqual({
        startsOn: '2019-12-16',
        title: { en: 'Meeting on selling OTOP products through Alibaba and Lazada' },
        location: { venue: 'Community Development Department' },
      });
    });

    it('every activity of the OTOP e-commerce program in 2019, in date order', async () => {
      const query = `query ($program: ID!) {
        activities(filter: { programId: $program, from: "2019-01-01", to: "31/12/2562" }) { totalCount edges { node { kind startsOn } } }
      }`;
      const data = dataOf(await planner(query, { program: id(referenceIds.program) }));
      expect(data.activities.totalCount).toBe(3);
      const [fair, ...december] = data.activities.edges.map((edge: { node: { kind: string; startsOn: string } }) => edge.node);
      expect(fair).toEqual({ kind: 'FAIR', startsOn: '2019-05-29' });
      // The meeting and the site visit share a day; which comes first is the ids' business.
      expect(december.sort((a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind))).toEqual([
        { kind: 'MEETING', startsOn: '2019-12-16' },
        { kind: 'SITE_VISIT', startsOn: '2019-12-16' },
      ]);
    });

    it('the program totals by kind and currency: 10000000.00 THB of revenue', async () => {
      const data = dataOf(await planner(`query ($id: ID!) { program(id: $id) { totals { kind currency amount quantity } } }`, { id: id(referenceIds.program) }));
      expect(data.program.totals).toEqual([{ kind: 'REVENUE', currency: 'THB', amount: '10000000.00', quantity: null }]);
    });

    it('the open follow-ups: one, owned by Lazada', async () => {
      const data = dataOf(
        await planner(`query ($id: ID!) { program(id: $id) { followUps(status: OPEN) { description owner { name { en th } } } } }`, {
          id: id(referenceIds.program),
        }),
      );
      expect(data.program.followUps).toEqual([
        {
          description: referenceFollowUps[0].description,
          owner: { name: { en: 'Lazada (Thailand) Co., Ltd.', th: 'บริษัท ลาซาด้า (ประเทศไทย) จำกัด' } },
        },
      ]);
    });

    it('finds activities by Thai and Chinese words in their titles', async () => {
      const search = async (term: string) =>
        dataOf(await planner(`query ($term: String!) { activities(filter: { search: $term }) { edges { node { kind } } } }`, { term }))
          .activities.edges.map((edge: { node: { kind: string } }) => edge.node.kind)
          .sort();
      expect(await search('ลาซาด้า')).toEqual(['MEETING', 'SITE_VISIT']);
      expect(await search('上海')).toEqual(['FAIR']);
      expect(await search('otop city')).toEqual(['SITE_VISIT']);
    });

    it('the programs Lazada is a partner of', async () => {
      const data = dataOf(
        await planner(`query ($lazada: ID!) { programs(filter: { partnerId: $lazada, status: ACTIVE }) { totalCount edges { node { id } } } }`, {
          lazada: id(referenceIds.organizations.lazada),
        }),
      );
      expect(data.programs.edges).toEqual([{ node: { id: id(referenceIds.program) } }]);
    });
  });
});
