import { CommandBus } from '@nestjs/cqrs';
import { AddFollowUp, AddProgramPartner, LaunchProgram, LogActivity, RecordAgreement, RecordOutcome, RegisterOrganization } from '@tracker/application';
import { ReadYourWrites } from '../commands/read-your-writes.service';
import { callerFor, dataOf, type Caller } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { ReadDatabase } from './read-database';

// Seeding through the projector takes a few seconds, more on a loaded machine: no timing is asserted.
jest.setTimeout(60_000);

let api: TestApp;
let planner: Caller;

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  planner = await callerFor(api, ['planner']);
  // The read side connects on first use, with statements of its own: not part of any count.
  dataOf(await planner('{ organizations { totalCount } }'));
});

afterAll(async () => {
  await api?.close();
});

/** Programs with partners (organisations with parents), activities, participants, follow-ups, outcomes, agreements. */
async function seedPrograms(count: number, tag: string): Promise<void> {
  const commands = api.app.get(CommandBus);
  const ctx = { actor: 'seeder', now: new Date() };
  let last = 0n;
  const track = <T extends { position: bigint }>(result: T) => {
    if (result.position > last) last = result.position;
    return result;
  };
  const parent = track(await commands.execute(new RegisterOrganization({ name: { en: `Group ${tag}` }, kind: 'COMPANY' }, ctx))).id;
  for (let p = 0; p < count; p += 1) {
    const lead = track(await commands.execute(new RegisterOrganization({ name: { en: `Agency ${tag}-${p}` }, kind: 'DEPARTMENT', parentId: parent }, ctx))).id;
    const platform = track(await commands.execute(new RegisterOrganization({ name: { en: `Platform ${tag}-${p}` }, kind: 'COMPANY', parentId: parent }, ctx))).id;
    const program = track(await commands.execute(new LaunchProgram({ title: { en: `Program ${tag}-${p}` }, status: 'ACTIVE' }, ctx))).id;
    track(await commands.execute(new AddProgramPartner({ programId: program, organizationId: lead, role: 'LEAD' }, ctx)));
    track(await commands.execute(new AddProgramPartner({ programId: program, organizationId: platform, role: 'PLATFORM' }, ctx)));
    track(await commands.execute(new RecordAgreement({ title: { en: `MoU ${tag}-${p}` }, partyIds: [lead, platform], programId: program }, ctx)));
    for (let a = 0; a < 3; a += 1) {
      const activity = track(
        await commands.execute(new LogActivity(
          {
            programId: program,
            kind: 'MEETING',
            title: { en: `Meeting ${tag}-${p}-${a}` },
            startsOn: `2019-0${a + 1}-15`,
            organizerIds: [lead],
            participants: [{ name: { en: 'Someone' }, organizationId: platform }],
          },
          ctx,
        )),
      ).id;
      track(await commands.execute(new AddFollowUp({ activityId: activity, description: 'Call back', ownerId: platform }, ctx)));
      track(await commands.execute(new RecordOutcome({ programId: program, activityId: activity, kind: 'REVENUE', amount: '10.50', currency: 'THB' }, ctx)));
    }
  }
  expect(await api.app.get(ReadYourWrites).waitFor(last, 10_000)).toBe(true);
}

const NESTED = `{
  programs(first: 10) {
    totalCount
    edges { node {
      title { en }
      partners { role organization { name { en } parent { name { en } } } }
      agreements { parties { id } program { id } }
      activities(first: 10) { totalCount edges { node {
        organizers { id parent { id } }
        participants { organization { id } }
        followUps { owner { id } activity { id } }
        outcomes { amount program { id } }
        program { id }
      } } }
      outcomes { amount activity { id } }
      followUps(status: OPEN) { owner { id } }
      totals { kind currency amount }
    } }
  }
}`;

async function statementsFor(query: string): Promise<{ statements: number; data: Record<string, any> }> {
  const log = api.app.get(ReadDatabase).queryLog;
  const before = log.statements;
  const data = dataOf(await planner(query));
  return { statements: log.statements - before, data };
}

describe('a nested query over many programs', () => {
  it('sends the same number of SQL statements whether there are 2 programs or 8 (no N+1)', async () => {
    await seedPrograms(2, 'a');
    const few = await statementsFor(NESTED);
    expect(few.data.programs.totalCount).toBe(2);

    await seedPrograms(6, 'b');
    const many = await statementsFor(NESTED);
    expect(many.data.programs.totalCount).toBe(8);
    expect(many.data.programs.edges[7].node.activities.edges).toHaveLength(3);
    expect(many.data.programs.edges[7].node.totals).toEqual([{ kind: 'REVENUE', currency: 'THB', amount: '31.50' }]);

    expect(many.statements).toBe(few.statements);
    // One statement per list and level, not per row: a regression shows up as dozens.
    expect(many.statements).toBeLessThanOrEqual(16);
  });
});
