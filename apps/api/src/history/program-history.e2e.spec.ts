import { CorrectOutcome, LaunchProgram } from '@tracker/application';
import { referenceIds } from '@tracker/domain';
import { bearer } from '../testing/test-tokens';
import { loadReferenceCaseAt, startHistoryFixture, type HistoryFixture } from './testing/history-fixture';

const HISTORY = `
  query History($programId: ID!, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
    programHistory(programId: $programId, from: $from, to: $to, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          position eventId streamId version type schemaVersion recordedAt occurredOn
          actor commandId correlationId causationId data hash
        }
      }
    }
  }`;

interface HistoryNode {
  position: string;
  streamId: string;
  version: number;
  type: string;
  recordedAt: string;
  occurredOn: string | null;
  actor: string;
  correlationId: string | null;
  data: Record<string, unknown>;
  hash: string;
}
interface HistoryPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: HistoryNode }[];
}

const program = referenceIds.program;
const revenue = referenceIds.outcomes.shanghaiFairRevenue;
const CORRECTED_AT = '2020-01-15T10:00:00+07:00';

describe('programHistory', () => {
  jest.setTimeout(60_000);
  let fixture: HistoryFixture;
  let auditor: string;

  beforeAll(async () => {
    fixture = await startHistoryFixture();
    auditor = await bearer(['auditor'], 'auditor@oag.go.th');
    await loadReferenceCaseAt(fixture);
    // Someone else, later, corrects the fair's revenue: a new event beside the first figure.
    fixture.clock.set(CORRECTED_AT);
    await fixture.commands.execute(new CorrectOutcome(
      { id: revenue, amount: '12500000.00', currency: 'THB', reason: 'Final sales report from the consulate' },
      { actor: 'consul.shanghai@mfa.go.th', now: CORRECTED_AT },
    ));
    // An unrelated program, so the history has something to leave out.
    await fixture.commands.execute(new LaunchProgram({ title: { en: 'Rice exports to Japan' }, summary: null }, { actor: 'planner@mfa.go.th', now: CORRECTED_AT }));
    await fixture.project();
  });

  afterAll(async () => {
    await fixture?.close();
  });

  async function history(variables: Record<string, unknown>, token = auditor): Promise<HistoryPage> {
    const response = await fixture.api.graphql(HISTORY, { programId: program, ...variables }, token).expect(200);
    expect(response.body.errors).toBeUndefined();
    return response.body.data.programHistory;
  }

  it('lists every event that touched the program, in global order, with its metadata and hash', async () => {
    const page = await history({ first: 100 });
    const nodes = page.edges.map((edge) => edge.node);
    // Launch, 5 partners, activation, 3 activities, the revenue, the follow-up, the correction.
    expect(page.totalCount).toBe(13);
    expect(nodes.map((n) => n.type)).toEqual([
      'ProgramLaunched',
      ...Array(5).fill('ProgramPartnerAdded'),
      'ProgramStatusChanged',
      'ActivityLogged',
      'OutcomeRecorded',
      'ActivityLogged',
      'FollowUpAdded',
      'ActivityLogged',
      'OutcomeCorrected',
    ]);
    const positions = nodes.map((n) => BigInt(n.position));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(new Set(nodes.map((n) => n.streamId))).toEqual(
      new Set([
        `program-${program}`,
        ...Object.values(referenceIds.activities).map((id) => `activity-${id}`),
        `outcome-${revenue}`,
        `follow-up-${referenceIds.followUps.lazadaOnlineTraining}`,
      ]),
    );
    for (const node of nodes) expect(node.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(nodes[0]).toMatchObject({ version: 1, occurredOn: '2019-05-29', actor: 'planner@mfa.go.th', correlationId: 'reference-case' });
  });

  it('shows the first figure and its correction side by side, each with its actor and time', async () => {
    const nodes = (await history({ first: 100 })).edges.map((edge) => edge.node);
    const recorded = nodes.find((n) => n.type === 'OutcomeRecorded')!;
    const corrected = nodes.find((n) => n.type === 'OutcomeCorrected')!;
    expect(recorded).toMatchObject({
      streamId: `outcome-${revenue}`,
      version: 1,
      actor: 'diplomat@mfa.go.th',
      recordedAt: new Date('2019-12-17T02:00:00Z').toISOString(),
      data: expect.objectContaining({ amount: '10000000.00', currency: 'THB' }),
    });
    expect(corrected).toMatchObject({
      streamId: `outcome-${revenue}`,
      version: 2,
      actor: 'consul.shanghai@mfa.go.th',
      recordedAt: new Date('2020-01-15T03:00:00Z').toISOString(),
      data: expect.objectContaining({ amount: '12500000.00', reason: 'Final sales report from the consulate' }),
    });
  });

  it('pages by position with a cursor, every event exactly once', async () => {
    const all = (await history({ first: 100 })).edges.map((edge) => edge.node.position);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: HistoryPage = await history({ first: 5, after });
      expect(page.totalCount).toBe(13);
      seen.push(...page.edges.map((edge) => edge.node.position));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it('filters by recorded time, both bounds inclusive', async () => {
    const later = await history({ from: '2020-01-01T00:00:00+07:00' });
    expect(later.totalCount).toBe(1);
    expect(later.edges.map((edge) => edge.node.type)).toEqual(['OutcomeCorrected']);

    const before = await history({ to: '2019-12-17T09:00:00+07:00', first: 100 });
    expect(before.totalCount).toBe(12);
    expect(before.edges.map((edge) => edge.node.type)).not.toContain('OutcomeCorrected');
  });

  it('answers an empty history for a program it does not know, and for an id that is no id', async () => {
    for (const programId of ['20000000-0000-4000-8000-00000000ffff', 'not-a-uuid']) {
      const page = await history({ programId });
      expect(page).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    }
  });

  it('refuses a cursor that is not one of its own', async () => {
    const response = await fixture.api.graphql(HISTORY, { programId: program, after: 'bm90LWEtY3Vyc29y' }, auditor).expect(200);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  describe('access', () => {
    it('serves planners and admins as well as auditors', async () => {
      for (const roles of [['planner'], ['admin']]) {
        const response = await fixture.api.graphql(HISTORY, { programId: program, first: 1 }, await bearer(roles)).expect(200);
        expect(response.body.data.programHistory.totalCount).toBe(13);
      }
    });

    it('refuses a diplomat: FORBIDDEN, on history, as-of and verification alike', async () => {
      const diplomat = await bearer(['diplomat']);
      const operations = [
        [HISTORY, { programId: program }],
        ['query($id: ID!) { programAsOf(programId: $id, asOf: "2020-01-01T00:00:00Z") { id } }', { id: program }],
        ['query($id: ID) { verifyHistory(programId: $id) { ok } }', { id: program }],
        ['{ verifyHistory { ok } }', {}],
      ] as const;
      for (const [query, variables] of operations) {
        const response = await fixture.api.graphql(query, variables, diplomat).expect(200);
        expect(response.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
      }
    });

    it('refuses a caller without a token: UNAUTHENTICATED', async () => {
      const response = await fixture.api.graphql(HISTORY, { programId: program }).expect(200);
      expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });
});
