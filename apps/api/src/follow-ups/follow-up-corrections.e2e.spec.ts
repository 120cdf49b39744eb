import { CommandBus } from '@nestjs/cqrs';
import { LaunchProgram, LogActivity, RegisterOrganization } from '@tracker/application';
import { callerFor, dataOf, mutate, newCommandId, type Caller, type GraphQLBody } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { attempt, expectRefused } from '../testing/refusals';

// updateFollowUp and reopenFollowUp through GraphQL, with the projector running so each
// mutation answers with the follow-up as the read model then holds it.

// Setting up sends a few dozen commands through the projector; on a busy machine that takes a while.
jest.setTimeout(60_000);

let api: TestApp;
let diplomat: Caller;
let auditor: Caller;
let anonymous: Caller;
let programId: string;
let meetingId: string;
let lazadaId: string;
let cddId: string;

const DIPLOMAT = 'consul.shanghai@mfa.go.th';
const UNKNOWN_ID = '99999999-0000-4000-8000-000000000000';

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  diplomat = await callerFor(api, ['diplomat'], DIPLOMAT);
  auditor = await callerFor(api, ['auditor'], 'auditor@oag.go.th');
  anonymous = await callerFor(api, null);
  const commands = api.app.get(CommandBus);
  const ctx = { actor: 'setup', now: new Date() };
  lazadaId = (await commands.execute(new RegisterOrganization({ name: { en: 'Lazada (Thailand) Co., Ltd.' }, kind: 'COMPANY' }, ctx))).id;
  cddId = (await commands.execute(new RegisterOrganization({ name: { en: 'Community Development Department' }, kind: 'DEPARTMENT' }, ctx))).id;
  programId = (await commands.execute(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, ctx))).id;
  meetingId = (await commands.execute(new LogActivity({ programId, kind: 'MEETING', title: { en: 'Meeting at the CDD' }, startsOn: '2019-12-16' }, ctx))).id;
});

afterAll(async () => {
  await api?.close();
});

const FOLLOW_UP = '{ followUp { id description status dueOn version owner { id } activity { id } program { id } } result { version projected } }';

async function addTraining(description = 'Train OTOP SMEs to sell online'): Promise<string> {
  const added = dataOf(await mutate(diplomat, 'addFollowUp', { activityId: meetingId, description, ownerId: lazadaId, dueOn: '2020-06-30' }, FOLLOW_UP));
  return added.addFollowUp.followUp.id;
}

async function closeAs(id: string, status: 'DONE' | 'DROPPED'): Promise<void> {
  dataOf(await mutate(diplomat, 'closeFollowUp', { id, status, note: 'first course held' }, FOLLOW_UP));
}

/** Refused with `code` (and naming the field, when given), recording nothing. */
const refused = async (send: () => Promise<GraphQLBody>, code: string, field?: string): Promise<GraphQLBody> =>
  expectRefused(await attempt(api, send), code, field === undefined ? {} : { field });

interface HistoryNode {
  type: string;
  streamId: string;
  version: number;
  recordedAt: string;
  actor: string;
  data: Record<string, any>;
}

/** The program's history as the auditor reads it. */
async function historyOf(program: string): Promise<HistoryNode[]> {
  const data = dataOf(
    await auditor(
      'query ($p: ID!) { programHistory(programId: $p, first: 100) { edges { node { type streamId version recordedAt actor data } } } }',
      { p: program },
    ),
  );
  return data.programHistory.edges.map((edge: { node: HistoryNode }) => edge.node);
}

/** The follow-up's events in the program's history, in order. */
async function historyOfFollowUp(followUpId: string): Promise<HistoryNode[]> {
  return (await historyOf(programId)).filter((node) => node.streamId === `follow-up-${followUpId}`);
}

