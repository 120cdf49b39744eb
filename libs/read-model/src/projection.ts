import { foldForSearch, upcast, type TrackerEvent } from '@tracker/domain';
import type { RowStore, TableSpec } from './row-store';

/** A stored event, upcast to its current shape, with what projections need of the store. */
export type ProjectedEvent = TrackerEvent & {
  position: bigint;
  streamId: string;
  streamVersion: number;
  recordedAt: Date;
};

/** The fields of a stored event the read model uses (structurally, the event store's StoredEvent). */
export interface StoredEventFields {
  position: bigint;
  streamId: string;
  streamVersion: number;
  recordedAt: Date;
  type: string;
  schemaVersion: number;
  data: unknown;
}

export function toProjectedEvent(stored: StoredEventFields): ProjectedEvent {
  const { type, data } = upcast(stored.type, stored.schemaVersion, stored.data);
  return {
    type,
    data,
    position: stored.position,
    streamId: stored.streamId,
    streamVersion: stored.streamVersion,
    recordedAt: stored.recordedAt,
  } as ProjectedEvent;
}

/**
 * One read model: the tables it owns and how one event changes their rows. `apply` is pure
 * apart from the RowStore: no I/O, no clock. `keysOf` names the rows `apply` will read, so
 * the projector can load a whole batch's rows in one query per table.
 */
export interface Projection {
  readonly name: string;
  readonly tables: readonly TableSpec[];
  keysOf(event: ProjectedEvent): { table: string; id: string }[];
  apply(event: ProjectedEvent, rows: RowStore): void;
}

/**
 * Rows remember the position of the last event applied to them: an event at or before it is
 * a redelivery and changes nothing, which keeps every projection idempotent on its own.
 */
export function alreadyApplied(row: { last_position?: unknown } | undefined, event: ProjectedEvent): boolean {
  return row !== undefined && BigInt(row.last_position as string) >= event.position;
}

/** The common bookkeeping columns of an aggregate's row after `event`. */
export function stamp(event: ProjectedEvent, createdAt?: unknown) {
  const at = event.recordedAt.toISOString();
  return {
    version: event.streamVersion,
    created_at: createdAt ?? at,
    updated_at: at,
    last_position: String(event.position),
  };
}

/**
 * A row's words of every language, folded for search (lower case, Thai tone marks dropped,
 * Thai digits as Arabic ones: foldForSearch) so the api can match a folded term against the
 * bare column and keep the trigram index.
 */
export function searchText(...parts: (string | null | undefined | Record<string, string | undefined>)[]): string {
  const words: string[] = [];
  for (const part of parts) {
    if (!part) continue;
    if (typeof part === 'string') words.push(part);
    else words.push(...Object.values(part).filter((w): w is string => typeof w === 'string'));
  }
  return foldForSearch(words.join(' '));
}
