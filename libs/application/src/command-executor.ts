import { Command } from '@nestjs/cqrs';
import {
  DomainError,
  eventSchemaVersions,
  fold,
  occurredOnOf,
  requireId,
  ValidationError,
  type CommandMetadata,
  type Decider,
  type TrackerEvent,
} from '@tracker/domain';
import {
  canonicalJson,
  IdempotencyViolationError,
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type StoredEvent,
} from '@tracker/event-store';
import type { CommandContext, CommandResult, NewRecordOptions } from './command-context';
import { CommandIdReusedError } from './command.errors';
import { commandIds, newCommandId, type CommandIds } from './deterministic-uuid';
import { FactReader, toTrackerEvent } from './fact-reader';
import { refineField, type FieldLocator } from './input-fields';

type Optional<T> = T | null | undefined;

/** Every input may carry a commandId: retrying with it records nothing new (see README). */
export interface Idempotent {
  commandId?: Optional<string>;
}

/** Inputs that change an existing record may say which version they saw; a mismatch is CONFLICT. */
export interface Versioned {
  expectedVersion?: Optional<number>;
}

/**
 * A command's input as the contract gives it: the domain command's own fields (one
 * definition, in libs/domain), less the record's id and the facts its handler reads, which are
 * named in `Without`. Inputs on an existing record add the contract's `id` beside it.
 */
export type InputOf<C extends { data: object }, Without extends keyof C['data'] = never> = Omit<C['data'], Without>;

/**
 * A command as the handlers take it: the mutation's input (the contract's input type, field
 * for field), who sent it and when, and for commands that create a record, options the
 * contract does not expose (a fixed id). Sent through @nestjs/cqrs's CommandBus in the api,
 * through `commandBusFor(store)` elsewhere (demo data, tests, benches).
 */
export abstract class TrackerCommand<Input extends Idempotent = Idempotent> extends Command<CommandResult> {
  constructor(
    readonly input: Input,
    readonly context: CommandContext,
    readonly options: NewRecordOptions = {},
  ) {
    super();
  }
}

/** The record a command writes to: a new one, or one named by the input. */
export type Target =
  | { kind: 'new'; streamOf: (id: string) => string }
  | { kind: 'existing'; streamOf: (id: string) => string; id: unknown; field: string };

/** A command that creates a record: its id derives from the commandId unless options.id fixes it. */
export const newRecord = (streamOf: (id: string) => string): Target => ({ kind: 'new', streamOf });

/** A command on an existing record: `id` is the input's value, `field` its name in the input. */
export const existingRecord = (streamOf: (id: string) => string, id: unknown, field = 'id'): Target => ({
  kind: 'existing',
  streamOf,
  id,
  field,
});

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type DomainCommand = { type: string; data: unknown; metadata: CommandMetadata };

/**
 * What one command does, as its handler writes it: which aggregate decides it, which record
 * it writes to, how to build the domain command from the input and the facts read, and how
 * to put a decider's field names into the input's terms.
 */
export interface CommandPlan<C extends DomainCommand, E extends TrackerEvent, S> {
  decider: Decider<C, E, S>;
  target: Target;
  /**
   * Reads the facts the command needs (other aggregates, through `facts`; the record's own
   * state, folded from the stream the executor has read, is `current`) and builds the
   * domain command for the record `id`. Reads only: an idempotent retry builds it again
   * against the facts as the first attempt saw them.
   */
  build: (id: string, facts: FactReader, current: S) => Promise<DistributiveOmit<C, 'metadata'>>;
  fields?: readonly FieldLocator[];
}

/** One request's identity: its commandId, the ids derived from it, who and when. */
interface Request {
  ids: CommandIds;
  actor: string;
  now: string;
  correlationId: string;
  causationId: string;
}

/**
 * The steps every command shares, written once: derive the ids from the commandId, read the
 * target stream, check the caller's expectedVersion, build the domain command (the handler's
 * plan), decide, append with the expected version. Read-your-writes is the api's part: it
 * waits for the returned position (apps/api/src/commands/mutations.ts).
 *
 * Idempotency (contract: a retry with the same commandId records nothing new and returns the
 * first result): the new record's id and every event id are derived from the commandId, so a
 * retry lands on the same stream and ids. Before deciding, the target stream is searched for
 * the command's first event id; when it is there, the command is decided again against the
 * stream and facts as they were just before it, and if that gives the same events the first
 * result is returned, otherwise CommandIdReusedError (CONFLICT). The event store's idempotent
 * append is the backstop for twins racing past that check. No command is retried after a
 * WrongExpectedVersionError: it reaches the caller, as CONFLICT.
 */
