import {
  boundedList,
  decideTracker,
  DomainError,
  eventSchemaVersions,
  occurredOnOf,
  requireId,
  streamIdFor,
  streamIdOf,
  ValidationError,
  type CommandMetadata,
  type FollowUpClosingStatus,
  type TrackerCommand,
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
import type {
  AddFollowUpInput,
  AddProgramPartnerInput,
  ChangeProgramStatusInput,
  CloseFollowUpInput,
  CorrectOutcomeInput,
  LaunchProgramInput,
  LogActivityInput,
  RecordAgreementInput,
  RecordOutcomeInput,
  RegisterOrganizationInput,
  RenameOrganizationInput,
} from './command-inputs';
import { commandIds, newCommandId, type CommandIds } from './deterministic-uuid';
import { FactReader, toTrackerEvent } from './fact-reader';
import { organizationIn, refineField, renamed, type FieldLocator } from './input-fields';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A command before the request's metadata is attached. */
type CommandBody = DistributiveOmit<TrackerCommand, 'metadata'>;

/** One request's identity: its commandId, the ids derived from it, who and when. */
interface Request {
  ids: CommandIds;
  actor: string;
  now: string;
  correlationId: string;
  causationId: string;
}

/** What one mutation writes, and how it builds its domain command. */
interface Plan {
  /** The id of the record created or changed. */
  id: string;
  streamId: string;
  /** 'new': the stream must not exist; 'read': the version just read; a number: the caller's. */
  expected: 'new' | 'read' | number;
  /** Reads the facts the command needs and builds it. Reads only: a retry builds it again. */
  build: (facts: FactReader) => Promise<CommandBody>;
  /** Puts a DomainError's field into the input's terms. */
  fields?: readonly FieldLocator[];
}

/**
 * The command side: one method per mutation of the contract. Each one derives the ids, reads
 * the facts from the event store, builds the domain command, reads and folds the target
 * stream, decides, and appends with the expected version. The api's NestJS command handlers
 * call these and nothing else.
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
export class CommandService {
  constructor(private readonly store: EventStore) {}

  registerOrganization(
    input: RegisterOrganizationInput,
    ctx: CommandContext,
    options: NewRecordOptions = {},
  ): Promise<CommandResult> {
    return this.create(input.commandId, ctx, options, streamIdFor.organization, (organizationId) => ({
      build: async (facts) => ({
        type: 'RegisterOrganization',
        data: {
          organizationId,
          name: input.name,
          kind: input.kind,
          country: input.country,
          parentId: input.parentId,
          parent: input.parentId === undefined || input.parentId === null ? undefined : await facts.parent(input.parentId),
        },
      }),
    }));
  }

  renameOrganization(input: RenameOrganizationInput, ctx: CommandContext): Promise<CommandResult> {
    return this.change(input, ctx, { id: input.id, field: 'id' }, streamIdFor.organization, (organizationId) => ({
      build: async () => ({ type: 'RenameOrganization', data: { organizationId, name: input.name } }),
      fields: [renamed({ organizationId: 'id' })],
    }));
  }

  launchProgram(input: LaunchProgramInput, ctx: CommandContext, options: NewRecordOptions = {}): Promise<CommandResult> {
    return this.create(input.commandId, ctx, options, streamIdFor.program, (programId) => ({
      build: async () => ({
        type: 'LaunchProgram',
        data: { programId, title: input.title, summary: input.summary, startedOn: input.startedOn, status: input.status },
      }),
    }));
  }

  addProgramPartner(input: AddProgramPartnerInput, ctx: CommandContext): Promise<CommandResult> {
    return this.change(input, ctx, { id: input.programId, field: 'programId' }, streamIdFor.program, (programId) => ({
      build: async (facts) => ({
        type: 'AddProgramPartner',
        data: {
          programId,
          organizationId: input.organizationId,
          role: input.role,
          joinedOn: input.joinedOn,
          knownOrganizationIds: await facts.knownOrganizationIds([input.organizationId]),
        },
      }),
    }));
  }

  changeProgramStatus(input: ChangeProgramStatusInput, ctx: CommandContext): Promise<CommandResult> {
    return this.change(input, ctx, { id: input.programId, field: 'programId' }, streamIdFor.program, (programId) => ({
      build: async () => ({ type: 'ChangeProgramStatus', data: { programId, status: input.status, reason: input.reason } }),
    }));
  }

  recordAgreement(input: RecordAgreementInput, ctx: CommandContext, options: NewRecordOptions = {}): Promise<CommandResult> {
    return this.create(input.commandId, ctx, options, streamIdFor.agreement, (agreementId) => ({
      build: async (facts) => ({
        type: 'RecordAgreement',
        data: {
          agreementId,
          title: input.title,
          partyIds: input.partyIds,
          programId: input.programId,
          status: input.status,
          signedOn: input.signedOn,
          expiresOn: input.expiresOn,
          // The list's length is checked before a fact is read per item (the decider checks it too).
          knownOrganizationIds: await facts.knownOrganizationIds(boundedList(input.partyIds, 'partyIds')),
          program: isGiven(input.programId) ? await facts.program(input.programId) : undefined,
        },
      }),
      fields: [organizationIn({ partyIds: { list: input.partyIds, path: (i) => `partyIds[${i}]` } })],
    }));
  }

  logActivity(input: LogActivityInput, ctx: CommandContext, options: NewRecordOptions = {}): Promise<CommandResult> {
    const participantOrganizations = (input.participants ?? []).map((participant) => participant?.organizationId);
    return this.create(input.commandId, ctx, options, streamIdFor.activity, (activityId) => ({
      build: async (facts) => ({
        type: 'LogActivity',
        data: {
          activityId,
          programId: input.programId,
          kind: input.kind,
          title: input.title,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          location: input.location,
          organizerIds: input.organizerIds,
          participants: input.participants,
          topics: input.topics,
          summary: input.summary,
          // The lists' lengths are checked before a fact is read per item (the decider checks them too).
          knownOrganizationIds: await facts.knownOrganizationIds([
            ...boundedList(input.organizerIds, 'organizerIds'),
            ...boundedList(participantOrganizations, 'participants'),
          ]),
          program: isGiven(input.programId) ? await facts.program(input.programId) : undefined,
        },
      }),
      fields: [
        organizationIn({
          organizerIds: { list: input.organizerIds, path: (i) => `organizerIds[${i}]` },
          participants: { list: participantOrganizations, path: (i) => `participants[${i}].organizationId` },
        }),
      ],
    }));
  }

  recordOutcome(input: RecordOutcomeInput, ctx: CommandContext, options: NewRecordOptions = {}): Promise<CommandResult> {
    return this.create(input.commandId, ctx, options, streamIdFor.outcome, (outcomeId) => ({
      build: async (facts) => ({
        type: 'RecordOutcome',
        data: {
          outcomeId,
          programId: input.programId,
          activityId: input.activityId,
          kind: input.kind,
          amount: input.amount,
          currency: input.currency,
          quantity: input.quantity,
          description: input.description,
          program: await facts.program(input.programId),
          activity: isGiven(input.activityId) ? await facts.activity(input.activityId) : undefined,
        },
      }),
    }));
  }

  correctOutcome(input: CorrectOutcomeInput, ctx: CommandContext): Promise<CommandResult> {
    return this.change(input, ctx, { id: input.id, field: 'id' }, streamIdFor.outcome, (outcomeId) => ({
      // Left out stays undefined (keep the value), null clears it: the decider tells them apart.
      build: async () => ({
        type: 'CorrectOutcome',
        data: {
          outcomeId,
          amount: input.amount,
          currency: input.currency,
          quantity: input.quantity,
          description: input.description,
          reason: input.reason,
        },
      }),
      fields: [renamed({ outcomeId: 'id' })],
    }));
  }

  addFollowUp(input: AddFollowUpInput, ctx: CommandContext, options: NewRecordOptions = {}): Promise<CommandResult> {
    return this.create(input.commandId, ctx, options, streamIdFor.followUp, (followUpId) => ({
      build: async (facts) => ({
        type: 'AddFollowUp',
        data: {
          followUpId,
          activityId: input.activityId,
          description: input.description,
          ownerId: input.ownerId,
          dueOn: input.dueOn,
          // The decider copies the activity's programId into the event.
          activity: await facts.activity(input.activityId),
          knownOrganizationIds: await facts.knownOrganizationIds([input.ownerId]),
        },
      }),
    }));
  }

  closeFollowUp(input: CloseFollowUpInput, ctx: CommandContext): Promise<CommandResult> {
    return this.change(input, ctx, { id: input.id, field: 'id' }, streamIdFor.followUp, (followUpId) => ({
      build: async () => ({
        type: 'CloseFollowUp',
        // OPEN is in the contract's enum but closes nothing: the decider refuses it.
        data: { followUpId, status: input.status as FollowUpClosingStatus, note: input.note },
      }),
      fields: [renamed({ followUpId: 'id' })],
    }));
  }

  /** A command that creates a record: its id is derived from the commandId unless given. */
  private async create(
    commandId: string | null | undefined,
    ctx: CommandContext,
    options: NewRecordOptions,
    streamOf: (id: string) => string,
    plan: (id: string) => Pick<Plan, 'build' | 'fields'>,
  ): Promise<CommandResult> {
    const request = requestOf(commandId, ctx);
    const id = options.id === undefined ? request.ids.aggregateId : targetId(options.id, 'id');
    return this.execute(request, { id, streamId: streamOf(id), expected: 'new', ...plan(id) });
  }

  /** A command on an existing record, at the caller's expectedVersion or the version read. */
  private async change(
    input: { commandId?: string | null; expectedVersion?: number | null },
    ctx: CommandContext,
    target: { id: unknown; field: string },
    streamOf: (id: string) => string,
    plan: (id: string) => Pick<Plan, 'build' | 'fields'>,
  ): Promise<CommandResult> {
    const request = requestOf(input.commandId, ctx);
    const id = targetId(target.id, target.field);
    const expected = expectedVersionOf(input.expectedVersion);
    return this.execute(request, { id, streamId: streamOf(id), expected, ...plan(id) });
  }

  private async execute(request: Request, plan: Plan): Promise<CommandResult> {
    const stored = await this.store.readStream(plan.streamId);
    const first = await this.firstResult(request, plan, stored);
    if (first) return first;

    const version = stored.at(-1)?.streamVersion ?? 0;
    // Checked before deciding, so a stale caller hears CONFLICT rather than a rule that the
    // newer state happens to break. An empty stream is left to the decider: NOT_FOUND says more.
    if (typeof plan.expected === 'number' && version > 0 && plan.expected !== version) {
      throw new WrongExpectedVersionError(plan.streamId, plan.expected, version);
    }
    const command = await plan.build(new FactReader(this.store));
    // The stream read must be the one the domain says the command writes to (streamIdOf reads no metadata).
    const writesTo = streamIdOf(command as TrackerCommand);
    if (writesTo !== plan.streamId) throw new Error(`${command.type} writes to ${writesTo}, not ${plan.streamId}`);
    const events = decide(command, request.now, request, stored, plan.fields);
    const expected: ExpectedVersion = plan.expected === 'new' ? 'no_stream' : plan.expected === 'read' ? version : plan.expected;
    try {
      const appended = await this.store.append(plan.streamId, events.map((event, index) => newEvent(event, index, request)), expected);
      return { ...appended, id: plan.id };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) && !(error instanceof IdempotencyViolationError)) throw error;
      // A twin of this command (same commandId) may have appended first: then its result is ours.
      const twin = await this.firstResult(request, plan, await this.store.readStream(plan.streamId));
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
  private async firstResult(request: Request, plan: Plan, stored: readonly StoredEvent[]): Promise<CommandResult | null> {
    const index = stored.findIndex((event) => event.eventId === request.ids.eventId(0));
    if (index < 0) return null;
    const original = stored[index];
    if (original.metadata.actor !== request.actor) {
      throw new CommandIdReusedError(request.ids.commandId, 'by another actor');
    }
    const command = await plan.build(new FactReader(this.store, original.position));
    const before = stored.slice(0, index);
    const recorded = stored.slice(index);
    // `now` only gives dates the input leaves out (a follow-up's closing day). The retry's own
    // now gives the same unless the day has turned since; then the first attempt's recording
    // time does. Correlation and causation ids may differ between attempts: they trace requests.
    for (const now of new Set([request.now, original.recordedAt.toISOString()])) {
      let events: TrackerEvent[];
      try {
        events = decide(command, now, request, before);
      } catch (error) {
        // Refused against the world the first attempt saw: it cannot be the same command.
        if (error instanceof DomainError) continue;
        throw error;
      }
      if (sameEvents(events, recorded, request.ids)) {
        const last = recorded[events.length - 1];
        return { streamId: plan.streamId, version: last.streamVersion, position: last.position, id: plan.id };
      }
    }
    throw new CommandIdReusedError(request.ids.commandId, 'with different input');
  }
}

function decide(
  body: CommandBody,
  now: string,
  request: Request,
  stream: readonly StoredEvent[],
  fields: readonly FieldLocator[] = [],
): TrackerEvent[] {
  const metadata: CommandMetadata = {
    actor: request.actor,
    now,
    commandId: request.ids.commandId,
    correlationId: request.correlationId,
  };
  try {
    return decideTracker({ ...body, metadata } as TrackerCommand, stream.map(toTrackerEvent));
  } catch (error) {
    throw refineField(error, fields);
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

function requestOf(inputCommandId: string | null | undefined, ctx: CommandContext): Request {
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

function expectedVersionOf(value: number | null | undefined): 'read' | number {
  if (value === undefined || value === null) return 'read';
  if (!Number.isInteger(value) || value < 0) {
    throw new ValidationError('expectedVersion must be a whole number from 0', 'expectedVersion');
  }
  return value;
}

function isGiven<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}
