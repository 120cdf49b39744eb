/**
 * The EventStore port: what the rest of the tracker needs from an event store, and nothing
 * more. Adapters: PostgreSQL (the default), in-memory (unit tests), EventStoreDB/KurrentDB.
 * One contract suite (event-store.contract.ts) runs against every adapter.
 */

/** JSON-compatible value, as stored in an event's data. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Global position in the store's log. Ordered and unique; not necessarily contiguous
 * (an aborted append leaves a hole). Readers resume from the last position they handled.
 */
export type Position = bigint;
export const START: Position = 0n;

/**
 * What an append expects of the stream: anything, that it does not exist yet, or its exact
 * version. 0 means the same as 'no_stream', so a handler can pass the version it folded
 * (0 for a stream it found empty) without a special case.
 */
export type ExpectedVersion = 'any' | 'no_stream' | number;

export interface EventMetadata {
  /** Who caused the event: the token's subject. */
  actor: string;
  commandId?: string;
  correlationId?: string;
  causationId?: string;
}

export interface NewEvent {
  /**
   * Unique id, a UUID in lowercase canonical form (what EventStoreDB requires and what
   * every adapter gives back unchanged). Appending an id already stored is idempotent (see append).
   */
  eventId: string;
  /** Literal, stable type name ("ActivityLogged"); never changes once stored. */
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
  /** Business date the event is about (ISO yyyy-mm-dd), when it has one. */
  occurredOn?: string | null;
}

export interface StoredEvent extends NewEvent {
  position: Position;
  streamId: string;
  /** 1 for the stream's first event. */
  streamVersion: number;
  recordedAt: Date;
  occurredOn: string | null;
  /** Hex SHA-256(previous hash of the stream + canonical serialisation of this event). */
  hash: string;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append (its last event's streamVersion). */
  version: number;
  /** Position of the last event appended. */
  position: Position;
}

export interface ReadAllOptions {
  /** Exclusive: events after this position. Default START. */
  after?: Position;
  /** Most events returned. Default 1000. */
  limit?: number;
}

export interface SubscribeAllOptions {
  /** Exclusive: deliver events after this position (a stored checkpoint). */
  after?: Position;
  /** Most events handed to one onBatch call. */
  batchSize?: number;
  /**
   * Called with each batch, in order, never concurrently. The subscription moves on only
   * when the returned promise resolves (that is the acknowledgement); if it rejects, the
   * subscription stops and reports the error through `onError`.
   */
  onBatch: (events: StoredEvent[]) => Promise<void>;
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Stops delivery; resolves once no onBatch call is running. */
  stop(): Promise<void>;
  /** Resolves when the subscription ends (stopped or failed). */
  readonly done: Promise<void>;
}

export interface EventStore {
  /**
   * Appends events to one stream atomically, if the stream's version matches.
   * Throws WrongExpectedVersionError on a mismatch. Idempotent: if every event id is
   * already stored in this stream with the same content (type, schemaVersion, data,
   * metadata, occurredOn), as consecutive versions in the given order, nothing is written
   * and the first append's result is returned, whatever the expected version; an id stored
   * with other content, in another stream, or a batch only partly stored throws
   * IdempotencyViolationError.
   * Malformed input (empty or '$'-prefixed stream id, no events, data that is not plain
   * JSON, a missing field, an unknown expected-version form) throws InvalidAppendError.
   * Nothing is stored when it throws.
   */
  append(streamId: string, events: NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult>;
  /** The stream's events from `fromVersion` (inclusive, default 1), in version order. */
  readStream(streamId: string, fromVersion?: number): Promise<StoredEvent[]>;
  /** Events in global order after `after`; never skips an event that commits later. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** Catch-up, then live: every event after `after`, exactly once, in global order. */
  subscribeAll(options: SubscribeAllOptions): Subscription;
  close(): Promise<void>;
}
