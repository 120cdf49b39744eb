import { activityDecider, type ActivityFacts } from '../activity';
import { followUpDecider } from '../follow-up';
import { organizationDecider, type ParentFacts } from '../organization';
import { outcomeDecider } from '../outcome';
import { programDecider, type ProgramFacts } from '../program';
import { fold, type CommandMetadata, type Decider } from '../shared/decider';
import { sumDecimals } from '../shared/money';
import { formatThaiDate } from '../shared/thai-date';
import { occurredOnOf, type TrackerEvent } from '../tracker/tracker.events';
import { streamIdFor } from '../tracker/tracker.streams';
import {
  referenceActivities,
  referenceFollowUps,
  referenceIds,
  referenceOrganizations,
  referenceOutcomes,
  referenceProgram,
} from './reference-case.data';

/**
 * The reference case told as commands, the way the API would send them: a tiny in-memory
 * store stands in for the event store, and the facts each command needs are read from it
 * the way a command handler reads them.
 */
const diplomat: CommandMetadata = { actor: 'diplomat@mfa.go.th', now: '2019-12-17T09:00:00+07:00', correlationId: 'reference-case' };
const planner: CommandMetadata = { ...diplomat, actor: 'planner@mfa.go.th' };

const streams = new Map<string, TrackerEvent[]>();
const read = (streamId: string): readonly TrackerEvent[] => streams.get(streamId) ?? [];
// A stream holds one aggregate's events (each send names its aggregate's stream), hence the cast.
const stateOf = <C, E, S>(decider: Decider<C, E, S>, streamId: string): S => fold(decider, read(streamId) as readonly E[]);

/** Decides the command against its stream, as a command handler does, and appends the events. */
function send<C, E extends TrackerEvent, S>(decider: Decider<C, E, S>, streamId: string, command: C): E[] {
  const events = decider.decide(command, stateOf(decider, streamId));
  streams.set(streamId, [...read(streamId), ...events]);
  return events;
}

// The facts a command handler supplies, read from the store.
const knownOrganizationIds = (ids: readonly (string | null)[]): string[] =>
  ids.filter((id): id is string => id !== null && read(streamIdFor.organization(id)).length > 0);
const program = (id: string): ProgramFacts => stateOf(programDecider, streamIdFor.program(id));
const activity = (id: string): ActivityFacts => stateOf(activityDecider, streamIdFor.activity(id));
function parent(id: string): ParentFacts {
  const ancestorIds: string[] = [];
  let state = stateOf(organizationDecider, streamIdFor.organization(id));
  if (!state.exists) return { exists: false };
  while (state.exists && state.parentId !== null) {
    ancestorIds.push(state.parentId);
    state = stateOf(organizationDecider, streamIdFor.organization(state.parentId));
  }
  return { exists: true, ancestorIds };
}

function tellTheStory(): void {
  for (const org of referenceOrganizations) {
    send(organizationDecider, streamIdFor.organization(org.id), {
      type: 'RegisterOrganization',
      data: {
        organizationId: org.id,
        name: org.name,
        kind: org.kind,
        country: org.country?.toLowerCase(),
        parentId: org.parentId,
        parent: org.parentId === null ? undefined : parent(org.parentId),
      },
      metadata: diplomat,
    });
  }

  send(programDecider, streamIdFor.program(referenceProgram.id), {
    type: 'LaunchProgram',
    data: {
      programId: referenceProgram.id,
      title: referenceProgram.title,
      summary: referenceProgram.summary,
      startedOn: formatThaiDate(referenceProgram.startedOn),
    },
    metadata: planner,
  });
  for (const partner of referenceProgram.partners) {
    send(programDecider, streamIdFor.program(referenceProgram.id), {
      type: 'AddProgramPartner',
      data: { programId: referenceProgram.id, ...partner, knownOrganizationIds: knownOrganizationIds([partner.organizationId]) },
      metadata: planner,
    });
  }
  send(programDecider, streamIdFor.program(referenceProgram.id), { type: 'ChangeProgramStatus', data: { programId: referenceProgram.id, status: 'ACTIVE' }, metadata: planner });

  for (const a of referenceActivities) {
    const referenced = [...a.organizerIds, ...a.participants.map((p) => p.organizationId)];
    send(activityDecider, streamIdFor.activity(a.id), {
      type: 'LogActivity',
      data: {
        ...a,
        activityId: a.id,
        // As a Thai user types them: Buddhist Era, Thai digits for the start, abbreviated month for the end.
        startsOn: formatThaiDate(a.startsOn),
        endsOn: formatThaiDate(a.endsOn, { digits: 'arabic', month: 'abbr' }),
        knownOrganizationIds: knownOrganizationIds(referenced),
        program: program(a.programId),
      },
      metadata: diplomat,
    });
    for (const outcome of referenceOutcomes.filter((o) => o.activityId === a.id)) {
      send(outcomeDecider, streamIdFor.outcome(outcome.id), {
        type: 'RecordOutcome',
        data: {
          ...outcome,
          outcomeId: outcome.id,
          amount: '10000000', // as typed; the decider brings it to THB's two decimals
          program: program(outcome.programId),
          activity: outcome.activityId === null ? undefined : activity(outcome.activityId),
        },
        metadata: diplomat,
      });
    }
    for (const followUp of referenceFollowUps.filter((f) => f.activityId === a.id)) {
      send(followUpDecider, streamIdFor.followUp(followUp.id), {
        type: 'AddFollowUp',
        data: {
          ...followUp,
          followUpId: followUp.id,
          activity: activity(followUp.activityId),
          knownOrganizationIds: knownOrganizationIds([followUp.ownerId]),
        },
        metadata: diplomat,
      });
    }
  }
}

