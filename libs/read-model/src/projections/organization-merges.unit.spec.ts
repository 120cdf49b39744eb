import type { TrackerEvent } from '@tracker/domain';
import type { ProjectedEvent } from '../projection';
import { MemoryRowStore } from '../row-store';
import { organizationsProjection, type OrganizationRow } from './organizations.projection';
import { programHistoryProjection, type OrganizationProgramsRow, type ProgramEventRow } from './program-history.projection';

// Plain Given events / Then rows cases on the MemoryRowStore; the shared harness that runs one
// set of cases on both row stores was not on main when these were written.

const lazada = '10000000-0000-4000-8000-000000000007';
const duplicate = '10000000-0000-4000-8000-0000000000d7';
const lazadaGroup = '10000000-0000-4000-8000-0000000000a7';
const program = '20000000-0000-4000-8000-000000000001';
const otherProgram = '20000000-0000-4000-8000-000000000002';
const meeting = '30000000-0000-4000-8000-000000000002';

let position = 0n;
/** Stored events in order: each call is the next position, recorded a minute later. */
function stored(streamId: string, version: number, event: TrackerEvent): ProjectedEvent {
  position += 1n;
  return { ...event, position, streamId, streamVersion: version, recordedAt: new Date(Date.UTC(2020, 0, 20, 3, Number(position))) } as ProjectedEvent;
}

const registered = (id: string, en: string) =>
  stored(`organization-${id}`, 1, { type: 'OrganizationRegistered', data: { organizationId: id, name: { en }, kind: 'COMPANY', country: 'TH', parentId: null } });
const mergedInto = (id: string, survivorId: string, en: string, version = 2) =>
  stored(`organization-${id}`, version, { type: 'OrganizationMerged', data: { organizationId: id, survivorId, name: { en }, reason: 'registered twice' } });
const partnerAdded = (programId: string, organizationId: string, version: number) =>
  stored(`program-${programId}`, version, { type: 'ProgramPartnerAdded', data: { programId, organizationId, role: 'PLATFORM', joinedOn: null } });
const launched = (programId: string) =>
  stored(`program-${programId}`, 1, { type: 'ProgramLaunched', data: { programId, title: { en: 'OTOP' }, summary: null, status: 'ACTIVE', startedOn: null } });

function project(events: ProjectedEvent[]): MemoryRowStore {
  const projections = [organizationsProjection, programHistoryProjection];
  const rows = new MemoryRowStore(projections.flatMap((projection) => projection.tables));
  for (const event of events) for (const projection of projections) projection.apply(event, rows);
  return rows;
}

describe('organizations projection', () => {
  it("marks the duplicate's row with its survivor, when and why, and leaves the survivor's row alone", () => {
    const lazadaRegistered = registered(lazada, 'Lazada (Thailand) Co., Ltd.');
    const duplicateRegistered = registered(duplicate, 'Lazada Thailand');
    const merge = mergedInto(duplicate, lazada, 'Lazada Thailand');
    const rows = project([lazadaRegistered, duplicateRegistered, merge]);
    expect(rows.get<OrganizationRow>('organizations', duplicate)).toMatchObject({
      name: { en: 'Lazada Thailand' },
      merged_into: lazada,
      merged_at: merge.recordedAt.toISOString(),
      merge_reason: 'registered twice',
      version: 2,
      last_position: String(merge.position),
    });
    expect(rows.get<OrganizationRow>('organizations', lazada)).toMatchObject({ merged_into: null, version: 1, last_position: String(lazadaRegistered.position) });
  });

  it('passes over a merge that comes before the row, and applies it when it comes again after', () => {
    const register = registered(duplicate, 'Lazada Thailand');
    const merge = mergedInto(duplicate, lazada, 'Lazada Thailand');
    // The as-of replay: the merge among the program's events first, then the duplicate's stream.
    const rows = project([merge, register, merge]);
    expect(rows.get<OrganizationRow>('organizations', duplicate)).toMatchObject({ merged_into: lazada, version: 2 });
  });

  it('changes nothing when a merge or update is delivered twice', () => {
    const register = registered(duplicate, 'Lazada Thailand');
    const update = stored(`organization-${duplicate}`, 2, {
      type: 'OrganizationUpdated',
      data: { organizationId: duplicate, kind: 'COMPANY', country: null, parentId: lazadaGroup, reason: 'part of the group' },
    });
    const merge = mergedInto(duplicate, lazada, 'Lazada Thailand', 3);
    const once = project([register, update, merge]);
    const twice = project([register, update, merge, update, merge]);
    expect(twice.rows('organizations')).toEqual(once.rows('organizations'));
    expect(once.get<OrganizationRow>('organizations', duplicate)).toMatchObject({ country: null, parent_id: lazadaGroup, merged_into: lazada, version: 3 });
  });
});

