import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { API_OPTIONS, type ResolvedApiOptions } from '../config/api-options';
import { PG_POOL } from '../database/database.module';

const FIRST_POLL_MS = 10;
const MAX_POLL_MS = 100;

/**
 * Waits, a bounded time, until every projection's checkpoint has reached a position: the
 * contract's read-your-writes. A mutation resolver appends, calls waitFor(result.position),
 * and reads its payload from the read model only when this returns true (else the record is
 * null and result.projected false).
 *
 * Polls projection_checkpoints with a growing interval (10 ms up to 100 ms). The projector
 * NOTIFYs its checkpoints; switching this to LISTEN is a local change once the channel name
 * lives in a shared lib.
 */
@Injectable()
export class ReadYourWrites {
  private readonly timeoutMs: number;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(API_OPTIONS) options: ResolvedApiOptions,
  ) {
    this.timeoutMs = options.readYourWritesTimeoutMs;
  }

  async waitFor(position: bigint, timeoutMs = this.timeoutMs): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let interval = FIRST_POLL_MS;
    for (;;) {
      const reached = await this.slowestCheckpoint();
      if (reached === undefined) return false; // no projector has ever run here
      if (reached >= position) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(interval, left)));
      interval = Math.min(interval * 2, MAX_POLL_MS);
    }
  }

  /** The lowest checkpoint of all projections, or undefined when there are none (or no table). */
  private async slowestCheckpoint(): Promise<bigint | undefined> {
    try {
      const { rows } = await this.pool.query<{ position: string | null }>(
        'select min(position)::text as position from projection_checkpoints',
      );
      return rows[0].position === null ? undefined : BigInt(rows[0].position);
    } catch (error) {
      if ((error as { code?: string }).code === '42P01') return undefined; // undefined_table
      throw error;
    }
  }
}
