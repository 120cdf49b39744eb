import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  checkHistoryDigest,
  digestDocument,
  DigestInputError,
  eachProgramEvent,
  parseDigestDocument,
  takeHistoryDigest,
  isRecordId,
  toHistoryEvent,
  verifyProgramHistory,
  verifyStoreHistory,
  type DigestCheck,
  type HistoryEvent,
  type KeptDigest,
  type RecordedWindow,
} from '@tracker/audit';
import type { AuditorConnection } from './auditor-connection';
import { csvHeader, digestText, historyTable, integrityJson, integrityText, toCsvRow, toJsonLine, type DateStyle } from './timeline-format';

const USAGE = `Usage: npm run auditor -- <command> [options]

Commands:
  verify [programId]            Recompute the hash chains of the program's streams, or of the whole store.
                                Exit 0 when intact, 1 when the history was altered.
  verify [programId] --against <file>
                                Also check a digest kept earlier (from "digest") over the whole store;
                                exit 1, naming where it stops matching, when the store no longer yields it.
  digest                        A digest of the whole store as it stands, as JSON to keep outside the
                                system (a file, a mail, a printout): position, event count, digest, time.
  history <programId>           The program's timeline: every event that touched it, in global order.
  export <programId> --format jsonl|csv
                                The timeline streamed to stdout; progress on stderr.

Options:
  --json           verify: the report as JSON; history: one JSON object per line
  --against <file> verify: a digest document kept earlier
  --thai-dates     dates in Thai: Buddhist Era, Thai digits ("๑๗ ธ.ค. ๒๕๖๒")
  --from <time>    history, export: recorded at or after (ISO 8601 with offset)
  --to <time>      history, export: recorded at or before
  --bom            export --format csv: start with a UTF-8 byte-order mark (Excel reads Thai then)
  --quiet          no progress on stderr

Environment: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (default .data);
EVENTSTORE_URL when the events live in EventStoreDB/KurrentDB. Sessions are read-only.
Exit codes: 0 done, 1 history altered, 2 usage or unknown program, 3 failure.
`;

export const EXIT = { ok: 0, altered: 1, usage: 2, failure: 3 } as const;

interface AuditorIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Progress lines overwrite each other on a terminal, and are one line each in a log. */
  stderrIsTty: boolean;
}

class UsageError extends Error {}

