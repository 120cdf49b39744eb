import { streamIdFor, type ActivityCorrected, type ActivityLogged, type TrackerEvent } from '@tracker/domain';
import { toProjectedEvent, type ProjectedEvent, type Projection } from '../projection';
import { MemoryRowStore } from '../row-store';
import { activitiesProjection, type ActivityRow } from './activities.projection';
import { outcomesProjection, type OutcomeRow } from './outcomes.projection';
import { programHistoryProjection, type ProgramEventRow, type ProgramStreamRow } from './program-history.projection';

/**
 * Given events / then rows, on the in-memory row store, for the events of issue 11's
 * activities and outcomes (status, correction, move, cancellation, void). Written before the
 * shared projection-spec harness (branch i11-specs) reached main; its cases can move there.
 */
const programA = '10000000-0000-4000-8000-00000000000a';
const programB = '10000000-0000-4000-8000-00000000000b';
const meetingId = '30000000-0000-4000-8000-000000000001';
const revenueId = '40000000-0000-4000-8000-000000000001';
const lazadaId = '20000000-0000-4000-8000-000000000001';
const cddId = '20000000-0000-4000-8000-000000000002';

/** The event as the projector receives it: stored as JSON and read back through the upcasters. */
function stored(event: TrackerEvent, position: number, streamVersion: number, schemaVersion?: number): ProjectedEvent {
  const { activityId, outcomeId } = event.data as { activityId?: string; outcomeId?: string };
  const streamId = event.type.startsWith('Activity') ? streamIdFor.activity(activityId!) : streamIdFor.outcome(outcomeId!);
  return toProjectedEvent({
    position: BigInt(position),
    streamId,
    streamVersion,
    recordedAt: new Date(Date.UTC(2020, 0, position)),
    type: event.type,
    schemaVersion: schemaVersion ?? { ActivityLogged: 3 }[event.type as string] ?? 1,
    data: JSON.parse(JSON.stringify(event.data)),
  });
}

function run(projection: Projection, events: ProjectedEvent[]): MemoryRowStore {
  const rows = new MemoryRowStore(projection.tables);
  for (const event of events) projection.apply(event, rows);
  return rows;
}

const logged: ActivityLogged = {
  type: 'ActivityLogged',
  data: {
    activityId: meetingId,
    programId: programA,
    kind: 'MEETING',
    status: 'PLANNED',
    title: { en: 'Meeting at the CDD' },
    startsOn: '2019-11-16',
    endsOn: '2019-11-16',
    location: null,
    organizerIds: [cddId],
    participants: [{ name: { en: 'Zhang Zhuoyan' }, position: null, organizationId: lazadaId }],
    topics: ['OTOP'],
    summary: null,
  },
};
const corrected = (data: Partial<ActivityCorrected['data']>): ActivityCorrected => ({
  type: 'ActivityCorrected',
  data: { ...logged.data, changed: [], previousProgramId: programA, reason: 'The minutes say December', ...data },
});
const dateCorrected = corrected({ status: 'HELD', startsOn: '2019-12-16', endsOn: '2019-12-16', changed: ['status', 'startsOn', 'endsOn'] });
const moved = corrected({ status: 'HELD', startsOn: '2019-12-16', endsOn: '2019-12-16', programId: programB, changed: ['programId'] });
const cancelled: TrackerEvent = {
  type: 'ActivityCancelled',
  data: { activityId: meetingId, programId: programB, previousStatus: 'HELD', reason: 'Postponed' },
};

const iso = (position: number) => new Date(Date.UTC(2020, 0, position)).toISOString();
const meetingRow = (overrides: Partial<ActivityRow>): ActivityRow => ({
  id: meetingId,
  kind: 'MEETING',
  status: 'PLANNED',
  title: { en: 'Meeting at the CDD' },
  program_id: programA,
  starts_on: '2019-11-16',
  ends_on: '2019-11-16',
  location: null,
  organizer_ids: [cddId],
  participants: [{ name: { en: 'Zhang Zhuoyan' }, position: null, organizationId: lazadaId }],
  organization_ids: [cddId, lazadaId],
  topics: ['OTOP'],
  summary: null,
  search_text: 'meeting at the cdd otop',
  version: 1,
  created_at: iso(1),
  updated_at: iso(1),
  last_position: '1',
  ...overrides,
});

