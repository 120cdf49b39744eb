import { ANY, ErrorType, NO_STREAM, START as ESDB_START } from '@eventstore/db-client';
import type { ExpectedRevision, Position as EsdbPosition, ReadPosition } from '@eventstore/db-client';
import { InvalidAppendError, WrongExpectedVersionError } from '../errors';
import type { EventMetadata, ExpectedVersion, JsonObject, Position, StoredEvent } from '../event-store.port';
import { START } from '../event-store.port';
import { isPlainObject } from '../hash';

/**
 * Pure translation between the EventStore port and EventStoreDB/KurrentDB (client v6):
 * connection strings, positions, revisions, the metadata envelope that carries the port's
 * fields, and the client's errors. No I/O here, so all of it is unit-tested without a server.
 */

// ---------------------------------------------------------------------------------------------
// Connection strings

const SCHEMES: Record<string, string> = {
  esdb: 'esdb',
  'esdb+discover': 'esdb+discover',
  // KurrentDB (EventStoreDB renamed, 25.0 on) documents kurrentdb://; the v6 client parses only esdb://.
  kurrentdb: 'esdb',
  'kurrentdb+discover': 'esdb+discover',
};

/**
 * Settings the tracker wants where the connection string does not say otherwise. The client's
 * own discovery gives up after 10 attempts 100 ms apart (about a second): shorter than a
 * cluster election, so a leader change would fail appends instead of waiting for the new
 * leader. Keepalive (10 s ping, 10 s timeout) and the 10 s deadline are the client's defaults
 * and are left to it; they can be set in the string as keepAliveInterval, keepAliveTimeout and
 * defaultDeadline.
 */
const CLIENT_DEFAULTS: Readonly<Record<string, string>> = {
  maxDiscoverAttempts: '20',
  discoveryInterval: '500',
};

/** Raised for an EVENTSTORE_URL that is not an EventStoreDB/KurrentDB connection string. */
export class EventStoreDbConfigurationError extends Error {
  override readonly name = 'EventStoreDbConfigurationError';
}

/**
 * Turns EVENTSTORE_URL into a connection string the v6 client accepts: kurrentdb:// becomes
 * esdb:// (same syntax), and CLIENT_DEFAULTS are added unless the string sets them. Throws
 * EventStoreDbConfigurationError naming the URL without its credentials.
 */
export function toClientConnectionString(url: string): string {
  const trimmed = typeof url === 'string' ? url.trim() : '';
  const match = /^([a-z+]+):\/\/(.*)$/i.exec(trimmed);
  const scheme = match ? SCHEMES[match[1].toLowerCase()] : undefined;
  if (!match || !scheme) {
    throw new EventStoreDbConfigurationError(
      `EVENTSTORE_URL ${describeUrl(trimmed)} is not an EventStoreDB/KurrentDB connection string: ` +
        'expected esdb://, esdb+discover://, kurrentdb:// or kurrentdb+discover://, e.g. esdb://localhost:2113?tls=false',
    );
  }
  // The client drops trailing slashes only at the very end; a query added after one would not parse.
  const rest = match[2].includes('?') ? match[2] : match[2].replace(/\/+$/, '');
  if (!/^([^@/?]+@)?[^@/?:,]+/.test(rest)) {
    throw new EventStoreDbConfigurationError(`EVENTSTORE_URL ${describeUrl(trimmed)} names no host, e.g. esdb://localhost:2113?tls=false`);
  }
  const queryAt = rest.indexOf('?');
  const given = new Set(
    (queryAt < 0 ? '' : rest.slice(queryAt + 1))
      .split('&')
      .filter(Boolean)
      .map((pair) => flatKey(pair.split('=')[0])),
  );
  const added = Object.entries(CLIENT_DEFAULTS)
    .filter(([key]) => !given.has(flatKey(key)))
    .map(([key, value]) => `${key}=${value}`);
  const separator = queryAt < 0 ? '?' : rest.endsWith('?') || rest.endsWith('&') ? '' : '&';
  return `${scheme}://${rest}${added.length > 0 ? separator + added.join('&') : ''}`;
}

