import { CommandBus } from '@nestjs/cqrs';
import { asAttacker, TestClock, waitForReadModel } from '@tracker/audit/testing';
import { commandBusFor, loadReferenceCase } from '@tracker/application';
import { PostgresEventStore } from '@tracker/event-store';
import { startProjector, type RunningProjector } from '@tracker/projection-runner';
import type { AddressInfo } from 'node:net';
import type { PoolClient } from 'pg';
import pino from 'pino';
import { startTestApp, type TestApp } from '../../testing/test-app';

/** When the reference case is told: the day after the meeting of 16 December 2019, in Bangkok. */
const REFERENCE_CASE_RECORDED_AT = '2019-12-17T09:00:00+07:00';

export interface HistoryFixture {
  api: TestApp;
  /** Appends with recordedAt from `clock`, so tests know what "as of" each event is. */
  store: PostgresEventStore;
  clock: TestClock;
  commands: CommandBus;
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
    commands: await commandBusFor(store),
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

/** The global position of a stream's event. */
export async function positionOf(fixture: HistoryFixture, streamId: string, version: number): Promise<string> {
  const { rows } = await fixture.api.database.pool.query('select position::text from events where stream_id = $1 and stream_version = $2', [
    streamId,
    version,
  ]);
  return rows[0].position;
}

/**
 * Tampers with the stored history as a superuser would (`attack`, with the append-only trigger
 * off), runs `check`, then puts the events and the stream rows back as they were.
 */
export async function withTamperedHistory(
  fixture: HistoryFixture,
  attack: (client: PoolClient) => Promise<unknown>,
  check: () => Promise<void>,
): Promise<void> {
  const pool = fixture.api.database.pool;
  await pool.query('create table if not exists events_saved (like events including all)');
  await pool.query('create table if not exists streams_saved (like streams including all)');
  await asAttacker(pool, async (client) => {
    await client.query('truncate events_saved, streams_saved');
    await client.query('insert into events_saved select * from events');
    await client.query('insert into streams_saved select * from streams');
    await attack(client);
  });
  try {
    await check();
  } finally {
    await asAttacker(pool, async (client) => {
      await client.query('delete from events');
      await client.query('insert into events select * from events_saved');
      await client.query('delete from streams');
      await client.query('insert into streams select * from streams_saved');
    });
  }
}
