import { NotFoundError, OrganizationMergedError, ValidationError } from '@tracker/domain';
import { InMemoryEventStore } from '@tracker/event-store';
import { LogActivity } from '../activities';
import { RecordAgreement } from '../agreements';
import type { CommandContext } from '../command-context';
import { commandBusFor } from '../command-handlers';
import { FactReader } from '../fact-reader';
import { AddFollowUp } from '../follow-ups';
import { AddProgramPartner, LaunchProgram } from '../programs';
import { MergeOrganizations } from './merge-organizations';
import { RegisterOrganization, type RegisterOrganizationInput } from './register-organization';
import { RenameOrganization } from './rename-organization';
import { UpdateOrganization } from './update-organization';

const diplomat: CommandContext = { actor: 'diplomat@mfa.go.th', now: '2019-12-17T09:00:00+07:00' };
const planner: CommandContext = { ...diplomat, actor: 'planner@mfa.go.th' };

async function setUp() {
  const store = new InMemoryEventStore();
  const bus = await commandBusFor(store);
  const count = async () => (await store.readAll()).length;
  const register = async (en: string, more: Partial<RegisterOrganizationInput> = {}) =>
    (await bus.execute(new RegisterOrganization({ name: { en }, kind: 'COMPANY', country: 'TH', ...more }, diplomat))).id;
  const alibaba = await register('Alibaba Group');
  const lazada = await register('Lazada (Thailand) Co., Ltd.', { parentId: alibaba });
  const duplicate = await register('Lazada Thailand');
  const merge = (duplicateId: string, survivorId: string, more: { expectedVersion?: number; commandId?: string } = {}) =>
    bus.execute(new MergeOrganizations({ duplicateId, survivorId, reason: 'Lazada was registered twice', ...more }, planner));
  return { store, bus, count, register, alibaba, lazada, duplicate, merge };
}

describe('merging organisations, through the command bus', () => {
  it("records one event on the duplicate's stream and leaves the survivor's alone", async () => {
    const { store, lazada, duplicate, merge } = await setUp();
    const result = await merge(duplicate, lazada, { expectedVersion: 1 });
    expect(result).toMatchObject({ id: duplicate, streamId: `organization-${duplicate}`, version: 2 });
    const [, merged] = await store.readStream(`organization-${duplicate}`);
    expect(merged).toMatchObject({
      type: 'OrganizationMerged',
      data: { organizationId: duplicate, survivorId: lazada, name: { en: 'Lazada Thailand' }, reason: 'Lazada was registered twice' },
      metadata: { actor: 'planner@mfa.go.th' },
      occurredOn: null,
    });
    expect(await store.readStream(`organization-${lazada}`)).toHaveLength(1);
  });

  it('refuses an unknown survivor or duplicate, naming the field, and records nothing', async () => {
    const { count, lazada, duplicate, merge } = await setUp();
    const unknown = '99999999-0000-4000-8000-000000000000';
    const before = await count();
    await expect(merge(duplicate, unknown)).rejects.toMatchObject({ constructor: NotFoundError, field: 'survivorId' });
    await expect(merge(unknown, lazada)).rejects.toMatchObject({ constructor: NotFoundError, field: 'duplicateId' });
    expect(await count()).toBe(before);
  });

  it('refuses a survivor below the duplicate, counting a merged ancestor as its survivor', async () => {
    const { register, merge, alibaba, lazada } = await setUp();
    await expect(merge(alibaba, lazada)).rejects.toMatchObject({ constructor: ValidationError, field: 'survivorId' });
    // Alibaba registered twice; Lazada hangs under the duplicate, which is merged into the first.
    const alibabaAgain = await register('Alibaba Group Holding');
    const lazadaLogistics = await register('Lazada Logistics', { parentId: alibabaAgain });
    await merge(alibabaAgain, alibaba);
    await expect(merge(alibaba, lazadaLogistics)).rejects.toMatchObject({ constructor: ValidationError, field: 'survivorId' });
  });

  describe('once the duplicate is merged', () => {
    async function merged() {
      const setup = await setUp();
      await setup.merge(setup.duplicate, setup.lazada);
      const program = (await setup.bus.execute(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, planner))).id;
      const activity = (await setup.bus.execute(new LogActivity({ programId: program, kind: 'MEETING', title: { en: 'Meeting' }, startsOn: '2019-12-16' }, diplomat))).id;
      return { ...setup, program, activity };
    }

    const namingTheSurvivor = (duplicate: string, survivorId: string) => ({ constructor: OrganizationMergedError, organizationId: duplicate, survivorId });

    it('refuses every command naming it, with CONFLICT naming the survivor, and records nothing', async () => {
      const { bus, count, duplicate, lazada, program, activity, alibaba, register } = await merged();
      const other = await register('Mall (Thailand) Co., Ltd.');
      const expected = namingTheSurvivor(duplicate, lazada);
      const before = await count();
      const refusals = [
        new LogActivity({ programId: program, kind: 'MEETING', title: { en: 'M' }, startsOn: '2019-12-16', organizerIds: [duplicate] }, diplomat),
        new LogActivity(
          { programId: program, kind: 'MEETING', title: { en: 'M' }, startsOn: '2019-12-16', participants: [{ name: { en: 'Zhang Zhuoyan' }, organizationId: duplicate }] },
          diplomat,
        ),
        new AddProgramPartner({ programId: program, organizationId: duplicate, role: 'PLATFORM' }, planner),
        new RecordAgreement({ title: { en: 'MoU on training OTOP sellers' }, partyIds: [alibaba, duplicate] }, planner),
        new AddFollowUp({ activityId: activity, description: 'Train OTOP sellers online', ownerId: duplicate }, diplomat),
        new RegisterOrganization({ name: { en: 'Lazada Express' }, kind: 'COMPANY', parentId: duplicate }, diplomat),
        new UpdateOrganization({ id: other, parentId: duplicate, reason: 'a subsidiary' }, planner),
        new RenameOrganization({ id: duplicate, name: { en: 'Lazada TH' } }, planner),
        new UpdateOrganization({ id: duplicate, country: 'SG', reason: 'moved' }, planner),
        new MergeOrganizations({ duplicateId: duplicate, survivorId: other, reason: 'again' }, planner),
        new MergeOrganizations({ duplicateId: other, survivorId: duplicate, reason: 'into a duplicate' }, planner),
      ];
      for (const command of refusals) await expect(bus.execute(command)).rejects.toMatchObject(expected);
      expect(await count()).toBe(before);
    });

    it('names the last survivor when the survivor was merged in turn', async () => {
      const { bus, register, merge, duplicate, lazada, program } = await merged();
      const lazadaGroup = await register('Lazada Group');
      await merge(lazada, lazadaGroup);
      await expect(bus.execute(new AddProgramPartner({ programId: program, organizationId: duplicate, role: 'PLATFORM' }, planner))).rejects.toMatchObject(
        namingTheSurvivor(duplicate, lazadaGroup),
      );
    });

    it('still answers a retry of a command recorded before the merge with its first result', async () => {
      const { bus, register, merge, lazada } = await setUp();
      const again = await register('Lazada TH');
      const program = (await bus.execute(new LaunchProgram({ title: { en: 'OTOP' }, status: 'ACTIVE' }, planner))).id;
      const add = new AddProgramPartner({ commandId: 'add-lazada-th', programId: program, organizationId: again, role: 'PLATFORM' }, planner);
      const first = await bus.execute(add);
      await merge(again, lazada);
      expect(await bus.execute(add)).toEqual(first);
    });

    it('reads the facts as before the merge at an earlier position', async () => {
      const { store, duplicate } = await merged();
      const [registered] = await store.readStream(`organization-${duplicate}`);
      await expect(new FactReader(store).knownOrganizationIds([duplicate])).rejects.toThrow(OrganizationMergedError);
      expect(await new FactReader(store, registered.position + 1n).knownOrganizationIds([duplicate])).toEqual([duplicate]);
    });
  });
});

