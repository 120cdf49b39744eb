import { CommandBus } from '@nestjs/cqrs';
import { LaunchProgram, RegisterOrganization } from '@tracker/application';
import { callerFor, dataOf, mutate, newCommandId, type Caller } from '../testing/graphql-caller';
import { instantBefore, programAsOf, programTrail } from '../testing/program-trail';
import { startTestApp, type TestApp } from '../testing/test-app';
import { attempt, expectRefused, type Attempt } from '../testing/refusals';

/**
 * An agreement's lifecycle through the api: DRAFT -> SIGNED (signAgreement) -> TERMINATED
 * (terminateAgreement), and amendAgreement on a DRAFT or SIGNED one. Planners write; the
 * auditor reads the trail each change leaves.
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

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  planner = await callerFor(api, ['planner'], PLANNER);
  admin = await callerFor(api, ['admin'], 'admin@mfa.go.th');
  diplomat = await callerFor(api, ['diplomat'], 'diplomat@mfa.go.th');
  auditor = await callerFor(api, ['auditor'], 'auditor@oag.go.th');
  anonymous = await callerFor(api, null);
  commands = api.app.get(CommandBus);
  const ctx = { actor: 'setup', now: new Date() };
  for (const [key, en, kind] of [
    ['diea', 'Department of International Economic Affairs', 'DEPARTMENT'],
    ['cdd', 'Community Development Department', 'DEPARTMENT'],
    ['lazada', 'Lazada (Thailand) Co., Ltd.', 'COMPANY'],
    ['mall', 'Mall (Thailand) Co., Ltd.', 'COMPANY'],
  ] as const) {
    org[key] = (await commands.execute(new RegisterOrganization({ name: { en }, kind }, ctx))).id;
  }
});

afterAll(async () => {
  await api?.close();
});

const AGREEMENT = 'id title { en } status signedOn expiresOn terminatedOn version parties { id } program { id }';
const PAYLOAD = `{ agreement { ${AGREEMENT} } result { version projected } }`;
const MISSING = '99999999-0000-4000-8000-000000000000';

/** A program of its own per test group, so its history holds only what the group did. */
async function newProgram(): Promise<string> {
  return (await commands.execute(new LaunchProgram({ title: { en: 'OTOP sellers online' }, status: 'ACTIVE' }, { actor: 'setup', now: new Date() }))).id;
}

async function recordDraft(programId: string, input: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const body = await mutate(
    planner,
    'recordAgreement',
    { title: { en: 'Training OTOP sellers online' }, partyIds: [org.diea, org.lazada], programId, expiresOn: '2021-12-31', ...input },
    PAYLOAD,
  );
  return dataOf(body).recordAgreement.agreement;
}

async function recordSigned(programId: string): Promise<Record<string, any>> {
  return recordDraft(programId, { status: 'SIGNED', signedOn: '2020-01-15' });
}

/** Sends the mutation as `caller` and says what it recorded: a refusal must record nothing. */
const send = (caller: Caller, name: string, input: Record<string, unknown>): Promise<Attempt> => attempt(api, () => mutate(caller, name, input, PAYLOAD));

async function agreementNow(id: string): Promise<Record<string, any>> {
  return dataOf(await planner(`query ($id: ID!) { agreement(id: $id) { ${AGREEMENT} } }`, { id })).agreement;
}

/** The mutations any caller may be refused, with an input that would otherwise go through. */
async function expectRolesRefused(name: string, input: Record<string, unknown>): Promise<void> {
  expectRefused(await send(diplomat, name, input), 'FORBIDDEN');
  expectRefused(await send(auditor, name, input), 'FORBIDDEN');
  expectRefused(await send(anonymous, name, input), 'UNAUTHENTICATED');
}