// The client reads option names case- and separator-insensitively (keepAliveInterval = keep_alive_interval).
function flatKey(key: string): string {
  return key.trim().toLowerCase().replace(/[_-]/g, '');
}

/** The URL with any user:password replaced, fit for logs and error messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z+]+:\/\/)[^@/?]*@/i, '$1***@');
}

function describeUrl(url: string): string {
  return url === '' ? '(empty)' : JSON.stringify(redactUrl(url));
}

/**
 * Removes the URL's credentials wherever a client message quotes them (its parse errors quote
 * the text around the fault, which may be a piece of the password).
 */
export function redactMessage(message: string, url: string): string {
  const trimmed = url.trim();
  const credentials = /^[a-z+]+:\/\/([^@/?]*)@/i.exec(trimmed)?.[1];
  let redacted = message.split(trimmed).join(redactUrl(trimmed));
  if (credentials) {
    redacted = redacted.split(credentials).join('***');
    const password = credentials.slice(credentials.indexOf(':') + 1);
    // A very short password would blank out ordinary letters; such a message says nothing useful anyway.
    if (password.length >= 3) redacted = redacted.split(password).join('***');
  }
  return redacted;
}

// ---------------------------------------------------------------------------------------------
// Positions

/**
 * The port's position of an event is EventStoreDB's commit position.
 *
 * Every append through gRPC (all this adapter does) is an implicit transaction: each event's
 * commit position equals its prepare position, the offset of its own record in the transaction
 * log. So the commit position alone is unique, ordered like $all, and fits the port's bigint.
 * Prepare positions differ only for events written in explicit transactions through the
 * legacy TCP API (gone in 24.2): those share the commit position of their transaction's commit
 * record and are told apart by prepare position. The tracker never writes such events; a
 * foreign one would share a port position with its neighbours, and a `readAll` page ending
 * inside its transaction would skip the rest of it.
 */
export function fromEsdbPosition(position: EsdbPosition): Position {
  return position.commit;
}

/**
 * Where to start reading $all for events after `after`. START reads from the beginning (the
 * log opens with an epoch record, so no event sits at 0). Otherwise the event's own position:
 * commit = prepare, as above. Reads of $all include the event at that position and
 * subscriptions exclude it; callers drop everything at or before `after` either way.
 */
export function toEsdbReadPosition(after: Position): ReadPosition {
  if (after <= START) return ESDB_START;
  return { commit: after, prepare: after };
}

// ---------------------------------------------------------------------------------------------
// Versions and revisions

/**
 * The port's versions count from 1 (0: no stream); EventStoreDB's revisions from 0.
 * 'any' -> ANY, 'no_stream' and 0 -> NO_STREAM, n -> revision n - 1.
 *
 * The adapter itself sends the revision it read (`versionToRevision`), never ANY: it chains
 * each event's hash to its predecessor's, so it must know the version it appends after, and
 * ANY would let a racing append slip in between and break the chain.
 */
export function toExpectedRevision(expected: ExpectedVersion): ExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  return versionToRevision(expected);
}

/** The revision of the stream's last event for a stream at `version` (0: NO_STREAM). */
export function versionToRevision(version: number): ExpectedRevision {
  if (!Number.isInteger(version) || version < 0) throw new RangeError(`not a stream version: ${version}`);
  return version === 0 ? NO_STREAM : BigInt(version - 1);
}

/** The port's streamVersion of the event at `revision`. */
export function revisionToVersion(revision: bigint): number {
  const version = Number(revision) + 1;
  if (!Number.isSafeInteger(version) || revision < 0n) throw new RangeError(`revision ${revision} is out of range`);
  return version;
}

/** The stream's version from a client's current revision ('no_stream' -> 0). */
export function currentRevisionToVersion(current: bigint | 'no_stream' | string): number {
  return typeof current === 'bigint' ? revisionToVersion(current) : 0;
}

