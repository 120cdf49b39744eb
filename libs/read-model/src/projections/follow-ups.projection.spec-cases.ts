import { referenceIds, type FollowUpAdded, type FollowUpClosed, type FollowUpReopened, type FollowUpUpdated } from '@tracker/domain';
import { bookkeeping, projectionSpec, stored, type ProjectionSpecCase } from '../testing/projection-spec';
import { sampleEvents } from '../testing/sample-events';
import { followUpsProjection } from './follow-ups.projection';

const followUpId = referenceIds.followUps.lazadaOnlineTraining;
const activityId = referenceIds.activities.cddMeeting;
const programId = referenceIds.program;
const { lazada, cdd } = referenceIds.organizations;

const added: FollowUpAdded = {
  type: 'FollowUpAdded',
  data: { followUpId, activityId, programId, description: 'Train OTOP SMEs to sell online', ownerId: lazada, dueOn: '2020-03-31' },
};
const done: FollowUpClosed = { type: 'FollowUpClosed', data: { followUpId, status: 'DONE', note: 'Two sessions held', closedOn: '2020-02-20' } };
const dropped: FollowUpClosed = { type: 'FollowUpClosed', data: { followUpId, status: 'DROPPED', note: null, closedOn: '2020-04-01' } };

/** The follow-up as it stands after an update: the whole state, and the fields that changed. */
const rescheduled: FollowUpUpdated = {
  type: 'FollowUpUpdated',
  data: { ...added.data, dueOn: '2020-07-31', changed: ['dueOn'], reason: 'the course moved to July' },
};
// Carries the due date the decider saw (2020-03-31): only the fields it names are written.
const reassigned: FollowUpUpdated = {
  type: 'FollowUpUpdated',
  data: { ...added.data, description: 'Train SMEs', ownerId: cdd, changed: ['description', 'ownerId'], reason: 'the CDD runs it' },
};
const reopened: FollowUpReopened = {
  type: 'FollowUpReopened',
  data: { ...added.data, previousStatus: 'DONE', reason: 'only half of the SMEs were trained' },
};

const adding = stored(added, { position: 1 });
const closing = stored(done, { position: 2, version: 2 });

const asAdded = {
  id: followUpId,
  activity_id: activityId,
  program_id: programId,
  description: 'Train OTOP SMEs to sell online',
  owner_id: lazada,
  due_on: '2020-03-31',
  status: 'OPEN',
  note: null,
  closed_on: null,
  ...bookkeeping({ version: 1, created: 1, last: 1 }),
};
const asDone = { ...asAdded, status: 'DONE', note: 'Two sessions held', closed_on: '2020-02-20', ...bookkeeping({ version: 2, created: 1, last: 2 }) };

const spec = projectionSpec(followUpsProjection);

