import type { Position, StoredEvent, SubscribeAllOptions, Subscription } from './event-store.port';
import { START } from './event-store.port';

export interface CatchUpSource {
  /** One page of the global log after `after` (the adapter's readAll). */
  read(after: Position, limit: number): Promise<StoredEvent[]>;
  /**
   * Registers `wake`, called when new events may be readable, with the position of the
   * newest event announced if known. Returns the unregistration.
   */
  onWake(wake: (announced?: Position) => void): () => void;
  /** Fallback poll while nothing wakes the loop (ms). */
  pollIntervalMs: number;
}

const DEFAULT_BATCH_SIZE = 500;
// Retries for an announced event not readable yet: it usually shows within milliseconds.
const FIRST_RETRY_MS = 5;
const MAX_RETRY_MS = 200;

/**
 * subscribeAll as a loop over readAll: deliver pages until the log is drained, then sleep
 * until woken (or the fallback poll). When an event was announced but is not readable yet
 * (PostgreSQL hides it until older transactions end), retry with a short, growing backoff
 * instead of waiting for the next poll. onBatch calls never overlap; a failure of read or
 * onBatch ends the subscription and goes to onError.
 */
export function startCatchUpSubscription(options: SubscribeAllOptions, source: CatchUpSource): Subscription {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const alarm = new Alarm();
  let stopped = false;
  let checkpoint = options.after ?? START;
  let announced = checkpoint;
  const unregister = source.onWake((position) => {
    if (position !== undefined && position > announced) announced = position;
    alarm.ring();
  });

  const run = async () => {
    let retryMs = FIRST_RETRY_MS;
    while (!stopped) {
      alarm.reset();
      const events = await source.read(checkpoint, batchSize);
      if (stopped) break;
      if (events.length > 0) {
        await options.onBatch(events);
        checkpoint = events[events.length - 1].position;
        retryMs = FIRST_RETRY_MS;
      } else if (announced > checkpoint) {
        await alarm.wait(retryMs);
        retryMs = Math.min(retryMs * 2, MAX_RETRY_MS, source.pollIntervalMs);
      } else {
        await alarm.wait(source.pollIntervalMs);
      }
    }
  };

  const done = run().then(
    () => undefined,
    (error: unknown) => {
      stopped = true;
      options.onError?.(error);
    },
  ).finally(unregister);

  return {
    done,
    stop: async () => {
      stopped = true;
      alarm.ring();
      await done;
    },
  };
}

/** A latched wake-up: a ring while nobody waits is kept until the next wait. */
class Alarm {
  private rung = false;
  private wakeWaiter: (() => void) | undefined;

  ring(): void {
    this.rung = true;
    this.wakeWaiter?.();
  }

  reset(): void {
    this.rung = false;
  }

  wait(ms: number): Promise<void> {
    if (this.rung) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakeWaiter = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeWaiter = finish;
    });
  }
}