describe('updating an organisation, through the command bus', () => {
  it('records kind, country and a new parent, with the reason', async () => {
    const { store, bus, alibaba, duplicate } = await setUp();
    await bus.execute(new UpdateOrganization({ id: duplicate, parentId: alibaba, country: null, reason: 'a company of the Alibaba group' }, planner));
    const [, updated] = await store.readStream(`organization-${duplicate}`);
    expect(updated.data).toEqual({ organizationId: duplicate, kind: 'COMPANY', country: null, parentId: alibaba, reason: 'a company of the Alibaba group' });
  });

  it('refuses a parent cycle, also through a merged ancestor, naming parentId', async () => {
    const { bus, register, merge, alibaba, lazada } = await setUp();
    await expect(bus.execute(new UpdateOrganization({ id: alibaba, parentId: lazada, reason: 'upside down' }, planner))).rejects.toMatchObject({
      constructor: ValidationError,
      field: 'parentId',
    });
    const alibabaAgain = await register('Alibaba Group Holding');
    const taobao = await register('Taobao', { parentId: alibabaAgain });
    await merge(alibabaAgain, alibaba);
    await expect(bus.execute(new UpdateOrganization({ id: alibaba, parentId: taobao, reason: 'upside down' }, planner))).rejects.toMatchObject({
      constructor: ValidationError,
      field: 'parentId',
    });
  });

  it('refuses an update that changes nothing, and an unknown organisation as NOT_FOUND on id', async () => {
    const { bus, duplicate } = await setUp();
    await expect(bus.execute(new UpdateOrganization({ id: duplicate, kind: 'COMPANY', country: 'th', reason: 'checked' }, planner))).rejects.toThrow(
      ValidationError,
    );
    await expect(
      bus.execute(new UpdateOrganization({ id: '99999999-0000-4000-8000-000000000000', kind: 'COMPANY', reason: 'checked' }, planner)),
    ).rejects.toMatchObject({ constructor: NotFoundError, field: 'id' });
  });
});
