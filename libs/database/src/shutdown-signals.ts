/**
 * Runs `shutdown` once on the first SIGINT or SIGTERM, then exits (0, or 1 if it failed).
 * A second signal exits at once, for the impatient Ctrl-C. Returns a function that unhooks.
 *
 *   const db = await startDatabase({ dataDir: '.data' });
 *   const app = await bootstrap(db.url);
 *   onShutdownSignal(async () => { await app.close(); await db.stop(); });
 */
export function onShutdownSignal(
  shutdown: (signal: NodeJS.Signals) => Promise<void>,
  signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'],
): () => void {
  let shuttingDown = false;
  const handler = (signal: NodeJS.Signals) => {
    if (shuttingDown) process.exit(1);
    shuttingDown = true;
    shutdown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown after ${signal} failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.removeListener(signal, handler);
  };
}