/** The first revision to read for the port's `fromVersion` (default and anything below 1: from the start). */
export function fromVersionToRevision(fromVersion: number): bigint {
  if (!(fromVersion > 1)) return 0n;
  return BigInt(Math.ceil(fromVersion) - 1);
}

// ---------------------------------------------------------------------------------------------
// The metadata envelope

/**
 * EventStoreDB stores data and metadata per event. The port's own metadata (actor, commandId,
 * correlationId, causationId) goes into the metadata object as it is; beside it go the fields
 * EventStoreDB has no place for, under these names, and copies of the correlation and
 * causation ids under the names EventStoreDB's system projections read ($by_correlation_id).
 */
const ENVELOPE_KEYS = ['schemaVersion', 'occurredOn', 'recordedAt', 'hash'] as const;

interface EsdbMetadata extends JsonObject {
  schemaVersion: number;
  occurredOn: string | null;
  /** ISO 8601, milliseconds, UTC: what the hash covers (the server's own `created` is not hashed). */
  recordedAt: string;
  hash: string;
}

interface EnvelopeFields {
  schemaVersion: number;
  metadata: EventMetadata;
  occurredOn: string | null;
  recordedAt: Date;
  hash: string;
}

/**
 * Metadata keys this adapter could not give back unchanged: the envelope's names and '$' names
 * (EventStoreDB's). Other adapters store such keys; here the append is refused instead.
 */
export function assertStorableMetadata(metadata: EventMetadata, at: string): void {
  for (const key of Object.keys(metadata)) {
    if ((ENVELOPE_KEYS as readonly string[]).includes(key) || key.startsWith('$')) {
      throw new InvalidAppendError(
        `${at}: metadata key "${key}" is reserved in EventStoreDB (${ENVELOPE_KEYS.join(', ')} and names starting with $)`,
      );
    }
  }
}

export function toEsdbMetadata(fields: EnvelopeFields): EsdbMetadata {
  const metadata = fields.metadata as unknown as JsonObject;
  const envelope: EsdbMetadata = {
    ...metadata,
    schemaVersion: fields.schemaVersion,
    occurredOn: fields.occurredOn,
    recordedAt: fields.recordedAt.toISOString(),
    hash: fields.hash,
  };
  if (typeof metadata.correlationId === 'string') envelope.$correlationId = metadata.correlationId;
  if (typeof metadata.causationId === 'string') envelope.$causationId = metadata.causationId;
  return envelope;
}

/** The structural part of the client's RecordedEvent this module reads. */
export interface EsdbRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position?: EsdbPosition;
}

/** Raised for an event that claims to be the tracker's but cannot be read as one. */
export class EventStoreDbMappingError extends Error {
  override readonly name = 'EventStoreDbMappingError';
}

/**
 * Whether a record of $all is one of the tracker's events: not EventStoreDB's own ('$' types
 * and streams: statistics, projections, links, stream metadata) and carrying the envelope.
 * Anything else in $all was written by someone else and is passed over.
 */
export function isTrackerRecord(record: Pick<EsdbRecord, 'streamId' | 'type' | 'isJson' | 'metadata'>): boolean {
  if (record.type.startsWith('$') || record.streamId.startsWith('$') || !record.isJson) return false;
  const metadata = record.metadata;
  return isPlainObject(metadata) && typeof metadata.hash === 'string' && typeof metadata.recordedAt === 'string';
}

