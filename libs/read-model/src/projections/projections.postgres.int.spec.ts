import { PostgresBatchBackend } from '../testing/postgres-projection-spec';
import { runProjectionSpecs } from '../testing/projection-spec';
import { projectionSpecCases } from './projections.spec-cases';

describe('projection specs on PostgreSQL through the batch store', () => {
  const backend = new PostgresBatchBackend();
  beforeAll(() => backend.start(), 60_000);
  afterAll(() => backend.stop());

  runProjectionSpecs(backend, projectionSpecCases);
});