describe('signAgreement', () => {
  let programId: string;

  beforeAll(async () => {
    programId = await newProgram();
  });

  it('signs a draft on a Thai date, keeping the expiry it had', async () => {
    const draft = await recordDraft(programId);
    expect(draft).toMatchObject({ status: 'DRAFT', signedOn: null, terminatedOn: null, version: 1 });
    const signed = dataOf(await mutate(planner, 'signAgreement', { id: draft.id, expectedVersion: 1, signedOn: '15 ม.ค. 2563' }, PAYLOAD)).signAgreement;
    expect(signed.agreement).toMatchObject({ status: 'SIGNED', signedOn: '2020-01-15', expiresOn: '2021-12-31', terminatedOn: null, version: 2 });
    expect(signed.result).toEqual({ version: 2, projected: true });
    expect(await agreementNow(draft.id)).toMatchObject({ status: 'SIGNED', signedOn: '2020-01-15' });
  });

  it('sets a new expiry, or clears it with null', async () => {
    const first = await recordDraft(programId);
    const extended = dataOf(await mutate(admin, 'signAgreement', { id: first.id, signedOn: '2020-01-15', expiresOn: '31/12/2565' }, PAYLOAD));
    expect(extended.signAgreement.agreement).toMatchObject({ status: 'SIGNED', expiresOn: '2022-12-31' });
    const second = await recordDraft(programId);
    const open = dataOf(await mutate(planner, 'signAgreement', { id: second.id, signedOn: '2020-01-15', expiresOn: null }, PAYLOAD));
    expect(open.signAgreement.agreement).toMatchObject({ status: 'SIGNED', expiresOn: null });
  });

  it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
    const draft = await recordDraft(programId);
    const input = { commandId: newCommandId(), id: draft.id, signedOn: '2020-01-15' };
    const first = dataOf(await mutate(planner, 'signAgreement', input, PAYLOAD)).signAgreement;
    const events = await api.eventCount();
    const retry = dataOf(await mutate(planner, 'signAgreement', { ...input, signedOn: '15/01/2563' }, PAYLOAD)).signAgreement;
    expect(retry.result).toEqual(first.result);
    expect(retry.agreement).toMatchObject({ status: 'SIGNED', version: 2 });
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses an agreement already signed as CONFLICT naming SIGNED, recording nothing', async () => {
    const signed = await recordSigned(programId);
    const refusal = await send(planner, 'signAgreement', { id: signed.id, signedOn: '2020-02-01' });
    expectRefused(refusal, 'CONFLICT', { reason: 'FORBIDDEN_TRANSITION', from: 'SIGNED', to: 'SIGNED' });
    expect(refusal.body.errors?.[0].message).toContain('is SIGNED');
  });

  it('refuses an expiry before the signing as BAD_USER_INPUT naming the field at fault, recording nothing', async () => {
    const draft = await recordDraft(programId);
    expectRefused(await send(planner, 'signAgreement', { id: draft.id, signedOn: '2020-01-15', expiresOn: '2020-01-14' }), 'BAD_USER_INPUT', {
      field: 'expiresOn',
    });
    // Keeping the draft's expiry (31 Dec 2021), it is the signing date that is too late.
    expectRefused(await send(planner, 'signAgreement', { id: draft.id, signedOn: '2022-01-01' }), 'BAD_USER_INPUT', { field: 'signedOn' });
    expect(await agreementNow(draft.id)).toMatchObject({ status: 'DRAFT', version: 1 });
  });

  it('refuses a signing date that is no date, or none at all, as BAD_USER_INPUT', async () => {
    const draft = await recordDraft(programId);
    expectRefused(await send(planner, 'signAgreement', { id: draft.id, signedOn: '31 กุมภาพันธ์ 2563' }), 'BAD_USER_INPUT');
    expectRefused(await send(planner, 'signAgreement', { id: draft.id }), 'BAD_USER_INPUT');
  });

  it('refuses an agreement that was never recorded as NOT_FOUND naming id', async () => {
    expectRefused(await send(planner, 'signAgreement', { id: MISSING, signedOn: '2020-01-15' }), 'NOT_FOUND', { field: 'id', entity: 'agreement' });
  });

  it('refuses a stale expectedVersion as CONFLICT, recording nothing', async () => {
    const draft = await recordDraft(programId);
    dataOf(await mutate(planner, 'amendAgreement', { id: draft.id, title: { en: 'Selling OTOP online' }, reason: 'Clearer title' }, PAYLOAD));
    expectRefused(await send(planner, 'signAgreement', { id: draft.id, expectedVersion: 1, signedOn: '2020-01-15' }), 'CONFLICT', {
      reason: 'WRONG_EXPECTED_VERSION',
      actualVersion: 2,
    });
  });

  it('is for planners and admins: a diplomat or an auditor is FORBIDDEN, no token UNAUTHENTICATED, recording nothing', async () => {
    const draft = await recordDraft(programId);
    await expectRolesRefused('signAgreement', { id: draft.id, signedOn: '2020-01-15' });
    expect(await agreementNow(draft.id)).toMatchObject({ status: 'DRAFT' });
  });
});

