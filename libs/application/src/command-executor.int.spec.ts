import { referenceIds } from '@tracker/domain';
import { runMigrations } from '@tracker/database';
import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
import { eventStoreMigrations, PostgresEventStore, verifyStreamChain } from '@tracker/event-store';
import type { CommandBus } from '@nestjs/cqrs';
import { commandBusFor } from './command-handlers';
import { RegisterOrganization } from './organizations';
import { loadReferenceCase } from './reference-case/load-reference-case';

const diplomat = { actor: 'diplomat@mfa.go.th', now: '2019-12-17T09:00:00+07:00' };

describe('CommandExecutor on PostgreSQL', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let service: CommandBus;
  beforeAll(async () => {
    db = await createTestDatabase({ max: 10 });
    await runMigrations(db.pool, eventStoreMigrations);
    store = new PostgresEventStore(db.pool);
    service = await commandBusFor(store);
  });
  afterAll(async () => {
    await store.close();
    await db.drop();
  });

  // Everything stored, read from the table itself: readAll may hold back committed events
  // for a moment while older transactions anywhere on the server are still running (the
  // gap-free rule), and other test files share this server.
  async function storedEvents() {
    const { rows } = await db.pool.query<{ position: string; type: string; data: Record<string, unknown> }>(
      'select position::text, type, data from events order by events.position',
    );
    return rows.map((row) => ({ ...row, position: BigInt(row.position) }));
  }

  it('loads the reference case on a fresh database, and loading it again records nothing', async () => {
    const first = await loadReferenceCase(service, { now: diplomat.now });
    const events = await storedEvents();
    expect(events).toHaveLength(8 + 1 + 5 + 1 + 3 + 1 + 1);
    expect(first).toEqual({ ids: referenceIds, position: events.at(-1)?.position });

    const again = await loadReferenceCase(service, { now: new Date() });
    expect(again).toEqual(first);
    expect(await storedEvents()).toHaveLength(events.length);

    const revenue = events.find((e) => e.type === 'OutcomeRecorded');
    expect(revenue?.data).toMatchObject({ amount: '10000000.00', currency: 'THB', programId: referenceIds.program });
    const program = await store.readStream(`program-${referenceIds.program}`);
    expect(verifyStreamChain(program)).toBeNull();
  });

  it('stores concurrent identical retries once and gives each the first result', async () => {
    const input = { commandId: 'int/register-thai-post', name: { th: 'ไปรษณีย์ไทย', en: 'Thailand Post' }, kind: 'COMPANY' as const, country: 'TH' };
    const before = (await storedEvents()).length;
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => service.execute(new RegisterOrganization(input, { ...diplomat, correlationId: `request-${i % 2}` }))),
    );
    expect(new Set(results.map((r) => JSON.stringify({ ...r, position: r.position.toString() }))).size).toBe(1);
    const stored = await store.readStream(results[0].streamId);
    expect(stored).toHaveLength(1);
    expect(await storedEvents()).toHaveLength(before + 1);
  });

  it('refuses concurrent twins with different input: one is stored, the others conflict', async () => {
    const before = (await storedEvents()).length;
    const outcomes = await Promise.allSettled(
      ['Thai Airways', 'Bangkok Airways', 'Thai Smile'].map((en) =>
        service.execute(new RegisterOrganization({ commandId: 'int/register-airline', name: { en }, kind: 'COMPANY' }, diplomat)),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const refused of outcomes.filter((o) => o.status === 'rejected')) {
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: expect.stringMatching(/CONFLICT|WRONG_EXPECTED_VERSION/) });
    }
    expect(await storedEvents()).toHaveLength(before + 1);
  });
});
