export default async function globalTeardown() {
  const pg = globalThis.__trackerPostgres;
  globalThis.__trackerPostgres = undefined;
  if (pg) await pg.stop();
}
