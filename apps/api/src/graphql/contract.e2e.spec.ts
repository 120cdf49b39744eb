import { GraphQLSchemaHost } from '@nestjs/graphql';
import { findBreakingChanges } from 'graphql';
import { loadContractSchema } from '../testing/contract';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('the served schema', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('makes no breaking change to the public contract', () => {
    const served = api.app.get(GraphQLSchemaHost).schema;
    const breaking = findBreakingChanges(loadContractSchema(), served).map((change) => `${change.type}: ${change.description}`);
    expect(breaking).toEqual([]);
  });
});
