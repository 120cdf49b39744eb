import { readConfig } from '@tracker/config';
import { connectAuditor } from './auditor-connection';
import { EXIT, runAuditor } from './auditor-cli';

/** `npm run auditor -- <command>`: see auditor-cli.ts (USAGE) and README.md. */
async function main(): Promise<void> {
  const code = await runAuditor(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stderrIsTty: process.stderr.isTTY === true }, () =>
    connectAuditor(readConfig()),
  );
  // Let stdout drain before exiting: process.exit() would cut a piped export short.
  process.exitCode = code;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`auditor failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.failure;
  });
}
