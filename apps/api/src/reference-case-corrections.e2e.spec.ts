import { CommandBus } from '@nestjs/cqrs';
import { AddProgramPartner, ChangeProgramStatus, LaunchProgram, LogActivity, RegisterOrganization } from '@tracker/application';
import { referenceActivities, referenceIds, referenceOrganizations, referenceOutcomes, referenceProgram } from '@tracker/domain';
import { callerFor, dataOf, mutate, newCommandId, type Caller } from './testing/graphql-caller';
import { startTestApp, type TestApp } from './testing/test-app';

/**
 * The reference case's made-up mistakes (shared/domain/README.md, "Mistakes to correct"; not
 * facts of the case, so they stay out of the demo data), told through the API: the meeting of
 * 16 December 2019 first logged as 16 November without Paiboon Buranasanti, then corrected with
 * a reason; the fair's revenue entered twice and the second entry voided; Lazada registered a
 * second time as "Lazada Thailand", then merged; a draft memorandum between the DIEA and
 * Lazada on training OTOP sellers, later signed. The totals are checked at every step.
 * (organizations/lazada-merge.e2e.spec.ts and agreements/reference-case-memorandum.e2e.spec.ts
 * tell the last two in more detail.) The organisations,
 * the program, the fair and the site visit are recorded straight through the command side with
 * the reference ids; the mistakes and their corrections go through GraphQL as a diplomat sends
 * them. An auditor then reads the history and the program as it was known before each fix.
 */
let api: TestApp;
let diplomat: Caller;
let auditor: Caller;
let planner: Caller;

const DIPLOMAT = 'somchai@mfa.go.th';
const PLANNER = 'malee@mfa.go.th';
const { program: programId, activities } = referenceIds;
const meetingData = referenceActivities.find((activity) => activity.id === activities.cddMeeting)!;
const revenueData = referenceOutcomes.find((outcome) => outcome.id === referenceIds.outcomes.shanghaiFairRevenue)!;
const PAIBOON = 'Paiboon Buranasanti';

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  diplomat = await callerFor(api, ['diplomat'], DIPLOMAT);
  auditor = await callerFor(api, ['auditor'], 'auditor@oag.go.th');
  planner = await callerFor(api, ['planner'], PLANNER);
  const commands = api.app.get(CommandBus);
  const ctx = { actor: 'planner@mfa.go.th', now: new Date() };
  for (const organization of referenceOrganizations) {
    const { id, ...input } = organization;
    await commands.execute(new RegisterOrganization(input, ctx, { id }));
  }
  await commands.execute(
    new LaunchProgram({ title: referenceProgram.title, summary: referenceProgram.summary, startedOn: referenceProgram.startedOn }, ctx, { id: programId }),
  );
  for (const partner of referenceProgram.partners) await commands.execute(new AddProgramPartner({ programId, ...partner }, ctx));
  await commands.execute(new ChangeProgramStatus({ programId, status: 'ACTIVE' }, ctx));
  for (const activity of referenceActivities.filter((a) => a.id !== activities.cddMeeting)) {
    const { id, ...input } = activity;
    await commands.execute(new LogActivity(input, ctx, { id }));
  }
});

afterAll(async () => {
  await api?.close();
});

const HISTORY = `query ($programId: ID!) {
  programHistory(programId: $programId, first: 100) { edges { node { type actor streamId recordedAt data } } }
}`;
const AS_OF = `query ($programId: ID!, $asOf: DateTime!, $occurredBy: Date) {
  programAsOf(programId: $programId, asOf: $asOf, occurredBy: $occurredBy) {
    activities(first: 10) { edges { node { id startsOn participants { name { en } } } } }
    outcomes { id voided }
    totals { kind currency amount quantity }
  }
}`;
const TOTALS = 'query ($id: ID!) { program(id: $id) { totals { kind currency amount quantity } } }';

type HistoryNode = { type: string; actor: string; streamId: string; recordedAt: string; data: Record<string, any> };

async function history(streamId: string): Promise<HistoryNode[]> {
  const data = dataOf(await auditor(HISTORY, { programId }));
  return data.programHistory.edges.map((edge: { node: HistoryNode }) => edge.node).filter((node: HistoryNode) => node.streamId === streamId);
}

async function asOf(at: string, occurredBy?: string): Promise<any> {
  return dataOf(await auditor(AS_OF, { programId, asOf: at, occurredBy })).programAsOf;
}

const revenue = (amount: string) => [{ kind: 'REVENUE', currency: 'THB', amount, quantity: null }];
const totals = async () => dataOf(await diplomat(TOTALS, { id: programId })).program.totals;

