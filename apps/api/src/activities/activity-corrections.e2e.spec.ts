import { CommandBus } from '@nestjs/cqrs';
import { ChangeProgramStatus, LaunchProgram, RegisterOrganization } from '@tracker/application';
import { callerFor, codesOf, dataOf, mutate, newCommandId, type Caller, type GraphQLBody } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { attempt, expectRefused } from '../testing/refusals';

/**
 * correctActivity and cancelActivity through GraphQL: a diplomat puts right what was logged
 * wrong (a date, a missing participant, the program), or records that an activity was called
 * off; the history keeps every version with its actor and reason, and the as-of view before
 * each change shows the activity as it was recorded then.
 */
let api: TestApp;
let diplomat: Caller;
let planner: Caller;
let auditor: Caller;
let anonymous: Caller;
let programId: string;
let otherProgramId: string;
let completedProgramId: string;
let cddId: string;
let lazadaId: string;

const DIPLOMAT = 'somchai@mfa.go.th';
const UNKNOWN_ID = '99999999-0000-4000-8000-000000000000';

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  diplomat = await callerFor(api, ['diplomat'], DIPLOMAT);
  planner = await callerFor(api, ['planner'], 'malee@mfa.go.th');
  auditor = await callerFor(api, ['auditor'], 'auditor@oag.go.th');
  anonymous = await callerFor(api, null);
  const commands = api.app.get(CommandBus);
  const ctx = { actor: 'setup', now: new Date() };
  cddId = (await commands.execute(new RegisterOrganization({ name: { en: 'Community Development Department' }, kind: 'DEPARTMENT' }, ctx))).id;
  lazadaId = (await commands.execute(new RegisterOrganization({ name: { en: 'Lazada (Thailand) Co., Ltd.' }, kind: 'COMPANY' }, ctx))).id;
  // A start date, so the program exists in business-time views of 2019.
  programId = (await commands.execute(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE', startedOn: '2019-05-29' }, ctx))).id;
  otherProgramId = (await commands.execute(new LaunchProgram({ title: { en: 'OTOP sellers training' }, status: 'ACTIVE' }, ctx))).id;
  completedProgramId = (await commands.execute(new LaunchProgram({ title: { en: 'OTOP City 2018' }, status: 'ACTIVE' }, ctx))).id;
  await commands.execute(new ChangeProgramStatus({ programId: completedProgramId, status: 'COMPLETED' }, ctx));
});

afterAll(async () => {
  await api?.close();
});

const ACTIVITY = `{
  activity {
    id kind status title { en } startsOn endsOn location { venue city country } summary topics version
    organizers { id } participants { name { en } organization { id } } program { id }
  }
  result { version projected }
}`;
const HISTORY = `query ($programId: ID!) {
  programHistory(programId: $programId, first: 100) { edges { node { type actor streamId version recordedAt data } } }
}`;
const AS_OF = `query ($programId: ID!, $asOf: DateTime!, $occurredBy: Date) {
  programAsOf(programId: $programId, asOf: $asOf, occurredBy: $occurredBy) {
    activities(first: 100) { edges { node { id status startsOn summary participants { name { en } } } } }
  }
}`;

type HistoryNode = { type: string; actor: string; streamId: string; version: number; recordedAt: string; data: Record<string, any> };

const zhang = (): Record<string, unknown> => ({ name: { en: 'Zhang Zhuoyan' }, organizationId: lazadaId });
const paiboon = (): Record<string, unknown> => ({ name: { en: 'Paiboon Buranasanti', th: 'ไพบูลย์ บูรณสันติ' }, organizationId: cddId });

async function logMeeting(input: Record<string, unknown> = {}): Promise<any> {
  const body = await mutate(
    diplomat,
    'logActivity',
    {
      programId,
      kind: 'MEETING',
      title: { en: 'OTOP online sales at the CDD' },
      startsOn: '16/11/2562',
      location: { venue: 'Community Development Department', city: 'Bangkok', country: 'TH' },
      organizerIds: [cddId],
      participants: [zhang()],
      topics: ['OTOP on Lazada'],
      summary: 'Planning OTOP sales online.',
      ...input,
    },
    ACTIVITY,
  );
  return dataOf(body).logActivity.activity;
}

