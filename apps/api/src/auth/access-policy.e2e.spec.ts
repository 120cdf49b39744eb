import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isScalarType } from 'graphql';
import { loadContractSchema, rootOperations } from '../testing/contract';
import { startTestApp, type TestApp } from '../testing/test-app';
import { ACCESS_POLICY } from './access-policy';

describe('the access policy against the served schema and the contract', () => {
  let api: TestApp;
  let served: string[];
  const contract = rootOperations(loadContractSchema());

  beforeAll(async () => {
    api = await startTestApp();
    served = rootOperations(api.app.get(GraphQLSchemaHost).schema);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('has a rule for every operation the api serves', () => {
    expect(served.filter((operation) => ACCESS_POLICY[operation] === undefined)).toEqual([]);
  });

  it('has a rule for every operation of the contract', () => {
    expect(contract.filter((operation) => ACCESS_POLICY[operation] === undefined)).toEqual([]);
  });

  it('has no rule for an operation that exists nowhere', () => {
    const known = new Set([...served, ...contract]);
    expect(Object.keys(ACCESS_POLICY).filter((operation) => !known.has(operation))).toEqual([]);
  });

  it('lets no auditor write', () => {
    const auditorWrites = Object.entries(ACCESS_POLICY)
      .filter(([operation, roles]) => operation.startsWith('Mutation.') && roles.includes('auditor'))
      .map(([operation]) => operation);
    expect(auditorWrites).toEqual([]);
  });

  it('serves the contract scalars under their contract names', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    for (const name of ['Date', 'DateTime', 'Decimal', 'JSON']) {
      expect(isScalarType(schema.getType(name))).toBe(true);
    }
  });
});
