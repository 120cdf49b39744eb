import { createHash } from 'node:crypto';
import { InMemoryEventStore } from '@tracker/event-store';
import { checkHistoryDigest, DigestInputError, DIGEST_ALGORITHM, MAX_CHECKPOINTS, takeHistoryDigest, type HistoryDigest } from './history-digest';
import { PortLogHashes, type LogHashEntry, type LogHashes } from './log-hashes';

const NOW = new Date('2026-12-01T00:00:00Z');
const now = () => NOW;

/** A log of `count` events over three streams, positions from 1, hashes as a store would chain them. */
function log(count: number): LogHashEntry[] {
  const versions = new Map<string, number>();
  return Array.from({ length: count }, (_, index) => {
    const streamId = `program-${index % 3}`;
    const streamVersion = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, streamVersion);
    return { position: BigInt(index + 1), streamId, streamVersion, hash: sha(`${streamId}/${streamVersion}/content`) };
  });
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The log as a store would page it (pages of 7, to cross page boundaries). */
function hashesOf(entries: readonly LogHashEntry[]): LogHashes {
  return {
    async *pages(last?: bigint) {
      const visible = entries.filter((entry) => last === undefined || entry.position <= last);
      for (let i = 0; i < visible.length; i += 7) yield visible.slice(i, i + 7);
    },
  };
}

async function digestOf(entries: readonly LogHashEntry[]): Promise<HistoryDigest> {
  return takeHistoryDigest(hashesOf(entries), now);
}

