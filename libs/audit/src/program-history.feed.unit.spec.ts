import { InMemoryEventStore, type StoredEvent } from '@tracker/event-store';
import { ProgramHistoryFeed } from './program-history.feed';
import { appendTracker, MemoryProgramIndex, story, storyIds, type StoryIds } from './testing';

describe('the live feed of a program', () => {
  let store: InMemoryEventStore;
  let index: MemoryProgramIndex;
  let ids: StoryIds;
  let other: StoryIds;
  const feeds: ProgramHistoryFeed[] = [];

  beforeEach(async () => {
    store = new InMemoryEventStore();
    index = new MemoryProgramIndex(store);
    ids = storyIds();
    other = { ...storyIds(), organization: ids.organization };
    await appendTracker(store, ...story.organization(ids));
    await appendTracker(store, ...story.launch(ids));
    await appendTracker(store, ...story.launch(other));
  });

  afterEach(async () => {
    for (const feed of feeds.splice(0)) await feed.return();
    await store.close();
  });

  async function follow(after?: bigint | null, bufferSize?: number): Promise<ProgramHistoryFeed> {
    const feed = new ProgramHistoryFeed({ store, source: index, index: (id) => index.snapshot(id) }, ids.program, { after, bufferSize, batchSize: 2 });
    feeds.push(feed);
    await feed.start();
    return feed;
  }

  async function take(feed: ProgramHistoryFeed, count: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`only ${events.length} of ${count} events came`)), 2000);
    });
    try {
      while (events.length < count) {
        const next = await Promise.race([feed.next(), timeout]);
        if (next.done) break;
        events.push(next.value);
      }
    } finally {
      clearTimeout(timer);
    }
    return events;
  }

  it("delivers the program's new events once, in order, and none of another program's", async () => {
    await index.catchUp();
    const feed = await follow();
    await appendTracker(store, ...story.activity(other, 'fair', '2019-06-01'));
    await appendTracker(store, ...story.activity(ids, 'meeting', '2019-12-16'));
    await appendTracker(store, ...story.activate(other));
    await appendTracker(store, ...story.activate(ids));
    const events = await take(feed, 2);
    expect(events.map((e) => e.type)).toEqual(['ActivityLogged', 'ProgramStatusChanged']);
    expect(events.map((e) => (e.data as { programId: string }).programId)).toEqual([ids.program, ids.program]);
  });

  it('follows a stream the projector has not indexed: it joined through an event naming the program', async () => {
    await index.catchUp();
    const feed = await follow();
    await appendTracker(store, ...story.activity(ids, 'meeting', '2019-12-16'));
    await appendTracker(store, ...story.followUp(ids));
    // Names no program: belongs through its stream, which joined with FollowUpAdded.
    await appendTracker(store, ...story.followUpDone(ids, '2020-02-01'));
    expect((await take(feed, 3)).map((e) => e.type)).toEqual(['ActivityLogged', 'FollowUpAdded', 'FollowUpClosed']);
  });

  it('learns streams that joined before it started, while the projector lagged behind', async () => {
    await index.catchUp();
    // Stored, not yet indexed: the follow-up stream is unknown to the index.
    await appendTracker(store, ...story.activity(ids, 'meeting', '2019-12-16'));
    await appendTracker(store, ...story.followUp(ids));
    const feed = await follow();
    await appendTracker(store, ...story.followUpDone(ids, '2020-02-01'));
    expect((await take(feed, 1)).map((e) => e.type)).toEqual(['FollowUpClosed']);
  });

  it('replays from a position first: the indexed events, the unindexed ones, then the live ones', async () => {
    const launched = await store.readStream(`program-${ids.program}`);
    await appendTracker(store, ...story.activity(ids, 'fair', '2019-05-29', '2019-06-01'));
    await index.catchUp();
    await appendTracker(store, ...story.revenue(ids, '10000000.00'));
    const feed = await follow(launched[0].position);
    await appendTracker(store, ...story.correction(ids, '12500000.00'));
    const events = await take(feed, 4);
    expect(events.map((e) => e.type)).toEqual(['ProgramPartnerAdded', 'ActivityLogged', 'OutcomeRecorded', 'OutcomeCorrected']);
    const positions = events.map((e) => e.position);
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
  });

  it('holds the store subscription back for a slow reader rather than buffering without end', async () => {
    await index.catchUp();
    const feed = await follow(null, 2);
    for (let i = 0; i < 6; i++) await appendTracker(store, ...story.correction(ids, `${i}.00`));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((feed as unknown as { queue: unknown[] }).queue.length).toBeLessThanOrEqual(2);
    expect((await take(feed, 6)).map((e) => (e.data as { amount: string }).amount)).toEqual(['0.00', '1.00', '2.00', '3.00', '4.00', '5.00']);
  });

  it('ends when the reader leaves, stopping its store subscription', async () => {
    await index.catchUp();
    const feed = await follow();
    const pending = feed.next();
    await feed.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(await feed.next()).toEqual({ value: undefined, done: true });
  });
});