async function historyOf(program: string, activityId: string): Promise<HistoryNode[]> {
  const data = dataOf(await auditor(HISTORY, { programId: program }));
  return data.programHistory.edges.map((edge: { node: HistoryNode }) => edge.node).filter((node: HistoryNode) => node.streamId === `activity-${activityId}`);
}

async function asOfActivities(program: string, asOf: string, occurredBy?: string): Promise<any[]> {
  const data = dataOf(await auditor(AS_OF, { programId: program, asOf, occurredBy }));
  return data.programAsOf.activities.edges.map((edge: { node: unknown }) => edge.node);
}

async function activitiesIn(filter: Record<string, unknown>): Promise<string[]> {
  const data = dataOf(await diplomat('query ($filter: ActivityFilter) { activities(filter: $filter, first: 100) { edges { node { id } } } }', { filter }));
  return data.activities.edges.map((edge: { node: { id: string } }) => edge.node.id);
}

/** A refused command's body, checking it recorded nothing. */
const refused = async (send: () => Promise<GraphQLBody>): Promise<GraphQLBody> => expectRefused(await attempt(api, send));

describe('correctActivity', () => {
  describe('the meeting logged with the wrong date and without a participant', () => {
    let meeting: any;
    let corrected: any;

    beforeAll(async () => {
      meeting = await logMeeting();
      corrected = dataOf(
        await mutate(
          diplomat,
          'correctActivity',
          {
            id: meeting.id,
            expectedVersion: 1,
            startsOn: '๑๖ ธันวาคม ๒๕๖๒',
            participants: [zhang(), paiboon()],
            reason: 'The minutes date the meeting 16 December, and the Inspector-General attended',
          },
          ACTIVITY,
        ),
      ).correctActivity;
    });

    it('replaces the date and the whole participant list, keeping what the correction leaves out', () => {
      expect(corrected.result).toEqual({ version: 2, projected: true });
      expect(corrected.activity).toMatchObject({
        status: 'HELD',
        startsOn: '2019-12-16',
        // A one-day meeting stays one day.
        endsOn: '2019-12-16',
        participants: [{ name: { en: 'Zhang Zhuoyan' }, organization: { id: lazadaId } }, { name: { en: 'Paiboon Buranasanti' }, organization: { id: cddId } }],
        summary: 'Planning OTOP sales online.',
        topics: ['OTOP on Lazada'],
        organizers: [{ id: cddId }],
        program: { id: programId },
        version: 2,
      });
    });

    it('moves it in date ranges: out of November, into December', async () => {
      expect(await activitiesIn({ programId, from: '2019-11-01', to: '2019-11-30' })).not.toContain(meeting.id);
      expect(await activitiesIn({ programId, from: '2019-12-01', to: '2019-12-31' })).toContain(meeting.id);
    });

    it('shows in programHistory with its actor, its reason, the whole corrected activity and what changed', async () => {
      const history = await historyOf(programId, meeting.id);
      expect(history.map((node) => node.type)).toEqual(['ActivityLogged', 'ActivityCorrected']);
      expect(history[1]).toMatchObject({
        actor: DIPLOMAT,
        version: 2,
        data: {
          reason: 'The minutes date the meeting 16 December, and the Inspector-General attended',
          changed: ['startsOn', 'endsOn', 'participants'],
          startsOn: '2019-12-16',
          summary: 'Planning OTOP sales online.',
          previousProgramId: programId,
        },
      });
    });

    it('leaves programAsOf before the correction showing the activity as first logged', async () => {
      const [logged, correction] = await historyOf(programId, meeting.id);
      const before = (await asOfActivities(programId, logged.recordedAt)).find((a) => a.id === meeting.id);
      expect(before).toMatchObject({ startsOn: '2019-11-16', participants: [{ name: { en: 'Zhang Zhuoyan' } }] });
      const after = (await asOfActivities(programId, correction.recordedAt)).find((a) => a.id === meeting.id);
      expect(after).toMatchObject({ startsOn: '2019-12-16', participants: [{ name: { en: 'Zhang Zhuoyan' } }, { name: { en: 'Paiboon Buranasanti' } }] });
    });

    it('moves it in business time too: once corrected, it had not happened by 30 November', async () => {
      const [logged, correction] = await historyOf(programId, meeting.id);
      expect((await asOfActivities(programId, logged.recordedAt, '2019-11-30')).map((a) => a.id)).toContain(meeting.id);
      expect((await asOfActivities(programId, correction.recordedAt, '2019-11-30')).map((a) => a.id)).not.toContain(meeting.id);
      expect((await asOfActivities(programId, correction.recordedAt, '2019-12-16')).map((a) => a.id)).toContain(meeting.id);
    });
  });

  describe('omitted, null and given fields', () => {
    it('clears optional fields given as null; endsOn null makes it a one-day activity', async () => {
      const fair = await logMeeting({ kind: 'FAIR', startsOn: '2019-05-29', endsOn: '2019-06-01' });
      const corrected = dataOf(
        await mutate(diplomat, 'correctActivity', { id: fair.id, endsOn: null, location: null, summary: null, topics: null, reason: 'one day only' }, ACTIVITY),
      ).correctActivity.activity;
      expect(corrected).toMatchObject({ kind: 'FAIR', startsOn: '2019-05-29', endsOn: '2019-05-29', location: null, summary: null, topics: [], title: { en: 'OTOP online sales at the CDD' } });
    });

    it('corrects the status between PLANNED and HELD, and the activities filter finds it by status', async () => {
      const planned = await logMeeting({ status: 'PLANNED', title: { en: 'OTOP fair 2020' } });
      expect(planned.status).toBe('PLANNED');
      expect(await activitiesIn({ programId, status: 'PLANNED' })).toEqual([planned.id]);
      const held = dataOf(await mutate(diplomat, 'correctActivity', { id: planned.id, status: 'HELD', reason: 'it took place' }, ACTIVITY)).correctActivity;
      expect(held.activity.status).toBe('HELD');
      expect(await activitiesIn({ programId, status: 'PLANNED' })).toEqual([]);
      expect(await activitiesIn({ programId, status: 'HELD' })).toContain(planned.id);
    });
  });

  describe('moving the activity to another program', () => {
    let meeting: any;

    beforeAll(async () => {
      meeting = await logMeeting({ title: { en: 'Training plan for OTOP sellers' } });
    });

    it('refuses a program that is completed as CONFLICT, and one never launched as NOT_FOUND naming programId', async () => {
      const completed = await refused(() => mutate(diplomat, 'correctActivity', { id: meeting.id, programId: completedProgramId, reason: 'wrong program' }, ACTIVITY));
      expect(codesOf(completed)).toEqual(['CONFLICT']);
      expect(completed.errors?.[0].message).toContain('COMPLETED');
      const unknown = await refused(() => mutate(diplomat, 'correctActivity', { id: meeting.id, programId: UNKNOWN_ID, reason: 'wrong program' }, ACTIVITY));
      expect(codesOf(unknown)).toEqual(['NOT_FOUND']);
      expect(unknown.errors?.[0].extensions).toMatchObject({ field: 'programId' });
    });

    it('refuses to take it out of every program as BAD_USER_INPUT naming programId', async () => {
      const body = await refused(() => mutate(diplomat, 'correctActivity', { id: meeting.id, programId: null, reason: 'no program' }, ACTIVITY));
      expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors?.[0].extensions).toMatchObject({ field: 'programId' });
    });

    it('moves it: the new program lists it, the old one no longer does', async () => {
      const moved = dataOf(
        await mutate(diplomat, 'correctActivity', { id: meeting.id, programId: otherProgramId, reason: 'It belongs to the training program' }, ACTIVITY),
      ).correctActivity.activity;
      expect(moved.program).toEqual({ id: otherProgramId });
      expect(await activitiesIn({ programId: otherProgramId })).toEqual([meeting.id]);
      expect(await activitiesIn({ programId })).not.toContain(meeting.id);
    });

    it("keeps what happened under the old program in its history, and the new program's history starts at the move", async () => {
      const old = await historyOf(programId, meeting.id);
      const joined = await historyOf(otherProgramId, meeting.id);
      expect(old.map((node) => [node.type, node.version])).toEqual([
        ['ActivityLogged', 1],
        ['ActivityCorrected', 2],
      ]);
      expect(joined.map((node) => [node.type, node.version])).toEqual([['ActivityCorrected', 2]]);
      expect(joined[0]).toMatchObject({ actor: DIPLOMAT, data: { previousProgramId: programId, programId: otherProgramId, reason: 'It belongs to the training program' } });

      // Later events follow the activity to its new program only.
      await mutate(diplomat, 'correctActivity', { id: meeting.id, summary: 'Moved and summarised', reason: 'summary added' }, ACTIVITY);
      expect((await historyOf(otherProgramId, meeting.id)).map((node) => node.version)).toEqual([2, 3]);
      expect((await historyOf(programId, meeting.id)).map((node) => node.version)).toEqual([1, 2]);
    });

    it('shows it in the as-of views of each program for the time it belonged there', async () => {
      const [logged, move] = await historyOf(programId, meeting.id);
      expect((await asOfActivities(programId, logged.recordedAt)).map((a) => a.id)).toContain(meeting.id);
      expect((await asOfActivities(programId, move.recordedAt)).map((a) => a.id)).not.toContain(meeting.id);
      expect((await asOfActivities(otherProgramId, logged.recordedAt)).map((a) => a.id)).not.toContain(meeting.id);
      expect((await asOfActivities(otherProgramId, move.recordedAt)).map((a) => a.id)).toEqual([meeting.id]);
    });
  });

  describe('refusals', () => {
    let meeting: any;

    beforeAll(async () => {
      meeting = await logMeeting({ title: { en: 'Meeting to be corrected wrongly' } });
    });

    it.each([
      ['a blank reason', { summary: 'x', reason: ' ' }, 'reason'],
      ['a required field cleared', { kind: null, reason: 'no kind' }, 'kind'],
      ['a title cleared', { title: null, reason: 'no title' }, 'title'],
      ['the status CANCELLED, which is cancelActivity’s', { status: 'CANCELLED', reason: 'called off' }, 'status'],
      ['an end before the start', { endsOn: '2019-11-01', reason: 'shorter' }, 'endsOn'],
      ['an organizer that cannot be an id', { organizerIds: [' '], reason: 'organizer' }, 'organizerIds[0]'],
    ])('refuses %s as BAD_USER_INPUT naming the field, recording nothing', async (_case, input, field) => {
      const body = await refused(() => mutate(diplomat, 'correctActivity', { id: meeting.id, ...input }, ACTIVITY));
      expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors?.[0].extensions).toMatchObject({ field });
    });

    it('refuses a correction that changes nothing as BAD_USER_INPUT', async () => {
      const body = await refused(() => mutate(diplomat, 'correctActivity', { id: meeting.id, startsOn: '2019-11-16', reason: 'same date' }, ACTIVITY));
      expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    });

    it('refuses an organisation never registered as NOT_FOUND naming its place in the list', async () => {
      const body = await refused(() => mutate(diplomat, 'correctActivity', { id: meeting.id, organizerIds: [cddId, UNKNOWN_ID], reason: 'organisers' }, ACTIVITY));
      expect(codesOf(body)).toEqual(['NOT_FOUND']);
      expect(body.errors?.[0].extensions).toMatchObject({ field: 'organizerIds[1]' });
    });

    it('refuses an activity never logged as NOT_FOUND naming id', async () => {
      const body = await refused(() => mutate(diplomat, 'correctActivity', { id: UNKNOWN_ID, summary: 'x', reason: 'x' }, ACTIVITY));
      expect(codesOf(body)).toEqual(['NOT_FOUND']);
      expect(body.errors?.[0].extensions).toMatchObject({ field: 'id' });
    });

    it('refuses a stale expectedVersion as CONFLICT', async () => {
      await mutate(diplomat, 'correctActivity', { id: meeting.id, summary: 'first correction', reason: 'minutes' }, ACTIVITY);
      const body = await refused(() => mutate(diplomat, 'correctActivity', { id: meeting.id, expectedVersion: 1, summary: 'late', reason: 'minutes' }, ACTIVITY));
      expect(codesOf(body)).toEqual(['CONFLICT']);
      expect(body.errors?.[0].extensions).toMatchObject({ reason: 'WRONG_EXPECTED_VERSION' });
    });

    it('refuses an auditor as FORBIDDEN and a caller without a token as UNAUTHENTICATED', async () => {
      const input = { id: meeting.id, summary: 'audited', reason: 'audit' };
      expect(codesOf(await refused(() => mutate(auditor, 'correctActivity', input, ACTIVITY)))).toEqual(['FORBIDDEN']);
      expect(codesOf(await refused(() => mutate(anonymous, 'correctActivity', input, ACTIVITY)))).toEqual(['UNAUTHENTICATED']);
    });
  });

  it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
    const meeting = await logMeeting({ title: { en: 'Meeting corrected twice over a bad line' } });
    const input = { commandId: newCommandId(), id: meeting.id, startsOn: '2019-12-16', reason: 'date from the minutes' };
    const first = dataOf(await mutate(diplomat, 'correctActivity', input, ACTIVITY)).correctActivity;
    const events = await api.eventCount();
    const retry = dataOf(await mutate(diplomat, 'correctActivity', { ...input, startsOn: '16 ธ.ค. 2562' }, ACTIVITY)).correctActivity;
    expect(retry.result).toEqual(first.result);
    expect(retry.activity).toMatchObject({ startsOn: '2019-12-16', version: 2 });
    expect(await api.eventCount()).toBe(events);
  });

  it('is open to a planner too', async () => {
    const meeting = await logMeeting({ title: { en: 'Meeting a planner corrects' } });
    const body = await mutate(planner, 'correctActivity', { id: meeting.id, summary: 'Checked by the planner', reason: 'review' }, ACTIVITY);
    expect(dataOf(body).correctActivity.activity.summary).toBe('Checked by the planner');
  });
});

