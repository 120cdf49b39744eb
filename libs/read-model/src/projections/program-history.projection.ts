import type { ProjectedEvent, Projection } from '../projection';
import { alreadyApplied } from '../projection';

export type ProgramStreamRow = { stream_id: string; program_id: string; last_position: string };
/** stream_id: the event's stream (null in rows indexed before the column existed). */
export type ProgramEventRow = { program_id: string; position: string; recorded_at: string; stream_id?: string | null };

/** The program an event names in its own data, if it names one. */
function programNamedBy(event: ProjectedEvent): string | null {
  switch (event.type) {
    case 'ProgramLaunched':
    case 'ProgramPartnerAdded':
    case 'ProgramStatusChanged':
    case 'ProgramCorrected':
    case 'ProgramPartnerRemoved':
    case 'ActivityLogged':
    case 'ActivityCorrected':
    case 'ActivityCancelled':
    case 'AgreementRecorded':
    case 'OutcomeRecorded':
    case 'OutcomeCorrected':
    case 'OutcomeVoided':
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
 *
 * An activity moved to another program (ActivityCorrected with another programId) moves its
 * link: the moving event is indexed under both programs, the one it left (whose history keeps
 * everything up to and including the move) and the one it joined (whose history starts there,
 * with an event that carries the whole activity); later events go to the new program only.
 * The programs come from the event's own data, not only from the link, so the live feed, which
 * keeps one program's links, decides the same way as the projector.
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
    const moved = event.type === 'ActivityCorrected' && event.data.programId !== event.data.previousProgramId;
    const programId = moved ? event.data.programId : (link?.program_id ?? programNamedBy(event));
    if (!programId) return;
    const left = moved ? (link?.program_id ?? event.data.previousProgramId) : null;
    rows.put('program_streams', { stream_id: event.streamId, program_id: programId, last_position: String(event.position) });
    for (const indexed of new Set([left, programId])) {
      if (indexed === null) continue;
      rows.insert('program_events', {
        program_id: indexed,
        position: String(event.position),
        recorded_at: event.recordedAt.toISOString(),
        stream_id: event.streamId,
      });
    }
  },
};
