// Stops the server global-setup.ts started and deletes its files (nothing when DATABASE_URL was used).
export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__trackerPostgres;
  globalThis.__trackerPostgres = undefined;
  if (server) await server.stop();
}
