import type { Projection } from '../projection';
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

export const followUpsProjection: Projection = {
  name: 'follow-ups',
  tables: [{ name: 'follow_ups', key: 'id' }],
  keysOf(event) {
    return event.type === 'FollowUpAdded' || event.type === 'FollowUpClosed'
      ? [{ table: 'follow_ups', id: event.data.followUpId }]
      : [];
  },
  apply(event, rows) {
    if (event.type !== 'FollowUpAdded' && event.type !== 'FollowUpClosed') return;
    const row = rows.get<FollowUpRow>('follow_ups', event.data.followUpId);
    if (alreadyApplied(row, event)) return;
    if (event.type === 'FollowUpAdded') {
      const { followUpId, activityId, programId, description, ownerId, dueOn } = event.data;
      rows.put('follow_ups', {
        id: followUpId,
        activity_id: activityId,
        program_id: programId,
        description,
        owner_id: ownerId,
        due_on: dueOn,
        status: 'OPEN',
        note: null,
        closed_on: null,
        ...stamp(event),
      });
    } else if (row) {
      const { status, note, closedOn } = event.data;
      rows.put('follow_ups', { ...row, status, note, closed_on: closedOn, ...stamp(event, row.created_at) });
    }
  },
};