export class CommandExecutor {
  constructor(private readonly store: EventStore) {}

  async execute<C extends DomainCommand, E extends TrackerEvent, S>(
    command: TrackerCommand<Idempotent & Versioned>,
    plan: CommandPlan<C, E, S>,
  ): Promise<CommandResult> {
    const request = requestOf(command.input.commandId, command.context);
    const { id, expected } = targetOf(plan.target, command, request);
    const streamId = plan.target.streamOf(id);

    const stored = await this.store.readStream(streamId);
    const first = await this.firstResult(request, plan, id, streamId, stored);
    if (first) return first;

    const version = stored.at(-1)?.streamVersion ?? 0;
    // Checked before deciding, so a stale caller hears CONFLICT rather than a rule that the
    // newer state happens to break. An empty stream is left to the decider: NOT_FOUND says more.
    if (typeof expected === 'number' && version > 0 && expected !== version) {
      throw new WrongExpectedVersionError(streamId, expected, version);
    }
    const state = stateOf(plan, stored);
    const body = await plan.build(id, new FactReader(this.store), state);
    const events = decide(plan, body, request.now, request, state);
    const appendAt: ExpectedVersion = expected === 'new' ? 'no_stream' : expected === 'read' ? version : expected;
    try {
      const appended = await this.store.append(streamId, events.map((event, index) => newEvent(event, index, request)), appendAt);
      return { ...appended, id };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) && !(error instanceof IdempotencyViolationError)) throw error;
      // A twin of this command (same commandId) may have appended first: then its result is ours.
      const twin = await this.firstResult(request, plan, id, streamId, await this.store.readStream(streamId));
      if (twin) return twin;
      // Our event ids are stored, but not in this stream: the commandId served another record.
      if (error instanceof IdempotencyViolationError) throw new CommandIdReusedError(request.ids.commandId, 'for another record');
      throw error;
    }
  }

  /**
   * The first attempt's result when this command's first event is already in the stream, or
   * null when it is not. The command is decided again against the stream and the facts as
   * they were before that event; only if that gives the events stored is it the same command.
   */
  private async firstResult<C extends DomainCommand, E extends TrackerEvent, S>(
    request: Request,
    plan: CommandPlan<C, E, S>,
    id: string,
    streamId: string,
    stored: readonly StoredEvent[],
  ): Promise<CommandResult | null> {
    const index = stored.findIndex((event) => event.eventId === request.ids.eventId(0));
    if (index < 0) return null;
    const original = stored[index];
    if (original.metadata.actor !== request.actor) {
      throw new CommandIdReusedError(request.ids.commandId, 'by another actor');
    }
    const before = stateOf(plan, stored.slice(0, index));
    const body = await plan.build(id, new FactReader(this.store, original.position), before);
    const recorded = stored.slice(index);
    // `now` only gives dates the input leaves out (a follow-up's closing day). The retry's own
    // now gives the same unless the day has turned since; then the first attempt's recording
    // time does. Correlation and causation ids may differ between attempts: they trace requests.
    for (const now of new Set([request.now, original.recordedAt.toISOString()])) {
      let events: TrackerEvent[];
      try {
        events = decide(plan, body, now, request, before);
      } catch (error) {
        // Refused against the world the first attempt saw: it cannot be the same command.
        if (error instanceof DomainError) continue;
        throw error;
      }
      if (sameEvents(events, recorded, request.ids)) {
        const last = recorded[events.length - 1];
        return { streamId, version: last.streamVersion, position: last.position, id };
      }
    }
    throw new CommandIdReusedError(request.ids.commandId, 'with different input');
  }
}

/** The record's state: its stream folded by the plan's aggregate. */
function stateOf<C extends DomainCommand, E extends TrackerEvent, S>(plan: CommandPlan<C, E, S>, stream: readonly StoredEvent[]): S {
  // The stream holds this aggregate's events only: its name is the aggregate's (Target).
  return fold(plan.decider, stream.map(toTrackerEvent) as E[]);
}

