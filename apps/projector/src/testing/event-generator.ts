import { eventSchemaVersions, occurredOnOf, streamIdFor, type TrackerEvent } from '@tracker/domain';
import type { NewEvent } from '@tracker/event-store';
import { createHash } from 'node:crypto';

export interface GeneratedEvent {
  streamId: string;
  event: NewEvent;
}

/** A deterministic UUID from a label, so generated data is the same on every run. */
function uuidFrom(label: string): string {
  const hex = createHash('sha1').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function toNew(event: TrackerEvent, label: string): NewEvent {
  return {
    eventId: uuidFrom(`event:${label}`),
    type: event.type,
    schemaVersion: eventSchemaVersions[event.type],
    data: event.data,
    metadata: { actor: 'generator', correlationId: label },
    occurredOn: occurredOnOf(event),
  };
}

/**
 * Events shaped like the reference case, in an order the deciders would accept: per
 * program, its organisations, the launch, partners, then activities with their outcomes
 * (some corrected) and follow-ups (some closed); every fourth program after the first finds
 * that its third organisation was a duplicate of its second and merges it. Yields `count`
 * events, for tests and the rebuild benchmark.
 */
export function* generateEvents(count: number, seed = 'tracker'): Generator<GeneratedEvent> {
  let emitted = 0;
  const versions = new Map<string, number>();
  const emit = (streamId: string, event: TrackerEvent): GeneratedEvent => {
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    emitted++;
    return { streamId, event: toNew(event, `${seed}:${streamId}:${version}`) };
  };
  for (let p = 0; emitted < count; p++) {
    const programId = uuidFrom(`${seed}:program:${p}`);
    const orgs = [0, 1, 2].map((o) => uuidFrom(`${seed}:org:${p}:${o}`));
    for (const [o, id] of orgs.entries()) {
      if (emitted >= count) return;
      yield emit(streamIdFor.organization(id), {
        type: 'OrganizationRegistered',
        data: { organizationId: id, name: { th: `หน่วยงาน ${p}-${o}`, en: `Agency ${p}-${o}` }, kind: 'COMPANY', country: 'TH', parentId: null },
      });
    }
    if (emitted >= count) return;
    yield emit(streamIdFor.program(programId), {
      type: 'ProgramLaunched',
      data: { programId, title: { th: `โครงการโอทอป ${p}`, en: `OTOP e-commerce ${p}` }, summary: 'OTOP products online', status: 'ACTIVE', startedOn: '2019-05-01' },
    });
    for (const id of orgs) {
      if (emitted >= count) return;
      yield emit(streamIdFor.program(programId), {
        type: 'ProgramPartnerAdded',
        data: { programId, organizationId: id, role: 'PARTNER', joinedOn: '2019-05-01' },
      });
    }
    for (let a = 0; a < 8 && emitted < count; a++) {
      const activityId = uuidFrom(`${seed}:activity:${p}:${a}`);
      yield emit(streamIdFor.activity(activityId), {
        type: 'ActivityLogged',
        data: {
          activityId,
          programId,
          kind: a % 2 === 0 ? 'MEETING' : 'FAIR',
          status: 'HELD',
          title: { th: `ประชุมหารือ ${p}-${a}`, en: `Meeting ${p}-${a}` },
          startsOn: '2019-12-16',
          endsOn: '2019-12-16',
          location: { venue: 'CDD', city: 'Bangkok', country: 'TH' },
          organizerIds: [orgs[0]],
          participants: [{ name: { en: 'Participant' }, position: null, organizationId: orgs[1] }],
          topics: ['OTOP', 'e-commerce'],
          summary: 'Taking OTOP products online',
        },
      });
      if (emitted >= count) return;
      const outcomeId = uuidFrom(`${seed}:outcome:${p}:${a}`);
      yield emit(streamIdFor.outcome(outcomeId), {
        type: 'OutcomeRecorded',
        data: { outcomeId, programId, activityId, kind: 'REVENUE', amount: '1000000.00', currency: 'THB', quantity: null, description: 'Sales' },
      });
      if (a % 3 === 0 && emitted < count) {
        yield emit(streamIdFor.outcome(outcomeId), {
          type: 'OutcomeCorrected',
          data: { outcomeId, programId, amount: '1250000.50', currency: 'THB', quantity: null, description: 'Sales, audited', reason: 'Audited figure' },
        });
      }
      if (emitted >= count) return;
      const followUpId = uuidFrom(`${seed}:follow-up:${p}:${a}`);
      yield emit(streamIdFor.followUp(followUpId), {
        type: 'FollowUpAdded',
        data: { followUpId, activityId, programId, description: 'Train OTOP SMEs to sell online', ownerId: orgs[1], dueOn: '2020-03-31' },
      });
      if (a % 2 === 1 && emitted < count) {
        yield emit(streamIdFor.followUp(followUpId), {
          type: 'FollowUpClosed',
          data: { followUpId, status: 'DONE', note: 'Training held', closedOn: '2020-02-01' },
        });
      }
    }
    if (p % 4 === 3 && emitted < count) {
      yield emit(streamIdFor.organization(orgs[2]), {
        type: 'OrganizationMerged',
        data: { organizationId: orgs[2], survivorId: orgs[1], name: { th: `หน่วยงาน ${p}-2`, en: `Agency ${p}-2` }, reason: 'Registered twice' },
      });
    }
  }
}
