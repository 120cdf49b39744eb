import { CommandBus } from '@nestjs/cqrs';
import { LaunchProgram, LogActivity, RegisterOrganization } from '@tracker/application';
import { callerFor, codesOf, dataOf, mutate, newCommandId, type Caller } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';

let api: TestApp;
let diplomat: Caller;
let programId: string;
let otherProgramId: string;
let fairId: string;
let meetingId: string;
let lazadaId: string;

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  diplomat = await callerFor(api, ['diplomat']);
  const commands = api.app.get(CommandBus);
  const ctx = { actor: 'setup', now: new Date() };
  lazadaId = (await commands.execute(new RegisterOrganization({ name: { en: 'Lazada (Thailand) Co., Ltd.' }, kind: 'COMPANY' }, ctx))).id;
  programId = (await commands.execute(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, ctx))).id;
  otherProgramId = (await commands.execute(new LaunchProgram({ title: { en: 'Another program' }, status: 'ACTIVE' }, ctx))).id;
  fairId = (await commands.execute(new LogActivity({ programId, kind: 'FAIR', title: { en: 'Shanghai fair' }, startsOn: '2019-05-29', endsOn: '2019-06-01' }, ctx))).id;
  meetingId = (await commands.execute(new LogActivity({ programId, kind: 'MEETING', title: { en: 'Meeting at the CDD' }, startsOn: '2019-12-16' }, ctx))).id;
});

afterAll(async () => {
  await api?.close();
});

const OUTCOME = '{ outcome { id kind amount currency quantity description version activity { id } program { id } } result { version projected } }';
const FOLLOW_UP = '{ followUp { id description status dueOn version owner { id } activity { id } } result { version projected } }';

const totalsOf = async (id: string) =>
  dataOf(await diplomat('query ($id: ID!) { program(id: $id) { totals { kind currency amount quantity } } }', { id })).program.totals;

describe('recording outcomes', () => {
  let revenueId: string;

  it('keeps amounts exact from input to read model', async () => {
    const recorded = dataOf(
      await mutate(diplomat, 'recordOutcome', { programId, activityId: fairId, kind: 'REVENUE', amount: '10000000.00', currency: 'thb', description: 'Fair sales' }, OUTCOME),
    ).recordOutcome;
    expect(recorded.outcome).toMatchObject({ kind: 'REVENUE', amount: '10000000.00', currency: 'THB', quantity: null, activity: { id: fairId }, program: { id: programId } });
    revenueId = recorded.outcome.id;
  });

  it('sums the program totals in exact decimals, amounts by kind and currency, quantities by kind', async () => {
    await mutate(diplomat, 'recordOutcome', { programId, kind: 'REVENUE', amount: '0.10', currency: 'THB' }, OUTCOME);
    await mutate(diplomat, 'recordOutcome', { programId, kind: 'REVENUE', amount: '0.20', currency: 'THB' }, OUTCOME);
    await mutate(diplomat, 'recordOutcome', { programId, kind: 'REVENUE', amount: '1500.00', currency: 'CNY' }, OUTCOME);
    await mutate(diplomat, 'recordOutcome', { programId, activityId: meetingId, kind: 'TRAINED', quantity: 40 }, OUTCOME);
    await mutate(diplomat, 'recordOutcome', { programId, kind: 'ORDERS', amount: '2500.00', currency: 'THB', quantity: 12 }, OUTCOME);
    const last = dataOf(await mutate(diplomat, 'recordOutcome', { programId, kind: 'TRAINED', quantity: 2 }, OUTCOME));
    expect(last.recordOutcome.result.projected).toBe(true);

    expect(await totalsOf(programId)).toEqual([
      { kind: 'ORDERS', currency: 'THB', amount: '2500.00', quantity: null },
      { kind: 'ORDERS', currency: null, amount: null, quantity: 12 },
      { kind: 'REVENUE', currency: 'CNY', amount: '1500.00', quantity: null },
      { kind: 'REVENUE', currency: 'THB', amount: '10000000.30', quantity: null },
      { kind: 'TRAINED', currency: null, amount: null, quantity: 42 },
    ]);
    const meeting = dataOf(await diplomat('query ($id: ID!) { activity(id: $id) { outcomes { quantity } } }', { id: meetingId }));
    expect(meeting.activity.outcomes).toEqual([{ quantity: 40 }]);
  });

  it('refuses an amount sent as a JSON float as BAD_USER_INPUT, recording nothing', async () => {
    const events = await api.eventCount();
    const body = await mutate(diplomat, 'recordOutcome', { programId, kind: 'REVENUE', amount: 0.1, currency: 'THB' }, OUTCOME);
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses an amount without a currency as BAD_USER_INPUT', async () => {
    const body = await mutate(diplomat, 'recordOutcome', { programId, kind: 'INVESTMENT', amount: '5.00' }, OUTCOME);
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
    expect(body.errors?.[0].extensions).toMatchObject({ field: 'currency' });
  });

  it('refuses an activity of another program as BAD_USER_INPUT', async () => {
    const body = await mutate(diplomat, 'recordOutcome', { programId: otherProgramId, activityId: fairId, kind: 'TRAINED', quantity: 1 }, OUTCOME);
    expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a program that was never launched as NOT_FOUND', async () => {
    const body = await mutate(diplomat, 'recordOutcome', { programId: '99999999-0000-4000-8000-000000000000', kind: 'TRAINED', quantity: 1 }, OUTCOME);
    expect(codesOf(body)).toEqual(['NOT_FOUND']);
  });

  describe('correcting one', () => {
    it('replaces the figure, keeping what the correction leaves out', async () => {
      const corrected = dataOf(
        await mutate(diplomat, 'correctOutcome', { id: revenueId, expectedVersion: 1, amount: '10250000.00', reason: 'final figures from the consulate' }, OUTCOME),
      ).correctOutcome;
      expect(corrected.outcome).toMatchObject({ amount: '10250000.00', currency: 'THB', description: 'Fair sales', version: 2 });
      expect((await totalsOf(programId)).find((total: any) => total.kind === 'REVENUE' && total.currency === 'THB').amount).toBe('10250000.30');
    });

    it('answers a retry with the first result, recording nothing new', async () => {
      const input = { commandId: newCommandId(), id: revenueId, description: 'Sales and deals at the fair', reason: 'wording' };
      const first = dataOf(await mutate(diplomat, 'correctOutcome', input, OUTCOME)).correctOutcome;
      const events = await api.eventCount();
      const retry = dataOf(await mutate(diplomat, 'correctOutcome', input, OUTCOME)).correctOutcome;
      expect(retry.result).toEqual(first.result);
      expect(retry.outcome.version).toBe(3);
      expect(await api.eventCount()).toBe(events);
    });

    it('refuses a stale expectedVersion as CONFLICT, recording nothing', async () => {
      const events = await api.eventCount();
      const body = await mutate(diplomat, 'correctOutcome', { id: revenueId, expectedVersion: 1, amount: '1.00', reason: 'late' }, OUTCOME);
      expect(codesOf(body)).toEqual(['CONFLICT']);
      expect(await api.eventCount()).toBe(events);
    });
  });
});

