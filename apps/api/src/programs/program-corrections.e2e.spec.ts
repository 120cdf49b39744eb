import { CommandBus } from '@nestjs/cqrs';
import { AddProgramPartner, ChangeProgramStatus, LaunchProgram, RegisterOrganization } from '@tracker/application';
import { waitForReadModel } from '@tracker/audit/testing';
import { businessDateOf, type PartnerRole, type ProgramStatus } from '@tracker/domain';
import { callerFor, dataOf, mutate, newCommandId, type Caller } from '../testing/graphql-caller';
import { instantBefore, programAsOf, programTrail } from '../testing/program-trail';
import { startTestApp, type TestApp } from '../testing/test-app';
import { attempt, expectRefused, type Attempt } from '../testing/refusals';

/**
 * A program's record put right (correctProgram) and a partner leaving it
 * (removeProgramPartner), through the api: planners write; the auditor reads the trail.
 */
let api: TestApp;
let planner: Caller;
let admin: Caller;
let diplomat: Caller;
let auditor: Caller;
let anonymous: Caller;
let commands: CommandBus;
const org: Record<'diea' | 'cdd' | 'lazada' | 'mall', string> = { diea: '', cdd: '', lazada: '', mall: '' };
const PLANNER = 'planner@mfa.go.th';
const ctx = () => ({ actor: 'setup', now: new Date() });

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  planner = await callerFor(api, ['planner'], PLANNER);
  admin = await callerFor(api, ['admin'], 'admin@mfa.go.th');
  diplomat = await callerFor(api, ['diplomat'], 'diplomat@mfa.go.th');
  auditor = await callerFor(api, ['auditor'], 'auditor@oag.go.th');
  anonymous = await callerFor(api, null);
  commands = api.app.get(CommandBus);
  for (const [key, en, kind] of [
    ['diea', 'Department of International Economic Affairs', 'DEPARTMENT'],
    ['cdd', 'Community Development Department', 'DEPARTMENT'],
    ['lazada', 'Lazada (Thailand) Co., Ltd.', 'COMPANY'],
    ['mall', 'Mall (Thailand) Co., Ltd.', 'COMPANY'],
  ] as const) {
    org[key] = (await commands.execute(new RegisterOrganization({ name: { en }, kind }, ctx()))).id;
  }
});

afterAll(async () => {
  await api?.close();
});

const PROGRAM = 'id title { en th } summary status startedOn version partners { organization { id } role joinedOn }';
const PAYLOAD = `{ program { ${PROGRAM} } result { version projected } }`;
const MISSING = '99999999-0000-4000-8000-000000000000';

interface ProgramSetup {
  status?: ProgramStatus;
  summary?: string | null;
  startedOn?: string | null;
  partners?: [string, PartnerRole, string | null][];
}

/**
 * A program of its own per test, straight through the command side, projected before the test
 * reads it (the command bus, unlike a mutation, does not wait for the read model).
 */
async function newProgram({ status = 'ACTIVE', summary = 'Community products online', startedOn = '2019-05-29', partners = [] }: ProgramSetup = {}) {
  const launchedAs = status === 'PROPOSED' ? 'PROPOSED' : 'ACTIVE';
  let written = await commands.execute(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, summary, startedOn, status: launchedAs }, ctx()));
  const programId = written.id;
  for (const [organizationId, role, joinedOn] of partners) {
    written = await commands.execute(new AddProgramPartner({ programId, organizationId, role, joinedOn }, ctx()));
  }
  if (status !== launchedAs) written = await commands.execute(new ChangeProgramStatus({ programId, status }, ctx()));
  await waitForReadModel(api.database.pool, written.position);
  return programId;
}

const send = (caller: Caller, name: string, input: Record<string, unknown>): Promise<Attempt> => attempt(api, () => mutate(caller, name, input, PAYLOAD));

async function expectRolesRefused(name: string, input: Record<string, unknown>): Promise<void> {
  expectRefused(await send(diplomat, name, input), 'FORBIDDEN');
  expectRefused(await send(auditor, name, input), 'FORBIDDEN');
  expectRefused(await send(anonymous, name, input), 'UNAUTHENTICATED');
}

async function programNow(id: string): Promise<Record<string, any>> {
  return dataOf(await planner(`query ($id: ID!) { program(id: $id) { ${PROGRAM} } }`, { id })).program;
}

const partnerIds = (program: Record<string, any>) => program.partners.map((partner: { organization: { id: string } }) => partner.organization.id);

