import { CorrectOutcome } from '@tracker/application';
import { referenceIds } from '@tracker/domain';
import { chainHash, GENESIS_HASH, type StoredEvent } from '@tracker/event-store';
import type { PoolClient } from 'pg';
import { bearer } from '../testing/test-tokens';
import { loadReferenceCaseAt, positionOf, startHistoryFixture, withTamperedHistory, type HistoryFixture } from './testing/history-fixture';

const DIGEST = `{ historyDigest { algorithm position eventCount digest takenAt checkpoints { position digest } } }`;
const VERIFY = `
  query Verify($programId: ID, $against: HistoryDigestInput) {
    verifyHistory(programId: $programId, against: $against) { ok firstBrokenPosition problemCount digestMatches digestMismatchFrom }
  }`;

interface Digest {
  algorithm: string;
  position: string;
  eventCount: number;
  digest: string;
  takenAt: string;
  checkpoints: { position: string; digest: string }[];
}

const programId = referenceIds.program;
const revenueStream = `outcome-${referenceIds.outcomes.shanghaiFairRevenue}`;

/**
 * The attack of the issue, on a real PostgreSQL: the Shanghai fair's revenue rewritten from
 * 10,000,000.00 to 1,000,000.00 by someone who can switch the append-only trigger off, with the
 * event's hash recomputed by the published algorithm and written to `events.hash` and
 * `streams.last_hash`. The per-stream chains cannot see it; a digest kept from before can.
 */
