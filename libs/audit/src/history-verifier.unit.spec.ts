import { randomUUID } from 'node:crypto';
import { chainHash, InMemoryEventStore, type ReadAllOptions, type StoredEvent } from '@tracker/event-store';
import { verifyProgramHistory, verifyStoreHistory } from './history-verifier';
import type { StreamHead, StreamHeads } from './stream-heads';
import { appendTracker, MemoryProgramIndex, story, storyIds } from './testing';

/**
 * An in-memory store whose reads an attacker has doctored: each edit applies to the events
 * read back (the store itself keeps the originals), and its stream heads are what the store
 * recorded at each append.
 */
class DoctoredStore extends InMemoryEventStore {
  edits: ((events: StoredEvent[]) => StoredEvent[])[] = [];

  override async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.doctor(await super.readAll(options));
  }

  override async readStream(streamId: string, fromVersion?: number): Promise<StoredEvent[]> {
    return this.doctor(await super.readStream(streamId, fromVersion));
  }

  heads(): StreamHeads {
    const heads = async () => {
      const byStream = new Map<string, StreamHead>();
      for (const event of await super.readAll({ limit: 100_000 })) {
        byStream.set(event.streamId, { streamId: event.streamId, version: event.streamVersion, lastHash: event.hash });
      }
      return byStream;
    };
    return {
      head: async (streamId) => (await heads()).get(streamId) ?? null,
      async *all() {
        yield* [...(await heads()).values()].sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
      },
    };
  }

  private doctor(events: StoredEvent[]): StoredEvent[] {
    return this.edits.reduce((doctored, edit) => edit(doctored), events);
  }
}

describe('hash-chain verification', () => {
  let store: DoctoredStore;
  let ids: ReturnType<typeof storyIds>;
  let index: MemoryProgramIndex;

  beforeEach(async () => {
    store = new DoctoredStore();
    ids = storyIds();
    index = new MemoryProgramIndex(store);
    for (const [stream, events] of [
      story.organization(ids),
      story.launch(ids),
      story.activate(ids),
      story.activity(ids, 'fair', '2019-05-29', '2019-06-01'),
      story.revenue(ids, '10000000.00'),
      story.correction(ids, '12500000.00'),
      story.correction(ids, '12600000.00'),
    ]) {
      await appendTracker(store, stream, events);
    }
    await index.catchUp();
  });

  const whole = () => verifyStoreHistory({ store, heads: store.heads() }, { pageSize: 3 });
  const ofProgram = () => verifyProgramHistory({ store, heads: store.heads(), source: index }, ids.program);
  const revenueStream = () => `outcome-${ids.revenue}`;

  it('passes an untouched store and counts what it checked', async () => {
    expect(await whole()).toEqual({ ok: true, streamsChecked: 4, eventsChecked: 8, firstBrokenPosition: null, problems: [], problemCount: 0 });
    expect(await ofProgram()).toMatchObject({ ok: true, streamsChecked: 3, eventsChecked: 7 });
  });

  it('finds an event whose data was edited, and only that one', async () => {
    store.edits.push((events) =>
      events.map((e) => (e.streamId === revenueStream() && e.streamVersion === 1 ? { ...e, data: { ...e.data, amount: '99000000.00' } } : e)),
    );
    const target = (await store.readStream(revenueStream()))[0];
    for (const report of [await whole(), await ofProgram()]) {
      expect(report).toMatchObject({ ok: false, firstBrokenPosition: target.position, problemCount: 1 });
      expect(report!.problems).toEqual([expect.objectContaining({ kind: 'HASH_MISMATCH', streamId: revenueStream(), version: 1, position: target.position })]);
    }
  });

  it('finds an event removed from the middle of a stream: the next one no longer follows', async () => {
    const [, second, third] = await store.readStream(revenueStream());
    store.edits.push((events) => events.filter((e) => e.eventId !== second.eventId));
    for (const report of [await whole(), await ofProgram()]) {
      expect(report).toMatchObject({ ok: false, firstBrokenPosition: third.position });
      expect(report!.problems).toEqual([expect.objectContaining({ kind: 'VERSION_GAP', version: 3, position: third.position })]);
    }
  });

  it("finds a stream's last event removed, through the store's record of the stream's end", async () => {
    const last = (await store.readStream(revenueStream()))[2];
    store.edits.push((events) => events.filter((e) => e.eventId !== last.eventId));
    const report = await whole();
    expect(report).toMatchObject({ ok: false, firstBrokenPosition: null });
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'MISSING_EVENTS', streamId: revenueStream(), version: 3 })]);
  });

  it('finds a last event rewritten with a freshly computed hash', async () => {
    const [, second, last] = await store.readStream(revenueStream());
    store.edits.push((events) =>
      events.map((e) => {
        if (e.eventId !== last.eventId) return e;
        const forged = { ...e, data: { ...e.data, amount: '1.00' } };
        return { ...forged, hash: chainHash(second.hash, forged) };
      }),
    );
    const report = (await ofProgram())!;
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'HEAD_MISMATCH', position: last.position })]);
  });

  it('reports the lowest broken position first however the damage is spread', async () => {
    const launched = (await store.readStream(`program-${ids.program}`))[0];
    const revenue = (await store.readStream(revenueStream()))[0];
    store.edits.push((events) =>
      events.map((e) => (e.eventId === launched.eventId || e.eventId === revenue.eventId ? { ...e, hash: 'f'.repeat(64) } : e)),
    );
    const report = await whole();
    expect(report.firstBrokenPosition).toBe(launched.position);
    // Each altered hash breaks its own event and the link to the next one.
    expect(report.problems.map((p) => p.kind)).toEqual(['HASH_MISMATCH', 'HASH_MISMATCH', 'HASH_MISMATCH', 'HASH_MISMATCH']);
  });

  it('verifies events appended after the scan passed their stream, not reporting them missing', async () => {
    let appended = false;
    const heads = store.heads();
    const report = await verifyStoreHistory(
      {
        store,
        heads: {
          head: heads.head,
          all: async function* () {
            if (!appended) {
              appended = true;
              await appendTracker(store, ...story.correction(ids, '13000000.00'));
            }
            yield* heads.all();
          },
        },
      },
      { pageSize: 100 },
    );
    expect(report).toMatchObject({ ok: true, eventsChecked: 9 });
  });

  it('returns null for a program the index does not know', async () => {
    expect(await verifyProgramHistory({ store, source: index }, randomUUID())).toBeNull();
  });
});