describe('correctProgram', () => {
  it('replaces the fields given and keeps the others', async () => {
    const programId = await newProgram();
    const corrected = dataOf(
      await mutate(planner, 'correctProgram', { programId, expectedVersion: 1, title: { en: 'OTOP to the world', th: 'OTOP สู่ตลาดโลก' }, reason: 'Official title' }, PAYLOAD),
    ).correctProgram;
    expect(corrected.program).toMatchObject({
      title: { en: 'OTOP to the world', th: 'OTOP สู่ตลาดโลก' },
      summary: 'Community products online',
      startedOn: '2019-05-29',
      status: 'ACTIVE',
      version: 2,
    });
    expect(corrected.result).toEqual({ version: 2, projected: true });
  });

  it('clears the summary and the start date given as null, and reads a Thai date', async () => {
    const programId = await newProgram();
    const cleared = dataOf(await mutate(planner, 'correctProgram', { programId, summary: null, startedOn: null, reason: 'Not known yet' }, PAYLOAD));
    expect(cleared.correctProgram.program).toMatchObject({ summary: null, startedOn: null });
    const dated = dataOf(await mutate(admin, 'correctProgram', { programId, startedOn: '๑ มิถุนายน ๒๕๖๒', reason: 'The fair ended then' }, PAYLOAD));
    expect(dated.correctProgram.program).toMatchObject({ summary: null, startedOn: '2019-06-01' });
  });

  it('is found by its corrected title, no longer by the old one', async () => {
    const programId = await newProgram();
    dataOf(await mutate(planner, 'correctProgram', { programId, title: { en: 'Jasmine rice to Kyoto' }, reason: 'Wrong program name' }, PAYLOAD));
    const search = async (text: string) =>
      dataOf(await planner('query ($search: String) { programs(filter: { search: $search }, first: 100) { edges { node { id } } } }', { search: text }))
        .programs.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(await search('kyoto')).toEqual([programId]);
    expect(await search('OTOP e-commerce')).not.toContain(programId);
  });

  it('corrects a completed program: fixing the record is not new work', async () => {
    const programId = await newProgram({ status: 'COMPLETED' });
    const corrected = dataOf(await mutate(planner, 'correctProgram', { programId, summary: 'Ended with the 2020 budget', reason: 'Summary was empty' }, PAYLOAD));
    expect(corrected.correctProgram.program).toMatchObject({ status: 'COMPLETED', summary: 'Ended with the 2020 budget' });
  });

  it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
    const programId = await newProgram();
    const input = { commandId: newCommandId(), programId, startedOn: '2019-06-01', reason: 'Started after the fair' };
    const first = dataOf(await mutate(planner, 'correctProgram', input, PAYLOAD)).correctProgram;
    const events = await api.eventCount();
    const retry = dataOf(await mutate(planner, 'correctProgram', { ...input, startedOn: '1/6/2562' }, PAYLOAD)).correctProgram;
    expect(retry.result).toEqual(first.result);
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses what it cannot take as BAD_USER_INPUT naming the field, recording nothing', async () => {
    const programId = await newProgram();
    const correct = (input: Record<string, unknown>) => send(planner, 'correctProgram', { programId, reason: 'Fixing it', ...input });
    expectRefused(await correct({ title: null }), 'BAD_USER_INPUT', { field: 'title' });
    expectRefused(await correct({ title: { en: 'New' }, reason: ' ' }), 'BAD_USER_INPUT', { field: 'reason' });
    expectRefused(await correct({ startedOn: '31 กุมภาพันธ์ 2562' }), 'BAD_USER_INPUT');
    // Nothing would change: the same values, written another way.
    expectRefused(await correct({ title: { en: ' OTOP e-commerce ' }, startedOn: '29/05/2562' }), 'BAD_USER_INPUT');
    expectRefused(await correct({}), 'BAD_USER_INPUT');
    expect(await programNow(programId)).toMatchObject({ version: 1 });
  });

  it('refuses a program that was never launched as NOT_FOUND naming programId', async () => {
    expectRefused(await send(planner, 'correctProgram', { programId: MISSING, summary: 'X', reason: 'Fix' }), 'NOT_FOUND', { field: 'programId', entity: 'program' });
  });

  it('refuses a stale expectedVersion as CONFLICT, recording nothing', async () => {
    const programId = await newProgram({ partners: [[org.lazada, 'PLATFORM', null]] });
    expectRefused(await send(planner, 'correctProgram', { programId, expectedVersion: 1, summary: 'X', reason: 'Fix' }), 'CONFLICT', {
      reason: 'WRONG_EXPECTED_VERSION',
      actualVersion: 2,
    });
  });

  it('is for planners and admins: a diplomat or an auditor is FORBIDDEN, no token UNAUTHENTICATED, recording nothing', async () => {
    const programId = await newProgram();
    await expectRolesRefused('correctProgram', { programId, summary: 'Renamed', reason: 'Fix' });
  });

  it('shows in programHistory with its actor and reason; programAsOf before it shows the old record', async () => {
    const programId = await newProgram();
    dataOf(await mutate(planner, 'correctProgram', { programId, title: { en: 'OTOP to the world' }, summary: null, reason: 'Official title' }, PAYLOAD));
    const trail = await programTrail(auditor, programId);
    const correction = trail.find((event) => event.type === 'ProgramCorrected')!;
    expect(correction).toMatchObject({
      actor: PLANNER,
      data: { title: { en: 'OTOP to the world' }, summary: null, startedOn: '2019-05-29', reason: 'Official title' },
    });
    const before = await programAsOf(auditor, programId, instantBefore(trail, correction), '{ title { en } summary }');
    expect(before).toEqual({ title: { en: 'OTOP e-commerce' }, summary: 'Community products online' });
    const after = await programAsOf(auditor, programId, correction.recordedAt, '{ title { en } summary }');
    expect(after).toEqual({ title: { en: 'OTOP to the world' }, summary: null });
  });
});