describe('the activities projection', () => {
  it('records the status an activity is logged with', () => {
    expect(run(activitiesProjection, [stored(logged, 1, 1)]).rows('activities')).toEqual([meetingRow({})]);
  });

  it('reads an activity logged before statuses (version 2) as HELD', () => {
    const { status: _status, ...v2 } = logged.data;
    const event = stored({ type: 'ActivityLogged', data: v2 } as unknown as TrackerEvent, 1, 1, 2);
    expect(run(activitiesProjection, [event]).rows('activities')).toEqual([meetingRow({ status: 'HELD' })]);
  });

  it('overwrites the row with a correction, keeping when it was created', () => {
    const rows = run(activitiesProjection, [stored(logged, 1, 1), stored(dateCorrected, 2, 2)]);
    expect(rows.rows('activities')).toEqual([
      meetingRow({ status: 'HELD', starts_on: '2019-12-16', ends_on: '2019-12-16', version: 2, updated_at: iso(2), last_position: '2' }),
    ]);
  });

  it('builds the row from a correction alone, as the replay of the program it moved to does', () => {
    const rows = run(activitiesProjection, [stored(moved, 3, 3)]);
    expect(rows.rows('activities')).toEqual([
      meetingRow({ status: 'HELD', program_id: programB, starts_on: '2019-12-16', ends_on: '2019-12-16', version: 3, created_at: iso(3), updated_at: iso(3), last_position: '3' }),
    ]);
  });

  it('marks a cancelled activity, and changes nothing when an event is delivered again', () => {
    const events = [stored(logged, 1, 1), stored(moved, 3, 2), stored(cancelled, 4, 3)];
    const rows = run(activitiesProjection, [...events, events[1], events[2]]);
    expect(rows.rows('activities')).toEqual([
      meetingRow({ status: 'CANCELLED', program_id: programB, starts_on: '2019-12-16', ends_on: '2019-12-16', version: 3, updated_at: iso(4), last_position: '4' }),
    ]);
  });

  it('ignores a cancellation of an activity it has no row for', () => {
    expect(run(activitiesProjection, [stored(cancelled, 4, 3)]).rows('activities')).toEqual([]);
  });
});

describe('the outcomes projection', () => {
  const recorded: TrackerEvent = {
    type: 'OutcomeRecorded',
    data: { outcomeId: revenueId, programId: programA, activityId: null, kind: 'REVENUE', amount: '10000000.00', currency: 'THB', quantity: null, description: 'Entered twice' },
  };
  const voided: TrackerEvent = { type: 'OutcomeVoided', data: { outcomeId: revenueId, programId: programA, reason: 'Entered twice' } };
  const row = (overrides: Partial<OutcomeRow>): OutcomeRow => ({
    id: revenueId,
    program_id: programA,
    activity_id: null,
    kind: 'REVENUE',
    amount: '10000000.00',
    currency: 'THB',
    quantity: null,
    description: 'Entered twice',
    voided: false,
    version: 1,
    created_at: iso(1),
    updated_at: iso(1),
    last_position: '1',
    ...overrides,
  });

  it('records an outcome as not voided, and marks it voided, once', () => {
    const events = [stored(recorded, 1, 1), stored(voided, 2, 2)];
    expect(run(outcomesProjection, events.slice(0, 1)).rows('outcomes')).toEqual([row({})]);
    expect(run(outcomesProjection, [...events, events[1]]).rows('outcomes')).toEqual([
      row({ voided: true, version: 2, updated_at: iso(2), last_position: '2' }),
    ]);
  });

  it('ignores a void of an outcome it has no row for', () => {
    expect(run(outcomesProjection, [stored(voided, 2, 2)]).rows('outcomes')).toEqual([]);
  });
});

describe('the program-history projection', () => {
  const activityStream = streamIdFor.activity(meetingId);
  const link = (programId: string, position: number): ProgramStreamRow => ({ stream_id: activityStream, program_id: programId, last_position: String(position) });
  const indexed = (programId: string, position: number): ProgramEventRow => ({
    program_id: programId,
    position: String(position),
    recorded_at: iso(position),
    stream_id: activityStream,
  });

  it('indexes the moving event under both programs, moves the link, and later events go to the new program', () => {
    const events = [stored(logged, 1, 1), stored(dateCorrected, 2, 2), stored(moved, 3, 3), stored(cancelled, 4, 4)];
    const rows = run(programHistoryProjection, [...events, events[2]]);
    expect(rows.rows('program_streams')).toEqual([link(programB, 4)]);
    expect(rows.rows('program_events')).toEqual([indexed(programA, 1), indexed(programA, 2), indexed(programA, 3), indexed(programB, 3), indexed(programB, 4)]);
  });

  it('links an activity logged outside any program from the correction that puts it in one', () => {
    const loose: ActivityLogged = { type: 'ActivityLogged', data: { ...logged.data, programId: null } };
    const joined = corrected({ programId: programB, previousProgramId: null, changed: ['programId'] });
    const rows = run(programHistoryProjection, [stored(loose, 1, 1), stored(joined, 2, 2)]);
    expect(rows.rows('program_streams')).toEqual([link(programB, 2)]);
    expect(rows.rows('program_events')).toEqual([indexed(programB, 2)]);
  });

  it("indexes a void under the outcome's program", () => {
    const voided: TrackerEvent = { type: 'OutcomeVoided', data: { outcomeId: revenueId, programId: programA, reason: 'Entered twice' } };
    const rows = run(programHistoryProjection, [stored(voided, 5, 2)]);
    expect(rows.rows('program_events')).toEqual([{ program_id: programA, position: '5', recorded_at: iso(5), stream_id: streamIdFor.outcome(revenueId) }]);
  });
});
