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

  it('answers UNAUTHENTICATED without a token', async () => {
    expect(codesOf((await api.graphql(ME)).body as GraphQLBody)).toEqual(['UNAUTHENTICATED']);
  });
});
