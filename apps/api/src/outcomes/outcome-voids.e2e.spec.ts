import { CommandBus } from '@nestjs/cqrs';
import { LaunchProgram, LogActivity } from '@tracker/application';
import { callerFor, codesOf, dataOf, mutate, newCommandId, type Caller, type GraphQLBody } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { attempt, expectRefused } from '../testing/refusals';

/**
 * voidOutcome through GraphQL: an outcome recorded by mistake is voided with a reason. It stays
 * in every outcome list with voided: true, counts in no total, takes no correction and no second
 * void; the history keeps it, and the as-of view before the void counts it.
 */
let api: TestApp;
let diplomat: Caller;
let auditor: Caller;
let anonymous: Caller;
let programId: string;
let fairId: string;

const DIPLOMAT = 'somchai@mfa.go.th';
const UNKNOWN_ID = '99999999-0000-4000-8000-000000000000';

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  diplomat = await callerFor(api, ['diplomat'], DIPLOMAT);
  auditor = await callerFor(api, ['auditor'], 'auditor@oag.go.th');
  anonymous = await callerFor(api, null);
  const commands = api.app.get(CommandBus);
  const ctx = { actor: 'setup', now: new Date() };
  programId = (await commands.execute(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE', startedOn: '2019-05-29' }, ctx))).id;
  fairId = (await commands.execute(new LogActivity({ programId, kind: 'FAIR', title: { en: 'Shanghai fair' }, startsOn: '2019-05-29', endsOn: '2019-06-01' }, ctx))).id;
});

afterAll(async () => {
  await api?.close();
});

const OUTCOME = '{ outcome { id kind amount currency voided version } result { version projected } }';
const TOTALS = 'query ($id: ID!) { program(id: $id) { totals { kind currency amount quantity } outcomes { id voided } } }';
const HISTORY = `query ($programId: ID!) {
  programHistory(programId: $programId, first: 100) { edges { node { type actor streamId version recordedAt data } } }
}`;
const AS_OF = `query ($programId: ID!, $asOf: DateTime!) {
  programAsOf(programId: $programId, asOf: $asOf) { totals { kind currency amount quantity } outcomes { id voided } }
}`;

type HistoryNode = { type: string; actor: string; streamId: string; version: number; recordedAt: string; data: Record<string, any> };

async function record(input: Record<string, unknown> = {}): Promise<any> {
  const body = await mutate(diplomat, 'recordOutcome', { programId, activityId: fairId, kind: 'REVENUE', amount: '10000000.00', currency: 'THB', ...input }, OUTCOME);
  return dataOf(body).recordOutcome.outcome;
}

async function program(): Promise<{ totals: unknown[]; outcomes: { id: string; voided: boolean }[] }> {
  return dataOf(await diplomat(TOTALS, { id: programId })).program;
}

async function historyOf(outcomeId: string): Promise<HistoryNode[]> {
  const data = dataOf(await auditor(HISTORY, { programId }));
  return data.programHistory.edges.map((edge: { node: HistoryNode }) => edge.node).filter((node: HistoryNode) => node.streamId === `outcome-${outcomeId}`);
}

/** A refused command's body, checking it recorded nothing. */
const refused = async (send: () => Promise<GraphQLBody>): Promise<GraphQLBody> => expectRefused(await attempt(api, send));

