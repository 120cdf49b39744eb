import { childEnvironment } from '@tracker/config';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asAttacker, TestClock, waitForReadModel } from '@tracker/audit/testing';
import { commandBusFor, CorrectOutcome, loadReferenceCase } from '@tracker/application';
import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
import { referenceIds } from '@tracker/domain';
import { chainHash, GENESIS_HASH, PostgresEventStore } from '@tracker/event-store';
import { startProjector } from '@tracker/projection-runner';
import pino from 'pino';

const root = join(__dirname, '../../..');
const programId = referenceIds.program;
const revenue = referenceIds.outcomes.shanghaiFairRevenue;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('the auditor CLI, run as a child process against a test database', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    const projector = await startProjector({ databaseUrl: db.url, logger: pino({ level: 'silent' }) });
    const clock = new TestClock(new Date('2019-12-17T09:00:00+07:00'));
    store = new PostgresEventStore(db.pool, { clock: clock.now });
    const commands = await commandBusFor(store);
    await loadReferenceCase(commands, { now: '2019-12-17T09:00:00+07:00' });
    clock.set('2020-01-15T10:00:00+07:00');
    const corrected = await commands.execute(new CorrectOutcome(
      { id: revenue, amount: '12500000.00', currency: 'THB', reason: 'Final sales report, "signed" by the consul' },
      { actor: 'consul.shanghai@mfa.go.th', now: '2020-01-15T10:00:00+07:00' },
    ));
    await waitForReadModel(db.pool, corrected.position);
    await projector.stop();
  });

  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  function auditor(args: string[], options: { closeStdoutAfterFirstChunk?: boolean; databaseUrl?: string } = {}): Promise<Run> {
    return new Promise((resolve, reject) => {
      const env = childEnvironment({ DATABASE_URL: options.databaseUrl ?? db.url, EVENTSTORE_URL: undefined });
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/auditor/src/main.ts', ...args], { cwd: root, env });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (options.closeStdoutAfterFirstChunk) child.stdout.destroy();
      });
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  describe('verify', () => {
    it("reports the program's chains intact, exit code 0", async () => {
      const run = await auditor(['verify', programId]);
      expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining(`program ${programId}: OK (6 streams, 13 events`) });
    });

    it('verifies the whole store, and speaks JSON when asked', async () => {
      const run = await auditor(['verify', '--json']);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, streamsChecked: 14, eventsChecked: 21, firstBrokenPosition: null });
    });

    it('finds an event edited in the database, exit code 1, naming the position', async () => {
      const { rows } = await db.pool.query(`select position::text from events where stream_id = $1 and stream_version = 1`, [`outcome-${revenue}`]);
      const position = rows[0].position;
      await asAttacker(db.pool, (client) => client.query(`update events set data = jsonb_set(data, '{amount}', '"100.00"') where position = $1`, [position]).then(() => undefined));
      try {
        for (const args of [['verify', programId], ['verify']]) {
          const run = await auditor(args);
          expect(run.code).toBe(1);
          expect(run.stdout).toContain('HISTORY ALTERED: 1 problem');
          expect(run.stdout).toContain(`first broken position: ${position}`);
          expect(run.stdout).toMatch(new RegExp(`HASH_MISMATCH +outcome-${revenue} v1 at position ${position}`));
        }
      } finally {
        await asAttacker(db.pool, (client) =>
          client.query(`update events set data = jsonb_set(data, '{amount}', '"10000000.00"') where position = $1`, [position]).then(() => undefined),
        );
      }
      expect((await auditor(['verify', programId])).code).toBe(0);
    });
  });

  describe('digest', () => {
    it('prints a digest to keep, and verify --against exposes a rewrite that every hash chain passes, naming the position', async () => {
      const taken = await auditor(['digest']);
      expect(taken.code).toBe(0);
      const document = JSON.parse(taken.stdout);
      expect(document).toMatchObject({ algorithm: 'tracker-history-digest/v1', position: expect.stringMatching(/^\d+$/), eventCount: 21 });
      const file = join(await mkdtemp(join(tmpdir(), 'tracker-digest-')), 'digest.json');
      await writeFile(file, taken.stdout);
      expect(await auditor(['verify', '--against', file])).toMatchObject({ code: 0, stdout: expect.stringContaining(`digest at position ${document.position}: MATCHES`) });

      // The attack: the fair's revenue rewritten, its stream's hashes and row recomputed.
      const stream = `outcome-${revenue}`;
      const [recorded, corrected] = await store.readStream(stream);
      const forged = { ...recorded, data: { ...recorded.data, amount: '1000000.00' } };
      const forgedHash = chainHash(GENESIS_HASH, forged);
      const nextHash = chainHash(forgedHash, corrected);
      const rewrite = async (data: unknown, hash: string, next: string) =>
        asAttacker(db.pool, async (client) => {
          await client.query('update events set data = $2, hash = $3 where position = $1', [String(recorded.position), data, hash]);
          await client.query('update events set hash = $2 where position = $1', [String(corrected.position), next]);
          await client.query('update streams set last_hash = $2 where stream_id = $1', [stream, next]);
        });
      await rewrite(forged.data, forgedHash, nextHash);
      try {
        // The limit of the chains: without the digest, nothing shows.
        expect((await auditor(['verify'])).code).toBe(0);
        const run = await auditor(['verify', '--against', file]);
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('whole store: OK');
        expect(run.stdout).toContain(`DIGEST MISMATCH`);
        expect(run.stdout).toContain(`first position that no longer matches: ${recorded.position}`);
        const json = await auditor(['verify', programId, '--against', file, '--json']);
        expect(json.code).toBe(1);
        expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, digestMatches: false, digestMismatchFrom: String(recorded.position) });
      } finally {
        await rewrite(recorded.data, recorded.hash, corrected.hash);
      }
      expect((await auditor(['verify', '--against', file])).code).toBe(0);
    });

    it('refuses a digest file it cannot read, exit code 2', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'tracker-digest-'));
      await writeFile(join(dir, 'bad.json'), JSON.stringify({ algorithm: 'md5-chain/v0', position: '3', digest: 'x' }));
      for (const args of [['verify', '--against', join(dir, 'bad.json')], ['verify', '--against', join(dir, 'missing.json')], ['history', programId, '--against', join(dir, 'bad.json')]]) {
        const run = await auditor(args);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('Usage: npm run auditor');
      }
      expect((await auditor(['verify', '--against', join(dir, 'bad.json')])).stderr).toContain('unknown digest algorithm "md5-chain/v0"');
    });
  });

  describe('history', () => {
    it('prints the timeline as a table, the first figure and its correction with their actors', async () => {
      const run = await auditor(['history', programId]);
      expect(run.code).toBe(0);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^POSITION +RECORDED +OCCURRED +TYPE +STREAM +V +ACTOR +HASH +DATA$/);
      expect(lines).toHaveLength(1 + 13);
      expect(lines.find((l) => l.includes('OutcomeRecorded'))).toMatch(/2019-12-17 09:00:00 \+07:00 .*diplomat@mfa\.go\.th .*"amount":"10000000\.00"/);
      expect(lines.find((l) => l.includes('OutcomeCorrected'))).toMatch(/2020-01-15 10:00:00 \+07:00 .*consul\.shanghai@mfa\.go\.th .*"amount":"12500000\.00"/);
      expect(run.stderr).toContain('13 events');
    });

    it('writes JSON lines with --json, exactly the stored events', async () => {
      const run = await auditor(['history', programId, '--json', '--from', '2020-01-01T00:00:00+07:00']);
      const events = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
      expect(events).toEqual([
        expect.objectContaining({
          type: 'OutcomeCorrected',
          streamId: `outcome-${revenue}`,
          version: 2,
          actor: 'consul.shanghai@mfa.go.th',
          recordedAt: '2020-01-15T03:00:00.000Z',
          data: expect.objectContaining({ amount: '12500000.00' }),
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
      ]);
    });

    it('writes dates the Thai way with --thai-dates', async () => {
      const run = await auditor(['history', programId, '--thai-dates']);
      // Launched 29 May 2019 (occurred), recorded 17 Dec 2019 at 09:00 Bangkok time.
      expect(run.stdout).toMatch(/๑๗ ธ\.ค\. ๒๕๖๒ 09:00:00 +๒๙ พ\.ค\. ๒๕๖๒ +ProgramLaunched/);
      const json = await auditor(['history', programId, '--json', '--thai-dates', '--to', '2019-12-18T00:00:00+07:00']);
      expect(JSON.parse(json.stdout.split('\n')[0])).toMatchObject({ occurredOn: '2019-05-29', occurredOnThai: '๒๙ พ.ค. ๒๕๖๒', recordedAtThai: '๑๗ ธ.ค. ๒๕๖๒ 09:00:00' });
    });
  });

  describe('export', () => {
    it('streams CSV (RFC 4180) to stdout and its progress to stderr', async () => {
      const run = await auditor(['export', programId, '--format', 'csv']);
      expect(run.code).toBe(0);
      const rows = parseCsv(run.stdout);
      expect(rows[0]).toEqual(['position', 'recorded_at', 'occurred_on', 'stream_id', 'version', 'type', 'schema_version', 'actor', 'command_id', 'correlation_id', 'causation_id', 'event_id', 'hash', 'data']);
      expect(rows).toHaveLength(1 + 13);
      const correction = rows.find((row) => row[5] === 'OutcomeCorrected')!;
      // The reason's quotes and comma survive the quoting.
      expect(JSON.parse(correction[13])).toMatchObject({ amount: '12500000.00', reason: 'Final sales report, "signed" by the consul' });
      expect(run.stderr).toContain(`exporting 13 events of program ${programId} as csv`);
      expect(run.stderr).toContain('exported 13 events');
    });

    it('streams a large timeline as JSON lines, in order, and stops quietly when the reader goes away', async () => {
      for (let i = 0; i < 3000; i += 500) {
        await store.append(
          `outcome-${revenue}`,
          Array.from({ length: 500 }, (_, j) => correctionEvent(i + j)),
          'any',
        );
      }
      const projector = await startProjector({ databaseUrl: db.url, logger: pino({ level: 'silent' }) });
      await waitForReadModel(db.pool, BigInt((await db.pool.query('select max(position)::text as head from events')).rows[0].head));
      await projector.stop();

      const run = await auditor(['export', programId, '--format', 'jsonl']);
      expect(run.code).toBe(0);
      const positions = run.stdout.trimEnd().split('\n').map((line) => BigInt(JSON.parse(line).position));
      expect(positions).toHaveLength(3013);
      expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
      expect(run.stderr).toContain('exported 3013 events');

      const cut = await auditor(['export', programId, '--format', 'jsonl'], { closeStdoutAfterFirstChunk: true });
      expect(cut.code).toBe(0);
      expect(cut.stderr).not.toContain('auditor failed');
    });
  });

  describe('usage', () => {
    it('explains itself and exits 2 on a wrong command line', async () => {
      for (const args of [[], ['export', programId], ['history'], ['verify', 'not-a-uuid'], ['history', programId, '--from', '2020-01-01']]) {
        const run = await auditor(args);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('Usage: npm run auditor');
      }
    });

    it('exits 3, saying why, against a database that holds no tracker', async () => {
      const empty = await createTestDatabase();
      try {
        const run = await auditor(['verify'], { databaseUrl: empty.url });
        expect(run).toMatchObject({ code: 3, stderr: expect.stringContaining('this database holds no tracker') });
      } finally {
        await empty.drop();
      }
    });

    it('exits 2 for a program it has no history of', async () => {
      const run = await auditor(['history', '20000000-0000-4000-8000-00000000ffff']);
      expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('no recorded history for program') });
    });
  });
});

function correctionEvent(i: number) {
  return {
    eventId: randomUUID(),
    type: 'OutcomeCorrected',
    schemaVersion: 1,
    data: { outcomeId: revenue, programId, amount: `${10000000 + i}.00`, currency: 'THB', quantity: null, description: null, reason: `batch ${i}` },
    metadata: { actor: 'loader' },
  };
}

/** Enough of RFC 4180 to read the export back: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}
