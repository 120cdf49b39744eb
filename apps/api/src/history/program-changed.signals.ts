import type { StoredEvent } from '@tracker/event-store';

/** The contract's ProgramChanged, as the resolver returns it. */
export interface ProgramChangedSignal {
  programId: string;
  /** A decimal string: the read model has caught up to this position. */
  position: string;
}

/** Resolves with the read model's checkpoint once it is at or past `position`; null when cancelled. */
export type WhenCaughtUp = (position: bigint, cancel: AbortSignal) => Promise<bigint | null>;

/**
 * The programChanged subscription: the program's history feed (the same events, chosen the
 * same way, as programHistoryAppended) turned into signals that go out only once the read
 * model has caught up with them, so a client that reloads on a signal sees the change.
 *
 * Events that arrive while a signal waits for the projector are coalesced: the next signal
 * carries the newest position the read model has reached, and one signal may stand for a whole
 * batch. A pump drains the feed into that one pending position as fast as events come, so a
 * slow client holds one position, not a queue, and never holds back the store subscription.
 */
export class ProgramChangedSignals implements AsyncIterableIterator<ProgramChangedSignal> {
  private pending: bigint | null = null;
  private failure: { error: unknown } | undefined;
  private ended = false;
  private closed = false;
  private wakeConsumer: (() => void) | undefined;
  private readonly cancel = new AbortController();

  constructor(
    private readonly programId: string,
    private readonly feed: AsyncIterator<StoredEvent>,
    private readonly whenCaughtUp: WhenCaughtUp,
  ) {
    void this.pump();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<ProgramChangedSignal>> {
    for (;;) {
      if (this.closed) return { value: undefined, done: true };
      const waitingFor = this.pending;
      if (waitingFor !== null) {
        const reached = await this.whenCaughtUp(waitingFor, this.cancel.signal);
        if (reached === null || this.closed) return this.finish();
        // Everything pending at or below the checkpoint is readable now: one signal for all of
        // it. A newer event the projector has not reached stays for the next signal.
        const position = this.pending !== null && this.pending <= reached ? this.pending : waitingFor;
        if (this.pending === position) this.pending = null;
        return { value: { programId: this.programId, position: position.toString() }, done: false };
      }
      if (this.failure) {
        const { error } = this.failure;
        await this.finish();
        throw error;
      }
      if (this.ended) return this.finish();
      await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
    }
  }

  /** The client went away (or the server is closing): stop waiting and close the feed. */
  return(): Promise<IteratorResult<ProgramChangedSignal>> {
    return this.finish();
  }

  async throw(error?: unknown): Promise<IteratorResult<ProgramChangedSignal>> {
    await this.finish();
    throw error;
  }

  private async pump(): Promise<void> {
    try {
      for (;;) {
        const { value, done } = await this.feed.next();
        if (done || this.closed) break;
        if (this.pending === null || value.position > this.pending) this.pending = value.position;
        this.wake();
      }
    } catch (error) {
      if (!this.closed) this.failure = { error };
    }
    this.ended = true;
    this.wake();
  }

  private async finish(): Promise<IteratorResult<ProgramChangedSignal>> {
    if (!this.closed) {
      this.closed = true;
      this.cancel.abort();
      this.wake();
      await this.feed.return?.();
    }
    return { value: undefined, done: true };
  }

  private wake(): void {
    const resolve = this.wakeConsumer;
    this.wakeConsumer = undefined;
    resolve?.();
  }
}
