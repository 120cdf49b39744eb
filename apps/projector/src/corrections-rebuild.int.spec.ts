import {
  CancelActivity,
  commandBusFor,
  CorrectActivity,
  CorrectOutcome,
  LaunchProgram,
  LogActivity,
  MergeOrganizations,
  RecordOutcome,
  RegisterOrganization,
  VoidOutcome,
} from '@tracker/application';
import { runMigrations } from '@tracker/database';
import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
import { eventStoreMigrations, PostgresEventStore } from '@tracker/event-store';
import { startProjector, type RunningProjector } from '@tracker/projection-runner';
import { migrateReadModel, READ_MODEL_SCHEMA, schemaPool } from '@tracker/read-model';
import pino from 'pino';
import { rebuildReadModel } from './rebuild';
import { dumpReadModel, waitForCheckpoints } from './testing/projector-testing';

/**
 * Corrections are events like any other: a full rebuild from position zero gives back exactly
 * the rows the live projector wrote: a corrected, moved and cancelled activity, a voided
 * outcome, a merged organisation, and the history index that lists the move under both
 * programs and the merge under the program the duplicate took part in.
 */
describe('a correction, a move, a cancellation, a void and a merge, through a full rebuild', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let store: PostgresEventStore;
  let projector: RunningProjector | undefined;

  beforeEach(async () => {
    db = await createTestDatabase();
    await runMigrations(db.pool, eventStoreMigrations);
    const readPool = schemaPool({ connectionString: db.url, max: 1 }, READ_MODEL_SCHEMA);
    await migrateReadModel(readPool, READ_MODEL_SCHEMA);
    await readPool.end();
    store = new PostgresEventStore(db.pool, { pollIntervalMs: 100 });
  });

  afterEach(async () => {
    await projector?.stop();
    await store.close();
    await db.drop();
  });

  it('comes back unchanged', async () => {
    const commands = await commandBusFor(store);
    const ctx = { actor: 'diplomat@mfa.go.th', now: new Date() };
    const cdd = (await commands.execute(new RegisterOrganization({ name: { en: 'Community Development Department' }, kind: 'DEPARTMENT' }, ctx))).id;
    const programA = (await commands.execute(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, ctx))).id;
    const programB = (await commands.execute(new LaunchProgram({ title: { en: 'OTOP sellers training' }, status: 'ACTIVE' }, ctx))).id;
    const meeting = (await commands.execute(new LogActivity({ programId: programA, kind: 'MEETING', title: { en: 'Meeting at the CDD' }, startsOn: '2019-11-16' }, ctx))).id;
    await commands.execute(new CorrectActivity({ id: meeting, startsOn: '2019-12-16', organizerIds: [cdd], reason: 'minutes' }, ctx));
    await commands.execute(new CorrectActivity({ id: meeting, programId: programB, reason: 'belongs to the training program' }, ctx));
    await commands.execute(new CancelActivity({ id: meeting, reason: 'postponed' }, ctx));
    const revenue = { programId: programA, kind: 'REVENUE' as const, amount: '10000000.00', currency: 'THB' };
    const first = (await commands.execute(new RecordOutcome(revenue, ctx))).id;
    const second = (await commands.execute(new RecordOutcome(revenue, ctx))).id;
    await commands.execute(new CorrectOutcome({ id: first, description: 'Fair sales', reason: 'wording' }, ctx));
    await commands.execute(new VoidOutcome({ id: second, reason: 'entered twice' }, ctx));
    // Lazada registered twice; the visit names the duplicate, then a planner merges it.
    const lazada = (await commands.execute(new RegisterOrganization({ name: { en: 'Lazada (Thailand) Co., Ltd.' }, kind: 'COMPANY' }, ctx))).id;
    const duplicate = (await commands.execute(new RegisterOrganization({ name: { en: 'Lazada Thailand' }, kind: 'COMPANY' }, ctx))).id;
    await commands.execute(
      new LogActivity({ programId: programA, kind: 'SITE_VISIT', title: { en: 'Visit to Lazada' }, startsOn: '2019-12-17', organizerIds: [duplicate] }, ctx),
    );
    const merge = new MergeOrganizations({ survivorId: lazada, duplicateId: duplicate, reason: 'registered twice' }, { ...ctx, actor: 'planner@mfa.go.th' });
    const last = (await commands.execute(merge)).position;

    projector = await startProjector({ databaseUrl: db.url, logger: pino({ level: 'silent' }) });
    await waitForCheckpoints(db.pool, READ_MODEL_SCHEMA, last);
    const live = await dumpReadModel(db.pool, READ_MODEL_SCHEMA);
    await projector.stop();
    projector = undefined;

    expect(live.activities).toHaveLength(2);
    expect(live.activities).toEqual(
      expect.arrayContaining([
      expect.objectContaining({ organizer_ids: [duplicate] }),
      expect.objectContaining({ id: meeting, status: 'CANCELLED', program_id: programB, starts_on: '2019-12-16', organizer_ids: [cdd], version: 4 }),
    ]),
    );
    expect(live.outcomes).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: first, voided: false, description: 'Fair sales' }), expect.objectContaining({ id: second, voided: true })]),
    );
    const meetingEvents = (live.program_events as { program_id: string; stream_id: string | null }[]).filter((row) => row.stream_id === `activity-${meeting}`);
    expect(meetingEvents.filter((row) => row.program_id === programA)).toHaveLength(3);
    expect(meetingEvents.filter((row) => row.program_id === programB)).toHaveLength(2);

    expect(live.organizations).toEqual(expect.arrayContaining([expect.objectContaining({ id: duplicate, merged_into: lazada, merge_reason: 'registered twice' })]));
    const mergeEvents = (live.program_events as { program_id: string; stream_id: string | null }[]).filter((row) => row.stream_id === `organization-${duplicate}`);
    expect(mergeEvents).toEqual([expect.objectContaining({ program_id: programA })]);

    await rebuildReadModel({ databaseUrl: db.url, store, batchSize: 5 });
    expect(await dumpReadModel(db.pool, READ_MODEL_SCHEMA)).toEqual(live);
  });
});
