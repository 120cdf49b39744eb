import type { AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../testing/test-app';
import { TEST_ACCESS_RULES, TestOperationsModule } from '../testing/test-operations.module';
import { bearer, signTestToken } from '../testing/test-tokens';

describe('subscriptions over WebSocket', () => {
  let api: TestApp;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    api = await startTestApp({ extraModules: [TestOperationsModule], extraAccessRules: TEST_ACCESS_RULES });
    await api.app.listen(0, '127.0.0.1');
    url = `ws://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}/graphql`;
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await api?.close();
  });

  async function collect(query: string, authorization?: string): Promise<unknown[]> {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: authorization ? { authorization } : {},
      retryAttempts: 0,
    });
    clients.push(client);
    const results: unknown[] = [];
    for await (const result of client.iterate({ query })) results.push(result);
    return results;
  }

  it('streams events to a role the access policy allows', async () => {
    const results = await collect('subscription { testTicks(count: 3) }', await bearer(['auditor']));
    expect(results).toEqual([{ data: { testTicks: 1 } }, { data: { testTicks: 2 } }, { data: { testTicks: 3 } }]);
  });

  it('answers UNAUTHENTICATED without a token', async () => {
    const results = (await collect('subscription { testTicks(count: 1) }')) as { errors: { extensions: { code: string } }[] }[];
    expect(results.map((result) => result.errors[0].extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers UNAUTHENTICATED to an expired, a forged and an unsigned token, as over HTTP', async () => {
    const now = Math.floor(Date.now() / 1000);
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const tokens = [
      await signTestToken({ roles: ['auditor'] }, { expiresInSeconds: -60 }),
      await signTestToken({ roles: ['auditor'] }, { secret: 'someone-else-someone-else-someone-else-0123' }),
      `${part({ alg: 'none' })}.${part({ sub: 'mallory', roles: ['auditor'], exp: now + 300 })}.`,
      'not-a-token',
    ];
    for (const token of tokens) {
      const results = (await collect('subscription { testTicks(count: 1) }', `Bearer ${token}`)) as { errors: { extensions: { code: string } }[] }[];
      expect(results.map((result) => result.errors[0].extensions.code)).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('answers FORBIDDEN to a role the access policy leaves out', async () => {
    const results = (await collect('subscription { testTicks(count: 1) }', await bearer(['diplomat']))) as {
      errors: { extensions: { code: string } }[];
    }[];
    expect(results.map((result) => result.errors[0].extensions.code)).toEqual(['FORBIDDEN']);
  });

  it('serves only subscriptions, sending queries to POST /graphql', async () => {
    await expect(collect('{ testCaller { subject } }', await bearer(['admin']))).rejects.toEqual([
      expect.objectContaining({ message: expect.stringContaining('only subscriptions are served over WebSocket'), extensions: { code: 'BAD_USER_INPUT' } }),
    ]);
  });
});
