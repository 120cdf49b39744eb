import { CommandBus } from '@nestjs/cqrs';
import { waitForReadModel } from '@tracker/audit/testing';
import { loadReferenceCase } from '@tracker/application';
import { referenceIds } from '@tracker/domain';
import { createClient, type Client } from 'graphql-ws';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import type { Role } from '../auth/roles';
import { callerFor, dataOf, mutate, type Caller } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { bearer } from '../testing/test-tokens';
import { watchFeeds } from './testing/feeds-live';

const CHANGED = `subscription Changed($programId: ID!) { programChanged(programId: $programId) { programId position } }`;
const APPENDED = `subscription Appended($programId: ID!) { programHistoryAppended(programId: $programId) { position } }`;

interface Signal {
  programId: string;
  position: string;
}
type Result = { data?: { programChanged: Signal }; errors?: { extensions: { code: string } }[] };

const programId = referenceIds.program;
const READ_ROLES: Role[] = ['diplomat', 'planner', 'auditor', 'admin'];

describe('programChanged over graphql-ws', () => {
  jest.setTimeout(60_000);
  let api: TestApp;
  let url: string;
  let diplomat: Caller;
  let planner: Caller;
  const clients: Client[] = [];

  beforeAll(async () => {
    // A mutation that finds the projector stopped answers projected: false after this long.
    api = await startTestApp({ projector: true, readYourWritesTimeoutMs: 1000 });
    const loaded = await loadReferenceCase(api.app.get(CommandBus), { now: '2019-12-17T09:00:00+07:00' });
    await waitForReadModel(api.database.pool, loaded.position);
    await api.app.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}/graphql`;
    diplomat = await callerFor(api, ['diplomat']);
    planner = await callerFor(api, ['planner']);
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await api?.close();
  });

  /**
   * Subscribes with `authorization` (none: no token). `next()` waits for the next result;
   * `signalAt(position)` for the first signal at or past it (signals may coalesce events).
   */
  function subscribe(authorization: string | undefined, query = CHANGED, variables: Record<string, unknown> = { programId }) {
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: authorization ? { authorization } : {}, retryAttempts: 0 });
    clients.push(client);
    const results: Result[] = [];
    let waiting: (() => void) | undefined;
    let ended = false;
    client.subscribe<Result['data']>(
      { query, variables },
      {
        next: (result) => {
          results.push(result as Result);
          waiting?.();
        },
        error: () => {
          ended = true;
          waiting?.();
        },
        complete: () => {
          ended = true;
          waiting?.();
        },
      },
    );
    let read = 0;
    return {
      results,
      async next(): Promise<Result> {
        while (read >= results.length) {
          if (ended) throw new Error('the subscription ended');
          await new Promise<void>((resolve) => (waiting = resolve));
        }
        return results[read++];
      },
      async signalAt(position: string): Promise<Signal[]> {
        const seen: Signal[] = [];
        for (;;) {
          const result = await this.next();
          expect(result.errors).toBeUndefined();
          seen.push(result.data!.programChanged);
          if (BigInt(seen.at(-1)!.position) >= BigInt(position)) return seen;
        }
      },
    };
  }

  /** Subscribes as each of `roles` and resolves once every one's feed follows the store. */
  async function subscribeLive(...roles: Role[]) {
    const watch = watchFeeds(api.app, roles.length);
    try {
      const subscriptions = await Promise.all(roles.map(async (role) => subscribe(await bearer([role]))));
      await watch.live;
      return subscriptions;
    } finally {
      watch.stop();
    }
  }

  async function logActivity(inProgram: string, title: string): Promise<{ id: string; position: string; projected: boolean }> {
    const { logActivity: payload } = dataOf(
      await mutate(diplomat, 'logActivity', { programId: inProgram, kind: 'MEETING', title: { en: title }, startsOn: '2020-02-03' }, '{ result { streamId position projected } }'),
    );
    // From the stream id: the payload's activity is null when the read model does not have it yet.
    const { streamId, ...result } = payload.result;
    return { id: streamId.replace(/^activity-/, ''), ...result };
  }

  async function activitiesOfTheProgram(): Promise<string[]> {
    const data = dataOf(await diplomat(`query ($id: ID!) { program(id: $id) { activities(first: 100) { edges { node { id } } } } }`, { id: programId }));
    return data.program.activities.edges.map((edge: { node: { id: string } }) => edge.node.id);
  }

  it("signals a diplomat only once the read model shows the activity a mutation logged, at the mutation's position or after", async () => {
    const [changes] = await subscribeLive('diplomat');
    await api.stopProjector();
    let logged: { id: string; position: string; projected: boolean };
    try {
      logged = await logActivity(programId, 'Follow-up call with Lazada');
      // The projector is stopped: the event is stored, the read model does not show it, and no
      // signal was sent in the second the mutation waited for it.
      expect(logged.projected).toBe(false);
      expect(await activitiesOfTheProgram()).not.toContain(logged.id);
      expect(changes.results).toEqual([]);
    } finally {
      await api.startProjector();
    }
    const [signal] = await changes.signalAt(logged.position);
    expect(signal.programId).toBe(programId);
    expect(BigInt(signal.position)).toBeGreaterThanOrEqual(BigInt(logged.position));
    // Read at once, as a client reloading on the signal would: the read model has it.
    expect(await activitiesOfTheProgram()).toContain(logged.id);
  });

  it('sends nothing for a change in another program: the next change in this program is the first signal', async () => {
    const [changes] = await subscribeLive('diplomat');
    const other = dataOf(await mutate(planner, 'launchProgram', { title: { en: 'Rice exports to Japan' } }, '{ program { id } result { position projected } }'));
    const elsewhere = await logActivity(other.launchProgram.program.id, 'Meeting with a rice exporter');
    expect(elsewhere.projected).toBe(true);
    const here = await logActivity(programId, 'Lazada onboarding clinic');
    const [first] = await changes.signalAt(here.position);
    expect(BigInt(first.position)).toBeGreaterThanOrEqual(BigInt(here.position));
    expect(BigInt(first.position)).toBeGreaterThan(BigInt(elsewhere.position));
  });

  it('signals an outcome recorded on an activity of the program, and a follow-up of one closed', async () => {
    const [changes] = await subscribeLive('diplomat');
    const outcome = dataOf(
      await mutate(
        diplomat,
        'recordOutcome',
        { programId, activityId: referenceIds.activities.cddMeeting, kind: 'PARTICIPANTS', quantity: 40 },
        '{ result { position } }',
      ),
    ).recordOutcome.result;
    expect(BigInt((await changes.signalAt(outcome.position)).at(-1)!.position)).toBeGreaterThanOrEqual(BigInt(outcome.position));
    // FollowUpClosed names no program: it belongs to the program through its follow-up's stream.
    const closed = dataOf(
      await mutate(diplomat, 'closeFollowUp', { id: referenceIds.followUps.lazadaOnlineTraining, status: 'DONE' }, '{ result { position } }'),
    ).closeFollowUp.result;
    const signals = await changes.signalAt(closed.position);
    expect(signals.every((signal) => BigInt(signal.position) > BigInt(outcome.position))).toBe(true);
  });

  it('lets every role that reads subscribe, each signalled for the same change', async () => {
    const subscriptions = await subscribeLive(...READ_ROLES);
    const logged = await logActivity(programId, 'Briefing for every role');
    for (const changes of subscriptions) {
      expect(BigInt((await changes.signalAt(logged.position)).at(-1)!.position)).toBeGreaterThanOrEqual(BigInt(logged.position));
    }
  });

  it('refuses a caller without a token (UNAUTHENTICATED)', async () => {
    const anonymous = subscribe(undefined);
    expect((await anonymous.next()).errors?.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('keeps refusing the history feed to a diplomat (FORBIDDEN)', async () => {
    const history = subscribe(await bearer(['diplomat']), APPENDED);
    expect((await history.next()).errors?.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
  });
});
