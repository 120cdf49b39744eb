import { createHash } from 'node:crypto';
import type { StoredEvent } from './event-store.port';

/**
 * The one serialisation that is hashed, so it must never change: object keys sorted by
 * UTF-16 code units, no whitespace, numbers and strings as JSON.stringify writes them. That
 * is RFC 8785 (JCS) for the values accepted here. Object properties whose value is
 * undefined are left out, as JSON.stringify and jsonb do, so a value hashes the same before
 * and after a round trip through any adapter.
 *
 * Throws a TypeError naming the path for anything a store could not give back unchanged:
 * functions, symbols, BigInt, NaN/Infinity, undefined (top level or in an array), class
 * instances such as Date or Map (no toJSON magic), cycles, strings with lone surrogates
 * (not Unicode; JCS rejects them too) or U+0000 (jsonb cannot hold it).
 */
export function canonicalJson(value: unknown): string {
  try {
    return serialise(value, new Set());
  } catch (error) {
    if (!(error instanceof NotCanonical)) throw error;
    throw new TypeError(`$${error.path.reverse().join('')}: ${error.message}`);
  }
}

/**
 * Thrown inside the walk; each container on the way out adds its step to the path, so a
 * path is only built for the value that fails, not for every member walked.
 */
class NotCanonical extends Error {
  readonly path: string[] = [];
}

function serialise(value: unknown, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return serialiseString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new NotCanonical(`${value} is not JSON`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return serialiseContainer(value, ancestors);
    default:
      throw new NotCanonical(`${typeof value} is not JSON`);
  }
}

function serialiseContainer(value: object, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new NotCanonical('circular reference');
  ancestors.add(value);
  let step = '';
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (let i = 0; i < value.length; i++) {
        step = `[${i}]`;
        items.push(serialise(value[i], ancestors));
      }
      return `[${items.join(',')}]`;
    }
    if (!isPlainObject(value)) {
      throw new NotCanonical(`${Object.getPrototypeOf(value)?.constructor?.name ?? 'object'} is not a plain JSON object`);
    }
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      if (record[key] === undefined) continue;
      step = `.${key}`;
      members.push(`${serialiseString(key)}:${serialise(record[key], ancestors)}`);
    }
    return `{${members.join(',')}}`;
  } catch (error) {
    if (error instanceof NotCanonical && step) error.path.push(step);
    throw error;
  } finally {
    ancestors.delete(value);
  }
}

/**
 * An object literal, JSON.parse result or Object.create(null), from any realm (structuredClone
 * and vm contexts make objects whose Object.prototype is not ours); not a Date, Map or class.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

// In a /u regex, \p{Cs} matches only surrogates that are not part of a pair.
const LONE_SURROGATE = /\p{Cs}/u;

// Any surrogate or U+0000: a cheap first test, as most strings hold neither.
const SUSPECT = /[\u0000\ud800-\udfff]/;

function serialiseString(value: string): string {
  if (SUSPECT.test(value)) {
    if (LONE_SURROGATE.test(value)) throw new NotCanonical('string holds a lone surrogate');
    if (value.includes('\u0000')) throw new NotCanonical('string holds U+0000');
  }
  return JSON.stringify(value);
}

/** What a stored event's hash covers: everything but its position (assigned by some stores after hashing) and the hash. */
export type HashedFields = Pick<
  StoredEvent,
  'streamId' | 'streamVersion' | 'eventId' | 'type' | 'schemaVersion' | 'data' | 'metadata' | 'recordedAt'
> & { occurredOn?: string | null };

/** The hash a stream's first event chains from. */
export const GENESIS_HASH = '';

/** An event's data and metadata as canonicalJson writes them, for a caller that has them already. */
export interface CanonicalParts {
  data: string;
  metadata: string;
}

/**
 * hex SHA-256(previousHash + canonicalJson(event fields)). `previousHash` is the stored hash
 * of the stream's previous event, or GENESIS_HASH ('') for version 1. `canonical` saves
 * serialising data and metadata again when the caller holds their canonical text.
 */
export function chainHash(previousHash: string, event: HashedFields): string;
export function chainHash(previousHash: string, event: Omit<HashedFields, 'data' | 'metadata'>, canonical: CanonicalParts): string;
export function chainHash(
  previousHash: string,
  event: Omit<HashedFields, 'data' | 'metadata'> & Partial<Pick<HashedFields, 'data' | 'metadata'>>,
  canonical?: CanonicalParts,
): string {
  // canonicalJson of the object of these fields, its members written out in sorted key order
  // (the unit spec checks it against canonicalJson itself).
  const text =
    `{"data":${canonical ? canonical.data : canonicalJson(event.data)},"eventId":${canonicalJson(event.eventId)}` +
    `,"metadata":${canonical ? canonical.metadata : canonicalJson(event.metadata)},"occurredOn":${canonicalJson(event.occurredOn ?? null)}` +
    `,"recordedAt":${canonicalJson(event.recordedAt.toISOString())},"schemaVersion":${canonicalJson(event.schemaVersion)}` +
    `,"streamId":${canonicalJson(event.streamId)},"streamVersion":${canonicalJson(event.streamVersion)},"type":${canonicalJson(event.type)}}`;
  return createHash('sha256').update(previousHash, 'utf8').update(text, 'utf8').digest('hex');
}

/**
 * Recomputes a stream's chain and returns the first event that breaks it, or null.
 * `events` are one stream's events in version order, starting at version 1 unless
 * `previousHash` (the stored hash of the event before the first one given) is passed.
 * An event is broken when its own hash does not match its content and its predecessor's
 * stored hash, or when it is not the next version of the same stream (a removed event).
 */
export function verifyStreamChain(
  events: readonly StoredEvent[],
  previousHash: string = GENESIS_HASH,
): StoredEvent | null {
  let previous = previousHash;
  let expectedVersion = events.length > 0 && previousHash !== GENESIS_HASH ? events[0].streamVersion : 1;
  const streamId = events[0]?.streamId;
  for (const event of events) {
    if (event.streamId !== streamId || event.streamVersion !== expectedVersion) return event;
    let hash: string;
    try {
      hash = chainHash(previous, event);
    } catch {
      return event; // content no store could hold
    }
    if (hash !== event.hash) return event;
    previous = event.hash;
    expectedVersion++;
  }
  return null;
}
