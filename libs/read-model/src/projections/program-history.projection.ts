import type { ProjectedEvent, Projection } from '../projection';
import { alreadyApplied } from '../projection';

export type ProgramStreamRow = { stream_id: string; program_id: string; last_position: string };
export type ProgramEventRow = { program_id: string; position: string; recorded_at: string };

/** The program an event names in its own data, if it names one. */
function programNamedBy(event: ProjectedEvent): string | null {
  switch (event.type) {
    case 'ProgramLaunched':
    case 'ProgramPartnerAdded':
    case 'ProgramStatusChanged':
    case 'ProgramCorrected':
    case 'ProgramPartnerRemoved':
    case 'ActivityLogged':
    case 'AgreementRecorded':
    case 'OutcomeRecorded':
    case 'OutcomeCorrected':
    case 'FollowUpAdded':
    case 'FollowUpUpdated':
    case 'FollowUpReopened':
      return event.data.programId;
    default:
      return null;
  }
}

/**
 * The index behind programHistory: which streams belong to a program, and the position of
 * every event that touched it. A stream joins its program through the first event that
 * names it (an activity logged for the program); its later events (a follow-up closed, an
 * agreement signed) are found through that link.
 */
export const programHistoryProjection: Projection = {
  name: 'program-history',
  tables: [
    { name: 'program_streams', key: 'stream_id' },
    { name: 'program_events', key: null },
  ],
  keysOf(event) {
    return event.type.startsWith('Organization') ? [] : [{ table: 'program_streams', id: event.streamId }];
  },
  apply(event, rows) {
    const link = rows.get<ProgramStreamRow>('program_streams', event.streamId);
    if (alreadyApplied(link, event)) return;
    const programId = link?.program_id ?? programNamedBy(event);
    if (!programId) return;
    rows.put('program_streams', { stream_id: event.streamId, program_id: programId, last_position: String(event.position) });
    rows.insert('program_events', { program_id: programId, position: String(event.position), recorded_at: event.recordedAt.toISOString() });
  },
};
