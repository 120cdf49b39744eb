import { ConflictError, NotFoundError, ValidationError } from '@tracker/domain';
import {
  InMemoryEventStore,
  WrongExpectedVersionError,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
} from '@tracker/event-store';
import { LogActivity, type LogActivityInput } from './activities';
import { RecordAgreement } from './agreements';
import type { CommandContext } from './command-context';
import { commandBusFor } from './command-handlers';
import { CommandIdReusedError } from './command.errors';
import { AddFollowUp, CloseFollowUp } from './follow-ups';
import { RegisterOrganization, RenameOrganization, type RegisterOrganizationInput } from './organizations';
import { CorrectOutcome, RecordOutcome } from './outcomes';
import { AddProgramPartner, ChangeProgramStatus, LaunchProgram } from './programs';
import { commandIds } from './deterministic-uuid';
import { FactReader } from './fact-reader';

const diplomat: CommandContext = { actor: 'diplomat@mfa.go.th', now: '2019-12-17T09:00:00+07:00' };
const planner: CommandContext = { ...diplomat, actor: 'planner@mfa.go.th' };

const mfa: RegisterOrganizationInput = { name: { en: 'Ministry of Foreign Affairs' }, kind: 'MINISTRY', country: 'TH' };
const lazada: RegisterOrganizationInput = { name: { en: 'Lazada (Thailand)' }, kind: 'COMPANY', country: 'TH' };

async function setUp(store: EventStore = new InMemoryEventStore()) {
  const service = await commandBusFor(store);
  const count = async () => (await store.readAll()).length;
  const registered = async (input: RegisterOrganizationInput = mfa) => (await service.execute(new RegisterOrganization(input, diplomat))).id;
  const activeProgram = async () => {
    const { id } = await service.execute(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, planner));
    return id;
  };
  const meeting = (programId: string | null, more: Partial<LogActivityInput> = {}): LogActivityInput => ({
    programId,
    kind: 'MEETING',
    title: { en: 'Meeting on OTOP sales' },
    startsOn: '16 ธ.ค. 2562',
    ...more,
  });
  return { store, service, count, registered, activeProgram, meeting };
}