/** The program's follow-ups as known at `asOf`. */
async function followUpsAsOf(asOf: string): Promise<{ id: string; description: string; status: string; dueOn: string | null; owner: { id: string } | null }[]> {
  const data = dataOf(
    await auditor('query ($p: ID!, $at: DateTime!) { programAsOf(programId: $p, asOf: $at) { followUps { id description status dueOn owner { id } } } }', {
      p: programId,
      at: asOf,
    }),
  );
  return data.programAsOf.followUps;
}

describe('updateFollowUp', () => {
  describe('on an open follow-up', () => {
    it('reassigns it to another organisation, keeping its description and due date', async () => {
      const id = await addTraining();
      const updated = dataOf(await mutate(diplomat, 'updateFollowUp', { id, expectedVersion: 1, ownerId: cddId, reason: 'Lazada handed the course to the CDD' }, FOLLOW_UP)).updateFollowUp;
      expect(updated.followUp).toEqual({
        id,
        description: 'Train OTOP SMEs to sell online',
        status: 'OPEN',
        dueOn: '2020-06-30',
        version: 2,
        owner: { id: cddId },
        activity: { id: meetingId },
        program: { id: programId },
      });
      expect(updated.result).toEqual({ version: 2, projected: true });
    });

    it('moves the due date, written the Thai way, and rewords it in one update', async () => {
      const id = await addTraining();
      const updated = dataOf(
        await mutate(diplomat, 'updateFollowUp', { id, dueOn: '31/07/2563', description: ' Train 100 OTOP SMEs to sell online ', reason: 'the course moved to July' }, FOLLOW_UP),
      ).updateFollowUp;
      expect(updated.followUp).toMatchObject({ description: 'Train 100 OTOP SMEs to sell online', dueOn: '2020-07-31', owner: { id: lazadaId }, version: 2 });
    });

    it('clears the owner and the due date given as explicit nulls', async () => {
      const id = await addTraining();
      const updated = dataOf(await mutate(diplomat, 'updateFollowUp', { id, ownerId: null, dueOn: null, reason: 'nobody has taken it on yet' }, FOLLOW_UP)).updateFollowUp;
      expect(updated.followUp).toMatchObject({ owner: null, dueOn: null, description: 'Train OTOP SMEs to sell online', status: 'OPEN' });
    });

    it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
      const id = await addTraining();
      const input = { commandId: newCommandId(), id, dueOn: '2020-09-30', reason: 'the CDD asked for more time' };
      const first = dataOf(await mutate(diplomat, 'updateFollowUp', input, FOLLOW_UP)).updateFollowUp;
      const events = await api.eventCount();
      const retry = dataOf(await mutate(diplomat, 'updateFollowUp', input, FOLLOW_UP)).updateFollowUp;
      expect(retry.result).toEqual(first.result);
      expect(retry.followUp).toMatchObject({ dueOn: '2020-09-30', version: 2 });
      expect(await api.eventCount()).toBe(events);
    });

    it('refuses the same commandId with other input as CONFLICT, recording nothing', async () => {
      const id = await addTraining();
      const commandId = newCommandId();
      dataOf(await mutate(diplomat, 'updateFollowUp', { commandId, id, dueOn: '2020-09-30', reason: 'more time' }, FOLLOW_UP));
      const body = await refused(() => mutate(diplomat, 'updateFollowUp', { commandId, id, dueOn: '2020-10-31', reason: 'more time' }, FOLLOW_UP), 'CONFLICT');
      expect(body.errors?.[0].extensions?.reason).toBe('COMMAND_ID_REUSED');
    });

    it('shows in programHistory with its actor, reason and the fields it changed', async () => {
      const id = await addTraining();
      dataOf(await mutate(diplomat, 'updateFollowUp', { id, ownerId: cddId, dueOn: '2020-08-31', reason: 'Lazada handed the course to the CDD' }, FOLLOW_UP));
      const [added, updated] = await historyOfFollowUp(id);
      expect(added).toMatchObject({ type: 'FollowUpAdded', version: 1 });
      expect(updated).toMatchObject({
        type: 'FollowUpUpdated',
        version: 2,
        actor: DIPLOMAT,
        data: { followUpId: id, programId, ownerId: cddId, dueOn: '2020-08-31', changed: ['ownerId', 'dueOn'], reason: 'Lazada handed the course to the CDD' },
      });
    });

    it('leaves programAsOf before it showing the follow-up as it was', async () => {
      const id = await addTraining('Send the buyers list');
      dataOf(await mutate(diplomat, 'updateFollowUp', { id, ownerId: cddId, dueOn: null, reason: 'CDD keeps the list' }, FOLLOW_UP));
      const [added, updated] = await historyOfFollowUp(id);
      // Recorded one after the other by two requests: the add is strictly earlier.
      expect(Date.parse(added.recordedAt)).toBeLessThan(Date.parse(updated.recordedAt));

      const before = (await followUpsAsOf(added.recordedAt)).find((followUp) => followUp.id === id);
      expect(before).toEqual({ id, description: 'Send the buyers list', status: 'OPEN', dueOn: '2020-06-30', owner: { id: lazadaId } });
      const after = (await followUpsAsOf(updated.recordedAt)).find((followUp) => followUp.id === id);
      expect(after).toEqual({ id, description: 'Send the buyers list', status: 'OPEN', dueOn: null, owner: { id: cddId } });
    });
  });

  describe('refusing it', () => {
    let id: string;

    beforeAll(async () => {
      id = await addTraining();
    });

    it.each([
      ['a blank reason', { dueOn: null, reason: '   ' }, 'reason'],
      ['a description cleared with null', { description: null, reason: 'r' }, 'description'],
      ['a blank description', { description: '  ', reason: 'r' }, 'description'],
    ])('refuses %s as BAD_USER_INPUT naming the field, recording nothing', async (_case, input, field) => {
      await refused(() => mutate(diplomat, 'updateFollowUp', { id, ...input }, FOLLOW_UP), 'BAD_USER_INPUT', field);
    });

    it('refuses an update that changes nothing as BAD_USER_INPUT, recording nothing', async () => {
      const body = await refused(
        () => mutate(diplomat, 'updateFollowUp', { id, ownerId: lazadaId, dueOn: '30/06/2563', description: 'Train OTOP SMEs to sell online', reason: 'checked' }, FOLLOW_UP),
        'BAD_USER_INPUT',
      );
      expect(body.errors?.[0].message).toMatch(/leaves follow-up .* as it is/);
      await refused(() => mutate(diplomat, 'updateFollowUp', { id, reason: 'nothing given' }, FOLLOW_UP), 'BAD_USER_INPUT');
    });

    it('refuses a due date that is no date as BAD_USER_INPUT, recording nothing', async () => {
      await refused(() => mutate(diplomat, 'updateFollowUp', { id, dueOn: '31/02/2563', reason: 'r' }, FOLLOW_UP), 'BAD_USER_INPUT');
    });

    it('refuses a follow-up that was never added as NOT_FOUND naming id', async () => {
      await refused(() => mutate(diplomat, 'updateFollowUp', { id: UNKNOWN_ID, dueOn: null, reason: 'r' }, FOLLOW_UP), 'NOT_FOUND', 'id');
    });

    it('refuses an owner that is no registered organisation as NOT_FOUND naming ownerId', async () => {
      await refused(() => mutate(diplomat, 'updateFollowUp', { id, ownerId: UNKNOWN_ID, reason: 'r' }, FOLLOW_UP), 'NOT_FOUND', 'ownerId');
    });

    it('refuses a stale expectedVersion as CONFLICT, recording nothing', async () => {
      dataOf(await mutate(diplomat, 'updateFollowUp', { id, expectedVersion: 1, dueOn: '2020-07-15', reason: 'first' }, FOLLOW_UP));
      const body = await refused(() => mutate(diplomat, 'updateFollowUp', { id, expectedVersion: 1, dueOn: '2020-07-20', reason: 'second' }, FOLLOW_UP), 'CONFLICT');
      expect(body.errors?.[0].extensions).toMatchObject({ reason: 'WRONG_EXPECTED_VERSION', expectedVersion: 1, actualVersion: 2 });
    });

    it.each(['DONE', 'DROPPED'] as const)('refuses a %s follow-up as CONFLICT naming its status, recording nothing', async (status) => {
      const closed = await addTraining();
      await closeAs(closed, status);
      const body = await refused(() => mutate(diplomat, 'updateFollowUp', { id: closed, ownerId: cddId, reason: 'r' }, FOLLOW_UP), 'CONFLICT');
      expect(body.errors?.[0].message).toContain(`is ${status}`);
      expect(body.errors?.[0].message).toContain('reopen it first');
    });

    it('refuses an auditor as FORBIDDEN, recording nothing', async () => {
      await refused(() => mutate(auditor, 'updateFollowUp', { id, dueOn: null, reason: 'r' }, FOLLOW_UP), 'FORBIDDEN');
    });

    it('refuses a caller without a token as UNAUTHENTICATED, recording nothing', async () => {
      await refused(() => mutate(anonymous, 'updateFollowUp', { id, dueOn: null, reason: 'r' }, FOLLOW_UP), 'UNAUTHENTICATED');
    });
  });
});

