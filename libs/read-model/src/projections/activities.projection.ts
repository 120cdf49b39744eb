import type { ActivityDetails, Participant } from '@tracker/domain';
import type { ProjectedEvent, Projection } from '../projection';
import { alreadyApplied, searchText, stamp } from '../projection';

export type ActivityRow = {
  id: string;
  kind: string;
  /** PLANNED, HELD or CANCELLED. */
  status: string;
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

const ACTIVITY_EVENTS: ReadonlySet<string> = new Set(['ActivityLogged', 'ActivityCorrected', 'ActivityCancelled']);

/**
 * An activity's current state. A correction carries the whole state after it, so it writes the
 * row whole, and builds it when there is none: the as-of replay of the program an activity
 * moved to starts at that correction (the activity was logged under another program).
 */
export const activitiesProjection: Projection = {
  name: 'activities',
  tables: [{ name: 'activities', key: 'id' }],
  keysOf(event) {
    return ACTIVITY_EVENTS.has(event.type) ? [{ table: 'activities', id: (event.data as { activityId: string }).activityId }] : [];
  },
  apply(event, rows) {
    if (event.type !== 'ActivityLogged' && event.type !== 'ActivityCorrected' && event.type !== 'ActivityCancelled') return;
    const row = rows.get<ActivityRow>('activities', event.data.activityId);
    if (alreadyApplied(row, event)) return;
    if (event.type === 'ActivityCancelled') {
      if (row) rows.put('activities', { ...row, status: 'CANCELLED', ...stamp(event, row.created_at) });
      return;
    }
    rows.put('activities', activityRow(event.data, event, row?.created_at));
  },
};

function activityRow(details: ActivityDetails, event: ProjectedEvent, createdAt: unknown): ActivityRow {
  const { activityId, programId, kind, status, title, startsOn, endsOn, location, organizerIds, participants, topics, summary } = details;
  const organizationIds = new Set(organizerIds);
  for (const participant of participants) if (participant.organizationId) organizationIds.add(participant.organizationId);
  return {
    id: activityId,
    kind,
    status,
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
    ...stamp(event, createdAt),
  } as ActivityRow;
}
