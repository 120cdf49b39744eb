import { CorrectOutcome } from '@tracker/application';
import { referenceIds } from '@tracker/domain';
import { chainHash } from '@tracker/event-store';
import { bearer } from '../testing/test-tokens';
import { loadReferenceCaseAt, positionOf, startHistoryFixture, withTamperedHistory, type HistoryFixture } from './testing/history-fixture';

const VERIFY = `
  query Verify($programId: ID) {
    verifyHistory(programId: $programId) {
      ok streamsChecked eventsChecked firstBrokenPosition problemCount
      problems { kind streamId position version detail }
    }
  }`;

interface Report {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  firstBrokenPosition: string | null;
  problemCount: number;
  problems: { kind: string; streamId: string; position: string | null; version: number }[];
}

const programId = referenceIds.program;
const revenueStream = `outcome-${referenceIds.outcomes.shanghaiFairRevenue}`;
const programStream = `program-${programId}`;

describe('verifyHistory', () => {
  jest.setTimeout(60_000);
  let fixture: HistoryFixture;
  let auditor: string;
  let storedEvents: number;

  beforeAll(async () => {
    fixture = await startHistoryFixture();
    auditor = await bearer(['auditor']);
    await loadReferenceCaseAt(fixture);
    fixture.clock.set('2020-01-15T03:00:00Z');
    await fixture.commands.execute(new CorrectOutcome(
      { id: referenceIds.outcomes.shanghaiFairRevenue, amount: '12500000.00', currency: 'THB', reason: 'Final sales report' },
      { actor: 'consul.shanghai@mfa.go.th', now: '2020-01-15T10:00:00+07:00' },
    ));
    await fixture.project();
    storedEvents = Number((await fixture.api.database.pool.query('select count(*) from events')).rows[0].count);
  });

  afterAll(async () => {
    await fixture?.close();
  });

  async function verify(variables: { programId?: string } = {}): Promise<Report> {
    const response = await fixture.api.graphql(VERIFY, variables, auditor).expect(200);
    expect(response.body.errors).toBeUndefined();
    return response.body.data.verifyHistory;
  }



  it("passes the untouched history of the program: its 6 streams' 13 events", async () => {
    expect(await verify({ programId })).toEqual({
      ok: true,
      streamsChecked: 6,
      eventsChecked: 13,
      firstBrokenPosition: null,
      problemCount: 0,
      problems: [],
    });
  });

  it('passes the untouched store, every stream of it', async () => {
    expect(await verify()).toMatchObject({ ok: true, streamsChecked: 8 + 6, eventsChecked: storedEvents, firstBrokenPosition: null });
  });

  it('finds an event whose data was edited in the database, and names its position', async () => {
    const position = await positionOf(fixture, revenueStream, 1);
    await withTamperedHistory(
      fixture,
      (client) => client.query(`update events set data = jsonb_set(data, '{amount}', '"1000000.00"') where position = $1`, [position]).then(() => undefined),
      async () => {
        for (const report of [await verify({ programId }), await verify()]) {
          expect(report).toMatchObject({ ok: false, firstBrokenPosition: position, problemCount: 1 });
          expect(report.problems).toEqual([{ kind: 'HASH_MISMATCH', streamId: revenueStream, position, version: 1, detail: expect.any(String) }]);
        }
      },
    );
    expect(await verify({ programId })).toMatchObject({ ok: true });
  });

  it('finds an event deleted from the middle of a stream: the next event no longer chains', async () => {
    // The program's stream: launched, five partners, activated. Remove the second partner.
    const deleted = await positionOf(fixture, programStream, 3);
    const next = await positionOf(fixture, programStream, 4);
    await withTamperedHistory(
      fixture,
      (client) => client.query('delete from events where position = $1', [deleted]).then(() => undefined),
      async () => {
        for (const report of [await verify({ programId }), await verify()]) {
          expect(report).toMatchObject({ ok: false, firstBrokenPosition: next, problemCount: 1, eventsChecked: expect.any(Number) });
          expect(report.problems).toEqual([expect.objectContaining({ kind: 'VERSION_GAP', streamId: programStream, position: next, version: 4 })]);
        }
      },
    );
  });

  it("finds a stream's last event deleted, through the stream's recorded end", async () => {
    await withTamperedHistory(
      fixture,
      (client) => client.query('delete from events where stream_id = $1 and stream_version = 2', [revenueStream]).then(() => undefined),
      async () => {
        const report = await verify({ programId });
        expect(report).toMatchObject({ ok: false, firstBrokenPosition: null, problemCount: 1 });
        expect(report.problems).toEqual([expect.objectContaining({ kind: 'MISSING_EVENTS', streamId: revenueStream, position: null, version: 2 })]);
      },
    );
  });

  it('finds an edit whose author recomputed its hash: the next event no longer chains', async () => {
    const [first, second] = await fixture.store.readStream(programStream);
    const forged = { ...second, data: { ...second.data, role: 'OBSERVER' } };
    const next = await positionOf(fixture, programStream, 3);
    await withTamperedHistory(
      fixture,
      (client) =>
        client
          .query('update events set data = $2, hash = $3 where position = $1', [String(second.position), forged.data, chainHash(first.hash, forged)])
          .then(() => undefined),
      async () => {
        const report = await verify({ programId });
        expect(report).toMatchObject({ ok: false, firstBrokenPosition: next, problemCount: 1 });
        expect(report.problems).toEqual([expect.objectContaining({ kind: 'HASH_MISMATCH', position: next, version: 3 })]);
      },
    );
  });

  it('answers NOT_FOUND for a program it has no history of', async () => {
    for (const id of ['20000000-0000-4000-8000-00000000ffff', 'nope']) {
      const response = await fixture.api.graphql(VERIFY, { programId: id }, auditor).expect(200);
      expect(response.body.errors[0].extensions.code).toBe('NOT_FOUND');
    }
  });
});
