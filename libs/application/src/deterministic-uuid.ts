import { createHash, randomUUID } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 over the namespace's 16 bytes and the name's
 * UTF-8), lowercase as the event store wants it. The same namespace and name always give the
 * same UUID, which is what lets a retried command land on the ids of its first attempt.
 */
export function deterministicUuid(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new TypeError(`namespace must be a UUID, got "${namespace}"`);
  const bytes = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The namespace of every id derived from a commandId. Fixed forever: stored aggregate and
 * event ids were computed with it, and a retry must compute them again.
 */
export const COMMAND_ID_NAMESPACE = '1ef4dd46-3150-4be7-8fe7-de7ad59968cc';

/** The ids one command writes, all derived from its commandId. */
export type CommandIds = {
  commandId: string;
  /** The id of the record a command creates. */
  aggregateId: string;
  /** The id of the command's `index`-th event (from 0). */
  eventId: (index: number) => string;
};

export function commandIds(commandId: string): CommandIds {
  return {
    commandId,
    aggregateId: deterministicUuid(COMMAND_ID_NAMESPACE, `${commandId}/aggregate`),
    eventId: (index) => deterministicUuid(COMMAND_ID_NAMESPACE, `${commandId}/event/${index}`),
  };
}

/** A command sent without a commandId gets a random one: random ids, and nothing to retry by. */
export const newCommandId = (): string => randomUUID();
