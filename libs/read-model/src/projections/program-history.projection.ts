import { organizationsNamedBy, streamIdFor, type OrganizationMerged } from '@tracker/domain';
import type { ProjectedEvent, Projection } from '../projection';
import { alreadyApplied } from '../projection';
import type { RowStore } from '../row-store';

export type ProgramStreamRow = { stream_id: string; program_id: string; last_position: string };
/** stream_id: the event's stream (null in rows indexed before the column existed). */
export type ProgramEventRow = { program_id: string; position: string; recorded_at: string; stream_id?: string | null };
/**
 * The programs an organisation took part in (as partner, organiser, participant's
 * organisation, party, follow-up owner, or through a duplicate merged into it), and its own
 * merge once it is merged: where that merge belongs in the history.
 */
export type OrganizationProgramsRow = {
  organization_id: string;
  program_ids: string[];
  merge_position: string | null;
  merge_recorded_at: string | null;
  last_position: string;
};

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
 *
 * An organisation's stream belongs to no program, but its merge is part of the history of
 * every program it took part in: the organisations a program's events name
 * (organizationsNamedBy) are remembered in organization_programs, and an OrganizationMerged
 * is indexed under each of their programs.
 */
export const programHistoryProjection: Projection = {
  name: 'program-history',
  tables: [
    { name: 'program_streams', key: 'stream_id' },
    { name: 'program_events', key: null },
    { name: 'organization_programs', key: 'organization_id' },
  ],
  keysOf(event) {
    if (event.type === 'OrganizationMerged') {
      return [event.data.organizationId, event.data.survivorId].map((id) => ({ table: 'organization_programs', id }));
    }
    if (event.type.startsWith('Organization')) return [];
    return [
      { table: 'program_streams', id: event.streamId },
      ...organizationsNamedBy(event).map((id) => ({ table: 'organization_programs', id })),
    ];
  },
  apply(event, rows) {
    if (event.type === 'OrganizationMerged') {
      indexMerge(event, rows);
      return;
    }
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
    for (const organizationId of organizationsNamedBy(event)) joinProgram(organizationId, programId, event, rows);
  },
};

/** Remembers that the organisation took part in the program. */
function joinProgram(organizationId: string, programId: string, event: ProjectedEvent, rows: RowStore): void {
  const row = rows.get<OrganizationProgramsRow>('organization_programs', organizationId);
  if (row?.program_ids.includes(programId)) return;
  rows.put('organization_programs', {
    organization_id: organizationId,
    program_ids: [...(row?.program_ids ?? []), programId],
    merge_position: row?.merge_position ?? null,
    merge_recorded_at: row?.merge_recorded_at ?? null,
    last_position: String(event.position),
  });
  // Named after its merge: a command that read the organisation before the merge and was
  // stored after it. The merge still belongs in this program's history.
  if (row?.merge_position) {
    rows.insert('program_events', {
      program_id: programId,
      position: row.merge_position,
      recorded_at: row.merge_recorded_at,
      stream_id: streamIdFor.organization(organizationId),
    });
  }
}

/**
 * Indexes the merge under every program the duplicate took part in, and hands those programs
 * to the survivor, so that a later merge of the survivor reaches them too (their records now
 * read as the survivor). A merge is applied once per duplicate: seen again (the as-of replay
 * applies it among the program's events and again with the organisation's stream), it
 * changes nothing.
 */
function indexMerge(event: ProjectedEvent & OrganizationMerged, rows: RowStore): void {
  const { organizationId, survivorId } = event.data;
  const duplicate = rows.get<OrganizationProgramsRow>('organization_programs', organizationId);
  if (duplicate?.merge_position) return;
  const position = String(event.position);
  const recordedAt = event.recordedAt.toISOString();
  const programIds = duplicate?.program_ids ?? [];
  rows.put('organization_programs', {
    organization_id: organizationId,
    program_ids: programIds,
    merge_position: position,
    merge_recorded_at: recordedAt,
    last_position: position,
  });
  for (const programId of programIds) {
    rows.insert('program_events', { program_id: programId, position, recorded_at: recordedAt, stream_id: event.streamId });
  }
  const survivor = rows.get<OrganizationProgramsRow>('organization_programs', survivorId);
  const handedOver = programIds.filter((programId) => !survivor?.program_ids.includes(programId));
  if (handedOver.length === 0) return;
  rows.put('organization_programs', {
    organization_id: survivorId,
    program_ids: [...(survivor?.program_ids ?? []), ...handedOver],
    merge_position: survivor?.merge_position ?? null,
    merge_recorded_at: survivor?.merge_recorded_at ?? null,
    last_position: position,
  });
}
