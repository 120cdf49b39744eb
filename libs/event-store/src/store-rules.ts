import { IdempotencyViolationError, InvalidAppendError } from './errors';
import type { AppendResult, EventMetadata, ExpectedVersion, JsonObject, Position, ReadAllOptions, StoredEvent } from './event-store.port';
import { START } from './event-store.port';
import { canonicalJson, isPlainObject, type CanonicalParts } from './hash';

/**
 * The rules every adapter shares, so they accept, reject and de-duplicate exactly alike:
 * append validation and normalisation, the idempotent-retry decision, read bounds.
 */

/** A validated event, normalised the way every store gives it back. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  /**
   * Fresh copies parsed from the canonical text on each read: undefined members dropped,
   * detached from the caller's object. Parsed on demand, as the PostgreSQL adapter sends the
   * canonical text and never needs them.
   */
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
  occurredOn: string | null;
  /** data and metadata in canonical JSON, written once here for the hash chain. */
  canonical: CanonicalParts;
}

export interface PreparedAppend {
  streamId: string;
  events: PreparedEvent[];
  expected: ExpectedVersion;
  /** The version the stream must be at (0: must not exist), or null for 'any'. */
  requiredVersion: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_INT4 = 2_147_483_647;

/** Validates an append's input (throwing InvalidAppendError) and normalises it. */
export function prepareAppend(streamId: unknown, events: unknown, expected: unknown): PreparedAppend {
  if (typeof streamId !== 'string' || streamId.length === 0) invalid('the stream id must be a non-empty string');
  // EventStoreDB reserves '$' streams; refusing them everywhere keeps the adapters interchangeable.
  if (streamId.startsWith('$')) invalid(`stream id "${streamId}": a leading "$" is reserved`);
  if (streamId.includes('\u0000')) invalid('the stream id holds U+0000');
  const requiredVersion = parseExpectedVersion(expected);
  if (!Array.isArray(events) || events.length === 0) invalid('an append needs at least one event');

  const prepared = events.map((event, index) => prepareEvent(event, index));
  const ids = new Set<string>();
  for (const { eventId } of prepared) {
    if (ids.has(eventId)) invalid(`event id ${eventId} appears twice in the batch`);
    ids.add(eventId);
  }
  return { streamId, events: prepared, expected: expected as ExpectedVersion, requiredVersion };
}

function parseExpectedVersion(expected: unknown): number | null {
  if (expected === 'any') return null;
  if (expected === 'no_stream') return 0;
  if (typeof expected === 'number' && Number.isInteger(expected) && expected >= 0 && expected <= MAX_INT4) {
    return expected;
  }
  return invalid(`unknown expected version ${describe(expected)}: use 'any', 'no_stream' or a version >= 0`);
}

function prepareEvent(event: unknown, index: number): PreparedEvent {
  const at = `event #${index}`;
  if (!isPlainObject(event)) invalid(`${at} is not an object`);
  const { eventId, type, schemaVersion, data, metadata, occurredOn } = event;
  if (typeof eventId !== 'string' || !UUID.test(eventId)) {
    invalid(`${at}: eventId must be a lowercase UUID, got ${describe(eventId)}`);
  }
  if (typeof type !== 'string' || type.length === 0) invalid(`${at}: type must be a non-empty string`);
  storable(type, `${at} type`); // hashed later: refused now, as data would be
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > MAX_INT4) {
    invalid(`${at}: schemaVersion must be a positive integer, got ${describe(schemaVersion)}`);
  }
  if (!isPlainObject(data)) invalid(`${at}: data must be a plain JSON object, got ${describe(data)}`);
  if (!isPlainObject(metadata)) invalid(`${at}: metadata must be an object`);
  if (typeof metadata.actor !== 'string' || metadata.actor.length === 0) invalid(`${at}: metadata.actor is required`);
  for (const key of ['commandId', 'correlationId', 'causationId'] as const) {
    if (metadata[key] !== undefined && typeof metadata[key] !== 'string') invalid(`${at}: metadata.${key} must be a string`);
  }
  if (occurredOn !== undefined && occurredOn !== null && !isIsoDate(occurredOn)) {
    invalid(`${at}: occurredOn must be an ISO date yyyy-mm-dd, got ${describe(occurredOn)}`);
  }

  const canonical = { data: storable(data, `${at} data`), metadata: storable(metadata, `${at} metadata`) };
  return {
    eventId,
    type,
    schemaVersion,
    get data() {
      return JSON.parse(canonical.data) as JsonObject;
    },
    get metadata() {
      return JSON.parse(canonical.metadata) as EventMetadata;
    },
    occurredOn: (occurredOn as string | null | undefined) ?? null,
    canonical,
  };
}

/** The canonical JSON of a value, which validates it: the stored copy is parsed from it. */
function storable(value: unknown, what: string): string {
  try {
    return canonicalJson(value);
  } catch (error) {
    return invalid(`${what} is not storable JSON: ${(error as Error).message}`);
  }
}

function isIsoDate(value: unknown): boolean {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Year 0 does not exist in PostgreSQL's calendar (1 BC precedes AD 1).
  if (year < 1) return false;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}

function invalid(reason: string): never {
  throw new InvalidAppendError(reason);
}

/** What an idempotent retry must repeat exactly, in canonical JSON. */
function contentKey(event: Pick<StoredEvent, 'type' | 'schemaVersion' | 'data' | 'metadata' | 'occurredOn'>): string {
  return canonicalJson({
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredOn: event.occurredOn ?? null,
  });
}

export type StoredForRetry = Pick<
  StoredEvent,
  'eventId' | 'streamId' | 'streamVersion' | 'position' | 'type' | 'schemaVersion' | 'data' | 'metadata' | 'occurredOn'
>;

/**
 * Decides an append against the events already stored under its ids (`stored`, by id):
 * null when none is stored (a new append), the first append's result when the whole batch
 * is stored as it is now asked for, and IdempotencyViolationError otherwise.
 */
export function resolveRetry(
  append: PreparedAppend,
  stored: ReadonlyMap<string, StoredForRetry>,
): AppendResult | null {
  if (stored.size === 0) return null;
  let previous: StoredForRetry | undefined;
  for (const event of append.events) {
    const found = stored.get(event.eventId);
    if (!found) {
      const storedId = append.events.find((candidate) => stored.has(candidate.eventId))?.eventId ?? event.eventId;
      throw new IdempotencyViolationError(storedId, 'it is stored, but other events of its batch are not');
    }
    if (found.streamId !== append.streamId) {
      throw new IdempotencyViolationError(event.eventId, `it is stored in another stream ("${found.streamId}")`);
    }
    if (contentKey(found) !== contentKey(event)) {
      throw new IdempotencyViolationError(event.eventId, 'it is stored with different content');
    }
    if (previous && found.streamVersion !== previous.streamVersion + 1) {
      throw new IdempotencyViolationError(event.eventId, 'it is stored, but not in the order of this batch');
    }
    previous = found;
  }
  const last = previous as StoredForRetry;
  return { streamId: append.streamId, version: last.streamVersion, position: last.position };
}

const DEFAULT_READ_LIMIT = 1000;

/** readAll's options with their defaults; a bad limit is a programming error (RangeError). */
export function readAllBounds(options: ReadAllOptions = {}): { after: Position; limit: number } {
  const limit = options.limit ?? DEFAULT_READ_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`readAll limit must be a positive integer, got ${limit}`);
  return { after: options.after ?? START, limit };
}