describe('program-history projection and merges', () => {
  const indexed = (rows: MemoryRowStore, programId: string) =>
    rows
      .rows<ProgramEventRow>('program_events')
      .filter((row) => row.program_id === programId)
      .map((row) => BigInt(row.position));

  it('indexes the merge under every program the duplicate took part in, and no other', () => {
    const events = [
      registered(lazada, 'Lazada'),
      registered(duplicate, 'Lazada Thailand'),
      launched(program),
      partnerAdded(program, duplicate, 2),
      launched(otherProgram),
      partnerAdded(otherProgram, lazada, 2),
      stored(`activity-${meeting}`, 1, {
        type: 'ActivityLogged',
        data: {
          activityId: meeting,
          programId: otherProgram,
          kind: 'MEETING',
          title: { en: 'Meeting' },
          startsOn: '2019-12-16',
          endsOn: '2019-12-16',
          location: null,
          organizerIds: [],
          participants: [{ name: { en: 'Zhang Zhuoyan' }, position: null, organizationId: duplicate }],
          topics: [],
          summary: null,
        },
      }),
    ];
    const merge = mergedInto(duplicate, lazada, 'Lazada Thailand');
    const rows = project([...events, merge]);
    expect(indexed(rows, program)).toContain(merge.position);
    expect(indexed(rows, otherProgram)).toContain(merge.position);
    expect(rows.get<OrganizationProgramsRow>('organization_programs', duplicate)).toEqual({
      organization_id: duplicate,
      program_ids: [program, otherProgram],
      merge_position: String(merge.position),
      merge_recorded_at: merge.recordedAt.toISOString(),
      last_position: String(merge.position),
    });
  });

  it('indexes a merge of a duplicate that took part in nothing under no program', () => {
    const before = [launched(program), partnerAdded(program, lazada, 2)];
    const merge = mergedInto(duplicate, lazada, 'Lazada Thailand');
    const rows = project([...before, merge]);
    expect(indexed(rows, program)).not.toContain(merge.position);
  });

  it("hands the duplicate's programs to the survivor, so the survivor's own merge reaches them", () => {
    const before = [launched(program), partnerAdded(program, duplicate, 2)];
    const first = mergedInto(duplicate, lazada, 'Lazada Thailand');
    const second = mergedInto(lazada, lazadaGroup, 'Lazada (Thailand) Co., Ltd.');
    const rows = project([...before, first, second]);
    expect(indexed(rows, program)).toEqual([...before.map((event) => event.position), first.position, second.position]);
  });

  it('indexes a merge once, however often it comes', () => {
    const before = [launched(program), partnerAdded(program, duplicate, 2)];
    const merge = mergedInto(duplicate, lazada, 'Lazada Thailand');
    const rows = project([...before, merge, merge]);
    expect(indexed(rows, program).filter((at) => at === merge.position)).toHaveLength(1);
  });

  it('puts the merge in the history of a program that named the duplicate only after it was merged', () => {
    const launch = launched(program);
    const merge = mergedInto(duplicate, lazada, 'Lazada Thailand');
    const rows = project([launch, merge, partnerAdded(program, duplicate, 2)]);
    expect(indexed(rows, program)).toContain(merge.position);
  });
});
