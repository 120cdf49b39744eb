export { createTestDatabase, type TestDatabase } from './create-test-database';
export { removeDataDir } from './remove-data-dir';
