import { createHash } from 'node:crypto';
import type { LogHashes, LogHashEntry } from './log-hashes';

/**
 * A history digest: one SHA-256 value that commits to every event of the store up to a
 * position, in global order. An auditor keeps it outside the system (a file, a printout, a
 * signed mail); later, `checkHistoryDigest` recomputes it from the store as it then stands.
 *
 * Why it holds where the per-stream chains do not: each event's stored hash already commits to
 * its content and its stream predecessor, but whoever can write the database can recompute a
 * stream's hashes and its `streams` row after an edit, and every chain checks again. The digest
 * runs over every event's hash in position order, so such a rewrite changes it from the edited
 * position on, and the copy kept outside no longer matches.
 *
 * Construction (v1), never to change once digests are kept; a new construction gets a new name.
 * The digest at event n is the SHA-256 of one byte string, the running hash of the log:
 *
 *   "tracker-history-digest/v1" || e1 || e2 || ... || en
 *   ei = u64be(position) || u32be(len) || streamId || u32be(version) || u32be(len) || storedHash
 *
 * with the stream id and the stored hash as UTF-8, each behind its byte length, so no two
 * different logs serialise alike. One SHA-256 runs over the whole log and a checkpoint is a
 * copy of its state finished early, so taking a digest costs one pass and no hash per event.
 * The stored hash (not a recomputed one) is what is covered: the chain verification that runs
 * beside every check recomputes it from the content, so content changed without a new hash is
 * caught there, and a new hash is caught here.
 *
 * Nothing of a digest is kept in the database: a value within reach of whoever rewrites the
 * events would prove nothing. Taking one reads four columns of every event once (see
 * bench/results.md for the cost at 1,000,000 events).
 */
export const DIGEST_ALGORITHM = 'tracker-history-digest/v1';

/** A digest keeps from this many to twice this many checkpoints (every event in a smaller store), thinned evenly as the store grows. */
export const MAX_CHECKPOINTS = 128;

export interface DigestCheckpoint {
  position: bigint;
  digest: string;
}

export interface HistoryDigest {
  algorithm: string;
  /** The last event covered (0 for an empty store). */
  position: bigint;
  eventCount: number;
  digest: string;
  takenAt: Date;
  /**
   * Running digests at positions in between, evenly spaced by event count (every event while
   * the store holds fewer than 2 x MAX_CHECKPOINTS): a check names where a change begins from them.
   */
  checkpoints: DigestCheckpoint[];
}

/** What a check needs of a kept digest (the contract's HistoryDigestInput). */
export interface KeptDigest {
  algorithm?: string | null;
  position: bigint;
  digest: string;
  checkpoints?: readonly DigestCheckpoint[] | null;
}

export interface DigestCheck {
  /** The store up to the kept position still yields the kept digest. */
  matches: boolean;
  /**
   * With a mismatch: the first position after the last checkpoint that still matches (the
   * first event, when none does). Exact when the kept digest has a checkpoint at every event;
   * otherwise the change lies between it and the next kept checkpoint. Null when the digest
   * matches, or when it has no checkpoints and the change may be anywhere.
   */
  mismatchFrom: bigint | null;
  eventsChecked: number;
}

/** A kept digest this construction cannot check; `field` names the part at fault. */
export class DigestInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'DigestInputError';
  }
}

/** The running hash of the log; `add` appends one event's bytes, `hex` finishes a copy. */
class RunningDigest {
  private readonly hash = createHash('sha256').update(DIGEST_ALGORITHM, 'utf8');
  // One buffer for every event's bytes: update() copies them into the hash state at once.
  private scratch = Buffer.allocUnsafe(4096);
  count = 0;
  position = 0n;

  add(entry: LogHashEntry): void {
    const most = 20 + 3 * (entry.streamId.length + entry.hash.length); // UTF-8: at most 3 bytes a UTF-16 unit
    if (most > this.scratch.length) this.scratch = Buffer.allocUnsafe(most);
    const bytes = this.scratch;
    bytes.writeBigUInt64BE(entry.position, 0);
    const streamIdLength = bytes.write(entry.streamId, 12, 'utf8');
    bytes.writeUInt32BE(streamIdLength, 8);
    let at = 12 + streamIdLength;
    bytes.writeUInt32BE(entry.streamVersion, at);
    const hashLength = bytes.write(entry.hash, at + 8, 'utf8');
    bytes.writeUInt32BE(hashLength, at + 4);
    at += 8 + hashLength;
    this.hash.update(bytes.subarray(0, at));
    this.count++;
    this.position = entry.position;
  }

  hex(): string {
    return this.hash.copy().digest('hex');
  }
}

/**
 * The digest of everything readers can see now: the log's visible prefix (an append still in
 * flight is never covered, so a digest never names an event that could still be rolled back).
 */
export async function takeHistoryDigest(hashes: LogHashes, now: () => Date): Promise<HistoryDigest> {
  const running = new RunningDigest();
  // Every `stride`-th event is a checkpoint; past 2 x MAX the list keeps every other one and the
  // stride doubles, so one pass ends with MAX to 2 x MAX evenly spaced checkpoints.
  let stride = 1;
  let checkpoints: DigestCheckpoint[] = [];
  for await (const page of hashes.pages()) {
    for (const entry of page) {
      running.add(entry);
      if (running.count % stride !== 0) continue;
      checkpoints.push({ position: entry.position, digest: running.hex() });
      if (checkpoints.length >= 2 * MAX_CHECKPOINTS) {
        checkpoints = checkpoints.filter((_, index) => index % 2 === 1);
        stride *= 2;
      }
    }
  }
  return {
    algorithm: DIGEST_ALGORITHM,
    position: running.position,
    eventCount: running.count,
    digest: running.hex(),
    takenAt: now(),
    checkpoints,
  };
}

