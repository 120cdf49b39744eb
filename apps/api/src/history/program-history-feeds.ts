import { Inject, Injectable } from '@nestjs/common';
import { programIndexSnapshot, ProgramHistoryFeed, type ProgramEventSource } from '@tracker/audit';
import type { EventStore } from '@tracker/event-store';
import type { Pool } from 'pg';
import { EVENT_STORE, PG_POOL } from '../database/database.module';
import { PROGRAM_EVENTS } from './history.providers';

/** Opens live feeds of a program's history (the programHistoryAppended subscription). */
@Injectable()
export class ProgramHistoryFeeds {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROGRAM_EVENTS) private readonly source: ProgramEventSource,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /**
   * Started at once, so "new" means recorded after the client subscribed, not after its first
   * pull. The subscription server ends it (return()) when the client goes away.
   */
  follow(programId: string, after: bigint | null): ProgramHistoryFeed {
    const index = (id: string) => programIndexSnapshot(this.pool, id);
    const feed = new ProgramHistoryFeed({ store: this.store, source: this.source, index }, programId, { after });
    void feed.start();
    return feed;
  }
}
