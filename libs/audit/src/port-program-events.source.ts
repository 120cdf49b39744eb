import { parseStreamId } from '@tracker/domain';
import type { EventStore, StoredEvent } from '@tracker/event-store';
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
 * is. A stream belongs to a program from its first event on (the event that names the program
 * is always the stream's first), so no event of a member stream is filtered out; the one
 * exception is the stream of an organisation merged while it took part in the program, of
 * which only the merge is the program's (indexedStreamIds lists it for that event).
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
    const streams = await Promise.all((await this.streamIds(programId)).map((streamId) => this.store.readStream(streamId)));
    const from = window.from?.getTime() ?? -Infinity;
    const to = window.to?.getTime() ?? Infinity;
    return streams
      .flat()
      .filter((event) => !isOrganizationStream(event.streamId) || event.type === 'OrganizationMerged')
      .filter((event) => event.recordedAt.getTime() >= from && event.recordedAt.getTime() <= to)
      .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  }
}

function isOrganizationStream(streamId: string): boolean {
  return parseStreamId(streamId)?.aggregate === 'organization';
}