export const followUpsProjectionSpecs: ProjectionSpecCase[] = [
  spec('adds an open row when a follow-up is added').given().when(adding).then({ follow_ups: [asAdded] }),

  spec('keeps a follow-up with no program, no owner and no due date')
    .given(stored({ ...added, data: { ...added.data, programId: null, ownerId: null, dueOn: null } }, { position: 1 }))
    .then({ follow_ups: [{ ...asAdded, program_id: null, owner_id: null, due_on: null }] }),

  spec('marks the follow-up done, with its note and date, when it is closed as done').given(adding).when(closing).then({ follow_ups: [asDone] }),

  spec('marks the follow-up dropped when it is closed as dropped')
    .given(adding)
    .when(stored(dropped, { position: 2, version: 2 }))
    .then({ follow_ups: [{ ...asAdded, status: 'DROPPED', closed_on: '2020-04-01', ...bookkeeping({ version: 2, created: 1, last: 2 }) }] }),

  spec('stays done when the adding is delivered again').given(adding, closing).when(adding).then({ follow_ups: [asDone] }),

  spec('changes nothing when the closing is delivered again').given(adding, closing).when(closing).then({ follow_ups: [asDone] }),

  spec('adds no row when a follow-up it never saw added is closed').given().when(closing).then({ follow_ups: [] }),

  spec('writes the new due date of an update and keeps the rest')
    .given(adding)
    .when(stored(rescheduled, { position: 2, version: 2 }))
    .then({ follow_ups: [{ ...asAdded, due_on: '2020-07-31', ...bookkeeping({ version: 2, created: 1, last: 2 }) }] }),

  spec('writes only the fields an update names as changed, not the rest of the state it carries')
    .given(adding, stored(rescheduled, { position: 2, version: 2 }))
    .when(stored(reassigned, { position: 3, version: 3 }))
    .then({
      follow_ups: [{ ...asAdded, description: 'Train SMEs', owner_id: cdd, due_on: '2020-07-31', ...bookkeeping({ version: 3, created: 1, last: 3 }) }],
    }),

  spec('clears the owner and the due date an update sets to null')
    .given(adding)
    .when(stored({ ...rescheduled, data: { ...rescheduled.data, ownerId: null, dueOn: null, changed: ['ownerId', 'dueOn'] } }, { position: 2, version: 2 }))
    .then({ follow_ups: [{ ...asAdded, owner_id: null, due_on: null, ...bookkeeping({ version: 2, created: 1, last: 2 }) }] }),

  spec('changes nothing when an update is delivered again after a later one')
    .given(adding, stored(rescheduled, { position: 2, version: 2 }), stored(reassigned, { position: 3, version: 3 }))
    .when(stored(rescheduled, { position: 2, version: 2 }))
    .then({
      follow_ups: [{ ...asAdded, description: 'Train SMEs', owner_id: cdd, due_on: '2020-07-31', ...bookkeeping({ version: 3, created: 1, last: 3 }) }],
    }),

  // An as-of replay of one program can start from an update whose adding is in another
  // program's history: the event carries the whole open follow-up.
  spec('makes the whole open row from an update when it never saw the follow-up added')
    .given()
    .when(stored(rescheduled, { position: 2, version: 2 }))
    .then({ follow_ups: [{ ...asAdded, due_on: '2020-07-31', ...bookkeeping({ version: 2, created: 2, last: 2 }) }] }),

  spec('opens a done follow-up again when it is reopened, its note and closing day gone')
    .given(adding, closing)
    .when(stored(reopened, { position: 3, version: 3 }))
    .then({ follow_ups: [{ ...asAdded, ...bookkeeping({ version: 3, created: 1, last: 3 }) }] }),

  spec('opens a dropped follow-up again, keeping what its updates wrote')
    .given(adding, stored(rescheduled, { position: 2, version: 2 }), stored(dropped, { position: 3, version: 3 }))
    .when(stored({ ...reopened, data: { ...reopened.data, previousStatus: 'DROPPED' } }, { position: 4, version: 4 }))
    .then({ follow_ups: [{ ...asAdded, due_on: '2020-07-31', ...bookkeeping({ version: 4, created: 1, last: 4 }) }] }),

  spec('stays open when the closing is delivered again after the reopening')
    .given(adding, closing, stored(reopened, { position: 3, version: 3 }))
    .when(closing)
    .then({ follow_ups: [{ ...asAdded, ...bookkeeping({ version: 3, created: 1, last: 3 }) }] }),

  spec('makes the whole open row from a reopening when it never saw the follow-up added')
    .given()
    .when(stored(reopened, { position: 3, version: 3 }))
    .then({ follow_ups: [{ ...asAdded, ...bookkeeping({ version: 3, created: 3, last: 3 }) }] }),

  spec('leaves the follow-up alone when its activity is logged or its owner renamed')
    .given(adding)
    .when(
      stored(sampleEvents.activityLogged({ activityId, programId }), { position: 2 }),
      stored(sampleEvents.organizationRenamed({ organizationId: lazada }), { position: 3, version: 2 }),
    )
    .then({ follow_ups: [asAdded] }),
];