describe('CommandExecutor, through the command handlers', () => {
  describe('when a command is sent', () => {
    it('records the events with the request metadata, schema version and business date', async () => {
      const { store, service, activeProgram, meeting } = await setUp();
      const programId = await activeProgram();
      const ctx = { ...diplomat, commandId: 'cmd-meeting', correlationId: 'corr-1', causationId: 'cause-1' };
      const result = await service.execute(new LogActivity(meeting(programId), ctx));

      const [event] = await store.readStream(result.streamId);
      expect(event).toMatchObject({
        eventId: commandIds('cmd-meeting').eventId(0),
        type: 'ActivityLogged',
        schemaVersion: 3,
        occurredOn: '2019-12-16',
        metadata: { actor: 'diplomat@mfa.go.th', commandId: 'cmd-meeting', correlationId: 'corr-1', causationId: 'cause-1' },
        data: { activityId: result.id, programId, status: 'HELD', startsOn: '2019-12-16', endsOn: '2019-12-16' },
      });
      expect(result).toEqual({ streamId: `activity-${result.id}`, version: 1, position: event.position, id: result.id });
    });

    it('derives the new record id from the commandId', async () => {
      const { service } = await setUp();
      const result = await service.execute(new RegisterOrganization({ ...mfa, commandId: 'cmd-mfa' }, diplomat));
      expect(result.id).toBe(commandIds('cmd-mfa').aggregateId);
    });

    it('takes the commandId from the context when the input has none, and refuses two different ones', async () => {
      const { service } = await setUp();
      const result = await service.execute(new RegisterOrganization(mfa, { ...diplomat, commandId: 'header-key' }));
      expect(result.id).toBe(commandIds('header-key').aggregateId);
      await expect(service.execute(new RegisterOrganization({ ...mfa, commandId: 'a' }, { ...diplomat, commandId: 'b' }))).rejects.toThrow(
        ValidationError,
      );
    });

    it('gives random ids without a commandId, so the same input twice records twice', async () => {
      const { service, count } = await setUp();
      const first = await service.execute(new LaunchProgram({ title: { en: 'Program' } }, planner));
      const second = await service.execute(new LaunchProgram({ title: { en: 'Program' } }, planner));
      expect(first.id).not.toBe(second.id);
      expect(await count()).toBe(2);
    });

    it('refuses a request time without an offset, a bug of the caller rather than bad input', async () => {
      const { service, count } = await setUp();
      await expect(service.execute(new RegisterOrganization(mfa, { ...diplomat, now: '2019-12-17T09:00:00' }))).rejects.toThrow(/with offset/);
      await expect(service.execute(new RegisterOrganization(mfa, { ...diplomat, now: '2019-12-17T09:00:00' }))).rejects.not.toBeInstanceOf(ValidationError);
      expect(await count()).toBe(0);
    });

    it('refuses an expectedVersion that is not a version', async () => {
      const { service, registered } = await setUp();
      const id = await registered(mfa);
      await expect(service.execute(new RenameOrganization({ id, expectedVersion: -1, name: { en: 'MFA' } }, diplomat))).rejects.toMatchObject({
        constructor: ValidationError,
        field: 'expectedVersion',
      });
    });

    it('defaults the correlation and causation ids to the commandId', async () => {
      const { store, service } = await setUp();
      const result = await service.execute(new RegisterOrganization({ ...mfa, commandId: 'cmd-1' }, diplomat));
      const [event] = await store.readStream(result.streamId);
      expect(event.metadata).toEqual({ actor: diplomat.actor, commandId: 'cmd-1', correlationId: 'cmd-1', causationId: 'cmd-1' });
    });
  });

  describe('when a command is retried with the same commandId', () => {
    it('returns the first result and appends nothing', async () => {
      const { service, count } = await setUp();
      const first = await service.execute(new RegisterOrganization({ ...mfa, commandId: 'cmd-mfa' }, diplomat));
      const retried = await service.execute(new RegisterOrganization({ ...mfa, commandId: 'cmd-mfa' }, { ...diplomat, now: new Date() }));
      expect(retried).toEqual(first);
      expect(await count()).toBe(1);
    });

    it('returns the first result of a change even after the record moved on', async () => {
      const { service, count, registered, activeProgram } = await setUp();
      const [programId, mfaId, lazadaId] = [await activeProgram(), await registered(mfa), await registered(lazada)];
      const add = { commandId: 'cmd-add-mfa', programId, organizationId: mfaId, role: 'LEAD' as const, expectedVersion: 1 };
      const first = await service.execute(new AddProgramPartner(add, planner));
      await service.execute(new AddProgramPartner({ programId, organizationId: lazadaId, role: 'PLATFORM' }, planner));
      const before = await count();

      expect(await service.execute(new AddProgramPartner(add, planner))).toEqual(first);
      expect(first.version).toBe(2);
      expect(await count()).toBe(before);
    });

    it('still returns the first result when the program has closed since', async () => {
      const { service, count, activeProgram, meeting } = await setUp();
      const programId = await activeProgram();
      const first = await service.execute(new LogActivity({ ...meeting(programId), commandId: 'cmd-meeting' }, diplomat));
      await service.execute(new ChangeProgramStatus({ programId, status: 'COMPLETED' }, planner));
      const before = await count();

      expect(await service.execute(new LogActivity({ ...meeting(programId), commandId: 'cmd-meeting' }, diplomat))).toEqual(first);
      expect(await count()).toBe(before);
    });

    it('returns the first result when the retry carries another correlation id', async () => {
      const { service, count } = await setUp();
      const first = await service.execute(new RegisterOrganization({ ...mfa, commandId: 'cmd-mfa' }, { ...diplomat, correlationId: 'request-1' }));
      const retried = await service.execute(new RegisterOrganization({ ...mfa, commandId: 'cmd-mfa' }, { ...diplomat, correlationId: 'request-2' }));
      expect(retried).toEqual(first);
      expect(await count()).toBe(1);
    });

    it('treats the same input written another way as the same command', async () => {
      const { service, count, activeProgram, meeting } = await setUp();
      const programId = await activeProgram();
      const first = await service.execute(new LogActivity({ ...meeting(programId, { startsOn: '16/12/2562' }), commandId: 'cmd-m' }, diplomat));
      const retried = await service.execute(new LogActivity({ ...meeting(programId, { startsOn: '2019-12-16' }), commandId: 'cmd-m' }, diplomat));
      expect(retried).toEqual(first);
      expect(await count()).toBe(2);
    });

    it('returns the closing of a follow-up retried on a later day', async () => {
      const { service, count, activeProgram, meeting } = await setUp();
      const activityId = (await service.execute(new LogActivity(meeting(await activeProgram()), diplomat))).id;
      const followUpId = (await service.execute(new AddFollowUp({ activityId, description: 'Train OTOP SMEs' }, diplomat))).id;
      const close = { commandId: 'cmd-close', id: followUpId, status: 'DONE' as const };
      const first = await service.execute(new CloseFollowUp(close, { ...diplomat, now: new Date().toISOString() }));
      const nextWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000);

      expect(await service.execute(new CloseFollowUp(close, { ...diplomat, now: nextWeek }))).toEqual(first);
      expect(await count()).toBe(4);
    });

    it('stores concurrent identical retries once', async () => {
      const { service, count } = await setUp();
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) => service.execute(new RegisterOrganization({ ...mfa, commandId: 'cmd-mfa' }, { ...diplomat, correlationId: `r${i}` }))),
      );
      expect(new Set(results.map((r) => `${r.id}@${r.position}`)).size).toBe(1);
      expect(await count()).toBe(1);
    });
  });

  describe('when a commandId is reused for another command', () => {
    it('refuses other input for a new record and records nothing', async () => {
      const { service, count } = await setUp();
      await service.execute(new RegisterOrganization({ ...mfa, commandId: 'cmd-1' }, diplomat));
      await expect(service.execute(new RegisterOrganization({ ...lazada, commandId: 'cmd-1' }, diplomat))).rejects.toThrow(CommandIdReusedError);
      expect(await count()).toBe(1);
    });

    it('refuses other input for a change and records nothing', async () => {
      const { service, count, activeProgram } = await setUp();
      const programId = await activeProgram();
      await service.execute(new ChangeProgramStatus({ commandId: 'cmd-hold', programId, status: 'ON_HOLD' }, planner));
      const refused = service.execute(new ChangeProgramStatus({ commandId: 'cmd-hold', programId, status: 'CANCELLED' }, planner));
      await expect(refused).rejects.toThrow(ConflictError);
      await expect(refused).rejects.toThrow(/commandId "cmd-hold" was already used with different input/);
      expect(await count()).toBe(2);
    });

    it('refuses it on another record (the event store refuses the ids) and records nothing', async () => {
      const { service, count, registered } = await setUp();
      const mfaId = await registered(mfa);
      const lazadaId = await registered(lazada);
      await service.execute(new RenameOrganization({ commandId: 'cmd-rename', id: mfaId, name: { en: 'MFA' } }, diplomat));
      await expect(service.execute(new RenameOrganization({ commandId: 'cmd-rename', id: lazadaId, name: { en: 'Lazada' } }, diplomat))).rejects.toThrow(
        CommandIdReusedError,
      );
      expect(await count()).toBe(3);
    });

    it('refuses it from another actor', async () => {
      const { service, count } = await setUp();
      await service.execute(new RegisterOrganization({ ...mfa, commandId: 'cmd-1' }, diplomat));
      await expect(service.execute(new RegisterOrganization({ ...mfa, commandId: 'cmd-1' }, planner))).rejects.toThrow(/by another actor/);
      expect(await count()).toBe(1);
    });
  });

  describe('expectedVersion', () => {
    it('appends when it matches the stream', async () => {
      const { service, registered } = await setUp();
      const id = await registered(mfa);
      const result = await service.execute(new RenameOrganization({ id, expectedVersion: 1, name: { en: 'MFA of Thailand' } }, diplomat));
      expect(result.version).toBe(2);
    });

    it('refuses a stale one with WrongExpectedVersionError and records nothing', async () => {
      const { service, count, registered } = await setUp();
      const id = await registered(mfa);
      await service.execute(new RenameOrganization({ id, name: { en: 'MFA' } }, diplomat));
      const stale = service.execute(new RenameOrganization({ id, expectedVersion: 1, name: { en: 'Foreign Ministry' } }, diplomat));
      await expect(stale).rejects.toThrow(WrongExpectedVersionError);
      await expect(stale).rejects.toMatchObject({ expected: 1, actual: 2 });
      expect(await count()).toBe(2);
    });

    it('without one, makes a writer that lost a race conflict rather than overwrite', async () => {
      const inner = new InMemoryEventStore();
      const { service, registered, count } = await setUp(inner);
      const id = await registered(mfa);
      let raced = false;
      // Another writer renames the organisation between this command's read and its append.
      const racy: EventStore = {
        readStream: (streamId, fromVersion) => inner.readStream(streamId, fromVersion),
        readAll: (options) => inner.readAll(options),
        subscribeAll: (options) => inner.subscribeAll(options),
        close: () => inner.close(),
        append: async (streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> => {
          if (!raced) {
            raced = true;
            await service.execute(new RenameOrganization({ id, name: { en: 'Renamed meanwhile' } }, diplomat));
          }
          return inner.append(streamId, events, expected);
        },
      };
      await expect((await commandBusFor(racy)).execute(new RenameOrganization({ id, name: { en: 'MFA' } }, diplomat))).rejects.toThrow(
        WrongExpectedVersionError,
      );
      expect(await count()).toBe(2);
    });

    it('says NOT_FOUND rather than CONFLICT for a record that does not exist', async () => {
      const { service } = await setUp();
      const missing = '99999999-0000-4000-8000-000000000000';
      await expect(service.execute(new RenameOrganization({ id: missing, expectedVersion: 3, name: { en: 'X' } }, diplomat))).rejects.toMatchObject({
        constructor: NotFoundError,
        field: 'id',
      });
    });
  });

  describe('facts about other records', () => {
    it('names the unknown organiser by its place in the input', async () => {
      const { service, count, registered, activeProgram, meeting } = await setUp();
      const programId = await activeProgram();
      const mfaId = await registered(mfa);
      const unknown = '99999999-0000-4000-8000-000000000000';
      const before = await count();
      await expect(service.execute(new LogActivity(meeting(programId, { organizerIds: [mfaId, unknown] }), diplomat))).rejects.toMatchObject({
        constructor: NotFoundError,
        entity: 'organization',
        id: unknown,
        field: 'organizerIds[1]',
      });
      await expect(
        service.execute(new LogActivity(meeting(programId, { participants: [{ name: { en: 'Someone' }, organizationId: unknown }] }), diplomat)),
      ).rejects.toMatchObject({ field: 'participants[0].organizationId' });
      expect(await count()).toBe(before);
    });

    it('refuses an unknown parent, partner, party or follow-up owner', async () => {
      const { service, activeProgram, meeting, registered } = await setUp();
      const mfaId = await registered(mfa);
      const unknown = '99999999-0000-4000-8000-000000000000';
      const programId = await activeProgram();
      const activityId = (await service.execute(new LogActivity(meeting(programId), diplomat))).id;
      await expect(service.execute(new RegisterOrganization({ ...lazada, parentId: unknown }, diplomat))).rejects.toMatchObject({ field: 'parentId' });
      await expect(service.execute(new AddProgramPartner({ programId, organizationId: unknown, role: 'PLATFORM' }, planner))).rejects.toMatchObject({
        field: 'organizationId',
      });
      await expect(service.execute(new RecordAgreement({ title: { en: 'MoU' }, partyIds: [mfaId, unknown] }, planner))).rejects.toMatchObject({
        field: 'partyIds[1]',
      });
      await expect(service.execute(new AddFollowUp({ activityId, description: 'Train', ownerId: unknown }, diplomat))).rejects.toMatchObject({
        constructor: NotFoundError,
        field: 'ownerId',
      });
    });

    it('reads a parent with its ancestry, nearest first', async () => {
      const { store, service, registered } = await setUp();
      const alibaba = await registered({ name: { en: 'Alibaba Group' }, kind: 'COMPANY', country: 'CN' });
      const child = await service.execute(new RegisterOrganization({ ...lazada, parentId: alibaba }, diplomat));
      const grandchild = await service.execute(new RegisterOrganization({ name: { en: 'Lazada Logistics' }, kind: 'COMPANY', parentId: child.id }, diplomat));
      expect(await new FactReader(store).parent(grandchild.id)).toEqual({ exists: true, ancestorIds: [child.id, alibaba] });
      expect(await new FactReader(store, grandchild.position).parent(grandchild.id)).toEqual({ exists: false });
    });

    it('refuses an activity on a closed program', async () => {
      const { service, count, activeProgram, meeting } = await setUp();
      const programId = await activeProgram();
      await service.execute(new ChangeProgramStatus({ programId, status: 'CANCELLED', reason: 'Merged' }, planner));
      await expect(service.execute(new LogActivity(meeting(programId), diplomat))).rejects.toThrow(/CANCELLED and takes no new activities/);
      expect(await count()).toBe(2);
    });

    it('refuses an activity, outcome or partner for a program that does not exist', async () => {
      const { service, registered, meeting } = await setUp();
      const missing = '99999999-0000-4000-8000-000000000000';
      const mfaId = await registered(mfa);
      await expect(service.execute(new LogActivity(meeting(missing), diplomat))).rejects.toMatchObject({ constructor: NotFoundError, field: 'programId' });
      await expect(service.execute(new RecordOutcome({ programId: missing, kind: 'ORDERS', quantity: 3 }, diplomat))).rejects.toThrow(NotFoundError);
      await expect(service.execute(new AddProgramPartner({ programId: missing, organizationId: mfaId, role: 'LEAD' }, planner))).rejects.toThrow(
        NotFoundError,
      );
    });

    it("copies the activity's program onto its follow-up", async () => {
      const { store, service, activeProgram, meeting } = await setUp();
      const programId = await activeProgram();
      const activityId = (await service.execute(new LogActivity(meeting(programId), diplomat))).id;
      const followUp = await service.execute(new AddFollowUp({ activityId, description: 'Lazada to train OTOP SMEs' }, diplomat));
      const [event] = await store.readStream(followUp.streamId);
      expect(event.data).toMatchObject({ followUpId: followUp.id, activityId, programId });
    });

    it('refuses a follow-up on an activity that does not exist', async () => {
      const { service } = await setUp();
      await expect(service.execute(new AddFollowUp({ activityId: '99999999-0000-4000-8000-000000000000', description: 'x' }, diplomat))).rejects.toMatchObject({
        constructor: NotFoundError,
        entity: 'activity',
        field: 'activityId',
      });
    });

    it("refuses an outcome credited to another program's activity", async () => {
      const { service, activeProgram, meeting } = await setUp();
      const [first, second] = [await activeProgram(), await activeProgram()];
      const activityId = (await service.execute(new LogActivity(meeting(first), diplomat))).id;
      await expect(
        service.execute(new RecordOutcome({ programId: second, activityId, kind: 'REVENUE', amount: '100', currency: 'THB' }, diplomat)),
      ).rejects.toMatchObject({ constructor: ValidationError, field: 'activityId' });
    });
  });

  describe('corrections and closings', () => {
    it('corrects an outcome, keeping what the input leaves out', async () => {
      const { store, service, activeProgram } = await setUp();
      const programId = await activeProgram();
      const outcome = await service.execute(new RecordOutcome(
        { programId, kind: 'REVENUE', amount: '10000000', currency: 'THB', description: 'Fair sales' },
        diplomat,
      ));
      const corrected = await service.execute(new CorrectOutcome({ id: outcome.id, expectedVersion: 1, amount: '12000000', reason: 'Final count' }, diplomat));
      const events = await store.readStream(corrected.streamId);
      expect(events[1].data).toMatchObject({ amount: '12000000.00', currency: 'THB', description: 'Fair sales', reason: 'Final count' });
    });

    it('closes a follow-up on the business day of the request, in Thai time', async () => {
      const { store, service, activeProgram, meeting } = await setUp();
      const activityId = (await service.execute(new LogActivity(meeting(await activeProgram()), diplomat))).id;
      const followUp = await service.execute(new AddFollowUp({ activityId, description: 'Train OTOP SMEs' }, diplomat));
      const closed = await service.execute(new CloseFollowUp(
        { id: followUp.id, status: 'DONE' },
        { ...diplomat, now: new Date('2020-01-31T18:00:00Z') },
      ));
      const events = await store.readStream(closed.streamId);
      expect(events[1]).toMatchObject({ occurredOn: '2020-02-01', data: { status: 'DONE', closedOn: '2020-02-01' } });
      await expect(service.execute(new CloseFollowUp({ id: followUp.id, status: 'OPEN' }, diplomat))).rejects.toThrow(ValidationError);
    });
  });
});
