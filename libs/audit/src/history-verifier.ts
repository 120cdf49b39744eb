import { chainHash, GENESIS_HASH, START, type EventStore, type StoredEvent } from '@tracker/event-store';
import type { ProgramEventSource } from './program-events.source';
import type { StreamHeads } from './stream-heads';

/**
 * - HASH_MISMATCH: the event's stored hash is not SHA-256(previous stored hash + its content):
 *   its content (or its hash) was changed after it was written.
 * - VERSION_GAP: the event is not the next version of its stream: events before it were removed.
 * - UNREADABLE: the content is something no store could have hashed (not JSON).
 * - MISSING_EVENTS: the store's record of the stream's end names a version no event has:
 *   the stream's last events were removed.
 * - HEAD_MISMATCH: the store's record of the stream's end disagrees with its last event, or
 *   events exist for a stream the store has no record of.
 */
export type IntegrityProblemKind = 'HASH_MISMATCH' | 'VERSION_GAP' | 'UNREADABLE' | 'MISSING_EVENTS' | 'HEAD_MISMATCH';

export interface IntegrityProblem {
  kind: IntegrityProblemKind;
  streamId: string;
  /** The event found wrong; null when the wrong thing is an absence. */
  position: bigint | null;
  /** The version found (or, for MISSING_EVENTS, the version the stream should reach). */
  version: number;
  detail: string;
}

export interface IntegrityReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  /** Lowest position among the events found wrong (first in global order). */
  firstBrokenPosition: bigint | null;
  /** The first MAX_PROBLEMS_LISTED problems in the order found; `problemCount` counts them all. */
  problems: IntegrityProblem[];
  problemCount: number;
}

/** Keeps a report's memory bounded however broken a store is. */
export const MAX_PROBLEMS_LISTED = 100;

export interface VerifyProgress {
  eventsChecked: number;
  position: bigint;
}

/** The end of a stream's chain as verified so far: about 250 bytes a stream in a Map. */
interface Tip {
  version: number;
  hash: string;
  position: bigint;
  headSeen: boolean;
}

class Tally {
  streams = 0;
  events = 0;
  problemCount = 0;
  firstBrokenPosition: bigint | null = null;
  readonly problems: IntegrityProblem[] = [];

  add(problem: IntegrityProblem): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS_LISTED) this.problems.push(problem);
    const { position } = problem;
    if (position !== null && (this.firstBrokenPosition === null || position < this.firstBrokenPosition)) {
      this.firstBrokenPosition = position;
    }
  }

  /**
   * Checks `event` against the stream's tip and returns the new tip. After a broken link the
   * chain continues from the event's stored hash, so one altered event is reported once
   * rather than taking every later event of its stream down with it.
   */
  link(tip: Tip | undefined, event: StoredEvent): Tip {
    this.events++;
    const expectedVersion = (tip?.version ?? 0) + 1;
    const next: Tip = { version: event.streamVersion, hash: event.hash, position: event.position, headSeen: tip?.headSeen ?? false };
    if (event.streamVersion !== expectedVersion) {
      this.add({
        kind: 'VERSION_GAP',
        streamId: event.streamId,
        position: event.position,
        version: event.streamVersion,
        detail:
          event.streamVersion > expectedVersion
            ? `version ${expectedVersion}${event.streamVersion - expectedVersion > 1 ? `-${event.streamVersion - 1}` : ''} missing before this event`
            : `version ${event.streamVersion} follows version ${expectedVersion - 1}`,
      });
      return next;
    }
    let recomputed: string;
    try {
      recomputed = chainHash(tip?.hash ?? GENESIS_HASH, event);
    } catch (error) {
      this.add({ kind: 'UNREADABLE', streamId: event.streamId, position: event.position, version: event.streamVersion, detail: String(error) });
      return next;
    }
    if (recomputed !== event.hash) {
      this.add({
        kind: 'HASH_MISMATCH',
        streamId: event.streamId,
        position: event.position,
        version: event.streamVersion,
        detail: `stored hash ${event.hash.slice(0, 12)}… but the content hashes to ${recomputed.slice(0, 12)}…`,
      });
    }
    return next;
  }

  report(): IntegrityReport {
    return {
      ok: this.problemCount === 0,
      streamsChecked: this.streams,
      eventsChecked: this.events,
      firstBrokenPosition: this.firstBrokenPosition,
      problems: this.problems,
      problemCount: this.problemCount,
    };
  }
}