describe('amendAgreement', () => {
  let programId: string;

  beforeAll(async () => {
    programId = await newProgram();
  });

  it('replaces the fields given and keeps the others, on a draft', async () => {
    const draft = await recordDraft(programId);
    const amended = dataOf(
      await mutate(planner, 'amendAgreement', { id: draft.id, expectedVersion: 1, title: { en: 'Selling OTOP online' }, reason: 'Clearer title' }, PAYLOAD),
    ).amendAgreement;
    expect(amended.agreement).toMatchObject({
      title: { en: 'Selling OTOP online' },
      status: 'DRAFT',
      expiresOn: '2021-12-31',
      parties: [{ id: org.diea }, { id: org.lazada }],
      version: 2,
    });
  });

  it('replaces the whole list of parties and clears the expiry, on a signed agreement that stays signed', async () => {
    const signed = await recordSigned(programId);
    const amended = dataOf(
      await mutate(planner, 'amendAgreement', { id: signed.id, partyIds: [org.cdd, org.lazada, org.mall], expiresOn: null, reason: 'CDD and Mall join' }, PAYLOAD),
    ).amendAgreement;
    expect(amended.agreement).toMatchObject({
      status: 'SIGNED',
      signedOn: '2020-01-15',
      expiresOn: null,
      parties: [{ id: org.cdd }, { id: org.lazada }, { id: org.mall }],
    });
  });

  it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
    const draft = await recordDraft(programId);
    const input = { commandId: newCommandId(), id: draft.id, expiresOn: '2022-12-31', reason: 'One more year' };
    const first = dataOf(await mutate(planner, 'amendAgreement', input, PAYLOAD)).amendAgreement;
    const events = await api.eventCount();
    const retry = dataOf(await mutate(planner, 'amendAgreement', input, PAYLOAD)).amendAgreement;
    expect(retry.result).toEqual(first.result);
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses a terminated agreement as CONFLICT naming TERMINATED, recording nothing', async () => {
    const signed = await recordSigned(programId);
    dataOf(await mutate(planner, 'terminateAgreement', { id: signed.id, terminatedOn: '2020-06-30', reason: 'Superseded' }, PAYLOAD));
    const refusal = await send(planner, 'amendAgreement', { id: signed.id, title: { en: 'Too late' }, reason: 'Renamed' });
    expectRefused(refusal, 'CONFLICT');
    expect(refusal.body.errors?.[0].message).toContain('is TERMINATED');
  });

  it('refuses what it cannot take as BAD_USER_INPUT naming the field, recording nothing', async () => {
    const draft = await recordDraft(programId);
    const amend = (input: Record<string, unknown>) => send(planner, 'amendAgreement', { id: draft.id, reason: 'Fixing it', ...input });
    expectRefused(await amend({ title: { en: 'New title' }, reason: '   ' }), 'BAD_USER_INPUT', { field: 'reason' });
    expectRefused(await amend({ title: null }), 'BAD_USER_INPUT', { field: 'title' });
    expectRefused(await amend({ partyIds: [org.diea] }), 'BAD_USER_INPUT', { field: 'partyIds' });
    expectRefused(await amend({ partyIds: null }), 'BAD_USER_INPUT', { field: 'partyIds' });
    // Nothing would change: the same title written with spaces around it.
    expectRefused(await amend({ title: { en: '  Training OTOP sellers online ' } }), 'BAD_USER_INPUT');
    const signed = await recordSigned(programId);
    expectRefused(await send(planner, 'amendAgreement', { id: signed.id, expiresOn: '2019-12-31', reason: 'Shorter' }), 'BAD_USER_INPUT', {
      field: 'expiresOn',
    });
  });

  it('refuses an unknown party or agreement as NOT_FOUND naming the field', async () => {
    const draft = await recordDraft(programId);
    expectRefused(await send(planner, 'amendAgreement', { id: draft.id, partyIds: [org.diea, MISSING], reason: 'Add a party' }), 'NOT_FOUND', {
      field: 'partyIds[1]',
      entity: 'organization',
    });
    expectRefused(await send(planner, 'amendAgreement', { id: MISSING, title: { en: 'X' }, reason: 'Renamed' }), 'NOT_FOUND', { field: 'id' });
  });

  it('refuses a stale expectedVersion as CONFLICT, recording nothing', async () => {
    const signed = await recordSigned(programId);
    dataOf(await mutate(planner, 'amendAgreement', { id: signed.id, title: { en: 'First amendment' }, reason: 'Renamed' }, PAYLOAD));
    expectRefused(await send(planner, 'amendAgreement', { id: signed.id, expectedVersion: 1, title: { en: 'Second' }, reason: 'Renamed' }), 'CONFLICT', {
      reason: 'WRONG_EXPECTED_VERSION',
    });
  });

  it('is for planners and admins: a diplomat or an auditor is FORBIDDEN, no token UNAUTHENTICATED, recording nothing', async () => {
    const draft = await recordDraft(programId);
    await expectRolesRefused('amendAgreement', { id: draft.id, title: { en: 'Renamed' }, reason: 'Renamed' });
  });
});

