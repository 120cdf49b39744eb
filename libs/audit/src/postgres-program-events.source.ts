import { storedEventColumns, storedEventFromRow, type StoredEvent, type StoredEventRow } from '@tracker/event-store';
import { READ_MODEL_SCHEMA } from '@tracker/read-model';
import type { Pool } from 'pg';
import { isRecordId } from './history-event';
import { indexedStreamIds } from './program-index';
import type { ProgramEventSource, ProgramEventsPage, RecordedWindow } from './program-events.source';

const EVENT_COLUMNS = storedEventColumns('e');

/**
 * The program's events when they live in PostgreSQL: positions from the history index
 * (primary key (program_id, position), so a page is one range scan of the program's own
 * entries) joined to `events` on its primary key. Rows read grow with the page and the
 * program, not with the store: `program-history.int.spec.ts` checks the plan's row counts
 * against 20,000 unrelated events.
 */
export class PostgresProgramEvents implements ProgramEventSource {
  constructor(private readonly pool: Pool) {}

  async page(programId: string, page: ProgramEventsPage): Promise<StoredEvent[]> {
    if (!isRecordId(programId) || page.limit <= 0) return [];
    const { where, values } = windowClause(programId, page, page.after ?? null);
    values.push(page.limit);
    const { rows } = await this.pool.query<StoredEventRow>(
      `select ${EVENT_COLUMNS}
         from ${READ_MODEL_SCHEMA}.program_events pe
         join events e on e.position = pe.position
        where ${where}
        order by pe.position
        limit $${values.length}`,
      values,
    );
    return rows.map(storedEventFromRow);
  }

  async count(programId: string, window: RecordedWindow): Promise<number> {
    if (!isRecordId(programId)) return 0;
    const { where, values } = windowClause(programId, window, null);
    const { rows } = await this.pool.query<{ count: string }>(
      `select count(*)::text as count from ${READ_MODEL_SCHEMA}.program_events pe where ${where}`,
      values,
    );
    return Number(rows[0].count);
  }

  streamIds(programId: string): Promise<string[]> {
    return isRecordId(programId) ? indexedStreamIds(this.pool, programId) : Promise.resolve([]);
  }
}

/** Conditions on the index alone, so PostgreSQL filters before it touches `events`. */
function windowClause(programId: string, window: RecordedWindow, after: bigint | null): { where: string; values: unknown[] } {
  const values: unknown[] = [programId];
  const conditions = ['pe.program_id = $1'];
  if (after !== null) {
    values.push(after.toString());
    conditions.push(`pe.position > $${values.length}`);
  }
  if (window.from) {
    values.push(window.from);
    conditions.push(`pe.recorded_at >= $${values.length}`);
  }
  if (window.to) {
    values.push(window.to);
    conditions.push(`pe.recorded_at <= $${values.length}`);
  }
  return { where: conditions.join(' and '), values };
}