const HASH = /^[0-9a-f]{64}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The port's StoredEvent for a record; EventStoreDbMappingError says what is wrong with it. */
export function toStoredEvent(record: EsdbRecord): StoredEvent {
  const fail = (problem: string): never => {
    throw new EventStoreDbMappingError(
      `event ${record.id} (stream "${record.streamId}", revision ${record.revision}) is not a tracker event: ${problem}`,
    );
  };
  if (!record.isJson) fail('its content type is not application/json');
  if (!isPlainObject(record.data)) fail('its data is not a JSON object');
  if (!isPlainObject(record.metadata)) fail('its metadata is not a JSON object');
  if (!record.position) fail('it has no position (EventStoreDB 22.6 or later gives positions in stream reads)');
  const raw = record.metadata as Record<string, unknown>;
  const { schemaVersion, occurredOn, recordedAt, hash } = raw;
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) fail('metadata.schemaVersion is missing');
  if (occurredOn !== null && (typeof occurredOn !== 'string' || !ISO_DATE.test(occurredOn))) fail('metadata.occurredOn is not a date or null');
  if (typeof recordedAt !== 'string' || !ISO_INSTANT.test(recordedAt)) fail('metadata.recordedAt is not an ISO instant');
  if (typeof hash !== 'string' || !HASH.test(hash)) fail('metadata.hash is not a SHA-256 hex digest');
  if (typeof raw.actor !== 'string') fail('metadata.actor is missing');

  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(ENVELOPE_KEYS as readonly string[]).includes(key) && !key.startsWith('$')) metadata[key] = value;
  }
  return {
    eventId: record.id,
    type: record.type,
    schemaVersion: schemaVersion as number,
    data: record.data as JsonObject,
    metadata: metadata as unknown as EventMetadata,
    occurredOn: occurredOn as string | null,
    streamId: record.streamId,
    streamVersion: revisionToVersion(record.revision),
    position: fromEsdbPosition(record.position as EsdbPosition),
    recordedAt: new Date(recordedAt as string),
    hash: hash as string,
  };
}

// ---------------------------------------------------------------------------------------------
// Errors

interface ClientError {
  type?: unknown;
  code?: unknown;
  message?: unknown;
}

function errorType(error: unknown): unknown {
  return (error as ClientError | null)?.type;
}

export function isWrongExpectedVersion(error: unknown): error is { actualVersion: bigint | 'no_stream'; streamName: string } {
  return errorType(error) === ErrorType.WRONG_EXPECTED_VERSION;
}

export function isStreamNotFound(error: unknown): boolean {
  return errorType(error) === ErrorType.STREAM_NOT_FOUND;
}

// gRPC status codes: 4 DEADLINE_EXCEEDED, 14 UNAVAILABLE (raw errors from the capability probe carry only these).
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/**
 * Whether the server could not be reached or did not answer in time (as opposed to answering
 * with a refusal). A not-leader answer counts: the client reconnects to the leader it names on
 * the next call, so the call is worth repeating like a dropped connection.
 */
export function isConnectionError(error: unknown): boolean {
  const type = errorType(error);
  if (
    type === ErrorType.UNAVAILABLE ||
    type === ErrorType.DEADLINE_EXCEEDED ||
    type === ErrorType.TIMEOUT ||
    type === ErrorType.NOT_LEADER
  ) {
    return true;
  }
  const code = (error as ClientError | null)?.code;
  if (type === undefined && (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED)) return true;
  const message = (error as ClientError | null)?.message;
  return typeof message === 'string' && /^Failed to discover after \d+ attempts/.test(message);
}

/** The server at `url` could not be reached for `operation`; `cause` is the client's error. */
export class EventStoreDbUnavailableError extends Error {
  override readonly name = 'EventStoreDbUnavailableError';

  constructor(url: string, operation: string, cause: unknown) {
    const reason = cause instanceof Error ? redactMessage(cause.message, url) : String(cause);
    super(`EventStoreDB at ${redactUrl(url.trim())} is unreachable (${operation}): ${reason}`, { cause });
  }
}

/** The port's WrongExpectedVersionError for the client's, reporting the caller's expectation. */
export function toPortWrongExpectedVersion(
  error: { actualVersion: bigint | 'no_stream' | string },
  streamId: string,
  expected: ExpectedVersion,
): WrongExpectedVersionError {
  return new WrongExpectedVersionError(streamId, expected, currentRevisionToVersion(error.actualVersion));
}
