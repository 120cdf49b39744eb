import type { EventStore, StoredEvent, Subscription } from '@tracker/event-store';
import {
  CHECKPOINTS_CHANNEL,
  CheckpointMovedError,
  commitBatch,
  LOCKS,
  readCheckpoints,
  readTableMeta,
  toProjectedEvent,
  type ProjectedEvent,
  type Projection,
  type ProjectionPositions,
} from '@tracker/read-model';
import type { Logger } from 'pino';
import type { Pool, PoolClient } from 'pg';

export interface ProjectionRunnerOptions {
  /** Connections whose search_path is the read-model schema to fill (see schemaPool). */
  pool: Pool;
  store: EventStore;
  projections: readonly Projection[];
  logger: Logger;
  batchSize?: number;
  /** How often a standby instance tries to become the active one (ms). */
  standbyPollMs?: number;
  /** Take the ACTIVE lock (live projector). A rebuild fills its own schema and does not. */
  exclusive?: boolean;
}

export interface ProjectionStatus {
  projection: string;
  position: bigint;
  failed: { position: bigint; error: string } | null;
}

/**
 * Tails the event store into the read model. Each batch is one transaction holding the
 * rows it changed and the new checkpoints, so a killed projector resumes exactly where the
 * last commit left it: nothing applied twice, nothing skipped.
 *
 * Every projection has its own checkpoint. One that throws (a poison event) is stopped at
 * that event, with the error recorded in its checkpoint row; the others carry on. It is
 * tried again when the projector restarts.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly state: ProjectionPositions = { positions: new Map(), failed: new Map() };
  private readonly warnedTypes = new Set<string>();
  private meta: Awaited<ReturnType<typeof readTableMeta>> | undefined;
  private subscription: Subscription | undefined;
  private lockClient: PoolClient | undefined;
  private releaseLockClient: (() => void) | undefined;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private applied = 0;
  private lastAppliedRecordedAt: Date | undefined;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 500;
  }

  /** Starts the loop in the background: wait for the lock, subscribe, apply batches. */
  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.subscription?.stop().catch(() => undefined);
    await this.loop;
    this.loop = undefined;
  }

  status(): ProjectionStatus[] {
    return this.options.projections.map(({ name }) => ({
      projection: name,
      position: this.state.positions.get(name) ?? 0n,
      failed: this.failedStatus(name),
    }));
  }

  private failedStatus(name: string): ProjectionStatus['failed'] {
    const failure = this.state.failed.get(name);
    return failure ? { position: failure.position, error: failure.message } : null;
  }

  get eventsApplied(): number {
    return this.applied;
  }

  get lastRecordedAt(): Date | undefined {
    return this.lastAppliedRecordedAt;
  }

  private async run(): Promise<void> {
    const { logger } = this.options;
    let backoffMs = 100;
    while (!this.stopping) {
      try {
        if (this.options.exclusive !== false) await this.becomeActive();
        if (this.stopping) break;
        await this.loadCheckpoints();
        const from = this.lowestHealthyPosition();
        logger.info({ from: String(from) }, 'projector subscribing');
        const failure = await this.follow(from);
        if (failure instanceof CheckpointMovedError) {
          logger.info('checkpoints moved under the projector (rebuild swap?); resubscribing');
          continue;
        }
        if (failure !== undefined) throw failure;
        backoffMs = 100;
      } catch (error) {
        if (this.stopping) break;
        logger.error({ err: error }, 'projector loop failed; retrying');
        this.releaseLock();
        await this.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 5_000);
      }
    }
    this.releaseLock();
  }

  /** Waits for the ACTIVE advisory lock: one working projector, the others on standby. */
  private async becomeActive(): Promise<void> {
    if (this.lockClient) return;
    const client = await this.options.pool.connect();
    let released = false;
    // Destroying the connection ends the session, which frees the lock. Exactly once: a
    // connection that died must go back to the pool too, or the pool counts it as in use for
    // ever: after a few PostgreSQL restarts no connection was left, and stop() hung in
    // pool.end() (hardening/postgres-restart.e2e.spec.ts in apps/api).
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.release(error ?? true);
    };
    // A lock lives as long as its session: if the connection dies, another instance may
    // take over, so this one must stop working until it holds the lock again.
    client.on('error', (error) => {
      this.options.logger.error({ err: error }, 'lost the projector lock connection');
      if (this.lockClient === client) {
        this.lockClient = undefined;
        void this.subscription?.stop();
      }
      release(error);
    });
    let announced = false;
    try {
      while (!this.stopping) {
        const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1, $2) as locked', [
          LOCKS.namespace,
          LOCKS.active,
        ]);
        if (rows[0].locked) {
          this.lockClient = client;
          this.releaseLockClient = release;
          this.options.logger.info('projector is active');
          return;
        }
        if (!announced) this.options.logger.info('another projector is active; standing by');
        announced = true;
        await this.sleep(this.options.standbyPollMs ?? 1_000);
      }
    } catch (error) {
      release(error as Error);
      throw error;
    }
    release();
  }

  private releaseLock(): void {
    const release = this.releaseLockClient;
    this.lockClient = undefined;
    this.releaseLockClient = undefined;
    release?.();
  }

  private async loadCheckpoints(): Promise<void> {
    const client = await this.options.pool.connect();
    try {
      this.meta ??= await readTableMeta(client, this.options.projections.flatMap((p) => p.tables));
      const positions = await readCheckpoints(client, this.options.projections);
      for (const [name, position] of positions) this.state.positions.set(name, position);
    } finally {
      client.release();
    }
  }

  private lowestHealthyPosition(): bigint {
    const healthy = this.options.projections
      .filter((p) => !this.state.failed.has(p.name))
      .map((p) => this.state.positions.get(p.name) ?? 0n);
    return healthy.length === 0 ? 0n : healthy.reduce((a, b) => (a < b ? a : b));
  }

  /** Runs one subscription until it ends; returns why it ended (undefined when stopped). */
  private follow(from: bigint): Promise<unknown> {
    return new Promise((resolve) => {
      let failure: unknown;
      this.subscription = this.options.store.subscribeAll({
        after: from,
        batchSize: this.batchSize,
        onBatch: (events) => this.handleBatch(events),
        onError: (error) => {
          failure = error;
        },
      });
      void this.subscription.done.then(() => resolve(failure));
    });
  }

  private async handleBatch(stored: StoredEvent[]): Promise<void> {
    if (this.stopping) return;
    if (this.options.exclusive !== false && !this.lockClient) throw new Error('projector lock lost');
    const last = stored[stored.length - 1].position;
    const events = this.project(stored);
    const failures = await commitBatch(this.options.pool, this.meta!, this.options.projections, this.state, events, last);
    // One notification per batch, after every projection committed: read-your-writes waits for
    // the slowest checkpoint anyway, and a NOTIFY inside each projection's transaction made
    // their commits queue one behind the other on the server-wide notify lock.
    await this.options.pool.query('select pg_notify($1, $2)', [CHECKPOINTS_CHANNEL, String(last)]);
    for (const failure of failures) {
      this.options.logger.error(
        { projection: failure.projection, position: String(failure.position), type: failure.type, err: failure.error },
        `projection ${failure.projection} stopped at event ${failure.position} (${failure.type}): ${failure.message}`,
      );
    }
    this.applied += stored.length;
    this.lastAppliedRecordedAt = stored[stored.length - 1].recordedAt;
  }

  /** Upcasts stored events; a type this code does not know is skipped with one warning. */
  private project(stored: StoredEvent[]): ProjectedEvent[] {
    const events: ProjectedEvent[] = [];
    for (const event of stored) {
      try {
        events.push(toProjectedEvent(event));
      } catch (error) {
        if (!this.warnedTypes.has(event.type)) {
          this.warnedTypes.add(event.type);
          this.options.logger.warn(
            { type: event.type, schemaVersion: event.schemaVersion, position: String(event.position), err: error },
            `skipping event type ${event.type} v${event.schemaVersion}: not known to this projector`,
          );
        }
      }
    }
    return events;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
