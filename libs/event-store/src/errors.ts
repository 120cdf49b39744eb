import type { ExpectedVersion } from './event-store.port';

/**
 * Errors every adapter throws for the same causes, so callers (the api maps them to GraphQL
 * error codes in one place) can rely on `code` rather than on an adapter's own messages.
 */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream is not at the version the append expected: someone else appended first. */
export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_VERSION';
  override readonly name = 'WrongExpectedVersionError';

  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's current version; 0 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(
      `Wrong expected version for stream "${streamId}": expected ${describeVersion(expected)}, ` +
        `actual ${describeVersion(actual)}`,
    );
  }
}

/** An event id is already stored, but not as the same event of the same stream. */
export class IdempotencyViolationError extends EventStoreError {
  readonly code = 'IDEMPOTENCY_VIOLATION';
  override readonly name = 'IdempotencyViolationError';

  constructor(
    readonly eventId: string,
    readonly reason: string,
  ) {
    super(`Event ${eventId} cannot be appended: ${reason}`);
  }
}

/** The append itself is malformed; nothing was stored. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  override readonly name = 'InvalidAppendError';

  constructor(readonly reason: string) {
    super(`Invalid append: ${reason}`);
  }
}

function describeVersion(version: ExpectedVersion): string {
  if (version === 0) return '0 (no stream)';
  return typeof version === 'number' ? String(version) : version;
}
