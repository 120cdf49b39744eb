/**
 * Child process for start-database.int.spec.ts, which needs an app it can SIGTERM or SIGKILL
 * (loaded as the apps are, through @swc-node/register):
 *
 *   node -r @swc-node/register start-database.fixture.ts <dataDir> write|read|serve
 *
 * Prints one JSON line: how the server was found, its port and the rows of `notes`.
 * write/read stop the database and exit; serve stays up until SIGINT/SIGTERM.
 */
import { Client } from 'pg';
import { onShutdownSignal } from './shutdown-signals';
import { startDatabase } from './start-database';

async function main(): Promise<void> {
  const [dataDir, action] = process.argv.slice(2);
  const db = await startDatabase({ dataDir });
  const client = new Client({ connectionString: db.url });
  await client.connect();
  if (action === 'write') {
    await client.query('create table notes (body text)');
    await client.query(`insert into notes values ('kept')`);
  }
  const { rows } = await client.query<{ body: string }>('select body from notes');
  await client.end();
  const report = { source: db.source, port: Number(new URL(db.url).port), rows: rows.map((row) => row.body) };

  if (action === 'serve') {
    onShutdownSignal(() => db.stop());
    setInterval(() => undefined, 60_000);
  } else {
    await db.stop();
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
