import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { CHECKPOINTS_CHANNEL, READ_MODEL_SCHEMA } from '@tracker/read-model';
import { Client, type Pool } from 'pg';
import { API_OPTIONS, type ResolvedApiOptions } from '../config/api-options';
import { PG_POOL } from '../database/database.module';
import { LOGGER, type Logger } from '../logging/logger';

/** Only a fallback: notifications wake waiters at once; this catches one missed while reconnecting. */
const FALLBACK_POLL_MS = 1000;
/** How long whenCaughtUp waits for the LISTEN connection before relying on the poll. */
const LISTEN_WAIT_MS = 5000;

interface Waiter {
  position: bigint;
  /** The checkpoint that satisfied it, or null: timed out, cancelled or shutting down. */
  resolve: (reached: bigint | null) => void;
  /** Undoes what settling must undo: the deadline's timer, a cancellation listener. */
  release: () => void;
}

/**
 * Waits, a bounded time, until the read model has caught up with a position: the contract's
 * read-your-writes. A mutation resolver appends, calls waitFor(result.position), and reads its
 * payload from the read model only when this returns true (else the record is null and
 * result.projected false).
 *
 * "Caught up" is the lowest checkpoint of the projections that are not stopped at a poison
 * event (a failed one would otherwise hold every write back until the timeout). The projector
 * NOTIFYs `tracker_checkpoints` after each batch commit; one client per process LISTENs, and
 * each notification re-reads that minimum once for all waiters. A slow poll runs only while
 * someone waits, in case a notification was lost (the listening connection dropped).
 *
 * whenCaughtUp is the same wait without a deadline, for the programChanged subscription: a
 * signal goes out only once a client reloading on it reads the change.
 */
@Injectable()
export class ReadYourWrites implements OnApplicationShutdown {
  private readonly timeoutMs: number;
  private readonly waiters = new Set<Waiter>();
  private listener: Client | undefined;
  private listening: Promise<void> | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private poll: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(API_OPTIONS) private readonly options: ResolvedApiOptions,
    @Inject(LOGGER) private readonly logger?: Logger,
  ) {
    this.timeoutMs = options.readYourWritesTimeoutMs;
  }

  async waitFor(position: bigint, timeoutMs = this.timeoutMs): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let reached: bigint | null | 'no-projector';
    try {
      reached = await this.slowestCheckpoint();
    } catch (error) {
      // The command's events are stored by now: a checkpoint that cannot be read (the database
      // went away just after the append) means "not projected yet", not a failed mutation. The
      // poll reads again until the deadline; the answer is then projected: false, never an
      // error for a write that was made (found by hardening/postgres-restart.e2e.spec.ts).
      this.logger?.warn({ err: error }, 'read-your-writes: reading checkpoints failed');
      reached = null;
    }
    if (reached === 'no-projector') return false;
    if (reached !== null && reached >= position) return true;
    if (Date.now() >= deadline || this.closed) return false;
    // A connection that hangs must not hold the mutation past its deadline: the poll then works.
    await this.listenWithin(deadline - Date.now());
    const left = deadline - Date.now();
    if (left <= 0 || this.closed) return false;
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = { position, resolve: (reached) => resolve(reached !== null), release: () => clearTimeout(timer) };
      const timer = setTimeout(() => this.settle(waiter, null), left);
      this.register(waiter);
    });
  }

  /**
   * Resolves with the slowest healthy checkpoint once it is at or past `position`, however long
   * that takes (a projector that lags, restarts or has not started yet); null when `cancel`
   * aborts or the api shuts down. No deadline, so it goes straight to waiting: a projector that
   * never ran is waited for too, by the slow poll, only while this waits.
   */
  async whenCaughtUp(position: bigint, cancel: AbortSignal): Promise<bigint | null> {
    if (cancel.aborted || this.closed) return null;
    await this.listenWithin(LISTEN_WAIT_MS);
    if (cancel.aborted || this.closed) return null;
    return new Promise<bigint | null>((resolve) => {
      const abort = () => this.settle(waiter, null);
      const waiter: Waiter = { position, resolve, release: () => cancel.removeEventListener('abort', abort) };
      cancel.addEventListener('abort', abort, { once: true });
      this.register(waiter);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const waiter of [...this.waiters]) this.settle(waiter, null);
    const listener = this.listener;
    this.listener = undefined;
    await this.listening?.catch(() => undefined);
    await listener?.end().catch(() => undefined);
  }

  private register(waiter: Waiter): void {
    this.waiters.add(waiter);
    this.poll ??= setInterval(() => this.refresh(), FALLBACK_POLL_MS);
    // Read again, now that we listen and are registered: a batch committed before the LISTEN
    // notified no one, and one committed during this read wakes us through the next refresh.
    this.refresh();
  }

  private settle(waiter: Waiter, reached: bigint | null): void {
    if (!this.waiters.delete(waiter)) return;
    waiter.release();
    waiter.resolve(reached);
    if (this.waiters.size === 0 && this.poll) {
      clearInterval(this.poll);
      this.poll = undefined;
    }
  }

  /** Re-reads the slowest checkpoint and releases the waiters it satisfies; coalesces calls. */
  private refresh(): void {
    if (this.waiters.size === 0) return;
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        try {
          const reached = await this.slowestCheckpoint();
          if (typeof reached === 'bigint') {
            for (const waiter of [...this.waiters]) if (reached >= waiter.position) this.settle(waiter, reached);
          }
        } catch (error) {
          this.logger?.warn({ err: error }, 'read-your-writes: reading checkpoints failed');
        }
      } while (this.refreshAgain && this.waiters.size > 0);
    })().finally(() => {
      this.refreshing = undefined;
    });
  }

  private async listenWithin(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.listen(), new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(ms, 0))))]);
    clearTimeout(timer);
  }

  /** Starts the one LISTEN connection if it is not up; a failure leaves the fallback poll to do the work. */
  private listen(): Promise<void> {
    if (this.listener || this.closed) return Promise.resolve();
    this.listening ??= (async () => {
      const client = new Client({
        connectionString: this.options.databaseUrl,
        application_name: 'tracker-api-listen',
        connectionTimeoutMillis: 5000,
      });
      const drop = (error?: Error) => {
        if (error) this.logger?.warn({ err: error }, 'read-your-writes: listening connection lost; polling until the next write');
        if (this.listener === client) this.listener = undefined;
        client.end().catch(() => undefined);
      };
      client.on('error', drop);
      client.on('end', () => drop());
      client.on('notification', (message) => {
        if (message.channel === CHECKPOINTS_CHANNEL) this.refresh();
      });
      try {
        await client.connect();
        await client.query(`listen ${client.escapeIdentifier(CHECKPOINTS_CHANNEL)}`);
        if (this.closed) await client.end();
        else this.listener = client;
      } catch (error) {
        drop(error as Error);
      }
    })().finally(() => {
      this.listening = undefined;
    });
    return this.listening;
  }

  /**
   * The lowest checkpoint of the healthy projections; null when there is none yet (the
   * projector is starting, or every projection is stopped); 'no-projector' when no projector
   * ever created the table, so waiting would be pointless.
   */
  private async slowestCheckpoint(): Promise<bigint | null | 'no-projector'> {
    try {
      const { rows } = await this.pool.query<{ position: string | null }>(
        `select min(position)::text as position from ${READ_MODEL_SCHEMA}.projection_checkpoints where failed_at_position is null`,
      );
      return rows[0].position === null ? null : BigInt(rows[0].position);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === '42P01' || code === '3F000') return 'no-projector'; // undefined_table, invalid_schema_name
      throw error;
    }
  }
}