describe('cancelActivity', () => {
  const OUTCOME = '{ outcome { id } }';
  const FOLLOW_UP = '{ followUp { id } }';
  let fair: any;
  let cancelled: any;

  beforeAll(async () => {
    fair = await logMeeting({ kind: 'FAIR', status: 'PLANNED', title: { en: 'OTOP fair in Chiang Mai' }, startsOn: '2020-03-01', endsOn: '2020-03-03' });
    dataOf(await mutate(diplomat, 'recordOutcome', { programId, activityId: fair.id, kind: 'ORDERS', quantity: 12 }, OUTCOME));
    dataOf(await mutate(diplomat, 'addFollowUp', { activityId: fair.id, description: 'Book the exhibition hall' }, FOLLOW_UP));
    cancelled = dataOf(
      await mutate(diplomat, 'cancelActivity', { id: fair.id, expectedVersion: 1, reason: 'The fair was called off by the province' }, ACTIVITY),
    ).cancelActivity;
  });

  it('marks the activity CANCELLED, found by the status filter', async () => {
    expect(cancelled.result).toEqual({ version: 2, projected: true });
    expect(cancelled.activity).toMatchObject({ status: 'CANCELLED', startsOn: '2020-03-01', version: 2 });
    expect(await activitiesIn({ programId, status: 'CANCELLED' })).toEqual([fair.id]);
  });

  it('leaves its outcomes and follow-ups as they are', async () => {
    const data = dataOf(
      await diplomat('query ($id: ID!) { activity(id: $id) { outcomes { quantity voided } followUps { description status } } }', { id: fair.id }),
    );
    expect(data.activity).toEqual({ outcomes: [{ quantity: 12, voided: false }], followUps: [{ description: 'Book the exhibition hall', status: 'OPEN' }] });
  });

  it('shows in programHistory with its actor and reason, and programAsOf before it shows the activity planned', async () => {
    const history = await historyOf(programId, fair.id);
    expect(history.map((node) => node.type)).toEqual(['ActivityLogged', 'ActivityCancelled']);
    expect(history[1]).toMatchObject({ actor: DIPLOMAT, data: { reason: 'The fair was called off by the province', previousStatus: 'PLANNED' } });
    expect((await asOfActivities(programId, history[0].recordedAt)).find((a) => a.id === fair.id)).toMatchObject({ status: 'PLANNED' });
    expect((await asOfActivities(programId, history[1].recordedAt)).find((a) => a.id === fair.id)).toMatchObject({ status: 'CANCELLED' });
  });

  it('refuses to cancel it twice as CONFLICT naming the status, recording nothing', async () => {
    const body = await refused(() => mutate(diplomat, 'cancelActivity', { id: fair.id, reason: 'again' }, ACTIVITY));
    expect(codesOf(body)).toEqual(['CONFLICT']);
    expect(body.errors?.[0].message).toContain('CANCELLED');
    expect(body.errors?.[0].extensions).toMatchObject({ from: 'CANCELLED' });
  });

  it('refuses a correction that leaves it cancelled as CONFLICT, and takes one that sets its status back', async () => {
    const body = await refused(() => mutate(diplomat, 'correctActivity', { id: fair.id, summary: 'x', reason: 'x' }, ACTIVITY));
    expect(codesOf(body)).toEqual(['CONFLICT']);
    expect(body.errors?.[0].message).toContain('CANCELLED');
    const reinstated = dataOf(
      await mutate(diplomat, 'correctActivity', { id: fair.id, status: 'PLANNED', startsOn: '2020-04-01', endsOn: '2020-04-03', reason: 'Moved to April instead' }, ACTIVITY),
    ).correctActivity.activity;
    expect(reinstated).toMatchObject({ status: 'PLANNED', startsOn: '2020-04-01', endsOn: '2020-04-03', version: 3 });
  });

  describe('refusals', () => {
    let meeting: any;

    beforeAll(async () => {
      meeting = await logMeeting({ title: { en: 'Meeting someone tries to cancel' } });
    });

    it('refuses a blank reason as BAD_USER_INPUT naming reason', async () => {
      const body = await refused(() => mutate(diplomat, 'cancelActivity', { id: meeting.id, reason: '' }, ACTIVITY));
      expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors?.[0].extensions).toMatchObject({ field: 'reason' });
    });

    it('refuses an activity never logged as NOT_FOUND naming id', async () => {
      const body = await refused(() => mutate(diplomat, 'cancelActivity', { id: UNKNOWN_ID, reason: 'x' }, ACTIVITY));
      expect(codesOf(body)).toEqual(['NOT_FOUND']);
      expect(body.errors?.[0].extensions).toMatchObject({ field: 'id' });
    });

    it('refuses a stale expectedVersion as CONFLICT', async () => {
      await mutate(diplomat, 'correctActivity', { id: meeting.id, summary: 'changed', reason: 'minutes' }, ACTIVITY);
      const body = await refused(() => mutate(diplomat, 'cancelActivity', { id: meeting.id, expectedVersion: 1, reason: 'called off' }, ACTIVITY));
      expect(codesOf(body)).toEqual(['CONFLICT']);
      expect(body.errors?.[0].extensions).toMatchObject({ reason: 'WRONG_EXPECTED_VERSION' });
    });

    it('refuses an auditor as FORBIDDEN and a caller without a token as UNAUTHENTICATED', async () => {
      const input = { id: meeting.id, reason: 'called off' };
      expect(codesOf(await refused(() => mutate(auditor, 'cancelActivity', input, ACTIVITY)))).toEqual(['FORBIDDEN']);
      expect(codesOf(await refused(() => mutate(anonymous, 'cancelActivity', input, ACTIVITY)))).toEqual(['UNAUTHENTICATED']);
    });
  });

  it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
    const meeting = await logMeeting({ title: { en: 'Meeting cancelled over a bad line' } });
    const input = { commandId: newCommandId(), id: meeting.id, reason: 'called off' };
    const first = dataOf(await mutate(diplomat, 'cancelActivity', input, ACTIVITY)).cancelActivity;
    const events = await api.eventCount();
    const retry = dataOf(await mutate(diplomat, 'cancelActivity', input, ACTIVITY)).cancelActivity;
    expect(retry.result).toEqual(first.result);
    expect(retry.activity.status).toBe('CANCELLED');
    expect(await api.eventCount()).toBe(events);
  });
});

describe('logActivity with a status', () => {
  it('refuses CANCELLED as BAD_USER_INPUT naming status, recording nothing', async () => {
    const body = await refused(() => mutate(diplomat, 'logActivity', { programId, kind: 'MEETING', title: { en: 'x' }, startsOn: '2019-12-16', status: 'CANCELLED' }, ACTIVITY));
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0].extensions).toMatchObject({ field: 'status' });
  });
});