describe('the reference case: OTOP products to Chinese buyers through Alibaba and Lazada', () => {
  beforeAll(tellTheStory);

  const all = (): TrackerEvent[] => [...streams.values()].flat();
  const ofType = <T extends TrackerEvent['type']>(type: T) =>
    all().filter((e): e is Extract<TrackerEvent, { type: T }> => e.type === type);

  it('registers the eight organisations, departments under their ministries and Lazada under Alibaba', () => {
    const registered = ofType('OrganizationRegistered');
    expect(registered).toHaveLength(8);
    expect(registered.find((e) => e.data.organizationId === referenceIds.organizations.lazada)?.data).toMatchObject({
      parentId: referenceIds.organizations.alibaba,
      country: 'TH',
      name: { zh: '来赞达（泰国）有限公司' },
    });
    expect(parent(referenceIds.organizations.diea)).toStrictEqual({ exists: true, ancestorIds: [referenceIds.organizations.mfa] });
  });

  it('ends with an active program and five partners in their roles', () => {
    const state = stateOf(programDecider, streamIdFor.program(referenceIds.program));
    expect(state.exists && state.status).toBe('ACTIVE');
    const o = referenceIds.organizations;
    expect(state.exists && Object.fromEntries(Object.entries(state.partners).map(([id, p]) => [id, p.role]))).toStrictEqual({
      [o.diea]: 'LEAD',
      [o.cdd]: 'LEAD',
      [o.alibaba]: 'PLATFORM',
      [o.lazada]: 'PLATFORM',
      [o.mall]: 'MARKETING',
    });
  });

  it('logs the three activities with ISO dates, whatever way they were typed', () => {
    const logged = ofType('ActivityLogged').map(({ data }) => [data.kind, data.startsOn, data.endsOn, data.location?.venue ?? data.location?.city]);
    expect(logged).toStrictEqual([
      ['FAIR', '2019-05-29', '2019-06-01', 'Shanghai'],
      ['MEETING', '2019-12-16', '2019-12-16', 'Community Development Department'],
      ['SITE_VISIT', '2019-12-16', '2019-12-16', 'IMPACT Exhibition and Convention Center, Muang Thong Thani'],
    ]);
  });

  it('stores every activity exactly as the exported reference data describes it', () => {
    expect(ofType('ActivityLogged').map((e) => e.data)).toStrictEqual(
      referenceActivities.map(({ id, ...a }) => ({ activityId: id, ...a })),
    );
  });

  it('links the meeting and the site visit to Lazada through their participants', () => {
    const withLazada = ofType('ActivityLogged').filter((e) =>
      e.data.participants.some((p) => p.organizationId === referenceIds.organizations.lazada),
    );
    expect(withLazada.map((e) => e.data.activityId)).toEqual([referenceIds.activities.cddMeeting, referenceIds.activities.otopCityVisit]);
    const meeting = withLazada[0].data;
    expect(meeting.participants.map((p) => p.name.en)).toEqual([
      'Piyapak Sricharoen',
      'Zhang Zhuoyan',
      'Jirawan Chaipongphat',
      'Paiboon Buranasanti',
      'Executives of Mall (Thailand)',
    ]);
    expect(meeting.topics).toHaveLength(4);
  });

  it('totals the program revenue at 10,000,000.00 THB', () => {
    const outcomes = ofType('OutcomeRecorded').filter((e) => e.data.programId === referenceIds.program);
    const thb = outcomes.filter((e) => e.data.kind === 'REVENUE' && e.data.currency === 'THB').map((e) => e.data.amount ?? '0');
    expect(sumDecimals(thb)).toBe('10000000.00');
    expect(stateOf(outcomeDecider, streamIdFor.outcome(referenceIds.outcomes.shanghaiFairRevenue))).toMatchObject({
      activityId: referenceIds.activities.shanghaiFair,
      amount: '10000000.00',
      currency: 'THB',
    });
  });

  it("leaves one open follow-up, owned by Lazada, on the meeting and the program", () => {
    const followUps = [...streams.keys()]
      .filter((id) => id.startsWith(streamIdFor.followUp('')))
      .map((id) => stateOf(followUpDecider, id));
    expect(followUps).toStrictEqual([
      {
        exists: true,
        followUpId: referenceIds.followUps.lazadaOnlineTraining,
        activityId: referenceIds.activities.cddMeeting,
        programId: referenceIds.program,
        description: 'Lazada to train OTOP SMEs to move from offline to online selling',
        ownerId: referenceIds.organizations.lazada,
        dueOn: null,
        status: 'OPEN',
        closedOn: null,
      },
    ]);
    expect(ofType('FollowUpAdded')[0].data.description).toMatch(/train OTOP SMEs/);
  });

  it("dates the program's timeline by business date", () => {
    const programStreams = [...streams.entries()].filter(([id]) => !id.startsWith(streamIdFor.organization('')));
    const dated = programStreams.flatMap(([, events]) => events).map((e) => [e.type, occurredOnOf(e)]);
    expect(dated).toContainEqual(['ProgramLaunched', '2019-05-29']);
    expect(dated).toContainEqual(['ActivityLogged', '2019-05-29']);
    expect(dated).toContainEqual(['FollowUpAdded', null]);
  });

  it('records only plain JSON', () => {
    expect(JSON.parse(JSON.stringify(all()))).toStrictEqual(all());
  });
});
