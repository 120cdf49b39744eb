import { TestClock, waitForReadModel } from '@tracker/audit/testing';
import { CommandService, loadReferenceCase } from '@tracker/application';
import { PostgresEventStore } from '@tracker/event-store';
import { startProjector, type RunningProjector } from '@tracker/projection-runner';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { startTestApp, type TestApp } from '../../testing/test-app';

/** When the reference case is told: the day after the meeting of 16 December 2019, in Bangkok. */
const REFERENCE_CASE_RECORDED_AT = '2019-12-17T09:00:00+07:00';

export interface HistoryFixture {
  api: TestApp;
  /** Appends with recordedAt from `clock`, so tests know what "as of" each event is. */
  store: PostgresEventStore;
  clock: TestClock;
  commands: CommandService;
  /** Runs the projector until the read model has every event stored so far. */
  project(): Promise<void>;
  /** Keeps a projector running (for subscriptions), until stopProjector. */
  startProjector(): Promise<void>;
  stopProjector(): Promise<void>;
  /** ws://…/graphql once listen() was called. */
  listen(): Promise<string>;
  head(): Promise<bigint>;
  close(): Promise<void>;
}

export async function startHistoryFixture(): Promise<HistoryFixture> {
  const api = await startTestApp();
  const clock = new TestClock(new Date(REFERENCE_CASE_RECORDED_AT));
  const store = new PostgresEventStore(api.database.pool, { clock: clock.now, pollIntervalMs: 100 });
  let projector: RunningProjector | undefined;
  const head = async () => {
    const { rows } = await api.database.pool.query<{ head: string | null }>('select max(position)::text as head from events');
    return BigInt(rows[0].head ?? '0');
  };
  const fixture: HistoryFixture = {
    api,
    store,
    clock,
    commands: new CommandService(store),
    head,
    async startProjector() {
      projector ??= await startProjector({ databaseUrl: api.database.url, logger: pino({ level: 'silent' }) });
    },
    async stopProjector() {
      await projector?.stop();
      projector = undefined;
    },
    async project() {
      const running = projector !== undefined;
      await fixture.startProjector();
      await waitForReadModel(api.database.pool, await head());
      if (!running) await fixture.stopProjector();
    },
    async listen() {
      await api.app.listen(0, '127.0.0.1');
      return `ws://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}/graphql`;
    },
    async close() {
      await fixture.stopProjector();
      await store.close();
      await api.close();
    },
  };
  return fixture;
}

/** The reference case as the tests tell it: recorded on 17 December 2019, then projected. */
export async function loadReferenceCaseAt(fixture: HistoryFixture, recordedAt = REFERENCE_CASE_RECORDED_AT) {
  fixture.clock.set(recordedAt);
  const loaded = await loadReferenceCase(fixture.commands, { now: recordedAt });
  await fixture.project();
  return loaded;
}