describe('reopenFollowUp', () => {
  /** The closing columns of the read model's row, which GraphQL does not show. */
  async function readModelRow(id: string) {
    const { rows } = await api.database.pool.query('select status, note, closed_on from read_model.follow_ups where id = $1', [id]);
    return rows[0];
  }

  it('brings a DONE follow-up back to OPEN, its note and closing day gone from the read model', async () => {
    const id = await addTraining();
    await closeAs(id, 'DONE');
    expect(await readModelRow(id)).toMatchObject({ status: 'DONE', note: 'first course held' });
    expect((await readModelRow(id)).closed_on).not.toBeNull();

    const reopened = dataOf(await mutate(diplomat, 'reopenFollowUp', { id, expectedVersion: 2, reason: 'only half of the SMEs were trained' }, FOLLOW_UP)).reopenFollowUp;
    expect(reopened.followUp).toMatchObject({ id, status: 'OPEN', version: 3, dueOn: '2020-06-30', owner: { id: lazadaId } });
    expect(await readModelRow(id)).toEqual({ status: 'OPEN', note: null, closed_on: null });
    const open = dataOf(await diplomat('query ($p: ID!) { program(id: $p) { followUps(status: OPEN) { id } } }', { p: programId })).program.followUps;
    expect(open).toContainEqual({ id });
  });

  it('brings a DROPPED follow-up back to OPEN', async () => {
    const id = await addTraining();
    await closeAs(id, 'DROPPED');
    const reopened = dataOf(await mutate(diplomat, 'reopenFollowUp', { id, reason: 'Lazada changed its mind' }, FOLLOW_UP)).reopenFollowUp;
    expect(reopened.followUp).toMatchObject({ status: 'OPEN', version: 3 });
  });

  it('takes updates again once reopened, and can be closed again', async () => {
    const id = await addTraining();
    await closeAs(id, 'DONE');
    dataOf(await mutate(diplomat, 'reopenFollowUp', { id, reason: 'a second course is needed' }, FOLLOW_UP));
    const updated = dataOf(await mutate(diplomat, 'updateFollowUp', { id, dueOn: '2020-12-31', reason: 'second course in December' }, FOLLOW_UP)).updateFollowUp;
    expect(updated.followUp).toMatchObject({ status: 'OPEN', dueOn: '2020-12-31', version: 4 });
    const closed = dataOf(await mutate(diplomat, 'closeFollowUp', { id, status: 'DONE' }, FOLLOW_UP)).closeFollowUp;
    expect(closed.followUp).toMatchObject({ status: 'DONE', version: 5 });
  });

  it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
    const id = await addTraining();
    await closeAs(id, 'DONE');
    const input = { commandId: newCommandId(), id, reason: 'closed by mistake' };
    const first = dataOf(await mutate(diplomat, 'reopenFollowUp', input, FOLLOW_UP)).reopenFollowUp;
    const events = await api.eventCount();
    const retry = dataOf(await mutate(diplomat, 'reopenFollowUp', input, FOLLOW_UP)).reopenFollowUp;
    expect(retry.result).toEqual(first.result);
    expect(retry.followUp).toMatchObject({ status: 'OPEN', version: 3 });
    expect(await api.eventCount()).toBe(events);
  });

  it('shows in programHistory with its actor, reason and the status it left; programAsOf before it shows it DONE', async () => {
    const id = await addTraining('Report the training results');
    await closeAs(id, 'DONE');
    dataOf(await mutate(diplomat, 'reopenFollowUp', { id, reason: 'the report was never sent' }, FOLLOW_UP));
    const [, closed, reopened] = await historyOfFollowUp(id);
    expect(closed).toMatchObject({ type: 'FollowUpClosed', version: 2 });
    expect(reopened).toMatchObject({
      type: 'FollowUpReopened',
      version: 3,
      actor: DIPLOMAT,
      data: { followUpId: id, programId, previousStatus: 'DONE', reason: 'the report was never sent' },
    });
    expect(Date.parse(closed.recordedAt)).toBeLessThan(Date.parse(reopened.recordedAt));

    expect((await followUpsAsOf(closed.recordedAt)).find((followUp) => followUp.id === id)).toMatchObject({ status: 'DONE' });
    expect((await followUpsAsOf(reopened.recordedAt)).find((followUp) => followUp.id === id)).toMatchObject({ status: 'OPEN' });
  });

  describe('refusing it', () => {
    let doneId: string;

    beforeAll(async () => {
      doneId = await addTraining();
      await closeAs(doneId, 'DONE');
    });

    it('refuses a blank reason as BAD_USER_INPUT naming reason, recording nothing', async () => {
      await refused(() => mutate(diplomat, 'reopenFollowUp', { id: doneId, reason: ' ' }, FOLLOW_UP), 'BAD_USER_INPUT', 'reason');
    });

    it('refuses a follow-up that was never added as NOT_FOUND naming id', async () => {
      await refused(() => mutate(diplomat, 'reopenFollowUp', { id: UNKNOWN_ID, reason: 'r' }, FOLLOW_UP), 'NOT_FOUND', 'id');
    });

    it('refuses an open follow-up as CONFLICT naming its status, recording nothing', async () => {
      const open = await addTraining();
      const body = await refused(() => mutate(diplomat, 'reopenFollowUp', { id: open, reason: 'r' }, FOLLOW_UP), 'CONFLICT');
      expect(body.errors?.[0].message).toContain('is OPEN');
    });

    it('refuses a stale expectedVersion as CONFLICT, recording nothing', async () => {
      const body = await refused(() => mutate(diplomat, 'reopenFollowUp', { id: doneId, expectedVersion: 1, reason: 'r' }, FOLLOW_UP), 'CONFLICT');
      expect(body.errors?.[0].extensions).toMatchObject({ reason: 'WRONG_EXPECTED_VERSION', actualVersion: 2 });
    });

    it('refuses an auditor as FORBIDDEN, recording nothing', async () => {
      await refused(() => mutate(auditor, 'reopenFollowUp', { id: doneId, reason: 'r' }, FOLLOW_UP), 'FORBIDDEN');
    });

    it('refuses a caller without a token as UNAUTHENTICATED, recording nothing', async () => {
      await refused(() => mutate(anonymous, 'reopenFollowUp', { id: doneId, reason: 'r' }, FOLLOW_UP), 'UNAUTHENTICATED');
    });
  });
});