describe('removeProgramPartner', () => {
  it('removes a current partner: the program lists current partners only, and the partner filter follows', async () => {
    const programId = await newProgram({ partners: [[org.diea, 'LEAD', null], [org.lazada, 'PLATFORM', '2019-12-16']] });
    const removed = dataOf(
      await mutate(planner, 'removeProgramPartner', { programId, expectedVersion: 3, organizationId: org.lazada, leftOn: '31 ม.ค. 2563', reason: 'Contract ended' }, PAYLOAD),
    ).removeProgramPartner;
    expect(removed.program.partners).toEqual([{ organization: { id: org.diea }, role: 'LEAD', joinedOn: null }]);
    expect(removed.result.version).toBe(4);
    const withLazada = dataOf(
      await planner('query ($id: ID) { programs(filter: { partnerId: $id }, first: 100) { edges { node { id } } } }', { id: org.lazada }),
    ).programs.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(withLazada).not.toContain(programId);
  });

  it('dates the leaving today in Thailand when no day is given', async () => {
    const programId = await newProgram({ partners: [[org.mall, 'MARKETING', null]] });
    const dayBefore = businessDateOf(new Date().toISOString());
    dataOf(await mutate(planner, 'removeProgramPartner', { programId, organizationId: org.mall, reason: 'No longer marketing OTOP' }, PAYLOAD));
    const dayAfter = businessDateOf(new Date().toISOString());
    const removal = (await programTrail(auditor, programId)).find((event) => event.type === 'ProgramPartnerRemoved')!;
    expect([dayBefore, dayAfter]).toContain(removal.occurredOn);
    expect(removal.data.leftOn).toBe(removal.occurredOn);
  });

  it('takes a removed partner back later, in a new role', async () => {
    const programId = await newProgram({ partners: [[org.lazada, 'PLATFORM', '2019-12-16']] });
    dataOf(await mutate(planner, 'removeProgramPartner', { programId, organizationId: org.lazada, leftOn: '2020-01-31', reason: 'Contract ended' }, PAYLOAD));
    const back = dataOf(await mutate(planner, 'addProgramPartner', { programId, organizationId: org.lazada, role: 'MARKETING', joinedOn: '2020-06-01' }, PAYLOAD));
    expect(back.addProgramPartner.program.partners).toEqual([{ organization: { id: org.lazada }, role: 'MARKETING', joinedOn: '2020-06-01' }]);
  });

  it('lets a LEAD leave while another LEAD stays', async () => {
    const programId = await newProgram({ partners: [[org.diea, 'LEAD', null], [org.cdd, 'LEAD', null]] });
    const removed = dataOf(await mutate(planner, 'removeProgramPartner', { programId, organizationId: org.diea, leftOn: '2020-01-31', reason: 'Handed over' }, PAYLOAD));
    expect(partnerIds(removed.removeProgramPartner.program)).toEqual([org.cdd]);
  });

  it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
    const programId = await newProgram({ partners: [[org.mall, 'MARKETING', null]] });
    const input = { commandId: newCommandId(), programId, organizationId: org.mall, leftOn: '2020-01-31', reason: 'Contract ended' };
    const first = dataOf(await mutate(planner, 'removeProgramPartner', input, PAYLOAD)).removeProgramPartner;
    const events = await api.eventCount();
    const retry = dataOf(await mutate(planner, 'removeProgramPartner', input, PAYLOAD)).removeProgramPartner;
    expect(retry.result).toEqual(first.result);
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses the last LEAD of an ACTIVE program as CONFLICT saying so, recording nothing', async () => {
    const programId = await newProgram({ partners: [[org.diea, 'LEAD', null], [org.lazada, 'PLATFORM', null]] });
    const refusal = await send(planner, 'removeProgramPartner', { programId, organizationId: org.diea, reason: 'Leaving' });
    expectRefused(refusal, 'CONFLICT');
    expect(refusal.body.errors?.[0].message).toMatch(/last LEAD partner .* which is ACTIVE/);
    expect(partnerIds(await programNow(programId))).toEqual([org.diea, org.lazada]);
  });

  it('refuses a program that is COMPLETED as CONFLICT naming the status', async () => {
    const programId = await newProgram({ status: 'COMPLETED', partners: [[org.mall, 'MARKETING', null]] });
    const refusal = await send(planner, 'removeProgramPartner', { programId, organizationId: org.mall, reason: 'Leaving' });
    expectRefused(refusal, 'CONFLICT');
    expect(refusal.body.errors?.[0].message).toContain('is COMPLETED');
  });

  it('refuses a partner that already left as CONFLICT, recording nothing', async () => {
    const programId = await newProgram({ partners: [[org.mall, 'MARKETING', null]] });
    dataOf(await mutate(planner, 'removeProgramPartner', { programId, organizationId: org.mall, leftOn: '2020-01-31', reason: 'Contract ended' }, PAYLOAD));
    const again = await send(planner, 'removeProgramPartner', { programId, organizationId: org.mall, reason: 'Again' });
    expectRefused(again, 'CONFLICT');
    expect(again.body.errors?.[0].message).toContain('already left');
  });

  it('refuses an organisation that was never a partner, and a program never launched, as NOT_FOUND naming the field', async () => {
    const programId = await newProgram({ partners: [[org.mall, 'MARKETING', null]] });
    expectRefused(await send(planner, 'removeProgramPartner', { programId, organizationId: org.cdd, reason: 'Leaving' }), 'NOT_FOUND', {
      field: 'organizationId',
      id: org.cdd,
    });
    expectRefused(await send(planner, 'removeProgramPartner', { programId: MISSING, organizationId: org.cdd, reason: 'Leaving' }), 'NOT_FOUND', {
      field: 'programId',
    });
  });

  it('refuses a blank reason and a leaving day before the joining day as BAD_USER_INPUT naming the field', async () => {
    const programId = await newProgram({ partners: [[org.lazada, 'PLATFORM', '2019-12-16']] });
    const remove = (input: Record<string, unknown>) => send(planner, 'removeProgramPartner', { programId, organizationId: org.lazada, ...input });
    expectRefused(await remove({ reason: '' }), 'BAD_USER_INPUT', { field: 'reason' });
    expectRefused(await remove({ leftOn: '15 ธ.ค. 2562', reason: 'Left early' }), 'BAD_USER_INPUT', { field: 'leftOn' });
    expectRefused(await remove({ leftOn: '2019-13-01', reason: 'Left early' }), 'BAD_USER_INPUT');
    expect(partnerIds(await programNow(programId))).toEqual([org.lazada]);
  });

  it('refuses a stale expectedVersion as CONFLICT, recording nothing', async () => {
    const programId = await newProgram({ partners: [[org.lazada, 'PLATFORM', null], [org.mall, 'MARKETING', null]] });
    expectRefused(await send(planner, 'removeProgramPartner', { programId, expectedVersion: 2, organizationId: org.mall, reason: 'Leaving' }), 'CONFLICT', {
      reason: 'WRONG_EXPECTED_VERSION',
    });
  });

  it('is for planners and admins: a diplomat or an auditor is FORBIDDEN, no token UNAUTHENTICATED, recording nothing', async () => {
    const programId = await newProgram({ partners: [[org.mall, 'MARKETING', null]] });
    await expectRolesRefused('removeProgramPartner', { programId, organizationId: org.mall, reason: 'Leaving' });
    expect(partnerIds(await programNow(programId))).toEqual([org.mall]);
  });

  it('shows in programHistory with its actor and reason; programAsOf before it still lists the partner', async () => {
    const programId = await newProgram({ partners: [[org.diea, 'LEAD', null], [org.lazada, 'PLATFORM', '2019-12-16']] });
    dataOf(await mutate(planner, 'removeProgramPartner', { programId, organizationId: org.lazada, leftOn: '2020-01-31', reason: 'Contract ended' }, PAYLOAD));
    const trail = await programTrail(auditor, programId);
    const removal = trail.find((event) => event.type === 'ProgramPartnerRemoved')!;
    expect(removal).toMatchObject({
      actor: PLANNER,
      occurredOn: '2020-01-31',
      data: { organizationId: org.lazada, role: 'PLATFORM', leftOn: '2020-01-31', reason: 'Contract ended' },
    });
    const before = await programAsOf(auditor, programId, instantBefore(trail, removal), '{ partners { organization { id } role } }');
    expect(before!.partners).toEqual([
      { organization: { id: org.diea }, role: 'LEAD' },
      { organization: { id: org.lazada }, role: 'PLATFORM' },
    ]);
    const after = await programAsOf(auditor, programId, removal.recordedAt, '{ partners { organization { id } role } }');
    expect(after!.partners).toEqual([{ organization: { id: org.diea }, role: 'LEAD' }]);
  });
});
