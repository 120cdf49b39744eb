import { READ_MODEL_SCHEMA } from '@tracker/read-model';
import type { Pool } from 'pg';

/** The projection that keeps read_model.program_streams and program_events. */
export const PROGRAM_HISTORY_PROJECTION = 'program-history';

const schema = READ_MODEL_SCHEMA;

/** The program's streams as the projector has indexed them (program_streams, by program_id). */
export async function indexedStreamIds(pool: Pool, programId: string): Promise<string[]> {
  const { rows } = await pool.query<{ stream_id: string }>(
    `select stream_id from ${schema}.program_streams where program_id = $1 order by stream_id`,
    [programId],
  );
  return rows.map((row) => row.stream_id);
}

export interface ProgramIndexSnapshot {
  /** Position up to which the history index is complete (0 when no projector ever ran). */
  checkpoint: bigint;
  streamIds: string[];
}

/**
 * The index's checkpoint and the program's streams at that checkpoint, read in one statement
 * (one snapshot): the projector commits the rows and its checkpoint together, so every
 * stream that joined the program at or before `checkpoint` is in the list.
 */
export async function programIndexSnapshot(pool: Pool, programId: string): Promise<ProgramIndexSnapshot> {
  const { rows } = await pool.query<{ checkpoint: string | null; stream_ids: string[] }>(
    `select (select position::text from ${schema}.projection_checkpoints where projection = $2) as checkpoint,
            array(select stream_id from ${schema}.program_streams where program_id = $1) as stream_ids`,
    [programId, PROGRAM_HISTORY_PROJECTION],
  );
  return { checkpoint: BigInt(rows[0].checkpoint ?? '0'), streamIds: rows[0].stream_ids };
}
