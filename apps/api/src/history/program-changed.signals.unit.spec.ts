import type { StoredEvent } from '@tracker/event-store';
import { ProgramChangedSignals } from './program-changed.signals';

/** A feed the test pushes events into, as the store subscription would. */
function pushFeed() {
  const queue: StoredEvent[] = [];
  let wake: (() => void) | undefined;
  let returned = false;
  const feed: AsyncIterator<StoredEvent> = {
    async next() {
      while (!queue.length && !returned) await new Promise<void>((resolve) => (wake = resolve));
      return returned ? { value: undefined, done: true } : { value: queue.shift()!, done: false };
    },
    async return() {
      returned = true;
      wake?.();
      return { value: undefined, done: true };
    },
  };
  return {
    feed,
    push: (...positions: number[]) => {
      queue.push(...positions.map((position) => ({ position: BigInt(position) }) as StoredEvent));
      wake?.();
    },
    get returned() {
      return returned;
    },
  };
}

/** A read model whose checkpoint the test moves; waiters resolve once it reaches them. */
function readModel() {
  let checkpoint = 0n;
  const waiters: { position: bigint; resolve: (reached: bigint | null) => void }[] = [];
  return {
    waiting: () => waiters.map((w) => w.position),
    whenCaughtUp: (position: bigint, cancel: AbortSignal) =>
      new Promise<bigint | null>((resolve) => {
        if (checkpoint >= position) return resolve(checkpoint);
        waiters.push({ position, resolve });
        cancel.addEventListener('abort', () => resolve(null));
      }),
    reach(position: number) {
      checkpoint = BigInt(position);
      for (const waiter of waiters.splice(0)) {
        if (checkpoint >= waiter.position) waiter.resolve(checkpoint);
        else waiters.push(waiter);
      }
    },
  };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ProgramChangedSignals', () => {
  it('sends no signal before the read model reaches the event, then one at its position', async () => {
    const { feed, push } = pushFeed();
    const model = readModel();
    const signals = new ProgramChangedSignals('p', feed, model.whenCaughtUp);
    push(5);
    const next = signals.next();
    await turn();
    expect(model.waiting()).toEqual([5n]);
    model.reach(5);
    await expect(next).resolves.toEqual({ value: { programId: 'p', position: '5' }, done: false });
  });

  it('coalesces the events that arrived while a signal waited into one, at the newest position reached', async () => {
    const { feed, push } = pushFeed();
    const model = readModel();
    const signals = new ProgramChangedSignals('p', feed, model.whenCaughtUp);
    push(5);
    const next = signals.next();
    await turn();
    push(6, 8);
    await turn();
    model.reach(9);
    await expect(next).resolves.toEqual({ value: { programId: 'p', position: '8' }, done: false });
    // Nothing is left over: the next signal is for the next event.
    const after = signals.next();
    push(12);
    await turn();
    expect(model.waiting()).toEqual([12n]);
    model.reach(12);
    await expect(after).resolves.toMatchObject({ value: { position: '12' } });
  });

  it('keeps an event the read model has not reached for the next signal', async () => {
    const { feed, push } = pushFeed();
    const model = readModel();
    const signals = new ProgramChangedSignals('p', feed, model.whenCaughtUp);
    push(5);
    const first = signals.next();
    await turn();
    push(8);
    await turn();
    model.reach(6);
    await expect(first).resolves.toMatchObject({ value: { position: '5' } });
    const second = signals.next();
    await turn();
    model.reach(8);
    await expect(second).resolves.toMatchObject({ value: { position: '8' } });
  });

  it('ends, cancelling the wait and closing the feed, when the subscriber goes away', async () => {
    const source = pushFeed();
    const model = readModel();
    const signals = new ProgramChangedSignals('p', source.feed, model.whenCaughtUp);
    source.push(5);
    const next = signals.next();
    await turn();
    await signals.return();
    await expect(next).resolves.toEqual({ value: undefined, done: true });
    expect(source.returned).toBe(true);
  });
});
