import { PortProgramEvents, PostgresProgramEvents } from '@tracker/audit';
import { appendTracker, story, storyIds, waitForReadModel, type StoryIds } from '@tracker/audit/testing';
import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
import { streamIdFor, type ActivityLogged } from '@tracker/domain';
import { PostgresEventStore } from '@tracker/event-store';
import { startProjector } from '@tracker/projection-runner';
import pino from 'pino';

/**
 * An activity moved from one program to another: both sources of a program's events (the
 * PostgreSQL join and the port, which is how EventStoreDB is read) give each program what
 * happened under it, the move in both, and later events in the new program only, even though
 * the program the activity left is no longer linked to its stream.
 */
describe('programHistory of an activity that moved to another program', () => {
  jest.setTimeout(60_000);
  let db: TestDatabase;
  let store: PostgresEventStore;
  let ids: StoryIds;
  let other: StoryIds;

  beforeAll(async () => {
    db = await createTestDatabase();
    const projector = await startProjector({ databaseUrl: db.url, logger: pino({ level: 'silent' }) });
    store = new PostgresEventStore(db.pool);
    ids = storyIds();
    other = { ...storyIds(), organization: ids.organization };
    await appendTracker(store, ...story.organization(ids));
    await appendTracker(store, ...story.launch(ids));
    await appendTracker(store, ...story.launch(other));
    const [stream, [logged]] = story.activity(ids, 'fair', '2019-05-29', '2019-06-01') as [string, ActivityLogged[]];
    await appendTracker(store, stream, [logged]);
    await appendTracker(store, stream, [
      { type: 'ActivityCorrected', data: { ...logged.data, programId: other.program, previousProgramId: ids.program, changed: ['programId'], reason: 'moved' } },
    ]);
    await appendTracker(store, stream, [
      { type: 'ActivityCancelled', data: { activityId: ids.fair, programId: other.program, previousStatus: 'HELD', reason: 'called off' } },
    ]);
    await waitForReadModel(db.pool, BigInt((await db.pool.query('select max(position)::text as head from events')).rows[0].head));
    await projector.stop();
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  const fairEvents = async (source: PostgresProgramEvents | PortProgramEvents, programId: string) =>
    (await source.page(programId, { limit: 100 })).filter((e) => e.streamId === streamIdFor.activity(ids.fair)).map((e) => [e.type, e.streamVersion]);

  it.each([
    ['the PostgreSQL join', () => new PostgresProgramEvents(db.pool)],
    ['the port (EventStoreDB)', () => new PortProgramEvents(db.pool, store)],
  ])('gives each program its part through %s', async (_name, sourceOf) => {
    const source = sourceOf();
    expect(await fairEvents(source, ids.program)).toEqual([
      ['ActivityLogged', 1],
      ['ActivityCorrected', 2],
    ]);
    expect(await fairEvents(source, other.program)).toEqual([
      ['ActivityCorrected', 2],
      ['ActivityCancelled', 3],
    ]);
    expect(await source.count(ids.program, {})).toBe(2 + 2);
    expect(await source.streamIds(other.program)).toContain(streamIdFor.activity(ids.fair));
    expect(await source.streamIds(ids.program)).not.toContain(streamIdFor.activity(ids.fair));
  });
});
