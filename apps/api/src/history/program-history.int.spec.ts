import { randomUUID } from 'node:crypto';
import { PortProgramEvents, PostgresProgramEvents } from '@tracker/audit';
import { appendTracker, story, storyIds, waitForReadModel, type StoryIds } from '@tracker/audit/testing';
import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
import { eventSchemaVersions } from '@tracker/domain';
import { PostgresEventStore, type NewEvent } from '@tracker/event-store';
import { startProjector } from '@tracker/projection-runner';
import type { Pool, QueryConfig } from 'pg';
import pino from 'pino';

const UNRELATED_PROGRAMS = 1000;
const EVENTS_PER_PROGRAM = 20;

interface PlanNode {
  'Node Type': string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}

/** Rows every node of the plan produced, summed: what the query touched, not how long it took. */
function rowsTouched(node: PlanNode): number {
  return node['Actual Rows'] * node['Actual Loops'] + (node.Plans ?? []).reduce((sum, child) => sum + rowsTouched(child), 0);
}

describe('programHistory on PostgreSQL, beside 20,000 events of other programs', () => {
  jest.setTimeout(180_000);
  let db: TestDatabase;
  let store: PostgresEventStore;
  let ids: StoryIds;
  let programEvents: number;
  /** The statements PostgresProgramEvents sends, so the test explains exactly those. */
  const sent: QueryConfig[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ max: 10 });
    const projector = await startProjector({ databaseUrl: db.url, logger: pino({ level: 'silent' }), batchSize: 2000 });
    store = new PostgresEventStore(db.pool);
    ids = storyIds();
    await appendTracker(store, ...story.organization(ids));
    await appendTracker(store, ...story.launch(ids));
    // The unrelated store: each other program's stream in one append, 8 writers at a time,
    // with the program's fair logged halfway through.
    const otherProgram = async (p: number) => {
      const programId = randomUUID();
      const events: NewEvent[] = [
        event('ProgramLaunched', { programId, title: { en: `Other ${p}` }, summary: null, status: 'ACTIVE', startedOn: '2020-01-01' }),
      ];
      for (let i = 1; i < EVENTS_PER_PROGRAM; i++) {
        events.push(event('ProgramStatusChanged', { programId, from: i % 2 ? 'ACTIVE' : 'ON_HOLD', to: i % 2 ? 'ON_HOLD' : 'ACTIVE', reason: null }));
      }
      await store.append(`program-${programId}`, events, 'no_stream');
    };
    for (let p = 0; p < UNRELATED_PROGRAMS; p += 8) {
      await Promise.all(Array.from({ length: Math.min(8, UNRELATED_PROGRAMS - p) }, (_, i) => otherProgram(p + i)));
      if (p === 496) await appendTracker(store, ...story.activity(ids, 'fair', '2019-05-29', '2019-06-01'));
    }
    await appendTracker(store, ...story.revenue(ids, '10000000.00'));
    await appendTracker(store, ...story.correction(ids, '12500000.00'));
    programEvents = 5;
    await waitForReadModel(db.pool, BigInt((await db.pool.query('select max(position)::text as head from events')).rows[0].head));
    await projector.stop();
    await db.pool.query('analyze');
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  function event(type: keyof typeof eventSchemaVersions, data: Record<string, unknown>): NewEvent {
    return { eventId: randomUUID(), type, schemaVersion: eventSchemaVersions[type], data: data as NewEvent['data'], metadata: { actor: 'loader' } };
  }

  function recordingPool(pool: Pool): Pool {
    return {
      query: (text: string, values?: unknown[]) => {
        sent.push({ text, values });
        return pool.query(text, values);
      },
    } as unknown as Pool;
  }

  async function explain(statement: QueryConfig, settings: string[] = []): Promise<PlanNode> {
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      for (const setting of settings) await client.query(`set local ${setting}`);
      const { rows } = await client.query(`explain (analyze, buffers, format json) ${statement.text}`, statement.values);
      await client.query('rollback');
      return rows[0]['QUERY PLAN'][0].Plan as PlanNode;
    } finally {
      client.release();
    }
  }

  it('has the store it claims: 20,000 unrelated events, all of them indexed', async () => {
    const { rows } = await db.pool.query<{ events: string; indexed: string }>(
      'select (select count(*) from events)::text as events, (select count(*) from read_model.program_events)::text as indexed',
    );
    expect(Number(rows[0].events)).toBe(UNRELATED_PROGRAMS * EVENTS_PER_PROGRAM + programEvents + 1);
    expect(Number(rows[0].indexed)).toBe(UNRELATED_PROGRAMS * EVENTS_PER_PROGRAM + programEvents);
  });

  it("touches rows in proportion to the program's events, not the store's", async () => {
    sent.length = 0;
    const source = new PostgresProgramEvents(recordingPool(db.pool));
    const page = await source.page(ids.program, { limit: 101 });
    const count = await source.count(ids.program, {});
    const streams = await source.streamIds(ids.program);
    expect(page).toHaveLength(programEvents);
    expect(count).toBe(programEvents);
    expect(streams).toHaveLength(3);
    expect(sent).toHaveLength(3);

    for (const statement of sent) {
      const plan = await explain(statement);
      // Each program event is read once from the index and once from `events`, plus the
      // nodes above that pass them on (sort, limit): a small multiple of 5 (30 when written),
      // against 20,000 events and 1,000 streams around them. Pages of 8 kB read: about 20 for
      // the page, a handful for the count and the streams.
      expect(rowsTouched(plan)).toBeLessThanOrEqual(programEvents * 10);
      expect(plan['Shared Hit Blocks'] + plan['Shared Read Blocks']).toBeLessThan(60);
    }
  });

  it('would notice a plan that scans the store (the control: indexes switched off)', async () => {
    sent.length = 0;
    await new PostgresProgramEvents(recordingPool(db.pool)).page(ids.program, { limit: 101 });
    const plan = await explain(sent[0], ['enable_indexscan = off', 'enable_bitmapscan = off', 'enable_indexonlyscan = off']);
    expect(rowsTouched(plan)).toBeGreaterThan(UNRELATED_PROGRAMS * EVENTS_PER_PROGRAM);
  });

  it('keeps a page to its window and keyset: recorded time and position', async () => {
    const source = new PostgresProgramEvents(db.pool);
    const all = await source.page(ids.program, { limit: 100 });
    const second = await source.page(ids.program, { limit: 2, after: all[1].position });
    expect(second.map((e) => e.position)).toEqual([all[2].position, all[3].position]);
    const future = new Date(Date.now() + 60_000);
    expect(await source.page(ids.program, { limit: 100, from: future })).toEqual([]);
    expect(await source.count(ids.program, { to: new Date(0) })).toBe(0);
  });

  it('gives the same events through the port (the EventStoreDB path) as through the join', async () => {
    const joined = new PostgresProgramEvents(db.pool);
    const port = new PortProgramEvents(db.pool, store);
    expect(await port.page(ids.program, { limit: 100 })).toEqual(await joined.page(ids.program, { limit: 100 }));
    const [first] = await joined.page(ids.program, { limit: 1 });
    expect(await port.page(ids.program, { limit: 2, after: first.position })).toEqual(await joined.page(ids.program, { limit: 2, after: first.position }));
    expect(await port.count(ids.program, {})).toBe(programEvents);
    expect(await port.streamIds(ids.program)).toEqual(await joined.streamIds(ids.program));
  });

  // Last: it adds a merge to the program's history.
  it("gives an organisation's merge alone of its stream, through the port as through the join", async () => {
    const survivor = randomUUID();
    await appendTracker(store, `organization-${survivor}`, [
      { type: 'OrganizationRegistered', data: { organizationId: survivor, name: { en: 'Lazada (Thailand) Co., Ltd.' }, kind: 'COMPANY', country: 'TH', parentId: null } },
    ]);
    await appendTracker(store, `organization-${ids.organization}`, [
      { type: 'OrganizationMerged', data: { organizationId: ids.organization, survivorId: survivor, name: { en: 'Lazada (Thailand)' }, reason: 'registered twice' } },
    ]);
    const projector = await startProjector({ databaseUrl: db.url, logger: pino({ level: 'silent' }), batchSize: 2000 });
    try {
      await waitForReadModel(db.pool, BigInt((await db.pool.query('select max(position)::text as head from events')).rows[0].head));
    } finally {
      await projector.stop();
    }
    const joined = new PostgresProgramEvents(db.pool);
    const port = new PortProgramEvents(db.pool, store);
    const events = await joined.page(ids.program, { limit: 100 });
    expect(events.map((event) => event.type).filter((type) => type.startsWith('Organization'))).toEqual(['OrganizationMerged']);
    expect(await port.page(ids.program, { limit: 100 })).toEqual(events);
    expect(await port.count(ids.program, {})).toBe(programEvents + 1);
    expect(await joined.streamIds(ids.program)).toContain(`organization-${ids.organization}`);
  });
});
