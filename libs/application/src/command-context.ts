import type { Position } from '@tracker/event-store';

/** Who sends a command and when: filled from the request by the api, never read from a clock here. */
export interface CommandContext {
  /** The token's subject; stored as every event's metadata.actor. */
  actor: string;
  /** The request's time (a Date, or ISO 8601 with offset): the only clock the domain reads. */
  now: Date | string;
  /**
   * Idempotency key, when the transport carries it outside the input (a header). The input's
   * own commandId wins; both given and different is refused.
   */
  commandId?: string;
  /** Defaults to the commandId. */
  correlationId?: string;
  /** Defaults to the commandId: the events were caused by this command. */
  causationId?: string;
}

/** Where the command's events landed (the contract's CommandResult, plus the record's id). */
export interface CommandResult {
  streamId: string;
  /** The stream's version after the command's last event. */
  version: number;
  /** Global position of the command's last event: what read-your-writes waits for. */
  position: Position;
  /** The id of the record the command created or changed. */
  id: string;
}

/** For commands that create a record; not part of the GraphQL contract. */
export interface NewRecordOptions {
  /**
   * The new record's id, instead of one derived from the commandId. For fixed ids such as the
   * reference case's (`referenceIds`); the api does not expose it.
   */
  id?: string;
}
