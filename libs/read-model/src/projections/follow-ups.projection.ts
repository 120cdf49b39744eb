import type { FollowUpEvent } from '@tracker/domain';
import type { ProjectedEvent, Projection } from '../projection';
import { alreadyApplied, stamp } from '../projection';

export type FollowUpRow = {
  id: string;
  activity_id: string;
  program_id: string | null;
  description: string;
  owner_id: string | null;
  due_on: string | null;
  status: string;
  note: string | null;
  closed_on: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  last_position: string;
};

type FollowUpProjected = Extract<ProjectedEvent, { type: FollowUpEvent['type'] }>;

const FOLLOW_UP_EVENTS: ReadonlySet<string> = new Set<FollowUpEvent['type']>([
  'FollowUpAdded',
  'FollowUpClosed',
  'FollowUpUpdated',
  'FollowUpReopened',
]);

function isFollowUpEvent(event: ProjectedEvent): event is FollowUpProjected {
  return FOLLOW_UP_EVENTS.has(event.type);
}

const UPDATABLE_COLUMNS = { description: 'description', ownerId: 'owner_id', dueOn: 'due_on' } as const;

export const followUpsProjection: Projection = {
  name: 'follow-ups',
  tables: [{ name: 'follow_ups', key: 'id' }],
  keysOf(event) {
    return isFollowUpEvent(event) ? [{ table: 'follow_ups', id: event.data.followUpId }] : [];
  },
  apply(event, rows) {
    if (!isFollowUpEvent(event)) return;
    const row = rows.get<FollowUpRow>('follow_ups', event.data.followUpId);
    if (alreadyApplied(row, event)) return;
    switch (event.type) {
      case 'FollowUpAdded':
        rows.put('follow_ups', openRow(event.data, event));
        return;
      case 'FollowUpClosed': {
        if (!row) return;
        const { status, note, closedOn } = event.data;
        rows.put('follow_ups', { ...row, status, note, closed_on: closedOn, ...stamp(event, row.created_at) });
        return;
      }
      case 'FollowUpUpdated': {
        // Without the row (an as-of replay of a program that did not see the follow-up
        // added), the event's whole state makes it; with it, only the fields it changed are
        // written, leaving the rest as the row holds them.
        if (!row) {
          rows.put('follow_ups', openRow(event.data, event));
          return;
        }
        const changes = Object.fromEntries(event.data.changed.map((field) => [UPDATABLE_COLUMNS[field], event.data[field]]));
        rows.put('follow_ups', { ...row, ...changes, ...stamp(event, row.created_at) });
        return;
      }
      case 'FollowUpReopened':
        // The closing no longer holds: its status, note and day go with it.
        rows.put(
          'follow_ups',
          row ? { ...row, status: 'OPEN', note: null, closed_on: null, ...stamp(event, row.created_at) } : openRow(event.data, event),
        );
        return;
    }
  },
};

/** An open follow-up's row from an event carrying its whole state. */
function openRow(
  data: { followUpId: string; activityId: string; programId: string | null; description: string; ownerId: string | null; dueOn: string | null },
  event: ProjectedEvent,
) {
  return {
    id: data.followUpId,
    activity_id: data.activityId,
    program_id: data.programId,
    description: data.description,
    owner_id: data.ownerId,
    due_on: data.dueOn,
    status: 'OPEN',
    note: null,
    closed_on: null,
    ...stamp(event),
  };
}