describe('a history digest', () => {
  it('names its construction, the last position, the event count and the time it was taken', async () => {
    const digest = await digestOf(log(20));
    expect(digest).toMatchObject({ algorithm: DIGEST_ALGORITHM, position: 20n, eventCount: 20, takenAt: NOW });
    expect(digest.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the construction v1 names, byte for byte (digests kept for years depend on it)', async () => {
    const entries = log(2);
    const bytes = (e: LogHashEntry) => {
      const u32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
      const position = Buffer.alloc(8);
      position.writeBigUInt64BE(e.position);
      return Buffer.concat([position, u32(Buffer.byteLength(e.streamId)), Buffer.from(e.streamId), u32(e.streamVersion), u32(e.hash.length), Buffer.from(e.hash)]);
    };
    const expected = createHash('sha256').update('tracker-history-digest/v1').update(bytes(entries[0])).update(bytes(entries[1])).digest('hex');
    const first = createHash('sha256').update('tracker-history-digest/v1').update(bytes(entries[0])).digest('hex');
    const digest = await digestOf(entries);
    expect(digest.digest).toBe(expected);
    expect(digest.checkpoints).toEqual([{ position: 1n, digest: first }, { position: 2n, digest: expected }]);
    expect((await digestOf([])).digest).toBe(createHash('sha256').update('tracker-history-digest/v1').digest('hex'));
  });

  it('is the same for the same log, whatever the paging', async () => {
    const entries = log(30);
    const onePage: LogHashes = { async *pages() { yield entries; } };
    expect((await takeHistoryDigest(onePage, now)).digest).toBe((await digestOf(entries)).digest);
  });

  it('of an empty store is the construction\'s starting value at position 0, and still matches', async () => {
    const digest = await digestOf([]);
    expect(digest).toMatchObject({ position: 0n, eventCount: 0, checkpoints: [] });
    await expect(checkHistoryDigest(hashesOf([]), digest)).resolves.toEqual({ matches: true, mismatchFrom: null, eventsChecked: 0 });
  });

  it('keeps a checkpoint at every event while the store is small', async () => {
    const digest = await digestOf(log(25));
    expect(digest.checkpoints.map((c) => c.position)).toEqual(log(25).map((e) => e.position));
  });

  it('thins its checkpoints evenly as the store grows, keeping between MAX and twice MAX of them', async () => {
    const digest = await digestOf(log(5000));
    const positions = digest.checkpoints.map((c) => Number(c.position));
    expect(positions.length).toBeGreaterThanOrEqual(MAX_CHECKPOINTS);
    expect(positions.length).toBeLessThan(2 * MAX_CHECKPOINTS);
    const gaps = new Set(positions.map((p, i) => p - (positions[i - 1] ?? 0)));
    expect(gaps.size).toBe(1);
  });

  it('still matches after legitimate appends', async () => {
    const entries = log(40);
    const kept = await digestOf(entries.slice(0, 25));
    await expect(checkHistoryDigest(hashesOf(entries), kept)).resolves.toEqual({ matches: true, mismatchFrom: null, eventsChecked: 25 });
  });

  describe('taken before the history was altered', () => {
    let entries: LogHashEntry[];
    let kept: HistoryDigest;

    beforeEach(async () => {
      entries = log(25);
      kept = await digestOf(entries);
    });

    it('exposes an edited event whose stream hashes were recomputed, naming its position', async () => {
      // The attacker rewrote event 17 and every later hash of its stream.
      const stream = entries[16].streamId;
      const altered = entries.map((e) => (e.streamId === stream && e.position >= 17n ? { ...e, hash: sha(`${e.hash}/rewritten`) } : e));
      await expect(checkHistoryDigest(hashesOf(altered), kept)).resolves.toEqual({ matches: false, mismatchFrom: 17n, eventsChecked: 17 });
    });

    it('exposes a deleted last event', async () => {
      await expect(checkHistoryDigest(hashesOf(entries.slice(0, -1)), kept)).resolves.toMatchObject({ matches: false, mismatchFrom: 25n });
    });

    it('exposes a deleted event in the middle', async () => {
      const altered = entries.filter((e) => e.position !== 9n);
      await expect(checkHistoryDigest(hashesOf(altered), kept)).resolves.toMatchObject({ matches: false, mismatchFrom: 9n });
    });

    it('exposes a reordered pair', async () => {
      const altered = entries.map((e, i) =>
        e.position === 10n ? { ...entries[i + 1], position: 10n } : e.position === 11n ? { ...entries[i - 1], position: 11n } : e,
      );
      await expect(checkHistoryDigest(hashesOf(altered), kept)).resolves.toMatchObject({ matches: false, mismatchFrom: 10n });
    });

    it('exposes an event inserted in the middle with every later position moved up', async () => {
      const inserted = { position: 13n, streamId: 'program-9', streamVersion: 1, hash: sha('planted') };
      const altered = [...entries.slice(0, 12), inserted, ...entries.slice(12).map((e) => ({ ...e, position: e.position + 1n }))];
      await expect(checkHistoryDigest(hashesOf(altered), kept)).resolves.toMatchObject({ matches: false, mismatchFrom: 13n });
    });

    it('exposes an event planted in a gap of the positions, naming the gap', async () => {
      const withGap = entries.map((e) => (e.position >= 13n ? { ...e, position: e.position + 1n } : e));
      const keptWithGap = await digestOf(withGap);
      const planted = { position: 13n, streamId: 'program-9', streamVersion: 1, hash: sha('planted') };
      const altered = [...withGap.slice(0, 12), planted, ...withGap.slice(12)];
      await expect(checkHistoryDigest(hashesOf(altered), keptWithGap)).resolves.toMatchObject({ matches: false, mismatchFrom: 13n });
    });

    it('says only that it no longer matches when it was kept without checkpoints', async () => {
      const altered = entries.map((e) => (e.position === 17n ? { ...e, hash: sha('x') } : e));
      await expect(checkHistoryDigest(hashesOf(altered), { ...kept, checkpoints: [] })).resolves.toMatchObject({
        matches: false,
        mismatchFrom: null,
      });
    });
  });

  it('names the first position after the last matching checkpoint when its checkpoints are spaced', async () => {
    const entries = log(1000);
    const kept = await digestOf(entries);
    const stride = Number(kept.checkpoints[1].position - kept.checkpoints[0].position);
    expect(stride).toBeGreaterThan(1);
    const altered = entries.map((e) => (e.position === 500n ? { ...e, hash: sha('x') } : e));
    const check = await checkHistoryDigest(hashesOf(altered), kept);
    const segmentStart = BigInt(Math.floor(499 / stride) * stride + 1);
    expect(check).toMatchObject({ matches: false, mismatchFrom: segmentStart });
  });

  it('refuses a digest of another construction, a malformed digest and checkpoints out of order', async () => {
    const kept = await digestOf(log(5));
    const hashes = hashesOf(log(5));
    await expect(checkHistoryDigest(hashes, { ...kept, algorithm: 'sha1-chain/v0' })).rejects.toThrow(DigestInputError);
    await expect(checkHistoryDigest(hashes, { ...kept, digest: 'ABC' })).rejects.toThrow('64 lower-case hexadecimal digits');
    await expect(checkHistoryDigest(hashes, { ...kept, checkpoints: [...kept.checkpoints].reverse() })).rejects.toThrow('checkpoints[1].position');
  });

  it('reads the same log through the event-store port as the store pages it', async () => {
    const store = new InMemoryEventStore();
    for (let i = 0; i < 1500; i++) {
      await store.append(`s-${i % 4}`, [{ eventId: crypto.randomUUID(), type: 'TestHappened', schemaVersion: 1, data: { i }, metadata: { actor: 't' } }], 'any');
    }
    const stored = await store.readAll({ limit: 5000 });
    const expected = await digestOf(stored.map(({ position, streamId, streamVersion, hash }) => ({ position, streamId, streamVersion, hash })));
    const digest = await takeHistoryDigest(new PortLogHashes(store), now);
    expect(digest).toEqual(expected);
    await expect(checkHistoryDigest(new PortLogHashes(store), { ...digest, position: stored[999].position, digest: digest.checkpoints.find((c) => c.position === stored[999].position)?.digest ?? '', checkpoints: [] })).resolves.toMatchObject({ matches: true });
  });
});