export interface VerifyDependencies {
  store: EventStore;
  /** The PostgreSQL store's stream rows; omit for stores that keep none. */
  heads?: StreamHeads;
}

/**
 * Recomputes the chains of the program's streams (as the history index lists them), each read
 * whole through the port. Returns null when the index knows no stream of the program.
 */
export async function verifyProgramHistory(
  deps: VerifyDependencies & { source: ProgramEventSource },
  programId: string,
): Promise<IntegrityReport | null> {
  const streamIds = await deps.source.streamIds(programId);
  if (streamIds.length === 0) return null;
  const tally = new Tally();
  for (const streamId of streamIds) {
    // The head first: events are only ever added, so every version it names must be readable next.
    const head = (await deps.heads?.head(streamId)) ?? null;
    let tip: Tip | undefined;
    for (const event of await deps.store.readStream(streamId)) tip = tally.link(tip, event);
    tally.streams++;
    if (head) checkHead(tally, head, tip);
    else if (deps.heads && tip) headMissing(tally, streamId, tip);
  }
  return tally.report();
}

/**
 * Recomputes every chain in the store, reading the global log a page at a time and keeping
 * only each stream's tip (about 250 bytes a stream: a million streams is about 250 MB; events
 * are never held beyond one page). Then, where the store keeps stream rows, compares each
 * with its stream's tip, reading on for streams appended to since the scan.
 */
export async function verifyStoreHistory(
  deps: VerifyDependencies,
  options: { pageSize?: number; onProgress?: (progress: VerifyProgress) => void } = {},
): Promise<IntegrityReport> {
  const pageSize = options.pageSize ?? 1000;
  const tally = new Tally();
  const tips = new Map<string, Tip>();
  let after = START;
  for (;;) {
    const page = await deps.store.readAll({ after, limit: pageSize });
    if (page.length === 0) break;
    for (const event of page) tips.set(event.streamId, tally.link(tips.get(event.streamId), event));
    after = page[page.length - 1].position;
    options.onProgress?.({ eventsChecked: tally.events, position: after });
  }
  if (deps.heads) {
    for await (const head of deps.heads.all()) {
      let tip = tips.get(head.streamId);
      if (head.version > (tip?.version ?? 0)) {
        // Appended since the scan passed (or removed: then the read finds nothing either).
        for (const event of await deps.store.readStream(head.streamId, (tip?.version ?? 0) + 1)) tip = tally.link(tip, event);
        if (tip) tips.set(head.streamId, tip);
      }
      if (tip) tip.headSeen = true;
      checkHead(tally, head, tip);
    }
    for (const [streamId, tip] of tips) if (!tip.headSeen) headMissing(tally, streamId, tip);
  }
  tally.streams = tips.size;
  return tally.report();
}

function checkHead(tally: Tally, head: { streamId: string; version: number; lastHash: string }, tip: Tip | undefined): void {
  const reached = tip?.version ?? 0;
  if (head.version > reached) {
    tally.add({
      kind: 'MISSING_EVENTS',
      streamId: head.streamId,
      position: null,
      version: head.version,
      detail: `the stream was written up to version ${head.version}, its events end at version ${reached}`,
    });
  } else if (head.version < reached || (head.version > 0 && tip?.hash !== head.lastHash)) {
    // A last event rewritten with a freshly computed hash chains correctly: only the record
    // of the stream's end still holds the hash it was written with.
    tally.add({
      kind: 'HEAD_MISMATCH',
      streamId: head.streamId,
      position: tip?.position ?? null,
      version: head.version,
      detail: `the stream's record (version ${head.version}) disagrees with its last event (version ${reached})`,
    });
  }
}

function headMissing(tally: Tally, streamId: string, tip: Tip): void {
  tally.add({
    kind: 'HEAD_MISMATCH',
    streamId,
    position: null,
    version: tip.version,
    detail: 'events exist for a stream the store has no record of',
  });
}
