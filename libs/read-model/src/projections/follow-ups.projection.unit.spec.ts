import type { TrackerEvent } from '@tracker/domain';
import type { ProjectedEvent } from '../projection';
import { MemoryRowStore } from '../row-store';
import { followUpsProjection, type FollowUpRow } from './follow-ups.projection';
import { programHistoryProjection, type ProgramEventRow } from './program-history.projection';

// Given events / then rows on the in-memory row store. (The shared harness that runs each
// case on PostgreSQL as well is on another branch; these cases move into it when it lands.)

const followUpId = '50000000-0000-4000-8000-000000000001';
const activityId = '30000000-0000-4000-8000-000000000002';
const programId = '20000000-0000-4000-8000-000000000001';
const lazadaId = '10000000-0000-4000-8000-000000000007';
const cddId = '10000000-0000-4000-8000-000000000003';
const streamId = `follow-up-${followUpId}`;

let position = 0n;
/** The events of the follow-up's stream, recorded a minute apart from 17 December 2019. */
function stored(events: TrackerEvent[]): ProjectedEvent[] {
  position = 0n;
  return events.map((event, index) => ({
    ...event,
    position: (position += 10n),
    streamId,
    streamVersion: index + 1,
    recordedAt: new Date(Date.UTC(2019, 11, 17, 2, index)),
  })) as ProjectedEvent[];
}

function given(events: ProjectedEvent[]): MemoryRowStore {
  const rows = new MemoryRowStore([...followUpsProjection.tables, ...programHistoryProjection.tables]);
  for (const event of events) {
    followUpsProjection.apply(event, rows);
    programHistoryProjection.apply(event, rows);
  }
  return rows;
}

const at = (minute: number) => new Date(Date.UTC(2019, 11, 17, 2, minute)).toISOString();

const added: TrackerEvent = {
  type: 'FollowUpAdded',
  data: { followUpId, activityId, programId, description: 'Train OTOP SMEs to sell online', ownerId: lazadaId, dueOn: '2020-06-30' },
};
const done: TrackerEvent = { type: 'FollowUpClosed', data: { followUpId, status: 'DONE', note: 'First course held', closedOn: '2020-03-01' } };
const rescheduled: TrackerEvent = {
  type: 'FollowUpUpdated',
  data: {
    followUpId,
    activityId,
    programId,
    description: 'Train OTOP SMEs to sell online',
    ownerId: lazadaId,
    dueOn: '2020-07-31',
    changed: ['dueOn'],
    reason: 'the course moved',
  },
};
const reassigned: TrackerEvent = {
  type: 'FollowUpUpdated',
  data: { ...rescheduled.data, description: 'Train SMEs', ownerId: cddId, dueOn: '2020-06-30', changed: ['description', 'ownerId'], reason: 'CDD runs it' },
} as TrackerEvent;
const reopened: TrackerEvent = {
  type: 'FollowUpReopened',
  data: {
    followUpId,
    activityId,
    programId,
    description: 'Train OTOP SMEs to sell online',
    ownerId: lazadaId,
    dueOn: '2020-06-30',
    previousStatus: 'DONE',
    reason: 'only half were trained',
  },
};

const openRow: FollowUpRow = {
  id: followUpId,
  activity_id: activityId,
  program_id: programId,
  description: 'Train OTOP SMEs to sell online',
  owner_id: lazadaId,
  due_on: '2020-06-30',
  status: 'OPEN',
  note: null,
  closed_on: null,
  version: 1,
  created_at: at(0),
  updated_at: at(0),
  last_position: '10',
};

describe('the follow-ups projection', () => {
  describe('when a follow-up is updated', () => {
    it('writes the new due date and keeps the rest', () => {
      const rows = given(stored([added, rescheduled]));
      expect(rows.rows('follow_ups')).toStrictEqual([{ ...openRow, due_on: '2020-07-31', version: 2, updated_at: at(1), last_position: '20' }]);
    });

    it('writes only the fields the event names as changed', () => {
      // The event's dueOn is the date the decider saw; the row's, if something else (a merge,
      // a moved activity) rewrote it since, is not the update's to put back.
      const rows = given(stored([added, rescheduled, reassigned]));
      expect(rows.get('follow_ups', followUpId)).toMatchObject({ description: 'Train SMEs', owner_id: cddId, due_on: '2020-07-31', version: 3 });
    });

    it('makes the whole open row from the event when it never saw the follow-up added', () => {
      const [, update] = stored([added, rescheduled]);
      const rows = given([update]);
      expect(rows.rows('follow_ups')).toStrictEqual([
        { ...openRow, due_on: '2020-07-31', version: 2, created_at: at(1), updated_at: at(1), last_position: '20' },
      ]);
    });

    it('changes nothing when the event is delivered again', () => {
      const events = stored([added, rescheduled, reassigned]);
      const rows = given([...events, events[1]]);
      expect(rows.get('follow_ups', followUpId)).toMatchObject({ owner_id: cddId, due_on: '2020-07-31', version: 3, last_position: '30' });
    });
  });

  describe('when a follow-up is reopened', () => {
    it('is OPEN again, without the note and the day it was closed', () => {
      const rows = given(stored([added, done, reopened]));
      expect(rows.rows('follow_ups')).toStrictEqual([{ ...openRow, version: 3, updated_at: at(2), last_position: '30' }]);
    });

    it('keeps what its row holds rather than the state the event carries', () => {
      const rows = given(stored([added, rescheduled, done, { ...reopened, data: { ...reopened.data, dueOn: '2020-06-30' } } as TrackerEvent]));
      expect(rows.get('follow_ups', followUpId)).toMatchObject({ status: 'OPEN', due_on: '2020-07-31', note: null, closed_on: null });
    });

    it('makes the whole open row from the event when it never saw the follow-up added', () => {
      const [, , reopening] = stored([added, done, reopened]);
      expect(given([reopening]).rows('follow_ups')).toStrictEqual([
        { ...openRow, version: 3, created_at: at(2), updated_at: at(2), last_position: '30' },
      ]);
    });

    it('changes nothing when the closing is delivered again after it', () => {
      const events = stored([added, done, reopened]);
      expect(given([...events, events[1]]).get('follow_ups', followUpId)).toMatchObject({ status: 'OPEN', note: null, closed_on: null });
    });
  });

  describe('in the program history index', () => {
    it('puts the update and the reopening in the program of the follow-up', () => {
      const rows = given(stored([added, done, reopened, rescheduled]));
      expect(rows.rows<ProgramEventRow>('program_events').map((row) => [row.program_id, row.position])).toEqual([
        [programId, '10'],
        [programId, '20'],
        [programId, '30'],
        [programId, '40'],
      ]);
    });

    it('links the stream by an update that comes first, since it names the program itself', () => {
      const [, update] = stored([added, rescheduled]);
      expect(given([update]).rows<ProgramEventRow>('program_events')).toEqual([{ program_id: programId, position: '20', recorded_at: at(1) }]);
    });
  });
});