describe('terminateAgreement', () => {
  let programId: string;

  beforeAll(async () => {
    programId = await newProgram();
  });

  it('terminates a signed agreement on a Thai date with its reason', async () => {
    const signed = await recordSigned(programId);
    const ended = dataOf(
      await mutate(planner, 'terminateAgreement', { id: signed.id, expectedVersion: 1, terminatedOn: '30 มิ.ย. 2563', reason: 'Superseded' }, PAYLOAD),
    ).terminateAgreement;
    expect(ended.agreement).toMatchObject({ status: 'TERMINATED', signedOn: '2020-01-15', terminatedOn: '2020-06-30', version: 2 });
  });

  it('answers a retry with the same commandId with the first result, recording nothing new', async () => {
    const signed = await recordSigned(programId);
    const input = { commandId: newCommandId(), id: signed.id, terminatedOn: '2020-06-30', reason: 'Superseded' };
    const first = dataOf(await mutate(planner, 'terminateAgreement', input, PAYLOAD)).terminateAgreement;
    const events = await api.eventCount();
    const retry = dataOf(await mutate(planner, 'terminateAgreement', input, PAYLOAD)).terminateAgreement;
    expect(retry.result).toEqual(first.result);
    expect(await api.eventCount()).toBe(events);
  });

  it('refuses a draft as CONFLICT naming DRAFT, and a terminated one naming TERMINATED, recording nothing', async () => {
    const draft = await recordDraft(programId);
    const fromDraft = await send(planner, 'terminateAgreement', { id: draft.id, terminatedOn: '2020-06-30', reason: 'Abandoned' });
    expectRefused(fromDraft, 'CONFLICT', { reason: 'FORBIDDEN_TRANSITION', from: 'DRAFT', to: 'TERMINATED' });
    expect(fromDraft.body.errors?.[0].message).toContain('is DRAFT');
    const signed = await recordSigned(programId);
    dataOf(await mutate(planner, 'terminateAgreement', { id: signed.id, terminatedOn: '2020-06-30', reason: 'Superseded' }, PAYLOAD));
    const again = await send(planner, 'terminateAgreement', { id: signed.id, terminatedOn: '2020-07-01', reason: 'Again' });
    expectRefused(again, 'CONFLICT', { from: 'TERMINATED' });
    expect(again.body.errors?.[0].message).toContain('TERMINATED');
  });

  it('refuses a blank reason, a missing one and a day before the signing as BAD_USER_INPUT, recording nothing', async () => {
    const signed = await recordSigned(programId);
    const terminate = (input: Record<string, unknown>) => send(planner, 'terminateAgreement', { id: signed.id, terminatedOn: '2020-06-30', ...input });
    expectRefused(await terminate({ reason: '' }), 'BAD_USER_INPUT', { field: 'reason' });
    expectRefused(await terminate({}), 'BAD_USER_INPUT');
    expectRefused(await terminate({ terminatedOn: '2020-01-14', reason: 'Before it began' }), 'BAD_USER_INPUT', { field: 'terminatedOn' });
    expect(await agreementNow(signed.id)).toMatchObject({ status: 'SIGNED', terminatedOn: null });
  });

  it('refuses an agreement that was never recorded as NOT_FOUND naming id', async () => {
    expectRefused(await send(planner, 'terminateAgreement', { id: MISSING, terminatedOn: '2020-06-30', reason: 'Gone' }), 'NOT_FOUND', { field: 'id' });
  });

  it('refuses a stale expectedVersion as CONFLICT, recording nothing', async () => {
    const signed = await recordSigned(programId);
    dataOf(await mutate(planner, 'amendAgreement', { id: signed.id, expiresOn: '2023-12-31', reason: 'Extended' }, PAYLOAD));
    expectRefused(await send(planner, 'terminateAgreement', { id: signed.id, expectedVersion: 1, terminatedOn: '2020-06-30', reason: 'Ended' }), 'CONFLICT', {
      reason: 'WRONG_EXPECTED_VERSION',
    });
  });

  it('is for planners and admins: a diplomat or an auditor is FORBIDDEN, no token UNAUTHENTICATED, recording nothing', async () => {
    const signed = await recordSigned(programId);
    await expectRolesRefused('terminateAgreement', { id: signed.id, terminatedOn: '2020-06-30', reason: 'Ended' });
    expect(await agreementNow(signed.id)).toMatchObject({ status: 'SIGNED' });
  });
});

