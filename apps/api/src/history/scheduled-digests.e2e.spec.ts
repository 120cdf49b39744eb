import { checkHistoryDigest, parseDigestDocument, PostgresLogHashes } from '@tracker/audit';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@tracker/event-store';
import { EVENT_STORE } from '../database/database.module';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('history digests on a schedule (DIGEST_DIR)', () => {
  jest.setTimeout(30_000);
  let api: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'tracker-digests-')), 'kept digests');
    api = await startTestApp({ digestDir: dir, digestIntervalMs: 200 });
  });

  afterAll(async () => {
    await api?.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function files(count: number): Promise<string[]> {
    for (let waited = 0; waited < 10_000; waited += 50) {
      const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
      if (names.length >= count) return names;
      await new Promise((wake) => setTimeout(wake, 50));
    }
    throw new Error(`fewer than ${count} digests written to ${dir}`);
  }

  async function append(): Promise<void> {
    await api.app
      .get<EventStore>(EVENT_STORE)
      .append(`test-${randomUUID()}`, [{ eventId: randomUUID(), type: 'TestHappened', schemaVersion: 1, data: {}, metadata: { actor: 'tester' } }], 'no_stream');
  }

  it('writes one at start, a new one only when events were stored, each a document a later check accepts', async () => {
    const [first] = await files(1);
    expect(first).toBe('history-digest-0.json');
    await new Promise((wake) => setTimeout(wake, 600)); // three more intervals, no new events
    expect(await files(1)).toEqual([first]);

    await append();
    const names = await files(2);
    const kept = parseDigestDocument(await readFile(join(dir, names[names.length - 1]), 'utf8'));
    expect(kept.position).toBeGreaterThan(0n);
    await expect(checkHistoryDigest(new PostgresLogHashes(api.database.pool), kept)).resolves.toMatchObject({ matches: true });
  });
});
