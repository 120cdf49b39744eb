import { CorrectOutcome, RenameOrganization } from '@tracker/application';
import { referenceIds } from '@tracker/domain';
import { bearer } from '../testing/test-tokens';
import { loadReferenceCaseAt, startHistoryFixture, type HistoryFixture } from './testing/history-fixture';

const PROGRAM_FIELDS = `
  id title { en } summary status startedOn version updatedAt
  partners { organization { id name { th en } } role joinedOn }
  agreements { id }
  activities(first: 10) { totalCount edges { node { id kind title { en } startsOn endsOn } } }
  outcomes { id kind amount currency quantity version }
  followUps { description status dueOn }
  totals { kind currency amount quantity }`;

const AS_OF = `
  query AsOf($programId: ID!, $asOf: DateTime!, $occurredBy: Date) {
    programAsOf(programId: $programId, asOf: $asOf, occurredBy: $occurredBy) { ${PROGRAM_FIELDS} }
  }`;

const { program: programId, organizations, activities } = referenceIds;
const revenue = referenceIds.outcomes.shanghaiFairRevenue;
const CORRECTED_AT = '2020-01-15T10:00:00+07:00';
const RENAMED_AT = '2020-01-20T10:00:00+07:00';

type ProgramView = {
  status: string;
  version: number;
  partners: { organization: { id: string; name: { en: string } }; role: string; joinedOn: string | null }[];
  activities: { totalCount: number; edges: { node: { id: string } }[] };
  outcomes: { amount: string; version: number }[];
  followUps: { status: string }[];
  totals: { kind: string; currency: string | null; amount: string | null; quantity: number | null }[];
};

describe('programAsOf: the reference case, before and after the revenue was corrected', () => {
  jest.setTimeout(60_000);
  let fixture: HistoryFixture;
  let auditor: string;

  beforeAll(async () => {
    fixture = await startHistoryFixture();
    auditor = await bearer(['auditor'], 'auditor@oag.go.th');
    await loadReferenceCaseAt(fixture);
    fixture.clock.set(CORRECTED_AT);
    await fixture.commands.execute(new CorrectOutcome(
      { id: revenue, amount: '12500000.00', currency: 'THB', reason: 'Final sales report from the consulate' },
      { actor: 'consul.shanghai@mfa.go.th', now: CORRECTED_AT },
    ));
    fixture.clock.set(RENAMED_AT);
    await fixture.commands.execute(new RenameOrganization(
      { id: organizations.lazada, name: { th: 'ลาซาด้า', en: 'Lazada Thailand' } },
      { actor: 'planner@mfa.go.th', now: RENAMED_AT },
    ));
    await fixture.project();
  });

  afterAll(async () => {
    await fixture?.close();
  });

  async function asOf(at: string, occurredBy?: string): Promise<ProgramView | null> {
    const response = await fixture.api.graphql(AS_OF, { programId, asOf: at, occurredBy }, auditor).expect(200);
    expect(response.body.errors).toBeUndefined();
    return response.body.data.programAsOf;
  }

  it('is null before the program was recorded', async () => {
    expect(await asOf('2019-12-17T08:59:59+07:00')).toBeNull();
    expect(await asOf('2030-01-01T00:00:00Z', undefined)).not.toBeNull();
  });

  it('shows the first figure before the correction, with everything else known then', async () => {
    const view = (await asOf('2019-12-31T00:00:00+07:00'))!;
    expect(view.outcomes).toEqual([expect.objectContaining({ id: revenue, amount: '10000000.00', version: 1 })]);
    expect(view.totals).toEqual([{ kind: 'REVENUE', currency: 'THB', amount: '10000000.00', quantity: null }]);
    expect(view.status).toBe('ACTIVE');
    expect(view.partners.map((p) => [p.organization.id, p.role])).toEqual([
      [organizations.diea, 'LEAD'],
      [organizations.cdd, 'LEAD'],
      [organizations.alibaba, 'PLATFORM'],
      [organizations.lazada, 'PLATFORM'],
      [organizations.mall, 'MARKETING'],
    ]);
    expect(view.activities.totalCount).toBe(3);
    expect(view.activities.edges.map((e) => e.node.id)).toEqual([activities.shanghaiFair, activities.cddMeeting, activities.otopCityVisit]);
    expect(view.followUps).toEqual([expect.objectContaining({ status: 'OPEN' })]);
  });

  it('shows the corrected figure once the correction was recorded', async () => {
    const view = (await asOf('2020-01-15T10:00:00+07:00'))!;
    expect(view.outcomes).toEqual([expect.objectContaining({ amount: '12500000.00', version: 2 })]);
    expect(view.totals).toEqual([{ kind: 'REVENUE', currency: 'THB', amount: '12500000.00', quantity: null }]);
  });

  it('names each partner as it was named at the time, not as renamed since', async () => {
    const lazadaAt = async (at: string) => (await asOf(at))!.partners.find((p) => p.organization.id === organizations.lazada)!.organization.name.en;
    expect(await lazadaAt('2020-01-19T00:00:00+07:00')).toBe('Lazada (Thailand) Co., Ltd.');
    expect(await lazadaAt('2020-01-21T00:00:00+07:00')).toBe('Lazada Thailand');
  });

  it('as of now, equals the live read model: one projection code, two places it runs', async () => {
    const live = await fixture.api.graphql(`query($id: ID!) { program(id: $id) { ${PROGRAM_FIELDS} } }`, { id: programId }, auditor).expect(200);
    expect(live.body.errors).toBeUndefined();
    expect(await asOf(new Date().toISOString())).toEqual(live.body.data.program);
  });

  describe('by business date (occurredBy)', () => {
    it('shows what had happened by 30 June 2019: the fair and its revenue, three partners', async () => {
      // Thai input, as the Date scalar accepts it: 30 June 2562 BE.
      const view = (await asOf(new Date().toISOString(), '๓๐ มิถุนายน ๒๕๖๒'))!;
      expect(view.activities.edges.map((e) => e.node.id)).toEqual([activities.shanghaiFair]);
      expect(view.outcomes.map((o) => o.amount)).toEqual(['12500000.00']);
      // Alibaba has no joining date: it counts from the program's start (29 May 2019).
      expect(view.partners.map((p) => p.organization.id)).toEqual([organizations.diea, organizations.cdd, organizations.alibaba]);
      // The activation carries no date and was recorded in December.
      expect(view.status).toBe('PROPOSED');
      expect(view.followUps).toEqual([]);
    });

    it('is null for a day before the program started', async () => {
      expect(await asOf(new Date().toISOString(), '2019-05-28')).toBeNull();
    });
  });

  it('refuses a date-time without an offset', async () => {
    const response = await fixture.api.graphql(AS_OF, { programId, asOf: '2020-01-01T00:00:00' }, auditor);
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
