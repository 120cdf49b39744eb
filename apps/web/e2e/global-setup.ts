import { startTracker } from './tracker';

/**
 * One tracker for the whole run (starting one takes seconds: PostgreSQL, projector, demo data);
 * the tests share it and write only records of their own, under titles no other test uses.
 * The returned function is Playwright's global teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const tracker = await startTracker();
  return () => tracker.stop();
}
