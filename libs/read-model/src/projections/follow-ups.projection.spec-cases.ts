import { referenceIds, type FollowUpAdded, type FollowUpClosed } from '@tracker/domain';
import { bookkeeping, projectionSpec, stored, type ProjectionSpecCase } from '../testing/projection-spec';
import { sampleEvents } from '../testing/sample-events';
import { followUpsProjection } from './follow-ups.projection';

const followUpId = referenceIds.followUps.lazadaOnlineTraining;
const activityId = referenceIds.activities.cddMeeting;
const programId = referenceIds.program;
const { lazada } = referenceIds.organizations;

const added: FollowUpAdded = {
  type: 'FollowUpAdded',
  data: { followUpId, activityId, programId, description: 'Train OTOP SMEs to sell online', ownerId: lazada, dueOn: '2020-03-31' },
};
const done: FollowUpClosed = { type: 'FollowUpClosed', data: { followUpId, status: 'DONE', note: 'Two sessions held', closedOn: '2020-02-20' } };
const dropped: FollowUpClosed = { type: 'FollowUpClosed', data: { followUpId, status: 'DROPPED', note: null, closedOn: '2020-04-01' } };

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

  spec('leaves the follow-up alone when its activity is logged or its owner renamed')
    .given(adding)
    .when(
      stored(sampleEvents.activityLogged({ activityId, programId }), { position: 2 }),
      stored(sampleEvents.organizationRenamed({ organizationId: lazada }), { position: 3, version: 2 }),
    )
    .then({ follow_ups: [asAdded] }),
];
