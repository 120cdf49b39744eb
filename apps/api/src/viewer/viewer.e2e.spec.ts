import { codesOf, type GraphQLBody } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { bearer, signTestToken } from '../testing/test-tokens';

let api: TestApp;

beforeAll(async () => {
  api = await startTestApp({ readYourWritesTimeoutMs: 0 });
});

afterAll(async () => {
  await api?.close();
});

const ME = 'query { me { subject name roles } }';

describe('me', () => {
  it("answers with the token's subject, name and roles, in GraphQL's names", async () => {
    const token = await signTestToken({ sub: 'somchai', name: 'Somchai Jaidee', roles: ['planner', 'auditor'] });
    const { body } = await api.graphql(ME, {}, `Bearer ${token}`);
    expect(body).toEqual({ data: { me: { subject: 'somchai', name: 'Somchai Jaidee', roles: ['PLANNER', 'AUDITOR'] } } });
  });

  it('answers a caller signed in with no role, with no roles, while refusing them everything else', async () => {
    const authorization = await bearer([], 'newcomer');
    expect((await api.graphql(ME, {}, authorization)).body).toEqual({ data: { me: { subject: 'newcomer', name: null, roles: [] } } });
    expect(codesOf((await api.graphql('query { programs { totalCount } }', {}, authorization)).body as GraphQLBody)).toEqual(['FORBIDDEN']);
  });

  it('lists the operations the roles allow, as the access policy the api enforces says', async () => {
    const query = 'query { me { operations } }';
    const operationsOf = async (roles: string[]) => ((await api.graphql(query, {}, await bearer(roles))).body as { data: { me: { operations: string[] } } }).data.me.operations;
    const diplomat = await operationsOf(['diplomat']);
    expect(diplomat).toEqual(expect.arrayContaining(['Mutation.logActivity', 'Mutation.recordOutcome', 'Query.program', 'Query.me', 'Subscription.programChanged']));
    expect(diplomat).not.toContain('Mutation.launchProgram');
    expect(diplomat).not.toContain('Query.programHistory');
    const auditor = await operationsOf(['auditor']);
    expect(auditor).toEqual(expect.arrayContaining(['Query.programHistory', 'Query.verifyHistory', 'Query.historyDigest']));
    expect(auditor.filter((operation) => operation.startsWith('Mutation.'))).toEqual([]);
    expect(await operationsOf(['planner'])).toEqual(expect.arrayContaining(['Mutation.launchProgram', 'Mutation.mergeOrganizations', 'Query.programHistory']));
    expect(await operationsOf([])).toEqual(['Query.me']);
  });

  it('answers UNAUTHENTICATED without a token', async () => {
    expect(codesOf((await api.graphql(ME)).body as GraphQLBody)).toEqual(['UNAUTHENTICATED']);
  });
});
