import type { StoredEvent } from '@tracker/event-store';

/**
 * One stored event as an auditor sees it: exactly what was stored (data in its stored
 * schema version, not upcast), because that is what the hash covers and what a court or an
 * inspector would be shown. Positions are decimal strings: they are bigints in the store and
 * would lose digits as JSON numbers.
 */
export interface HistoryEvent {
  position: string;
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  recordedAt: Date;
  occurredOn: string | null;
  actor: string;
  commandId: string | null;
  correlationId: string | null;
  causationId: string | null;
  data: unknown;
  hash: string;
}

export function toHistoryEvent(event: StoredEvent): HistoryEvent {
  return {
    position: event.position.toString(),
    eventId: event.eventId,
    streamId: event.streamId,
    version: event.streamVersion,
    type: event.type,
    schemaVersion: event.schemaVersion,
    recordedAt: event.recordedAt,
    occurredOn: event.occurredOn ?? null,
    actor: event.metadata.actor,
    commandId: event.metadata.commandId ?? null,
    correlationId: event.metadata.correlationId ?? null,
    causationId: event.metadata.causationId ?? null,
    data: event.data,
    hash: event.hash,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every record id is a UUID (derived from a commandId, or fixed for the reference case), and
 * the read model's id columns are uuid: any other string names no program. Checking here
 * keeps a typo from reaching PostgreSQL as a cast error (an internal error to the caller).
 */
export function isRecordId(id: string): boolean {
  return UUID.test(id);
}