describe('follow-ups', () => {
  let followUpId: string;

  it('adds one to the meeting, owned by Lazada, due on a Thai date', async () => {
    const added = dataOf(
      await mutate(diplomat, 'addFollowUp', { activityId: meetingId, description: 'Train OTOP SMEs to sell online', ownerId: lazadaId, dueOn: '31/03/2563' }, FOLLOW_UP),
    ).addFollowUp;
    expect(added.followUp).toMatchObject({ status: 'OPEN', dueOn: '2020-03-31', version: 1, owner: { id: lazadaId }, activity: { id: meetingId } });
    followUpId = added.followUp.id;
  });

  it('lists open ones on the program and every one on the activity', async () => {
    await mutate(diplomat, 'addFollowUp', { activityId: fairId, description: 'Send the buyers list' }, FOLLOW_UP);
    const data = dataOf(
      await diplomat('query ($p: ID!, $a: ID!) { program(id: $p) { open: followUps(status: OPEN) { description } done: followUps(status: DONE) { id } } activity(id: $a) { followUps { id } } }', {
        p: programId,
        a: meetingId,
      }),
    );
    expect(data.program.open.map((followUp: any) => followUp.description)).toEqual(['Train OTOP SMEs to sell online', 'Send the buyers list']);
    expect(data.program.done).toEqual([]);
    expect(data.activity.followUps).toEqual([{ id: followUpId }]);
  });

  it('closes one as done', async () => {
    const closed = dataOf(await mutate(diplomat, 'closeFollowUp', { id: followUpId, expectedVersion: 1, status: 'DONE', note: 'first course held' }, FOLLOW_UP)).closeFollowUp;
    expect(closed.followUp).toMatchObject({ status: 'DONE', version: 2 });
  });

  it('refuses to close it twice as CONFLICT, recording nothing', async () => {
    const events = await api.eventCount();
    const body = await mutate(diplomat, 'closeFollowUp', { id: followUpId, status: 'DROPPED' }, FOLLOW_UP);
    expect(codesOf(body)).toEqual(['CONFLICT']);
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses a follow-up on an activity that was never logged as NOT_FOUND', async () => {
    const body = await mutate(diplomat, 'addFollowUp', { activityId: '99999999-0000-4000-8000-000000000000', description: 'x' }, FOLLOW_UP);
    expect(codesOf(body)).toEqual(['NOT_FOUND']);
  });

  it('refuses "closing" as OPEN as BAD_USER_INPUT', async () => {
    const open = dataOf(await mutate(diplomat, 'addFollowUp', { activityId: meetingId, description: 'Another' }, FOLLOW_UP)).addFollowUp.followUp;
    expect(codesOf(await mutate(diplomat, 'closeFollowUp', { id: open.id, status: 'OPEN' }, FOLLOW_UP))).toEqual(['BAD_USER_INPUT']);
  });
});
