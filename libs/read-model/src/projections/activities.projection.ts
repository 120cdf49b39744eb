import type { Participant } from '@tracker/domain';
import type { Projection } from '../projection';
import { alreadyApplied, searchText, stamp } from '../projection';

export type ActivityRow = {
  id: string;
  kind: string;
  title: Record<string, string>;
  program_id: string | null;
  starts_on: string;
  ends_on: string;
  location: { venue: string | null; city: string | null; country: string | null } | null;
  organizer_ids: string[];
  participants: Participant[];
  /** Organisers and participants' organisations: "every meeting with Lazada". */
  organization_ids: string[];
  topics: string[];
  summary: string | null;
  search_text: string;
  version: number;
  created_at: string;
  updated_at: string;
  last_position: string;
};

export const activitiesProjection: Projection = {
  name: 'activities',
  tables: [{ name: 'activities', key: 'id' }],
  keysOf(event) {
    return event.type === 'ActivityLogged' ? [{ table: 'activities', id: event.data.activityId }] : [];
  },
  apply(event, rows) {
    if (event.type !== 'ActivityLogged') return;
    const row = rows.get<ActivityRow>('activities', event.data.activityId);
    if (alreadyApplied(row, event)) return;
    const { activityId, programId, kind, title, startsOn, endsOn, location, organizerIds, participants, topics, summary } = event.data;
    const organizationIds = new Set(organizerIds);
    for (const participant of participants) if (participant.organizationId) organizationIds.add(participant.organizationId);
    rows.put('activities', {
      id: activityId,
      kind,
      title,
      program_id: programId,
      starts_on: startsOn,
      ends_on: endsOn,
      location,
      organizer_ids: organizerIds,
      participants,
      organization_ids: [...organizationIds],
      topics,
      summary,
      search_text: searchText(title, summary, ...topics),
      ...stamp(event),
    });
  },
};
