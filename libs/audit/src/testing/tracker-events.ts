import { randomUUID } from 'node:crypto';
import { eventSchemaVersions, occurredOnOf, streamIdFor, type TrackerEvent } from '@tracker/domain';
import type { AppendResult, EventStore, JsonObject } from '@tracker/event-store';

/**
 * Appends domain events as the command side stores them (schema version, business date,
 * metadata), for tests of the audit lib that need a story but not the command rules.
 */
export function appendTracker(store: EventStore, streamId: string, events: TrackerEvent[], actor = 'tester@mfa.go.th'): Promise<AppendResult> {
  return store.append(
    streamId,
    events.map((event) => ({
      eventId: randomUUID(),
      type: event.type,
      schemaVersion: eventSchemaVersions[event.type],
      data: event.data as unknown as JsonObject,
      metadata: { actor, correlationId: 'test', causationId: 'test' },
      occurredOn: occurredOnOf(event),
    })),
    'any',
  );
}

/** A small program: launched, one partner, a fair with its revenue, a meeting with a follow-up. */
export function storyIds() {
  return {
    program: randomUUID(),
    organization: randomUUID(),
    fair: randomUUID(),
    meeting: randomUUID(),
    revenue: randomUUID(),
    followUp: randomUUID(),
  };
}

export type StoryIds = ReturnType<typeof storyIds>;

export const story = {
  organization: (ids: StoryIds, en = 'Lazada (Thailand)'): [string, TrackerEvent[]] => [
    streamIdFor.organization(ids.organization),
    [{ type: 'OrganizationRegistered', data: { organizationId: ids.organization, name: { en }, kind: 'COMPANY', country: 'TH', parentId: null } }],
  ],
  launch: (ids: StoryIds, startedOn: string | null = '2019-05-29'): [string, TrackerEvent[]] => [
    streamIdFor.program(ids.program),
    [
      { type: 'ProgramLaunched', data: { programId: ids.program, title: { en: 'OTOP online' }, summary: null, status: 'PROPOSED', startedOn } },
      { type: 'ProgramPartnerAdded', data: { programId: ids.program, organizationId: ids.organization, role: 'PLATFORM', joinedOn: null } },
    ],
  ],
  activate: (ids: StoryIds): [string, TrackerEvent[]] => [
    streamIdFor.program(ids.program),
    [{ type: 'ProgramStatusChanged', data: { programId: ids.program, from: 'PROPOSED', to: 'ACTIVE', reason: null } }],
  ],
  activity: (ids: StoryIds, which: 'fair' | 'meeting', startsOn: string, endsOn = startsOn): [string, TrackerEvent[]] => [
    streamIdFor.activity(ids[which]),
    [
      {
        type: 'ActivityLogged',
        data: {
          activityId: ids[which],
          programId: ids.program,
          kind: which === 'fair' ? 'FAIR' : 'MEETING',
          status: 'HELD',
          title: { en: which },
          startsOn,
          endsOn,
          location: null,
          organizerIds: [ids.organization],
          participants: [],
          topics: [],
          summary: null,
        },
      },
    ],
  ],
  revenue: (ids: StoryIds, amount: string): [string, TrackerEvent[]] => [
    streamIdFor.outcome(ids.revenue),
    [
      {
        type: 'OutcomeRecorded',
        data: { outcomeId: ids.revenue, programId: ids.program, activityId: ids.fair, kind: 'REVENUE', amount, currency: 'THB', quantity: null, description: null },
      },
    ],
  ],
  correction: (ids: StoryIds, amount: string): [string, TrackerEvent[]] => [
    streamIdFor.outcome(ids.revenue),
    [
      {
        type: 'OutcomeCorrected',
        data: { outcomeId: ids.revenue, programId: ids.program, amount, currency: 'THB', quantity: null, description: null, reason: 'final report' },
      },
    ],
  ],
  followUp: (ids: StoryIds): [string, TrackerEvent[]] => [
    streamIdFor.followUp(ids.followUp),
    [
      {
        type: 'FollowUpAdded',
        data: { followUpId: ids.followUp, activityId: ids.meeting, programId: ids.program, description: 'training', ownerId: ids.organization, dueOn: null },
      },
    ],
  ],
  followUpDone: (ids: StoryIds, closedOn: string): [string, TrackerEvent[]] => [
    streamIdFor.followUp(ids.followUp),
    [{ type: 'FollowUpClosed', data: { followUpId: ids.followUp, status: 'DONE', note: null, closedOn } }],
  ],
};
