/**
 * The decider shape every aggregate follows (after emmett's): decide turns a command and
 * the current state into new events, evolve folds one event into the state. Both are pure:
 * whatever they need from the outside world (time, ids, actor, other aggregates' state)
 * arrives in the command.
 */

/** JSON as the event store keeps it: event data must fit this, so no Date, bigint or undefined. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Who sent the command and when; the handler fills it from the request, never the domain. */
export type CommandMetadata = {
  actor: string;
  /** ISO 8601 date-time with offset; the only clock the domain ever reads. */
  now: string;
  commandId?: string;
  correlationId?: string;
};

export type Command<Type extends string, Data> = {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
};

/**
 * An event as the domain knows it. The event store adds eventId, metadata, schemaVersion,
 * recordedAt and the hash; `type` is stored verbatim and never renamed.
 */
export type Event<Type extends string, Data extends JsonObject> = {
  type: Type;
  data: Data;
};

export type Decider<C, E, S> = {
  initialState: S;
  evolve: (state: S, event: E) => S;
  /** Returns at least one event or throws a DomainError; a command never silently does nothing. */
  decide: (command: C, state: S) => E[];
};

/** The state after a stream's events. */
export function fold<E, S>(decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>, events: readonly E[]): S {
  return events.reduce(decider.evolve, decider.initialState);
}

/**
 * Ends an exhaustive switch: the compiler flags any command or event type left unhandled.
 * Where the union has a single member, pass `x.type`: TypeScript narrows that discriminant
 * to never but not the object itself.
 */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
