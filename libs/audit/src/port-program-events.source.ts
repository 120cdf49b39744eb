import type { EventStore, StoredEvent } from '@tracker/event-store';
import { READ_MODEL_SCHEMA } from '@tracker/read-model';
import type { Pool } from 'pg';
import { isRecordId } from './history-event';
import { indexedStreamIds } from './program-index';
import type { ProgramEventSource, ProgramEventsPage, RecordedWindow } from './program-events.source';

/**
 * The program's events when they live outside PostgreSQL (EventStoreDB/KurrentDB): the
 * program's streams come from the history index (the read model stays in PostgreSQL), each is
 * read through the EventStore port, and the events are merged by global position.
 *
 * Every call reads the program's streams whole, so a page costs the program's events (not the
 * page's): fine for programs of hundreds or a few thousand events, which is what a program
 * is. The streams are those linked to the program now and those its history names
 * (program_events.stream_id): an activity moved to another program is no longer linked here,
 * but what happened under this program stays in its history. Of each stream, only the events
 * the index lists under the program count: the moved activity's later events belong to the
 * program it joined, and its earlier ones to the program it left; of an organisation merged
 * while it took part in the program, only its OrganizationMerged.
 */
export class PortProgramEvents implements ProgramEventSource {
  constructor(
    private readonly readModel: Pool,
    private readonly store: EventStore,
  ) {}

  async page(programId: string, page: ProgramEventsPage): Promise<StoredEvent[]> {
    if (page.limit <= 0) return [];
    const after = page.after ?? null;
    const events = await this.windowed(programId, page);
    return events.filter((event) => after === null || event.position > after).slice(0, page.limit);
  }

  async count(programId: string, window: RecordedWindow): Promise<number> {
    return (await this.windowed(programId, window)).length;
  }

  streamIds(programId: string): Promise<string[]> {
    return isRecordId(programId) ? indexedStreamIds(this.readModel, programId) : Promise.resolve([]);
  }

  private async windowed(programId: string, window: RecordedWindow): Promise<StoredEvent[]> {
    if (!isRecordId(programId)) return [];
    const [linked, indexed] = await Promise.all([this.streamIds(programId), this.indexed(programId)]);
    const streamIds = new Set([...linked, ...indexed.streamIds]);
    const streams = await Promise.all([...streamIds].map((streamId) => this.store.readStream(streamId)));
    const from = window.from?.getTime() ?? -Infinity;
    const to = window.to?.getTime() ?? Infinity;
    return streams
      .flat()
      .filter((event) => indexed.positions.has(String(event.position)))
      .filter((event) => event.recordedAt.getTime() >= from && event.recordedAt.getTime() <= to)
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }

  /** The positions the history index lists under the program, and the streams it names. */
  private async indexed(programId: string): Promise<{ positions: Set<string>; streamIds: string[] }> {
    const { rows } = await this.readModel.query<{ position: string; stream_id: string | null }>(
      `select position::text, stream_id from ${READ_MODEL_SCHEMA}.program_events where program_id = $1`,
      [programId],
    );
    return {
      positions: new Set(rows.map((row) => row.position)),
      streamIds: [...new Set(rows.flatMap((row) => (row.stream_id === null ? [] : [row.stream_id])))],
    };
  }
}