describe('voidOutcome', () => {
  let first: any;
  let duplicate: any;
  let voided: any;

  beforeAll(async () => {
    first = await record({ description: 'Sales at the fair' });
    duplicate = await record({ description: 'Sales at the fair (entered again)' });
    voided = dataOf(await mutate(diplomat, 'voidOutcome', { id: duplicate.id, expectedVersion: 1, reason: 'The same sales were entered twice' }, OUTCOME)).voidOutcome;
  });

  it('marks the outcome voided, which still lists it on the program and the activity', async () => {
    expect(voided.result).toEqual({ version: 2, projected: true });
    expect(voided.outcome).toMatchObject({ id: duplicate.id, amount: '10000000.00', voided: true, version: 2 });
    expect((await program()).outcomes).toEqual([
      { id: first.id, voided: false },
      { id: duplicate.id, voided: true },
    ]);
    const activity = dataOf(await diplomat('query ($id: ID!) { activity(id: $id) { outcomes { id voided } } }', { id: fairId })).activity;
    expect(activity.outcomes).toContainEqual({ id: duplicate.id, voided: true });
  });

  it('counts it in no total', async () => {
    expect((await program()).totals).toEqual([{ kind: 'REVENUE', currency: 'THB', amount: '10000000.00', quantity: null }]);
  });

  it('shows in programHistory with its actor and reason, and programAsOf before it counts the outcome', async () => {
    const [recorded, voiding] = await historyOf(duplicate.id);
    expect(voiding).toMatchObject({ type: 'OutcomeVoided', actor: DIPLOMAT, data: { reason: 'The same sales were entered twice', outcomeId: duplicate.id } });
    const before = dataOf(await auditor(AS_OF, { programId, asOf: recorded.recordedAt })).programAsOf;
    expect(before.totals).toEqual([{ kind: 'REVENUE', currency: 'THB', amount: '20000000.00', quantity: null }]);
    expect(before.outcomes).toContainEqual({ id: duplicate.id, voided: false });
    const after = dataOf(await auditor(AS_OF, { programId, asOf: voiding.recordedAt })).programAsOf;
    expect(after.totals).toEqual([{ kind: 'REVENUE', currency: 'THB', amount: '10000000.00', quantity: null }]);
  });

  it('refuses to void it twice as CONFLICT, recording nothing', async () => {
    const body = await refused(() => mutate(diplomat, 'voidOutcome', { id: duplicate.id, reason: 'again' }, OUTCOME));
    expect(codesOf(body)).toEqual(['CONFLICT']);
    expect(body.errors?.[0].message).toContain('already voided');
  });

  it('refuses a correction of a voided outcome as CONFLICT, recording nothing', async () => {
    const body = await refused(() => mutate(diplomat, 'correctOutcome', { id: duplicate.id, amount: '1.00', reason: 'fix' }, OUTCOME));
    expect(codesOf(body)).toEqual(['CONFLICT']);
    expect(body.errors?.[0].message).toContain('voided');
  });

  describe('refusals', () => {
    let outcome: any;

    beforeAll(async () => {
      outcome = await record({ kind: 'ORDERS', amount: null, currency: null, quantity: 40 });
    });

    it('refuses a blank reason as BAD_USER_INPUT naming reason', async () => {
      const body = await refused(() => mutate(diplomat, 'voidOutcome', { id: outcome.id, reason: '  ' }, OUTCOME));
      expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors?.[0].extensions).toMatchObject({ field: 'reason' });
    });

    it('refuses an outcome never recorded as NOT_FOUND naming id', async () => {
      const body = await refused(() => mutate(diplomat, 'voidOutcome', { id: UNKNOWN_ID, reason: 'x' }, OUTCOME));
      expect(codesOf(body)).toEqual(['NOT_FOUND']);
      expect(body.errors?.[0].extensions).toMatchObject({ field: 'id' });
    });

    it('refuses a stale expectedVersion as CONFLICT', async () => {
      await mutate(diplomat, 'correctOutcome', { id: outcome.id, quantity: 41, reason: 'recounted' }, OUTCOME);
      const body = await refused(() => mutate(diplomat, 'voidOutcome', { id: outcome.id, expectedVersion: 1, reason: 'entered by mistake' }, OUTCOME));
      expect(codesOf(body)).toEqual(['CONFLICT']);
      expect(body.errors?.[0].extensions).toMatchObject({ reason: 'WRONG_EXPECTED_VERSION' });
    });

    it('refuses an auditor as FORBIDDEN and a caller without a token as UNAUTHENTICATED', async () => {
      const input = { id: outcome.id, reason: 'entered by mistake' };
      expect(codesOf(await refused(() => mutate(auditor, 'voidOutcome', input, OUTCOME)))).toEqual(['FORBIDDEN']);
      expect(codesOf(await refused(() => mutate(anonymous, 'voidOutcome', input, OUTCOME)))).toEqual(['UNAUTHENTICATED']);
    });
  });

  it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
    const outcome = await record({ kind: 'INVESTMENT', amount: '5000.00' });
    const input = { commandId: newCommandId(), id: outcome.id, reason: 'recorded for the wrong program' };
    const firstTry = dataOf(await mutate(diplomat, 'voidOutcome', input, OUTCOME)).voidOutcome;
    const events = await api.eventCount();
    const retry = dataOf(await mutate(diplomat, 'voidOutcome', input, OUTCOME)).voidOutcome;
    expect(retry.result).toEqual(firstTry.result);
    expect(retry.outcome).toMatchObject({ voided: true, version: 2 });
    expect(await api.eventCount()).toBe(events);
  });
});
