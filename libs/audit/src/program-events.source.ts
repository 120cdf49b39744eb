import type { StoredEvent } from '@tracker/event-store';

/** Recorded-time bounds, both inclusive; null or missing is open. */
export interface RecordedWindow {
  from?: Date | null;
  to?: Date | null;
}

export interface ProgramEventsPage extends RecordedWindow {
  /** Exclusive keyset: events after this position. */
  after?: bigint | null;
  limit: number;
}

/**
 * Where a program's events come from: every event that touched the program (its own stream
 * and those of its activities, agreements, outcomes and follow-ups), in global order. Two
 * implementations, chosen by where the events live (see README):
 * - PostgresProgramEvents: the history index (read_model.program_events) joined to `events`
 *   by position; one indexed range scan per page.
 * - PortProgramEvents: the program's streams (read_model.program_streams) read through the
 *   EventStore port and merged by position, for EventStoreDB/KurrentDB.
 * Both cost the program's events, never the store's: membership comes from the index the
 * projector keeps, so a program's latest events appear once the projector has indexed them.
 */
export interface ProgramEventSource {
  page(programId: string, page: ProgramEventsPage): Promise<StoredEvent[]>;
  count(programId: string, window: RecordedWindow): Promise<number>;
  /** The program's streams, as indexed. */
  streamIds(programId: string): Promise<string[]>;
}

/** Every event of the program in the window, page by page: memory holds one page. */
export async function* eachProgramEvent(
  source: ProgramEventSource,
  programId: string,
  window: RecordedWindow & { after?: bigint | null } = {},
  pageSize = 500,
): AsyncGenerator<StoredEvent> {
  let after = window.after ?? null;
  for (;;) {
    const events = await source.page(programId, { from: window.from, to: window.to, after, limit: pageSize });
    yield* events;
    if (events.length < pageSize) return;
    after = events[events.length - 1].position;
  }
}