describe('the reference case: mistakes made and put right, with the reason in the history', () => {
  describe('the meeting of 16 December 2019, first logged as 16 November without Paiboon Buranasanti', () => {
    let meetingId: string;

    it('is logged with the wrong date and without him', async () => {
      const { id: _id, ...meeting } = meetingData;
      const logged = dataOf(
        await mutate(
          diplomat,
          'logActivity',
          { ...meeting, commandId: newCommandId(), startsOn: '16/11/2562', endsOn: null, participants: meeting.participants.filter((p) => p.name.en !== PAIBOON) },
          '{ activity { id startsOn participants { name { en } } } }',
        ),
      ).logActivity.activity;
      expect(logged.startsOn).toBe('2019-11-16');
      expect(logged.participants.map((p: { name: { en: string } }) => p.name.en)).not.toContain(PAIBOON);
      meetingId = logged.id;
    });

    it('is corrected with a reason: the date of the minutes, and the Inspector-General among the participants', async () => {
      const corrected = dataOf(
        await mutate(
          diplomat,
          'correctActivity',
          {
            commandId: newCommandId(),
            id: meetingId,
            expectedVersion: 1,
            startsOn: '๑๖ ธันวาคม ๒๕๖๒',
            participants: meetingData.participants,
            reason: 'The CDD minutes date the meeting 16 December 2019 and list Paiboon Buranasanti, Inspector-General of the CDD',
          },
          '{ activity { startsOn endsOn participants { name { en } } version } }',
        ),
      ).correctActivity.activity;
      expect(corrected).toMatchObject({ startsOn: '2019-12-16', endsOn: '2019-12-16', version: 2 });
      expect(corrected.participants.map((p: { name: { en: string } }) => p.name.en)).toEqual(meetingData.participants.map((p) => p.name.en));
    });

    it('shows the correction in programHistory with its actor and reason', async () => {
      const events = await history(`activity-${meetingId}`);
      expect(events.map((event) => [event.type, event.actor])).toEqual([
        ['ActivityLogged', DIPLOMAT],
        ['ActivityCorrected', DIPLOMAT],
      ]);
      expect(events[1].data).toMatchObject({
        reason: 'The CDD minutes date the meeting 16 December 2019 and list Paiboon Buranasanti, Inspector-General of the CDD',
        changed: ['startsOn', 'endsOn', 'participants'],
      });
    });

    it('leaves programAsOf before the correction at 16 November without him, and after it at 16 December with him', async () => {
      const [logged, correction] = await history(`activity-${meetingId}`);
      const meetingAt = async (at: string) =>
        (await asOf(at)).activities.edges.map((edge: { node: any }) => edge.node).find((node: { id: string }) => node.id === meetingId);
      const before = await meetingAt(logged.recordedAt);
      expect(before.startsOn).toBe('2019-11-16');
      expect(before.participants.map((p: { name: { en: string } }) => p.name.en)).not.toContain(PAIBOON);
      const after = await meetingAt(correction.recordedAt);
      expect(after.startsOn).toBe('2019-12-16');
      expect(after.participants.map((p: { name: { en: string } }) => p.name.en)).toContain(PAIBOON);
    });

    it('moves the meeting in business time: before the correction it had happened by 30 November, after it not', async () => {
      const [logged, correction] = await history(`activity-${meetingId}`);
      const idsBy = async (at: string) => (await asOf(at, '2019-11-30')).activities.edges.map((edge: { node: { id: string } }) => edge.node.id);
      expect(await idsBy(logged.recordedAt)).toEqual([activities.shanghaiFair, meetingId]);
      expect(await idsBy(correction.recordedAt)).toEqual([activities.shanghaiFair]);
    });
  });

  describe("the fair's revenue, entered twice and the second entry voided", () => {
    const OUTCOME = '{ outcome { id voided } result { projected } }';
    let firstId: string;
    let secondId: string;

    it('counts ten million baht once entered, and twenty million once entered again', async () => {
      const { id: _id, ...input } = revenueData;
      firstId = dataOf(await mutate(diplomat, 'recordOutcome', { ...input, commandId: newCommandId() }, OUTCOME)).recordOutcome.outcome.id;
      expect(await totals()).toEqual(revenue('10000000.00'));
      secondId = dataOf(await mutate(diplomat, 'recordOutcome', { ...input, commandId: newCommandId() }, OUTCOME)).recordOutcome.outcome.id;
      expect(await totals()).toEqual(revenue('20000000.00'));
    });

    it('counts ten million again once the second entry is voided, which stays listed as voided', async () => {
      const voided = dataOf(
        await mutate(diplomat, 'voidOutcome', { commandId: newCommandId(), id: secondId, reason: 'The fair revenue was entered twice' }, OUTCOME),
      ).voidOutcome;
      expect(voided.outcome).toEqual({ id: secondId, voided: true });
      expect(await totals()).toEqual(revenue('10000000.00'));
    });

    it('shows the void in programHistory with its actor and reason, and programAsOf before it shows the double total', async () => {
      const [recorded, voiding] = await history(`outcome-${secondId}`);
      expect(voiding).toMatchObject({ type: 'OutcomeVoided', actor: DIPLOMAT, data: { reason: 'The fair revenue was entered twice' } });
      const before = await asOf(recorded.recordedAt);
      expect(before.totals).toEqual(revenue('20000000.00'));
      expect(before.outcomes).toEqual([
        { id: firstId, voided: false },
        { id: secondId, voided: false },
      ]);
      const after = await asOf(voiding.recordedAt);
      expect(after.totals).toEqual(revenue('10000000.00'));
      expect(after.outcomes).toEqual([
        { id: firstId, voided: false },
        { id: secondId, voided: true },
      ]);
    });
  });

  describe('Lazada registered a second time as "Lazada Thailand", then merged', () => {
    const { lazada, diea } = referenceIds.organizations;
    const REASON = 'The same company as Lazada (Thailand) Co., Ltd., registered twice';
    let duplicateId: string;
    let callId: string;

    it('records a call with the duplicate as organiser', async () => {
      duplicateId = dataOf(
        await mutate(diplomat, 'registerOrganization', { commandId: newCommandId(), name: { en: 'Lazada Thailand' }, kind: 'COMPANY', country: 'TH' }, '{ organization { id } }'),
      ).registerOrganization.organization.id;
      callId = dataOf(
        await mutate(
          diplomat,
          'logActivity',
          { commandId: newCommandId(), programId, kind: 'MEETING', title: { en: 'Call on the OTOP sellers training' }, startsOn: '2020-01-10', organizerIds: [diea, duplicateId] },
          '{ activity { id } }',
        ),
      ).logActivity.activity.id;
    });

    it('shows Lazada wherever the duplicate was named once merged, and the merge in the history with its reason and actor', async () => {
      const merged = dataOf(
        await mutate(planner, 'mergeOrganizations', { commandId: newCommandId(), survivorId: lazada, duplicateId, reason: REASON }, '{ organization { id mergedIds } }'),
      ).mergeOrganizations.organization;
      expect(merged).toEqual({ id: lazada, mergedIds: [duplicateId] });
      const call = dataOf(await diplomat('query ($id: ID!) { activity(id: $id) { organizers { id } } }', { id: callId })).activity;
      expect(call.organizers).toEqual([{ id: diea }, { id: lazada }]);
      const [merge] = await history(`organization-${duplicateId}`);
      expect(merge).toMatchObject({ type: 'OrganizationMerged', actor: PLANNER, data: { survivorId: lazada, reason: REASON } });
      expect(await totals()).toEqual(revenue('10000000.00'));
    });

    it('leaves programAsOf before the merge with the duplicate as organiser', async () => {
      const [merge] = await history(`organization-${duplicateId}`);
      const organizersAt = async (at: string) =>
        dataOf(await auditor(ORGANIZERS_AS_OF, { programId, asOf: at })).programAsOf.activities.edges
          .map((edge: { node: { id: string; organizers: { id: string }[] } }) => edge.node)
          .find((node: { id: string }) => node.id === callId).organizers;
      expect(await organizersAt(new Date(Date.parse(merge.recordedAt) - 1).toISOString())).toEqual([{ id: diea }, { id: duplicateId }]);
      expect(await organizersAt(merge.recordedAt)).toEqual([{ id: diea }, { id: lazada }]);
    });
  });

  describe('a draft memorandum between the DIEA and Lazada on training OTOP sellers, later signed', () => {
    const { lazada, diea } = referenceIds.organizations;
    let memorandumId: string;

    it('is recorded as a draft, then signed', async () => {
      memorandumId = dataOf(
        await mutate(
          planner,
          'recordAgreement',
          { commandId: newCommandId(), title: { en: 'Memorandum on training OTOP sellers online' }, partyIds: [diea, lazada], programId },
          '{ agreement { id status } }',
        ),
      ).recordAgreement.agreement.id;
      const signed = dataOf(
        await mutate(planner, 'signAgreement', { commandId: newCommandId(), id: memorandumId, signedOn: '14/02/2563' }, '{ agreement { status signedOn } }'),
      ).signAgreement.agreement;
      expect(signed).toEqual({ status: 'SIGNED', signedOn: '2020-02-14' });
      expect(await totals()).toEqual(revenue('10000000.00'));
    });

    it('shows the signing in the history with its actor, and programAsOf before it shows the draft', async () => {
      const [recorded, signing] = await history(`agreement-${memorandumId}`);
      expect([recorded.type, signing.type]).toEqual(['AgreementRecorded', 'AgreementSigned']);
      expect(signing).toMatchObject({ actor: PLANNER, data: { signedOn: '2020-02-14' } });
      const statusAt = async (at: string) =>
        dataOf(await auditor(AGREEMENTS_AS_OF, { programId, asOf: at })).programAsOf.agreements.find((a: { id: string }) => a.id === memorandumId)?.status;
      expect(await statusAt(recorded.recordedAt)).toBe('DRAFT');
      expect(await statusAt(signing.recordedAt)).toBe('SIGNED');
    });
  });
});

const ORGANIZERS_AS_OF = `query ($programId: ID!, $asOf: DateTime!) {
  programAsOf(programId: $programId, asOf: $asOf) { activities(first: 20) { edges { node { id organizers { id } } } } }
}`;
const AGREEMENTS_AS_OF = `query ($programId: ID!, $asOf: DateTime!) { programAsOf(programId: $programId, asOf: $asOf) { agreements { id status } } }`;
