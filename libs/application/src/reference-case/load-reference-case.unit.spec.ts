import {
  activityDecider,
  fold,
  followUpDecider,
  outcomeDecider,
  programDecider,
  referenceActivities,
  referenceIds,
  streamIdFor,
  type Decider,
} from '@tracker/domain';
import { InMemoryEventStore } from '@tracker/event-store';
import type { CommandBus } from '@nestjs/cqrs';
import { commandBusFor } from '../command-handlers';
import { toTrackerEvent } from '../fact-reader';
import { loadReferenceCase } from './load-reference-case';

const ctx = { now: '2019-12-17T09:00:00+07:00' };

describe('loadReferenceCase', () => {
  let store: InMemoryEventStore;
  let service: CommandBus;
  beforeEach(async () => {
    store = new InMemoryEventStore();
    service = await commandBusFor(store);
  });
  const stateOf = async <E, S>(decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>, streamId: string): Promise<S> =>
    fold(decider, (await store.readStream(streamId)).map(toTrackerEvent) as E[]);

  it('records the reference case under its fixed ids: five partners, three activities, the revenue and the follow-up', async () => {
    const loaded = await loadReferenceCase(service, ctx);
    const all = await store.readAll();
    expect(loaded).toEqual({ ids: referenceIds, position: all.at(-1)?.position });

    const program = await stateOf(programDecider, streamIdFor.program(referenceIds.program));
    if (!program.exists) throw new Error('the program was not launched');
    expect(program.status).toBe('ACTIVE');
    const o = referenceIds.organizations;
    expect(Object.fromEntries(Object.entries(program.partners).map(([id, partner]) => [id, partner.role]))).toEqual({
      [o.diea]: 'LEAD',
      [o.cdd]: 'LEAD',
      [o.alibaba]: 'PLATFORM',
      [o.lazada]: 'PLATFORM',
      [o.mall]: 'MARKETING',
    });

    const activities = await Promise.all(
      Object.values(referenceIds.activities).map((id) => stateOf(activityDecider, streamIdFor.activity(id))),
    );
    expect(activities.map((a) => a.exists && [a.kind, a.startsOn, a.programId])).toEqual([
      ['FAIR', '2019-05-29', referenceIds.program],
      ['MEETING', '2019-12-16', referenceIds.program],
      ['SITE_VISIT', '2019-12-16', referenceIds.program],
    ]);

    const outcome = await stateOf(outcomeDecider, streamIdFor.outcome(referenceIds.outcomes.shanghaiFairRevenue));
    expect(outcome).toMatchObject({ kind: 'REVENUE', amount: '10000000.00', currency: 'THB', activityId: referenceIds.activities.shanghaiFair });

    const followUp = await stateOf(followUpDecider, streamIdFor.followUp(referenceIds.followUps.lazadaOnlineTraining));
    expect(followUp).toMatchObject({
      status: 'OPEN',
      ownerId: o.lazada,
      activityId: referenceIds.activities.cddMeeting,
      programId: referenceIds.program,
    });

    expect(all.filter((e) => e.type === 'OrganizationRegistered')).toHaveLength(8);
    // Typed in Buddhist Era, stored in ISO: every activity exactly as the reference data has it.
    expect(all.filter((e) => e.type === 'ActivityLogged').map((e) => e.data)).toEqual(
      referenceActivities.map(({ id, ...activity }) => ({ activityId: id, ...activity })),
    );
    expect(all.filter((e) => e.type === 'OutcomeRecorded')).toHaveLength(1);
    expect(all.filter((e) => e.type === 'FollowUpAdded')).toHaveLength(1);
  });

  it('tells it as its users: diplomats record organisations and activities, a planner the program', async () => {
    await loadReferenceCase(service, ctx);
    const actors = Object.fromEntries((await store.readAll()).map((e) => [e.type, e.metadata.actor]));
    expect(actors).toEqual({
      OrganizationRegistered: 'diplomat@mfa.go.th',
      ProgramLaunched: 'planner@mfa.go.th',
      ProgramPartnerAdded: 'planner@mfa.go.th',
      ProgramStatusChanged: 'planner@mfa.go.th',
      ActivityLogged: 'diplomat@mfa.go.th',
      OutcomeRecorded: 'diplomat@mfa.go.th',
      FollowUpAdded: 'diplomat@mfa.go.th',
    });
  });

  it('records nothing new when loaded twice, and returns the same result', async () => {
    const first = await loadReferenceCase(service, ctx);
    const count = (await store.readAll()).length;
    const second = await loadReferenceCase(service, { now: new Date() });
    expect(second).toEqual(first);
    expect((await store.readAll()).length).toBe(count);
  });
});
