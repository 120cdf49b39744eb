import { eventSchemaVersions } from '@tracker/domain';
import type { NewEvent } from '@tracker/event-store';
import { randomUUID } from 'node:crypto';

/** One ActivityLogged event for a new activity stream: the unit of work of the append benches. */
export function activityLogged(): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ActivityLogged',
    schemaVersion: eventSchemaVersions.ActivityLogged,
    data: {
      activityId: randomUUID(),
      programId: null,
      kind: 'MEETING',
      status: 'HELD',
      title: { th: 'ประชุมหารือกับลาซาด้า', en: 'Meeting with Lazada' },
      startsOn: '2019-12-16',
      endsOn: '2019-12-16',
      location: { venue: 'CDD', city: 'Bangkok', country: 'TH' },
      organizerIds: [],
      participants: [],
      topics: ['OTOP', 'e-commerce'],
      summary: 'OTOP products online',
    },
    metadata: { actor: 'bench' },
    occurredOn: '2019-12-16',
  };
}
