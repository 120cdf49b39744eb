import { streamIdFor } from '@tracker/domain';
import { READ_MODEL_SCHEMA, type OrganizationProgramsRow } from '@tracker/read-model';
import type { Pool } from 'pg';

/** The projection that keeps read_model.program_streams, program_events and organization_programs. */
export const PROGRAM_HISTORY_PROJECTION = 'program-history';

const schema = READ_MODEL_SCHEMA;

/**
 * The program's streams as the projector has indexed them (program_streams, by program_id),
 * and the streams of organisations merged while they took part in it: each holds one event
 * of the program's history, its OrganizationMerged (organization_programs).
 */
export async function indexedStreamIds(pool: Pool, programId: string): Promise<string[]> {
  const { rows } = await pool.query<{ stream_id: string | null; organization_id: string | null }>(
    `select stream_id, null as organization_id from ${schema}.program_streams where program_id = $1
     union all
     select null, organization_id::text from ${schema}.organization_programs
      where program_ids @> jsonb_build_array($1::text) and merge_position is not null`,
    [programId],
  );
  return rows.map((row) => row.stream_id ?? streamIdFor.organization(row.organization_id as string)).sort();
}

export interface ProgramIndexSnapshot {
  /** Position up to which the history index is complete (0 when no projector ever ran). */
  checkpoint: bigint;
  streamIds: string[];
  /** The organisations that took part in the program (organization_programs rows naming it). */
  organizations: OrganizationProgramsRow[];
}

/**
 * The index's checkpoint, the program's streams and its organisations at that checkpoint,
 * read in one statement (one snapshot): the projector commits the rows and its checkpoint
 * together, so every stream that joined the program at or before `checkpoint` is in the list.
 */
export async function programIndexSnapshot(pool: Pool, programId: string): Promise<ProgramIndexSnapshot> {
  const { rows } = await pool.query<{ checkpoint: string | null; stream_ids: string[]; organizations: OrganizationProgramsRow[] | null }>(
    `select (select position::text from ${schema}.projection_checkpoints where projection = $2) as checkpoint,
            array(select stream_id from ${schema}.program_streams where program_id = $1) as stream_ids,
            (select jsonb_agg(jsonb_build_object(
                      'organization_id', o.organization_id, 'program_ids', o.program_ids,
                      'merge_position', o.merge_position::text, 'merge_recorded_at', o.merge_recorded_at,
                      'last_position', o.last_position::text))
               from ${schema}.organization_programs o where o.program_ids @> jsonb_build_array($1::text)) as organizations`,
    [programId, PROGRAM_HISTORY_PROJECTION],
  );
  return { checkpoint: BigInt(rows[0].checkpoint ?? '0'), streamIds: rows[0].stream_ids, organizations: rows[0].organizations ?? [] };
}