function decide<C extends DomainCommand, E extends TrackerEvent, S>(
  plan: CommandPlan<C, E, S>,
  body: DistributiveOmit<C, 'metadata'>,
  now: string,
  request: Request,
  state: S,
): E[] {
  const metadata: CommandMetadata = {
    actor: request.actor,
    now,
    commandId: request.ids.commandId,
    correlationId: request.correlationId,
  };
  try {
    return plan.decider.decide({ ...body, metadata } as C, state);
  } catch (error) {
    throw refineField(error, plan.fields ?? []);
  }
}

function newEvent(event: TrackerEvent, index: number, request: Request): NewEvent {
  const metadata: EventMetadata = {
    actor: request.actor,
    commandId: request.ids.commandId,
    correlationId: request.correlationId,
    causationId: request.causationId,
  };
  return {
    eventId: request.ids.eventId(index),
    type: event.type,
    schemaVersion: eventSchemaVersions[event.type],
    data: event.data,
    metadata,
    occurredOn: occurredOnOf(event),
  };
}

/** Same ids, types, data and business dates, the stored ones read in today's shape. */
function sameEvents(events: readonly TrackerEvent[], recorded: readonly StoredEvent[], ids: CommandIds): boolean {
  const meaning = (event: TrackerEvent) => canonicalJson({ type: event.type, data: event.data, occurredOn: occurredOnOf(event) });
  return (
    events.length > 0 &&
    events.length <= recorded.length &&
    events.every((event, i) => recorded[i].eventId === ids.eventId(i) && meaning(toTrackerEvent(recorded[i])) === meaning(event))
  );
}

/** The record's id and the version the append expects: 'new' (no stream), 'read' or the caller's. */
function targetOf(
  target: Target,
  command: TrackerCommand<Idempotent & Versioned>,
  request: Request,
): { id: string; expected: 'new' | 'read' | number } {
  if (target.kind === 'new') {
    const fixed = command.options.id;
    return { id: fixed === undefined ? request.ids.aggregateId : targetId(fixed, 'id'), expected: 'new' };
  }
  return { id: targetId(target.id, target.field), expected: expectedVersionOf(command.input.expectedVersion) };
}

function requestOf(inputCommandId: Optional<string>, ctx: CommandContext): Request {
  if (typeof ctx.actor !== 'string' || ctx.actor.trim() === '') throw new Error('CommandContext.actor is required');
  const given = inputCommandId ?? ctx.commandId ?? undefined;
  if (isGiven(inputCommandId) && isGiven(ctx.commandId) && inputCommandId.trim() !== ctx.commandId.trim()) {
    throw new ValidationError("commandId differs from the request's commandId", 'commandId');
  }
  const commandId = given === undefined ? newCommandId() : requireId(given, 'commandId');
  return {
    ids: commandIds(commandId),
    actor: ctx.actor,
    now: isoNow(ctx.now),
    correlationId: ctx.correlationId ?? commandId,
    causationId: ctx.causationId ?? commandId,
  };
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The request's clock, not user input: a bad value is the caller's bug (a plain Error). */
function isoNow(now: Date | string): string {
  if (now instanceof Date) {
    if (Number.isNaN(now.getTime())) throw new Error('CommandContext.now is an invalid Date');
    return now.toISOString();
  }
  // Without an offset the business date (Thai time) would depend on the server's zone.
  if (typeof now !== 'string' || !ISO_DATE_TIME.test(now) || Number.isNaN(Date.parse(now))) {
    throw new Error(`CommandContext.now must be an ISO date-time with offset, not ${JSON.stringify(now)}`);
  }
  return now;
}

/** The id of the record a command targets, which names its stream. */
function targetId(value: unknown, field: string): string {
  const id = requireId(value, field);
  if (id.includes('\u0000')) throw new ValidationError(`${field} is not a valid id`, field);
  return id;
}

function expectedVersionOf(value: Optional<number>): 'read' | number {
  if (value === undefined || value === null) return 'read';
  if (!Number.isInteger(value) || value < 0) {
    throw new ValidationError('expectedVersion must be a whole number from 0', 'expectedVersion');
  }
  return value;
}

/** Given: neither left out nor null. */
export function isGiven<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}
