import type { EventStore, StoredEvent } from '@tracker/event-store';
import {
  MemoryRowStore,
  programHistoryProjection,
  toProjectedEvent,
  type OrganizationProgramsRow,
  type ProgramEventRow,
  type ProgramStreamRow,
} from '@tracker/read-model';
import { streamIdFor } from '@tracker/domain';
import type { ProgramIndexSnapshot } from '../program-index';
import type { ProgramEventSource, ProgramEventsPage, RecordedWindow } from '../program-events.source';

/**
 * The history index kept in memory, for unit tests on the InMemoryEventStore: the real
 * programHistoryProjection applied up to a position the test chooses (where "the projector"
 * stands), serving ProgramEventSource and the feed's index snapshot.
 */
export class MemoryProgramIndex implements ProgramEventSource {
  private rows = new MemoryRowStore(programHistoryProjection.tables);
  private checkpoint = 0n;

  constructor(private readonly store: EventStore) {}

  /** Projects the log up to `upTo` (default: everything stored). */
  async catchUp(upTo?: bigint): Promise<bigint> {
    for (;;) {
      const page = (await this.store.readAll({ after: this.checkpoint, limit: 500 })).filter((e) => upTo === undefined || e.position <= upTo);
      if (page.length === 0) return this.checkpoint;
      for (const event of page) {
        try {
          programHistoryProjection.apply(toProjectedEvent(event), this.rows);
        } catch {
          // passed over, as by the projector
        }
        this.checkpoint = event.position;
      }
    }
  }

  async snapshot(programId: string): Promise<ProgramIndexSnapshot> {
    return {
      checkpoint: this.checkpoint,
      streamIds: this.programStreams(programId),
      organizations: this.organizationsOf(programId),
    };
  }

  async page(programId: string, page: ProgramEventsPage): Promise<StoredEvent[]> {
    const positions = new Set(this.positions(programId, page).map(String));
    const events: StoredEvent[] = [];
    for (let after = page.after ?? 0n; events.length < page.limit; ) {
      const read = await this.store.readAll({ after, limit: 500 });
      if (read.length === 0) break;
      events.push(...read.filter((event) => positions.has(String(event.position))));
      after = read[read.length - 1].position;
    }
    return events.slice(0, page.limit);
  }

  async count(programId: string, window: RecordedWindow): Promise<number> {
    return this.positions(programId, window).length;
  }

  /** As indexedStreamIds: the program's streams and those of organisations merged in it. */
  async streamIds(programId: string): Promise<string[]> {
    const merged = this.organizationsOf(programId).filter((row) => row.merge_position !== null);
    return [...this.programStreams(programId), ...merged.map((row) => streamIdFor.organization(row.organization_id))].sort();
  }

  private programStreams(programId: string): string[] {
    return this.rows
      .rows<ProgramStreamRow>('program_streams')
      .filter((row) => row.program_id === programId)
      .map((row) => row.stream_id)
      .sort();
  }

  private organizationsOf(programId: string): OrganizationProgramsRow[] {
    return this.rows.rows<OrganizationProgramsRow>('organization_programs').filter((row) => row.program_ids.includes(programId));
  }

  private positions(programId: string, window: RecordedWindow & { after?: bigint | null }): bigint[] {
    return this.rows
      .rows<ProgramEventRow>('program_events')
      .filter(
        (row) =>
          row.program_id === programId &&
          (window.after == null || BigInt(row.position) > window.after) &&
          (!window.from || new Date(row.recorded_at) >= window.from) &&
          (!window.to || new Date(row.recorded_at) <= window.to),
      )
      .map((row) => BigInt(row.position));
  }
}
