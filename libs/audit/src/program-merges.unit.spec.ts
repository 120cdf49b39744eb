import { randomUUID } from 'node:crypto';
import { streamIdFor, type TrackerEvent } from '@tracker/domain';
import { InMemoryEventStore, type StoredEvent } from '@tracker/event-store';
import { verifyProgramHistory } from './history-verifier';
import { programAsOf } from './program-as-of';
import { ProgramHistoryFeed } from './program-history.feed';
import { eachProgramEvent } from './program-events.source';
import { appendTracker, MemoryProgramIndex, story, storyIds, TestClock, type StoryIds } from './testing';

/**
 * The story's organisation (a duplicate, "Lazada Thailand") is a partner, organiser and
 * follow-up owner of the program; on 20 Jan 2020 it is merged into Lazada (Thailand) Co.,
 * Ltd., which the program never named itself.
 */
describe('a merge of an organisation the program named', () => {
  const MERGED_AT = '2020-01-20T03:00:00Z';
  let ids: StoryIds;
  let survivor: string;
  let store: InMemoryEventStore;
  let index: MemoryProgramIndex;
  const clock = new TestClock(new Date('2019-12-17T02:00:00Z'));
  const merged = (): [string, TrackerEvent[]] => [
    streamIdFor.organization(ids.organization),
    [{ type: 'OrganizationMerged', data: { organizationId: ids.organization, survivorId: survivor, name: { en: 'Lazada Thailand' }, reason: 'registered twice' } }],
  ];

  beforeEach(async () => {
    ids = storyIds();
    survivor = randomUUID();
    store = new InMemoryEventStore({ clock: clock.now });
    index = new MemoryProgramIndex(store);
    clock.set('2019-12-17T02:00:00Z');
    await appendTracker(store, streamIdFor.organization(survivor), [
      { type: 'OrganizationRegistered', data: { organizationId: survivor, name: { en: 'Lazada (Thailand) Co., Ltd.' }, kind: 'COMPANY', country: 'TH', parentId: null } },
    ]);
    for (const [stream, events] of [story.organization(ids, 'Lazada Thailand'), story.launch(ids), story.activity(ids, 'meeting', '2019-12-16'), story.followUp(ids)]) {
      await appendTracker(store, stream, events);
    }
    clock.set(MERGED_AT);
  });

  afterEach(() => store.close());

  async function history(): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for await (const event of eachProgramEvent(index, ids.program)) events.push(event);
    return events;
  }

  it("is in the program's history, at its place, with its actor", async () => {
    await appendTracker(store, ...merged(), 'planner@mfa.go.th');
    await index.catchUp();
    const events = await history();
    expect(events.map((event) => event.type)).toEqual(['ProgramLaunched', 'ProgramPartnerAdded', 'ActivityLogged', 'FollowUpAdded', 'OrganizationMerged']);
    expect(events.at(-1)).toMatchObject({ streamId: streamIdFor.organization(ids.organization), metadata: { actor: 'planner@mfa.go.th' } });
  });

  it("is verified with the program: the duplicate's stream is among the program's streams", async () => {
    await appendTracker(store, ...merged());
    await index.catchUp();
    expect(await index.streamIds(ids.program)).toContain(streamIdFor.organization(ids.organization));
    const report = await verifyProgramHistory({ store, source: index }, ids.program);
    expect(report).toMatchObject({ ok: true, eventsChecked: 6, streamsChecked: 4 });
  });

  it('shows both organisations as of before the merge, and the survivor for the duplicate after', async () => {
    await appendTracker(store, ...merged());
    await index.catchUp();
    const before = (await programAsOf({ source: index, store }, ids.program, { asOf: new Date('2020-01-19T00:00:00Z') }))!;
    expect(before.organization(ids.organization)).toMatchObject({ id: ids.organization, name: { en: 'Lazada Thailand' }, merged_into: null });
    expect(before.mergedInto(survivor)).toEqual([]);

    const after = (await programAsOf({ source: index, store }, ids.program, { asOf: new Date(MERGED_AT) }))!;
    expect(after.organization(ids.organization)).toMatchObject({ id: survivor, name: { en: 'Lazada (Thailand) Co., Ltd.' } });
    expect(after.mergedInto(survivor)).toEqual([
      expect.objectContaining({ id: ids.organization, name: { en: 'Lazada Thailand' }, merge_reason: 'registered twice', merged_at: new Date(MERGED_AT).toISOString() }),
    ]);
    // What each event said is kept: the rows still name the duplicate.
    expect(after.program().partners).toEqual([expect.objectContaining({ organizationId: ids.organization })]);
    expect(after.followUps()[0].owner_id).toBe(ids.organization);
  });

  it('follows a survivor merged in turn, as of each instant', async () => {
    await appendTracker(store, ...merged());
    const group = randomUUID();
    clock.set('2020-02-01T03:00:00Z');
    await appendTracker(store, streamIdFor.organization(group), [
      { type: 'OrganizationRegistered', data: { organizationId: group, name: { en: 'Lazada Group' }, kind: 'COMPANY', country: 'SG', parentId: null } },
    ]);
    await appendTracker(store, streamIdFor.organization(survivor), [
      { type: 'OrganizationMerged', data: { organizationId: survivor, survivorId: group, name: { en: 'Lazada (Thailand) Co., Ltd.' }, reason: 'one company' } },
    ]);
    await index.catchUp();
    expect((await history()).filter((event) => event.type === 'OrganizationMerged')).toHaveLength(2);
    const snapshot = (await programAsOf({ source: index, store }, ids.program, { asOf: new Date('2020-02-02T00:00:00Z') }))!;
    expect(snapshot.organization(ids.organization)?.id).toBe(group);
    expect(snapshot.mergedInto(group).map((row) => row.id).sort()).toEqual([ids.organization, survivor].sort());
  });

  it('is delivered by the live feed, whether or not the projector has caught up', async () => {
    await index.catchUp();
    const lagging = new MemoryProgramIndex(store);
    const feeds = [index, lagging].map(
      (source) => new ProgramHistoryFeed({ store, source, index: (id) => source.snapshot(id) }, ids.program, { batchSize: 2 }),
    );
    try {
      for (const feed of feeds) await feed.start();
      await appendTracker(store, ...story.organization({ ...storyIds(), organization: randomUUID() }, 'Someone else'));
      await appendTracker(store, ...merged());
      for (const feed of feeds) expect((await feed.next()).value).toMatchObject({ type: 'OrganizationMerged' });
    } finally {
      for (const feed of feeds) await feed.return();
    }
  });
});
