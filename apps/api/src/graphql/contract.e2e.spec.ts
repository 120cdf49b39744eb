import { GraphQLSchemaHost } from '@nestjs/graphql';
import { testEnvironment } from '@tracker/config';
import { findBreakingChanges, lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContractSchema } from '../testing/contract';
import { startTestApp, type TestApp } from '../testing/test-app';

// The web app types every operation from this copy of the served schema at build time
// (gql.tada, apps/web/README.md), so a change to the api that breaks the app breaks its build.
const WEB_SCHEMA = join(__dirname, '../../../web/src/graphql/schema.graphql');

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

  it("is what the web app's copy says (npm run web:schema refreshes the copy)", () => {
    // Sorted, so the copy changes only when the schema does, not when a module moves.
    const served = `${printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema))}\n`;
    if (testEnvironment().updateWebSchema) writeFileSync(WEB_SCHEMA, served);
    expect(readFileSync(WEB_SCHEMA, 'utf8')).toBe(served);
  });
});