/**
 * Recomputes the kept digest's chain from the store as it stands, comparing the running value
 * at each kept checkpoint and, last, at the digest's own position. Reading stops at the first
 * mismatch: everything after it is unconfirmed anyway.
 */
export async function checkHistoryDigest(hashes: LogHashes, kept: KeptDigest): Promise<DigestCheck> {
  validateKeptDigest(kept);
  // The digest itself is the last checkpoint.
  const checkpoints = [...(kept.checkpoints ?? []).filter((c) => c.position < kept.position), { position: kept.position, digest: kept.digest }];
  const running = new RunningDigest();
  let next = 0; // the first checkpoint not yet compared
  let firstUnconfirmed: bigint | null = null; // the first stored position after the last checkpoint that matched
  let mismatchFrom: bigint | null = null;

  // Compares every checkpoint at or before `reached` with the running value, which stands at
  // the last stored event at or before `reached`. A checkpoint whose event is gone cannot match.
  const settle = (reached: bigint): boolean => {
    while (next < checkpoints.length && checkpoints[next].position <= reached) {
      const checkpoint = checkpoints[next++];
      if (running.position === checkpoint.position && running.hex() === checkpoint.digest) {
        firstUnconfirmed = null;
        continue;
      }
      mismatchFrom = firstUnconfirmed !== null && firstUnconfirmed < checkpoint.position ? firstUnconfirmed : checkpoint.position;
      return false;
    }
    return true;
  };

  reading: for await (const page of hashes.pages(kept.position)) {
    for (const entry of page) {
      if (!settle(entry.position - 1n)) break reading;
      firstUnconfirmed ??= entry.position;
      running.add(entry);
      if (!settle(entry.position)) break reading;
    }
  }
  const matches = mismatchFrom === null && settle(kept.position);
  const named = (kept.checkpoints?.length ?? 0) > 0;
  return { matches, mismatchFrom: !matches && named ? mismatchFrom : null, eventsChecked: running.count };
}

/**
 * The digest as a small JSON document an auditor keeps (a file, a mail, a printout): the same
 * fields as the GraphQL HistoryDigest, positions as decimal strings.
 */
export function digestDocument(digest: HistoryDigest): string {
  const document = {
    algorithm: digest.algorithm,
    position: digest.position.toString(),
    eventCount: digest.eventCount,
    digest: digest.digest,
    takenAt: digest.takenAt.toISOString(),
    checkpoints: digest.checkpoints.map((checkpoint) => ({ position: checkpoint.position.toString(), digest: checkpoint.digest })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Reads a kept document back (digestDocument's, or the GraphQL HistoryDigest as JSON). */
export function parseDigestDocument(text: string): KeptDigest {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new DigestInputError('document', `not JSON: ${(error as Error).message}`);
  }
  if (typeof document !== 'object' || document === null) throw new DigestInputError('document', 'not a digest document');
  const { algorithm, position, digest, checkpoints } = document as Record<string, unknown>;
  if (checkpoints !== undefined && !Array.isArray(checkpoints)) throw new DigestInputError('checkpoints', 'checkpoints must be a list');
  const kept: KeptDigest = {
    algorithm: typeof algorithm === 'string' ? algorithm : null,
    position: positionOf(position, 'position'),
    digest: typeof digest === 'string' ? digest : '',
    checkpoints: ((checkpoints ?? []) as unknown[]).map((checkpoint, index) => {
      const { position: at, digest: value } = (checkpoint ?? {}) as Record<string, unknown>;
      return { position: positionOf(at, `checkpoints[${index}].position`), digest: typeof value === 'string' ? value : '' };
    }),
  };
  validateKeptDigest(kept);
  return kept;
}

function positionOf(value: unknown, field: string): bigint {
  if (typeof value !== 'string' || !/^\d{1,19}$/.test(value)) throw new DigestInputError(field, `${field} must be a position (a decimal string)`);
  return BigInt(value);
}

const HEX_DIGEST = /^[0-9a-f]{64}$/;

/** Refuses a kept digest this construction cannot check, naming what is wrong. */
export function validateKeptDigest(kept: KeptDigest): void {
  if (kept.algorithm != null && kept.algorithm !== DIGEST_ALGORITHM) {
    throw new DigestInputError('algorithm', `unknown digest algorithm "${kept.algorithm}"; this tracker checks ${DIGEST_ALGORITHM}`);
  }
  if (kept.position < 0n) throw new DigestInputError('position', 'position must not be negative');
  if (!HEX_DIGEST.test(kept.digest)) throw new DigestInputError('digest', 'digest must be 64 lower-case hexadecimal digits');
  const checkpoints = kept.checkpoints ?? [];
  if (checkpoints.length > 2 * MAX_CHECKPOINTS) throw new DigestInputError('checkpoints', `at most ${2 * MAX_CHECKPOINTS} checkpoints`);
  let previous = 0n;
  for (const [index, checkpoint] of checkpoints.entries()) {
    if (!HEX_DIGEST.test(checkpoint.digest)) throw new DigestInputError(`checkpoints[${index}].digest`, `checkpoints[${index}].digest must be 64 lower-case hexadecimal digits`);
    if (checkpoint.position <= previous || checkpoint.position > kept.position) {
      throw new DigestInputError(`checkpoints[${index}].position`, `checkpoints[${index}].position must be above the one before it and at most the digest's position`);
    }
    previous = checkpoint.position;
  }
}