/** Runs one command; resolves to the process exit code. */
export async function runAuditor(argv: string[], io: AuditorIo, connect: () => Promise<AuditorConnection>): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (args.values.help || args.positionals.length === 0) {
    (args.values.help ? io.stdout : io.stderr).write(USAGE);
    return args.values.help ? EXIT.ok : EXIT.usage;
  }
  const out = new Output(io.stdout);
  const progress = new Progress(io, Boolean(args.values.quiet));
  let connection: AuditorConnection | undefined;
  try {
    const [command, programId, ...extra] = args.positionals;
    if (args.values.against !== undefined && command !== 'verify') throw new UsageError('--against goes with verify');
    if (extra.length) throw new UsageError(`unexpected argument ${extra[0]}`);
    const style: DateStyle = { thai: Boolean(args.values['thai-dates']) };
    const window = recordedWindow(args.values.from, args.values.to);
    if (programId !== undefined && !isRecordId(programId)) throw new UsageError(`${programId} is not a program id (a UUID)`);
    switch (command) {
      case 'verify': {
        const kept = args.values.against === undefined ? null : await keptDigest(args.values.against);
        connection = await connect();
        const deps = { store: connection.store, heads: connection.heads };
        const report = programId
          ? await verifyProgramHistory({ ...deps, source: connection.source }, programId)
          : await verifyStoreHistory(deps, { onProgress: (p) => progress.report(`verified ${p.eventsChecked} events (position ${p.position})`) });
        progress.done();
        if (!report) return unknownProgram(io, programId!);
        const check: DigestCheck | null = kept ? await checkHistoryDigest(connection.hashes, kept) : null;
        if (args.values.json) {
          await out.write(integrityJson({ ...report, ...(check && { digestMatches: check.matches, digestMismatchFrom: check.mismatchFrom }) }));
        } else {
          await out.write(integrityText(report, programId ? `program ${programId}` : 'whole store'));
          if (kept && check) await out.write(digestText(kept, check));
        }
        return report.ok && check?.matches !== false ? EXIT.ok : EXIT.altered;
      }
      case 'digest': {
        if (programId) throw new UsageError('digest covers the whole store: it takes no programId');
        connection = await connect();
        await out.write(digestDocument(await takeHistoryDigest(connection.hashes, () => new Date())));
        return EXIT.ok;
      }
      case 'history': {
        if (!programId) throw new UsageError('history needs a programId');
        connection = await connect();
        if ((await connection.source.streamIds(programId)).length === 0) return unknownProgram(io, programId);
        if (args.values.json) {
          for await (const stored of eachProgramEvent(connection.source, programId, window)) {
            if (!(await out.write(toJsonLine(toHistoryEvent(stored), style)))) break;
          }
        } else {
          const events: HistoryEvent[] = [];
          for await (const stored of eachProgramEvent(connection.source, programId, window)) events.push(toHistoryEvent(stored));
          await out.write(historyTable(events, style));
          io.stderr.write(`${events.length} event${events.length === 1 ? '' : 's'}\n`);
        }
        return EXIT.ok;
      }
      case 'export': {
        if (!programId) throw new UsageError('export needs a programId');
        const format = args.values.format;
        if (format !== 'jsonl' && format !== 'csv') throw new UsageError('export needs --format jsonl or --format csv');
        connection = await connect();
        if ((await connection.source.streamIds(programId)).length === 0) return unknownProgram(io, programId);
        const total = await connection.source.count(programId, window);
        progress.report(`exporting ${total} events of program ${programId} as ${format}`, true);
        if (format === 'csv') await out.write(`${args.values.bom ? '\ufeff' : ''}${csvHeader()}`);
        let written = 0;
        for await (const stored of eachProgramEvent(connection.source, programId, window)) {
          const event = toHistoryEvent(stored);
          if (!(await out.write(format === 'csv' ? toCsvRow(event, style) : toJsonLine(event, style)))) break;
          written++;
          progress.report(`exported ${written}/${total} events (${Math.floor((written / Math.max(total, 1)) * 100)}%)`);
        }
        progress.report(`exported ${written} events`, true);
        progress.done();
        return EXIT.ok;
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (error) {
    progress.done();
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    const missingTable = (error as { code?: string }).code === '42P01';
    io.stderr.write(
      missingTable
        ? `auditor failed: this database holds no tracker (${(error as Error).message}); set DATABASE_URL or DATA_DIR to the tracker's\n`
        : `auditor failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.failure;
  } finally {
    await connection?.close();
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      'thai-dates': { type: 'boolean' },
      format: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      bom: { type: 'boolean' },
      quiet: { type: 'boolean' },
      against: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function keptDigest(file: string): Promise<KeptDigest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--against ${file}: ${(error as Error).message}`);
  }
  try {
    return parseDigestDocument(text);
  } catch (error) {
    if (error instanceof DigestInputError) throw new UsageError(`--against ${file}: ${error.message}`);
    throw error;
  }
}

function recordedWindow(from: string | undefined, to: string | undefined): RecordedWindow {
  return { from: from === undefined ? null : instant(from, '--from'), to: to === undefined ? null : instant(to, '--to') };
}

function instant(text: string, option: string): Date {
  const at = new Date(text);
  // Without its offset, a time means a different instant in Bangkok and in the server's zone.
  if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(at.getTime())) {
    throw new UsageError(`${option} must be an ISO 8601 date-time with offset, such as 2019-12-16T09:00:00+07:00`);
  }
  return at;
}

function unknownProgram(io: AuditorIo, programId: string): number {
  io.stderr.write(`no recorded history for program ${programId}: the id is unknown, or the projector has not indexed it yet\n`);
  return EXIT.usage;
}

/** stdout with backpressure; a reader that went away (`| head`) ends the output quietly. */
class Output {
  private closed = false;

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      this.closed = true;
    });
  }

  /** False once the reader is gone: stop producing. */
  async write(text: string): Promise<boolean> {
    if (this.closed) return false;
    if (!this.stream.write(text)) {
      await new Promise<void>((resolve) => {
        const settle = () => {
          this.stream.off('drain', settle);
          this.stream.off('close', settle);
          this.stream.off('error', settle);
          resolve();
        };
        this.stream.on('drain', settle);
        this.stream.on('close', settle);
        this.stream.on('error', settle);
      });
    }
    return !this.closed;
  }
}

/** At most one progress line a second (and always the ones marked `force`). */
class Progress {
  private last = 0;
  private pending = false;

  constructor(
    private readonly io: AuditorIo,
    private readonly quiet: boolean,
  ) {}

  report(line: string, force = false): void {
    if (this.quiet) return;
    const now = Date.now();
    if (!force && now - this.last < 1000) return;
    this.last = now;
    if (this.io.stderrIsTty) {
      this.io.stderr.write(`\r\u001b[2K${line}`);
      this.pending = true;
    } else {
      this.io.stderr.write(`${line}\n`);
    }
  }

  done(): void {
    if (this.pending) this.io.stderr.write('\n');
    this.pending = false;
  }
}
