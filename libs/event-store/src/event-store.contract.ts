import { randomUUID } from 'node:crypto';
import { IdempotencyViolationError, InvalidAppendError, WrongExpectedVersionError } from './errors';
import type { EventStore, NewEvent, Position, StoredEvent } from './event-store.port';
import { START } from './event-store.port';
import { chainHash, GENESIS_HASH, verifyStreamChain } from './hash';

interface ContractSubject {
  store: EventStore;
  /** Closes the store (and whatever the factory opened for it). */
  cleanup(): Promise<void>;
}

/**
 * The behaviour every EventStore adapter must have, run once per adapter:
 *
 *   describeEventStoreContract('in-memory', async () => {
 *     const store = new InMemoryEventStore();
 *     return { store, cleanup: () => store.close() };
 *   });
 *
 * `factory` runs before each test. The store may already hold events (a shared database or
 * server): every test works on fresh stream ids and looks at the global log only after a
 * position it appended itself, filtered to its own streams.
 */
export function describeEventStoreContract(
  name: string,
  factory: () => Promise<ContractSubject>,
): void {
  describe(`${name} event store contract`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
    });
    afterEach(async () => {
      await cleanup();
    });

    describe('appending and reading a stream', () => {
      it('gives back every field it stored, with versions, positions, recordedAt and hash', async () => {
        const streamId = newStreamId();
        const full = anEvent({
          type: 'AgreementSigned',
          schemaVersion: 2,
          data: {
            title: { th: 'บันทึกความเข้าใจ', en: 'Memorandum', zh: '谅解备忘录' },
            amount: '1250000.50',
            parties: ['MFA', 'MOC'],
            nested: { count: 3, ratio: 0.25, flag: true, nothing: null, list: [{ a: 1 }, []] },
            emoji: '🤝',
          },
          metadata: { actor: 'planner-7', commandId: 'cmd-1', correlationId: 'corr-1', causationId: 'cause-1' },
          occurredOn: '2024-02-29',
        });
        const minimal = anEvent({ type: 'AgreementNoted', occurredOn: undefined });
        const before = Date.now();

        const result = await store.append(streamId, [full, minimal], 'no_stream');

        const events = await store.readStream(streamId);
        expect(events).toHaveLength(2);
        expect(events[0]).toEqual({ ...full, streamId, streamVersion: 1, position: expect.any(BigInt), recordedAt: expect.any(Date), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
        expect(events[1]).toEqual({ ...minimal, streamId, streamVersion: 2, occurredOn: null, position: expect.any(BigInt), recordedAt: expect.any(Date), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
        expect(events[1].position).toBeGreaterThan(events[0].position);
        expect(events[0].recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(result).toEqual({ streamId, version: 2, position: events[1].position });
      });

      it('continues a stream at the exact version it was left at', async () => {
        const streamId = newStreamId();
        await store.append(streamId, [anEvent()], 'no_stream');
        const result = await store.append(streamId, [anEvent(), anEvent()], 1);
        expect(result.version).toBe(3);
        expect((await store.readStream(streamId)).map((event) => event.streamVersion)).toEqual([1, 2, 3]);
      });

      it('reads a stream from a given version on', async () => {
        const streamId = newStreamId();
        const events = [anEvent(), anEvent(), anEvent(), anEvent()];
        await store.append(streamId, events, 'no_stream');
        const fromThird = await store.readStream(streamId, 3);
        expect(fromThird.map((event) => event.eventId)).toEqual([events[2].eventId, events[3].eventId]);
        expect(await store.readStream(streamId, 5)).toEqual([]);
      });

      it('reads a stream that does not exist as empty', async () => {
        expect(await store.readStream(newStreamId())).toEqual([]);
      });
    });

    describe('expected versions', () => {
      it('rejects no_stream on an existing stream, naming stream, expected and actual', async () => {
        const streamId = newStreamId();
        await store.append(streamId, [anEvent(), anEvent()], 'no_stream');
        const error = await rejectionOf(store.append(streamId, [anEvent()], 'no_stream'));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ streamId, expected: 'no_stream', actual: 2 });
        expect((error as Error).message).toContain(streamId);
        expect((error as Error).message).toMatch(/no_stream.*2/);
      });

      it('rejects an exact version the stream is not at', async () => {
        const streamId = newStreamId();
        await store.append(streamId, [anEvent(), anEvent()], 'no_stream');
        const error = await rejectionOf(store.append(streamId, [anEvent()], 5));
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ streamId, expected: 5, actual: 2 });
        expect((error as Error).message).toMatch(/5.*2/);
      });

      it('rejects an exact version on a stream that does not exist', async () => {
        const streamId = newStreamId();
        const error = await rejectionOf(store.append(streamId, [anEvent()], 1));
        expect(error).toMatchObject({ streamId, expected: 1, actual: 0 });
        expect(await store.readStream(streamId)).toEqual([]);
      });

      it('treats expected version 0 as no_stream', async () => {
        const streamId = newStreamId();
        await store.append(streamId, [anEvent()], 0);
        await expect(store.append(streamId, [anEvent()], 0)).rejects.toMatchObject({ expected: 0, actual: 1 });
      });

      it('appends with any whether or not the stream exists', async () => {
        const streamId = newStreamId();
        expect((await store.append(streamId, [anEvent()], 'any')).version).toBe(1);
        expect((await store.append(streamId, [anEvent()], 'any')).version).toBe(2);
      });

      it('lets exactly one of 20 racing appends win each version', async () => {
        const streamId = newStreamId();
        for (const expected of ['no_stream', 1, 2] as const) {
          const outcomes = await Promise.allSettled(
            Array.from({ length: 20 }, () => store.append(streamId, [anEvent()], expected)),
          );
          const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
          const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
          expect(winners).toHaveLength(1);
          expect(losers).toHaveLength(19);
          for (const loser of losers) expect(loser).toBeInstanceOf(WrongExpectedVersionError);
        }
        const events = await store.readStream(streamId);
        expect(events.map((event) => event.streamVersion)).toEqual([1, 2, 3]);
        expect(verifyStreamChain(events)).toBeNull();
      });
    });

    describe('idempotent appends', () => {
      it('returns the first result for a retried batch and stores nothing new', async () => {
        const streamId = newStreamId();
        const batch = [anEvent(), anEvent()];
        const before = await markPosition(store);
        const first = await store.append(streamId, batch, 'no_stream');

        const retried = await store.append(streamId, structuredClone(batch), 'no_stream');

        expect(retried).toEqual(first);
        expect(await store.readStream(streamId)).toHaveLength(2);
        expect(await readAllOf(store, before, [streamId], 2)).toHaveLength(2);
      });

      it('recognises a retry whatever its expected version', async () => {
        const streamId = newStreamId();
        await store.append(streamId, [anEvent()], 'no_stream');
        const batch = [anEvent()];
        const first = await store.append(streamId, batch, 1);
        await store.append(streamId, [anEvent()], 2);
        expect(await store.append(streamId, batch, 1)).toEqual(first);
        expect(await store.append(streamId, batch, 'any')).toEqual(first);
      });

      it('rejects an event id stored with different content', async () => {
        const streamId = newStreamId();
        const event = anEvent({ data: { title: 'original' } });
        await store.append(streamId, [event], 'no_stream');
        const error = await rejectionOf(store.append(streamId, [{ ...event, data: { title: 'changed' } }], 'any'));
        expect(error).toBeInstanceOf(IdempotencyViolationError);
        expect(error).toMatchObject({ eventId: event.eventId });
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('rejects an event id stored in another stream', async () => {
        const event = anEvent();
        await store.append(newStreamId(), [event], 'no_stream');
        const otherStream = newStreamId();
        const error = await rejectionOf(store.append(otherStream, [event], 'any'));
        expect(error).toBeInstanceOf(IdempotencyViolationError);
        expect(error).toMatchObject({ eventId: event.eventId });
        expect(await store.readStream(otherStream)).toEqual([]);
      });

      it('rejects a batch of which only part is stored', async () => {
        const streamId = newStreamId();
        const stored = anEvent();
        await store.append(streamId, [stored], 'no_stream');
        const error = await rejectionOf(store.append(streamId, [stored, anEvent()], 'any'));
        expect(error).toBeInstanceOf(IdempotencyViolationError);
        expect(error).toMatchObject({ eventId: stored.eventId });
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it('returns one result to concurrent retries of the same batch', async () => {
        const streamId = newStreamId();
        const batch = [anEvent(), anEvent()];
        const results = await Promise.all(
          Array.from({ length: 8 }, () => store.append(streamId, structuredClone(batch), 'no_stream')),
        );
        for (const result of results) expect(result).toEqual(results[0]);
        expect(await store.readStream(streamId)).toHaveLength(2);
      });
    });

    describe('invalid appends', () => {
      const circular: Record<string, unknown> = { a: 1 };
      circular.self = circular;
      const cases: [string, () => [string, unknown[], unknown]][] = [
        ['an empty stream id', () => ['', [anEvent()], 'any']],
        ['a stream id with a leading $', () => ['$system', [anEvent()], 'any']],
        ['no events', () => [newStreamId(), [], 'any']],
        ['a function in data', () => [newStreamId(), [anEvent({ data: { f: () => 1 } as never })], 'any']],
        ['a BigInt in data', () => [newStreamId(), [anEvent({ data: { n: 1n } as never })], 'any']],
        ['NaN in data', () => [newStreamId(), [anEvent({ data: { n: Number.NaN } })], 'any']],
        ['Infinity in data', () => [newStreamId(), [anEvent({ data: { n: Number.POSITIVE_INFINITY } })], 'any']],
        ['undefined data', () => [newStreamId(), [anEvent({ data: undefined as never })], 'any']],
        ['an array as data', () => [newStreamId(), [anEvent({ data: [1] as never })], 'any']],
        ['undefined in an array', () => [newStreamId(), [anEvent({ data: { list: [undefined] } as never })], 'any']],
        ['a Date in data', () => [newStreamId(), [anEvent({ data: { at: new Date() } as never })], 'any']],
        ['circular data', () => [newStreamId(), [anEvent({ data: circular as never })], 'any']],
        ['a lone surrogate in a string', () => [newStreamId(), [anEvent({ data: { s: '\ud800' } })], 'any']],
        ['U+0000 in a string', () => [newStreamId(), [anEvent({ data: { s: 'a\u0000b' } })], 'any']],
        ['a missing type', () => [newStreamId(), [anEvent({ type: undefined as never })], 'any']],
        ['a missing event id', () => [newStreamId(), [anEvent({ eventId: undefined as never })], 'any']],
        ['an event id that is not a lowercase UUID', () => [newStreamId(), [anEvent({ eventId: 'evt-1' })], 'any']],
        ['a missing actor', () => [newStreamId(), [anEvent({ metadata: {} as never })], 'any']],
        ['a schema version of 0', () => [newStreamId(), [anEvent({ schemaVersion: 0 })], 'any']],
        ['an impossible occurredOn', () => [newStreamId(), [anEvent({ occurredOn: '2023-02-29' })], 'any']],
        ['an event id twice in the batch', () => { const event = anEvent(); return [newStreamId(), [event, { ...event }], 'any']; }],
        ['a valid event followed by an invalid one', () => [newStreamId(), [anEvent(), anEvent({ data: { n: Number.NaN } })], 'any']],
        ['the expected version "latest"', () => [newStreamId(), [anEvent()], 'latest']],
        ['a negative expected version', () => [newStreamId(), [anEvent()], -1]],
        ['a fractional expected version', () => [newStreamId(), [anEvent()], 1.5]],
      ];

      it.each(cases)('rejects %s and stores nothing', async (_, makeArgs) => {
        const [streamId, events, expected] = makeArgs();
        const before = await markPosition(store);

        const error = await rejectionOf(store.append(streamId, events as NewEvent[], expected as never));

        expect(error).toBeInstanceOf(InvalidAppendError);
        if (streamId) expect(await store.readStream(streamId)).toEqual([]);
        const batchIds = new Set(events.map((event) => (event as NewEvent).eventId));
        const logged = await store.readAll({ after: before });
        expect(logged.filter((event) => batchIds.has(event.eventId))).toEqual([]);
      });
    });

    describe('the global log', () => {
      it('reads events of all streams in append order, after a position, a page at a time', async () => {
        const [a, b] = [newStreamId(), newStreamId()];
        const before = await markPosition(store);
        await store.append(a, [anEvent()], 'no_stream');
        await store.append(b, [anEvent(), anEvent()], 'no_stream');
        await store.append(a, [anEvent()], 1);
        await store.append(b, [anEvent()], 2);
        const expected = [...(await store.readStream(a)), ...(await store.readStream(b))].sort(byPosition);

        const logged = await readAllOf(store, before, [a, b], 5);

        expect(logged.map((event) => event.eventId)).toEqual(expected.map((event) => event.eventId));
        expect(logged.map((event) => event.streamId)).toEqual([a, b, b, a, b]);
        expect(logged).toEqual(expected);
        const page = await store.readAll({ after: logged[0].position, limit: 2 });
        expect(page).toHaveLength(2);
        expect(page[0].position).toBeGreaterThan(logged[0].position);
        expect(page[1].position).toBeGreaterThan(page[0].position);
      });
    });

    describe('the hash chain', () => {
      it('chains each event from the previous hash of its stream, starting from the empty string', async () => {
        const streamId = newStreamId();
        await store.append(streamId, [anEvent(), anEvent()], 'no_stream');
        await store.append(streamId, [anEvent()], 2);
        const events = await store.readStream(streamId);
        expect(events[0].hash).toBe(chainHash(GENESIS_HASH, events[0]));
        expect(events[2].hash).toBe(chainHash(events[1].hash, events[2]));
        expect(verifyStreamChain(events)).toBeNull();
        expect(verifyStreamChain(events.slice(1), events[0].hash)).toBeNull();
      });

      it('names the first event whose content was tampered with', async () => {
        const streamId = newStreamId();
        await store.append(streamId, [anEvent(), anEvent(), anEvent()], 'no_stream');
        const events = await store.readStream(streamId);
        events[1].data = { ...events[1].data, title: 'rewritten' };
        expect(verifyStreamChain(events)).toBe(events[1]);
        expect(verifyStreamChain(await store.readStream(streamId))).toBeNull();
      });

      it('names the event after one that was removed or re-hashed', async () => {
        const streamId = newStreamId();
        await store.append(streamId, [anEvent(), anEvent(), anEvent()], 'no_stream');
        const events = await store.readStream(streamId);
        expect(verifyStreamChain([events[0], events[2]])).toBe(events[2]);
        const rehashed = { ...events[1], metadata: { actor: 'intruder' } };
        rehashed.hash = chainHash(events[0].hash, rehashed);
        expect(verifyStreamChain([events[0], rehashed, events[2]])).toBe(events[2]);
      });
    });

    describe('subscribing to the global log', () => {
      it('catches up, then delivers live events, each once and in order', async () => {
        const streamId = newStreamId();
        const before = await markPosition(store);
        await store.append(streamId, [anEvent(), anEvent()], 'no_stream');
        const seen: StoredEvent[] = [];
        let lastPosition: Position = START;
        let outOfOrder = false;
        const subscription = store.subscribeAll({
          after: before,
          batchSize: 2,
          onBatch: async (events) => {
            for (const event of events) {
              if (event.position <= lastPosition) outOfOrder = true;
              lastPosition = event.position;
            }
            seen.push(...events.filter((event) => event.streamId === streamId));
          },
        });
        try {
          await eventually(() => expect(seen).toHaveLength(2));
          await store.append(streamId, [anEvent()], 2);
          await store.append(streamId, [anEvent(), anEvent()], 3);
          await eventually(() => expect(seen).toHaveLength(5));
        } finally {
          await subscription.stop();
        }
        expect(outOfOrder).toBe(false);
        expect(seen).toEqual(await store.readStream(streamId));
      });

      it('waits for the batch in flight when stopped, then delivers nothing more', async () => {
        const streamId = newStreamId();
        const before = await markPosition(store);
        await store.append(streamId, [anEvent()], 'no_stream');
        let release: () => void = () => undefined;
        let batches = 0;
        let entered: () => void = () => undefined;
        const inBatch = new Promise<void>((resolve) => (entered = resolve));
        const subscription = store.subscribeAll({
          after: before,
          onBatch: async () => {
            batches++;
            entered();
            await new Promise<void>((resolve) => (release = resolve));
          },
        });
        await inBatch;
        let stopped = false;
        const stopping = subscription.stop().then(() => (stopped = true));
        await store.append(streamId, [anEvent()], 1);
        await sleep(50);
        expect(stopped).toBe(false);
        release();
        await stopping;
        await sleep(50);
        expect(batches).toBe(1);
      });

      it('ends and reports the error when onBatch rejects', async () => {
        const before = await markPosition(store);
        await store.append(newStreamId(), [anEvent()], 'no_stream');
        const failure = new Error('projection failed');
        const errors: unknown[] = [];
        const subscription = store.subscribeAll({
          after: before,
          onBatch: async () => {
            throw failure;
          },
          onError: (error) => errors.push(error),
        });
        await subscription.done;
        expect(errors).toEqual([failure]);
      });
    });
  });
}

export function newStreamId(prefix = 'contract'): string {
  return `${prefix}-${randomUUID()}`;
}

export function anEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ActivityLogged',
    schemaVersion: 1,
    data: { title: 'Trade fair in Chiang Mai', attendees: 12 },
    metadata: { actor: 'diplomat-1', correlationId: randomUUID() },
    occurredOn: '2025-03-14',
    ...overrides,
  };
}

