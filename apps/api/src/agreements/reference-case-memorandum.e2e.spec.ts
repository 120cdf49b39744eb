import { RecordAgreement, SignAgreement } from '@tracker/application';
import { referenceIds } from '@tracker/domain';
import { loadReferenceCaseAt, startHistoryFixture, type HistoryFixture } from '../history/testing/history-fixture';
import { callerFor, dataOf, type Caller } from '../testing/graphql-caller';
import { programTrail } from '../testing/program-trail';

/**
 * One of the made-up mistakes of the reference case (shared/domain/README.md: "a draft
 * memorandum between the DIEA and Lazada on training OTOP sellers, later signed"). The article
 * records no agreement, so this one lives here and never in the demo data: the reference case
 * is told as the demo tells it, then the memorandum is drafted in January 2020 and signed in
 * February. The commands go through the command bus of the fixture's store, whose clock the
 * test sets, so "as known before the signing" is a fixed instant.
 */
const { program: programId, organizations } = referenceIds;
const DRAFTED_AT = '2020-01-20T10:00:00+07:00';
const SIGNED_AT = '2020-02-14T15:00:00+07:00';
const PLANNER = 'planner.diea@mfa.go.th';
const SIGNER = 'director.diea@mfa.go.th';

const AGREEMENTS = '{ agreements { title { en th } status signedOn expiresOn terminatedOn parties { id name { en } } } }';

describe('the reference case: a draft memorandum with Lazada on training OTOP sellers, later signed', () => {
  jest.setTimeout(60_000);
  let fixture: HistoryFixture;
  let auditor: Caller;
  let memorandumId: string;

  async function asOf(at: string, occurredBy?: string): Promise<Record<string, any>[]> {
    const query = `query ($programId: ID!, $asOf: DateTime!, $occurredBy: Date) { programAsOf(programId: $programId, asOf: $asOf, occurredBy: $occurredBy) ${AGREEMENTS} }`;
    return dataOf(await auditor(query, { programId, asOf: at, occurredBy })).programAsOf.agreements;
  }

  beforeAll(async () => {
    fixture = await startHistoryFixture();
    auditor = await callerFor(fixture.api, ['auditor'], 'auditor@oag.go.th');
    await loadReferenceCaseAt(fixture);
    fixture.clock.set(DRAFTED_AT);
    memorandumId = (
      await fixture.commands.execute(
        new RecordAgreement(
          {
            title: {
              th: 'บันทึกความเข้าใจว่าด้วยการอบรมผู้ขาย OTOP ให้ขายออนไลน์',
              en: 'Memorandum on training OTOP sellers to sell online',
            },
            partyIds: [organizations.diea, organizations.lazada],
            programId,
            expiresOn: '31 ธันวาคม 2564',
          },
          { actor: PLANNER, now: DRAFTED_AT },
        ),
      )
    ).id;
    fixture.clock.set(SIGNED_AT);
    await fixture.commands.execute(new SignAgreement({ id: memorandumId, signedOn: '14 กุมภาพันธ์ 2563' }, { actor: SIGNER, now: SIGNED_AT }));
    await fixture.project();
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it('is not part of the case as the demo tells it: the program had no agreement before the draft', async () => {
    expect(await asOf('2020-01-20T09:59:59+07:00')).toEqual([]);
  });

  it('was recorded as a DRAFT between the DIEA and Lazada', async () => {
    expect(await asOf('2020-02-14T14:59:59+07:00')).toEqual([
      {
        title: { en: 'Memorandum on training OTOP sellers to sell online', th: 'บันทึกความเข้าใจว่าด้วยการอบรมผู้ขาย OTOP ให้ขายออนไลน์' },
        status: 'DRAFT',
        signedOn: null,
        expiresOn: '2021-12-31',
        terminatedOn: null,
        parties: [
          { id: organizations.diea, name: { en: 'Department of International Economic Affairs' } },
          { id: organizations.lazada, name: { en: 'Lazada (Thailand) Co., Ltd.' } },
        ],
      },
    ]);
  });

  it('is SIGNED from the moment the signing was recorded, and on the program today', async () => {
    expect(await asOf(SIGNED_AT)).toEqual([expect.objectContaining({ status: 'SIGNED', signedOn: '2020-02-14', expiresOn: '2021-12-31' })]);
    const program = dataOf(await auditor(`query ($id: ID!) { program(id: $id) ${AGREEMENTS} }`, { id: programId })).program;
    expect(program.agreements).toEqual([expect.objectContaining({ status: 'SIGNED', signedOn: '2020-02-14' })]);
  });

  it('is a draft in the business-time view of the day before the signing', async () => {
    expect((await asOf('2030-01-01T00:00:00Z', '2020-02-13')).map((agreement) => agreement.status)).toEqual(['DRAFT']);
    expect((await asOf('2030-01-01T00:00:00Z', '2020-02-14')).map((agreement) => agreement.status)).toEqual(['SIGNED']);
  });

  it("shows both steps in the program's history, each with its actor, recording time and business date", async () => {
    const steps = (await programTrail(auditor, programId)).filter((event) => event.streamId === `agreement-${memorandumId}`);
    expect(steps.map(({ type, actor, recordedAt, occurredOn }) => ({ type, actor, recordedAt, occurredOn }))).toEqual([
      { type: 'AgreementRecorded', actor: PLANNER, recordedAt: new Date(DRAFTED_AT).toISOString(), occurredOn: null },
      { type: 'AgreementSigned', actor: SIGNER, recordedAt: new Date(SIGNED_AT).toISOString(), occurredOn: '2020-02-14' },
    ]);
    expect(steps[0].data).toMatchObject({ status: 'DRAFT', partyIds: [organizations.diea, organizations.lazada], programId });
    expect(steps[1].data).toEqual({ agreementId: memorandumId, signedOn: '2020-02-14', expiresOn: '2021-12-31' });
  });
});
