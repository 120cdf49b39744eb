import { AddFollowUp, ChangeProgramStatus, CloseFollowUp, LaunchProgram, LogActivity } from '@tracker/application';
import { referenceIds } from '@tracker/domain';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { bearer } from '../testing/test-tokens';
import { loadReferenceCaseAt, startHistoryFixture, type HistoryFixture } from './testing/history-fixture';

const APPENDED = `
  subscription Appended($programId: ID!, $after: String) {
    programHistoryAppended(programId: $programId, after: $after) { position streamId version type actor data }
  }`;

interface Appended {
  position: string;
  streamId: string;
  version: number;
  type: string;
  actor: string;
  data: Record<string, unknown>;
}
type Result = { data?: { programHistoryAppended: Appended }; errors?: { extensions: { code: string } }[] };

const programId = referenceIds.program;
const activities = referenceIds.activities;
const diplomat = { actor: 'diplomat@mfa.go.th', now: '2020-02-03T10:00:00+07:00' };

describe('programHistoryAppended over graphql-ws', () => {
  jest.setTimeout(60_000);
  let fixture: HistoryFixture;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    fixture = await startHistoryFixture();
    await loadReferenceCaseAt(fixture);
    url = await fixture.listen();
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await fixture?.close();
  });

  /** Subscribes and collects results until `count` arrived (or the server ended the operation). */
  function subscribe(authorization: string | undefined, variables: Record<string, unknown>, count: number) {
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: authorization ? { authorization } : {}, retryAttempts: 0 });
    clients.push(client);
    const results: Result[] = [];
    let dispose = () => undefined as void;
    const done = new Promise<Result[]>((resolve, reject) => {
      dispose = client.subscribe<Result['data']>(
        { query: APPENDED, variables: { programId, ...variables } },
        {
          next: (result) => {
            results.push(result as Result);
            if (results.length >= count) {
              dispose();
              resolve(results);
            }
          },
          error: reject,
          complete: () => resolve(results),
        },
      );
    });
    return { results, done, dispose: () => dispose() };
  }

  async function until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it("delivers each new event of the program once, in order, including streams the projector has not indexed", async () => {
    const head = await fixture.head();
    const auditor = subscribe(await bearer(['auditor']), { after: String(head) }, 4);
    // No projector runs from here on: the new activity's and follow-up's streams are unknown
    // to the history index, and the closing names no program.
    fixture.clock.set('2020-02-03T03:00:00Z');
    const meeting = await fixture.commands.execute(new LogActivity(
      { programId, kind: 'WORKSHOP', title: { en: 'Online selling workshop for OTOP SMEs' }, startsOn: '2020-02-03' },
      diplomat,
    ));
    await fixture.commands.execute(new LaunchProgram({ title: { en: 'Rice exports to Japan' } }, { actor: 'planner@mfa.go.th', now: diplomat.now }));
    const followUp = await fixture.commands.execute(new AddFollowUp({ activityId: meeting.id, description: 'Send the slides' }, diplomat));
    await fixture.commands.execute(new CloseFollowUp({ id: followUp.id, status: 'DONE' }, diplomat));
    await fixture.commands.execute(new ChangeProgramStatus({ programId, status: 'ON_HOLD', reason: 'Budget review' }, { actor: 'planner@mfa.go.th', now: diplomat.now }));

    const results = await auditor.done;
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    const events = results.map((r) => r.data!.programHistoryAppended);
    expect(events.map((e) => [e.type, e.streamId])).toEqual([
      ['ActivityLogged', `activity-${meeting.id}`],
      ['FollowUpAdded', `follow-up-${followUp.id}`],
      ['FollowUpClosed', `follow-up-${followUp.id}`],
      ['ProgramStatusChanged', `program-${programId}`],
    ]);
    expect(events.map((e) => e.actor)).toEqual(['diplomat@mfa.go.th', 'diplomat@mfa.go.th', 'diplomat@mfa.go.th', 'planner@mfa.go.th']);
    const positions = events.map((e) => BigInt(e.position));
    expect(positions.every((p, i) => p > head && (i === 0 || p > positions[i - 1]))).toBe(true);
  });

  it('replays from a position given as `after`: indexed, unindexed, then live events, each once', async () => {
    await fixture.project();
    const [launched] = await fixture.store.readStream(`program-${programId}`);
    const total = Number(
      (await fixture.api.database.pool.query('select count(*) from read_model.program_events where program_id = $1 and position > $2', [programId, String(launched.position)]))
        .rows[0].count,
    );
    // Stored after the projector stopped: not in the index yet.
    await fixture.commands.execute(new AddFollowUp({ activityId: activities.cddMeeting, description: 'Share the buyer list' }, diplomat));
    const follower = subscribe(await bearer(['planner']), { after: String(launched.position) }, total + 2);
    await until(() => follower.results.length === total + 1, `${total + 1} past events`);
    await fixture.commands.execute(new ChangeProgramStatus({ programId, status: 'ACTIVE', reason: 'Budget approved' }, { actor: 'planner@mfa.go.th', now: diplomat.now }));
    const events = (await follower.done).map((r) => r.data!.programHistoryAppended);
    expect(events).toHaveLength(total + 2);
    expect(new Set(events.map((e) => e.position)).size).toBe(total + 2);
    expect(events.at(-2)).toMatchObject({ type: 'FollowUpAdded', data: expect.objectContaining({ description: 'Share the buyer list' }) });
    expect(events[0]).toMatchObject({ type: 'ProgramPartnerAdded', version: 2 });
    expect(events.at(-1)).toMatchObject({ type: 'ProgramStatusChanged', data: expect.objectContaining({ to: 'ACTIVE' }) });
  });

  it('without `after`, delivers only what is recorded after it subscribed', async () => {
    const follower = subscribe(await bearer(['auditor']), {}, 1);
    // graphql-ws says nothing when a subscription is in place: give the server time to start it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await fixture.commands.execute(new ChangeProgramStatus({ programId, status: 'ON_HOLD', reason: 'Elections' }, { actor: 'planner@mfa.go.th', now: diplomat.now }));
    const [result] = await follower.done;
    expect(result.data!.programHistoryAppended).toMatchObject({ type: 'ProgramStatusChanged', data: expect.objectContaining({ reason: 'Elections' }) });
  });

  it('refuses a diplomat (FORBIDDEN) and a caller without a token (UNAUTHENTICATED)', async () => {
    const refused = subscribe(await bearer(['diplomat']), {}, 1);
    expect((await refused.done).map((r) => r.errors?.[0].extensions.code)).toEqual(['FORBIDDEN']);
    const anonymous = subscribe(undefined, {}, 1);
    expect((await anonymous.done).map((r) => r.errors?.[0].extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an `after` that is not a position', async () => {
    const bad = subscribe(await bearer(['auditor']), { after: 'yesterday' }, 1);
    expect((await bad.done).map((r) => r.errors?.[0].extensions)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'after' }]);
  });
});