/** A position no later than anything appended after this call: a marker event's. */
export async function markPosition(store: EventStore): Promise<Position> {
  return (await store.append(newStreamId('contract-marker'), [anEvent({ type: 'MarkerPlaced' })], 'no_stream')).position;
}

/**
 * The global log after `after`, restricted to `streamIds`, read page by page until `count`
 * of them are there. Polls, because a store may show committed events a moment late
 * (PostgreSQL waits for older transactions, even in other databases of the server).
 */
async function readAllOf(store: EventStore, after: Position, streamIds: string[], count: number): Promise<StoredEvent[]> {
  const wanted = new Set(streamIds);
  const found: StoredEvent[] = [];
  let checkpoint = after;
  const deadline = Date.now() + 10_000;
  while (found.length < count && Date.now() < deadline) {
    const page = await store.readAll({ after: checkpoint, limit: 100 });
    if (page.length === 0) {
      await sleep(20);
      continue;
    }
    found.push(...page.filter((event) => wanted.has(event.streamId)));
    checkpoint = page[page.length - 1].position;
  }
  // One more read: anything beyond `count` would be a duplicate or a stray.
  found.push(...(await store.readAll({ after: checkpoint })).filter((event) => wanted.has(event.streamId)));
  return found;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Retries `assertion` until it passes or `timeoutMs` is over (then its last failure). */
export async function eventually(assertion: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(10);
    }
  }
}

function byPosition(a: StoredEvent, b: StoredEvent): number {
  return a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