describe("the lifecycle in the program's history and as-of views", () => {
  let programId: string;
  let agreementId: string;

  beforeAll(async () => {
    programId = await newProgram();
    agreementId = (await recordDraft(programId)).id;
    dataOf(await mutate(planner, 'signAgreement', { id: agreementId, signedOn: '2020-01-15' }, PAYLOAD));
    dataOf(await mutate(planner, 'amendAgreement', { id: agreementId, partyIds: [org.diea, org.lazada, org.cdd], reason: 'CDD joins' }, PAYLOAD));
    dataOf(await mutate(planner, 'terminateAgreement', { id: agreementId, terminatedOn: '2020-06-30', reason: 'Superseded by the 2020 memorandum' }, PAYLOAD));
  });

  const AGREEMENTS = `{ agreements { id status signedOn expiresOn terminatedOn parties { id } } }`;

  it('shows each step with its actor, its reason and its business date', async () => {
    const trail = (await programTrail(auditor, programId)).filter((event) => event.streamId === `agreement-${agreementId}`);
    expect(trail.map((event) => [event.type, event.actor, event.occurredOn, event.data.reason ?? null])).toEqual([
      ['AgreementRecorded', PLANNER, null, null],
      ['AgreementSigned', PLANNER, '2020-01-15', null],
      ['AgreementAmended', PLANNER, null, 'CDD joins'],
      ['AgreementTerminated', PLANNER, '2020-06-30', 'Superseded by the 2020 memorandum'],
    ]);
  });

  it('shows the agreement as it stood before each step', async () => {
    const trail = await programTrail(auditor, programId);
    const step = (type: string) => trail.find((event) => event.type === type)!;
    const before = async (type: string) => (await programAsOf(auditor, programId, instantBefore(trail, step(type)), AGREEMENTS))!.agreements;
    expect(await before('AgreementSigned')).toEqual([
      { id: agreementId, status: 'DRAFT', signedOn: null, expiresOn: '2021-12-31', terminatedOn: null, parties: [{ id: org.diea }, { id: org.lazada }] },
    ]);
    expect(await before('AgreementAmended')).toEqual([expect.objectContaining({ status: 'SIGNED', signedOn: '2020-01-15', parties: [{ id: org.diea }, { id: org.lazada }] })]);
    expect(await before('AgreementTerminated')).toEqual([
      expect.objectContaining({ status: 'SIGNED', terminatedOn: null, parties: [{ id: org.diea }, { id: org.lazada }, { id: org.cdd }] }),
    ]);
    const now = (await programAsOf(auditor, programId, new Date().toISOString(), AGREEMENTS))!.agreements;
    expect(now).toEqual([expect.objectContaining({ status: 'TERMINATED', terminatedOn: '2020-06-30' })]);
  });

  it('lists the agreement on its program with its end', async () => {
    const program = dataOf(await planner(`query ($id: ID!) { program(id: $id) ${AGREEMENTS} }`, { id: programId })).program;
    expect(program.agreements).toEqual([expect.objectContaining({ id: agreementId, status: 'TERMINATED', terminatedOn: '2020-06-30' })]);
  });
});