describe('history digests', () => {
  jest.setTimeout(60_000);
  let fixture: HistoryFixture;
  let auditor: string;
  let kept: Digest;

  beforeAll(async () => {
    fixture = await startHistoryFixture();
    auditor = await bearer(['auditor']);
    await loadReferenceCaseAt(fixture);
    kept = await digest();
  });

  afterAll(async () => {
    await fixture?.close();
  });

  async function digest(role = auditor): Promise<Digest> {
    const response = await fixture.api.graphql(DIGEST, undefined, role).expect(200);
    expect(response.body.errors).toBeUndefined();
    return response.body.data.historyDigest;
  }

  async function verify(variables: { programId?: string; against?: unknown } = {}) {
    const response = await fixture.api.graphql(VERIFY, variables, auditor).expect(200);
    expect(response.body.errors).toBeUndefined();
    return response.body.data.verifyHistory;
  }

  const against = (d: Digest) => ({ algorithm: d.algorithm, position: d.position, digest: d.digest, checkpoints: d.checkpoints });



  /** Rewrites one event's data and recomputes its hash, and every later one of its stream, and the stream row. */
  async function rewrite(client: PoolClient, streamId: string, version: number, data: (event: StoredEvent) => StoredEvent['data']) {
    const events = await fixture.store.readStream(streamId);
    let previous = GENESIS_HASH;
    for (const event of events) {
      const changed = event.streamVersion === version ? { ...event, data: data(event) } : event;
      const hash = event.streamVersion >= version ? chainHash(previous, changed) : event.hash;
      if (event.streamVersion >= version) {
        await client.query('update events set data = $2, hash = $3 where position = $1', [String(event.position), changed.data, hash]);
      }
      previous = hash;
    }
    await client.query('update streams set last_hash = $2 where stream_id = $1', [streamId, previous]);
  }

  it('names its construction, covers every stored event, and keeps a checkpoint at each of them in a store this small', async () => {
    const { rows } = await fixture.api.database.pool.query('select count(*)::int as count, max(position)::text as head from events');
    expect(kept).toMatchObject({ algorithm: 'tracker-history-digest/v1', eventCount: rows[0].count, position: rows[0].head });
    expect(kept.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(kept.checkpoints).toHaveLength(rows[0].count);
    expect(await verify({ against: against(kept) })).toEqual({
      ok: true,
      firstBrokenPosition: null,
      problemCount: 0,
      digestMatches: true,
      digestMismatchFrom: null,
    });
  });

  describe('when the revenue was rewritten and its stream rehashed by someone with database access', () => {
    const attack = (client: PoolClient) => rewrite(client, revenueStream, 1, (event) => ({ ...event.data, amount: '1000000.00' }));

    it('passes every hash chain (the limit of chains), but not the digest kept from before, which names the position', async () => {
      const position = await positionOf(fixture, revenueStream, 1);
      await withTamperedHistory(fixture, attack, async () => {
        const { rows } = await fixture.api.database.pool.query(`select data->>'amount' as amount from events where position = $1`, [position]);
        expect(rows[0].amount).toBe('1000000.00');
        // Without a digest, neither the program nor the whole store shows anything.
        expect(await verify({ programId })).toMatchObject({ ok: true, digestMatches: null });
        expect(await verify()).toMatchObject({ ok: true, digestMatches: null });
        // With the digest kept before, both do, from the rewritten event on.
        for (const report of [await verify({ against: against(kept) }), await verify({ programId, against: against(kept) })]) {
          expect(report).toEqual({ ok: false, firstBrokenPosition: null, problemCount: 0, digestMatches: false, digestMismatchFrom: position });
        }
      });
    });

    it('keeps nothing of a digest in the database to rewrite: a digest taken after the attack vouches only for the rewritten store', async () => {
      // The second variant of the attack would also rewrite what the store keeps for digests
      // (running hashes, checkpoints). This design keeps none: no table or column holds one.
      const { rows } = await fixture.api.database.pool.query(
        `select table_schema, table_name, column_name from information_schema.columns
          where column_name ilike '%digest%' or table_name ilike '%digest%'`,
      );
      expect(rows).toEqual([]);
      await withTamperedHistory(fixture, attack, async () => {
        const after = await digest();
        expect(after.digest).not.toBe(kept.digest);
        // The checkpoints before the rewritten event agree; from it on they differ.
        const position = await positionOf(fixture, revenueStream, 1);
        const differing = after.checkpoints.filter((c, i) => c.digest !== kept.checkpoints[i].digest).map((c) => c.position);
        expect(differing[0]).toBe(position);
        expect(await verify({ against: against(after) })).toMatchObject({ ok: true, digestMatches: true });
        expect(await verify({ against: against(kept) })).toMatchObject({ ok: false, digestMatches: false, digestMismatchFrom: position });
      });
    });
  });

  it('exposes a deleted last event, its stream row rewound to match', async () => {
    const last = await fixture.store.readAll({ after: BigInt(kept.position) - 1n, limit: 1 });
    const [event] = last;
    await withTamperedHistory(
      fixture,
      async (client) => {
        await client.query('delete from events where position = $1', [String(event.position)]);
        const previous = await client.query('select hash from events where stream_id = $1 and stream_version = $2', [event.streamId, event.streamVersion - 1]);
        await client.query('update streams set version = $2, last_hash = $3 where stream_id = $1', [
          event.streamId,
          event.streamVersion - 1,
          previous.rows[0]?.hash ?? GENESIS_HASH,
        ]);
        if (event.streamVersion === 1) await client.query('delete from streams where stream_id = $1', [event.streamId]);
      },
      async () => {
        expect(await verify()).toMatchObject({ ok: true });
        expect(await verify({ against: against(kept) })).toMatchObject({ ok: false, digestMatches: false, digestMismatchFrom: String(event.position) });
      },
    );
  });

  it('exposes a reordered pair of events of different streams', async () => {
    const events = await fixture.store.readAll({ after: 9n, limit: 100 });
    const i = events.findIndex((event, index) => index > 0 && event.streamId !== events[index - 1].streamId);
    const [a, b] = [events[i - 1], events[i]];
    await withTamperedHistory(
      fixture,
      async (client) => {
        await client.query('update events set position = -1 where position = $1', [String(a.position)]);
        await client.query('update events set position = $1 where position = $2', [String(a.position), String(b.position)]);
        await client.query('update events set position = $1 where position = -1', [String(b.position)]);
      },
      async () => {
        expect(await verify()).toMatchObject({ ok: true });
        expect(await verify({ against: against(kept) })).toMatchObject({ ok: false, digestMatches: false, digestMismatchFrom: String(a.position) });
      },
    );
  });

  it('exposes an event inserted in the middle, every later position moved up, with a stream of its own that chains', async () => {
    const at = 13n;
    await withTamperedHistory(
      fixture,
      async (client) => {
        await client.query('update events set position = position + 1000000 where position >= $1', [String(at)]);
        await client.query('update events set position = position - 999999 where position >= 1000000');
        const planted = {
          streamId: `outcome-${'4'.repeat(8)}-0000-4000-8000-000000000999`,
          streamVersion: 1,
          eventId: '99999999-0000-4000-8000-000000000999',
          type: 'OutcomeRecorded',
          schemaVersion: 1,
          data: { programId, kind: 'REVENUE', amount: '50000000.00', currency: 'THB' },
          metadata: { actor: 'diplomat@mfa.go.th' },
          recordedAt: new Date('2019-12-17T02:00:00Z'),
          occurredOn: null,
        };
        const hash = chainHash(GENESIS_HASH, planted);
        await client.query(
          `insert into events (position, transaction_id, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, occurred_on, hash)
           values ($1, pg_current_xact_id(), $2, 1, $3, $4, 1, $5, $6, $7, null, $8)`,
          [String(at), planted.streamId, planted.eventId, planted.type, planted.data, planted.metadata, planted.recordedAt, hash],
        );
        await client.query('insert into streams (stream_id, version, last_hash) values ($1, 1, $2)', [planted.streamId, hash]);
      },
      async () => {
        expect(await verify()).toMatchObject({ ok: true });
        expect(await verify({ against: against(kept) })).toMatchObject({ ok: false, digestMatches: false, digestMismatchFrom: String(at) });
      },
    );
  });

  it('still matches after legitimate appends, which a new digest then covers too', async () => {
    fixture.clock.set('2020-01-15T03:00:00Z');
    await fixture.commands.execute(new CorrectOutcome(
      { id: referenceIds.outcomes.shanghaiFairRevenue, amount: '12500000.00', currency: 'THB', reason: 'Final sales report' },
      { actor: 'consul.shanghai@mfa.go.th', now: '2020-01-15T10:00:00+07:00' },
    ));
    expect(await verify({ against: against(kept) })).toMatchObject({ ok: true, digestMatches: true, digestMismatchFrom: null });
    // A digest covers what readers can see: a transaction still open elsewhere on the server
    // (another test file's) keeps the new event out of view for a moment.
    let later = await digest();
    for (const deadline = Date.now() + 10_000; later.position === kept.position && Date.now() < deadline; later = await digest()) {
      await new Promise((wake) => setTimeout(wake, 50));
    }
    expect(BigInt(later.position)).toBeGreaterThan(BigInt(kept.position));
    expect(later.eventCount).toBe(kept.eventCount + 1);
    // The later digest's chain passes through the earlier one.
    expect(later.checkpoints.find((c) => c.position === kept.position)?.digest).toBe(kept.digest);
  });

  it('takes one digest for several aliases of it in one request', async () => {
    // Four: the cost limit weighs each alias as a whole digest (FIELD_WEIGHTS) and refuses five or more.
    const aliases = Array.from({ length: 4 }, (_, i) => `d${i}: historyDigest { digest takenAt }`).join(' ');
    const response = await fixture.api.graphql(`{ ${aliases} }`, undefined, auditor).expect(200);
    const answers = Object.values(response.body.data as Record<string, { digest: string; takenAt: string }>);
    expect(new Set(answers.map((a) => `${a.digest} ${a.takenAt}`)).size).toBe(1);
  });

  it('is the planner\'s and the auditor\'s, not the diplomat\'s', async () => {
    expect((await digest(await bearer(['planner']))).algorithm).toBe('tracker-history-digest/v1');
    const response = await fixture.api.graphql(DIGEST, undefined, await bearer(['diplomat'])).expect(200);
    expect(response.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a digest it cannot check with BAD_USER_INPUT naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ ...against(kept), algorithm: 'md5-chain/v0' }, 'against.algorithm'],
      [{ ...against(kept), digest: 'not-hex' }, 'against.digest'],
      [{ ...against(kept), position: '-3' }, 'against.position'],
      [{ ...against(kept), checkpoints: [...kept.checkpoints].reverse() }, 'against.checkpoints[1].position'],
    ];
    for (const [input, field] of cases) {
      const response = await fixture.api.graphql(VERIFY, { against: input }, auditor).expect(200);
      expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
