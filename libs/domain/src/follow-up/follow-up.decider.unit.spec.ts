import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { deciderSpec, testMetadata as metadata } from '../testing';
import type { AddFollowUp, CloseFollowUp } from './follow-up.commands';
import { followUpDecider } from './follow-up.decider';
import type { FollowUpAdded, FollowUpClosed } from './follow-up.events';

const spec = deciderSpec(followUpDecider);
const followUpId = 'follow-up-training';
const activityId = 'activity-meeting';
const programId = 'program-otop';
const lazadaId = 'org-lazada';

const addTraining = (data: Partial<AddFollowUp['data']> = {}): AddFollowUp => ({
  type: 'AddFollowUp',
  data: {
    followUpId,
    activityId,
    description: ' Train OTOP SMEs to sell online ',
    ownerId: lazadaId,
    dueOn: '30 มิ.ย. 2563',
    activity: { exists: true, programId },
    knownOrganizationIds: [lazadaId],
    ...data,
  },
  metadata,
});
const close = (data: Partial<CloseFollowUp['data']> = {}): CloseFollowUp => ({
  type: 'CloseFollowUp',
  data: { followUpId, status: 'DONE', ...data },
  metadata,
});

const trainingAdded: FollowUpAdded = {
  type: 'FollowUpAdded',
  data: {
    followUpId,
    activityId,
    programId,
    description: 'Train OTOP SMEs to sell online',
    ownerId: lazadaId,
    dueOn: '2020-06-30',
  },
};
const trainingDone: FollowUpClosed = {
  type: 'FollowUpClosed',
  data: { followUpId, status: 'DONE', note: 'First course held', closedOn: '2019-12-16' },
};

describe('follow-up', () => {
  describe('when it is added', () => {
    it("records it with the activity's program", () => {
      spec.given([]).when(addTraining()).then([trainingAdded]);
    });

    it('records one without owner or due date on an activity outside any program', () => {
      spec
        .given([])
        .when(addTraining({ ownerId: null, dueOn: null, activity: { exists: true, programId: null } }))
        .then([{ type: 'FollowUpAdded', data: { ...trainingAdded.data, ownerId: null, dueOn: null, programId: null } }]);
    });

    it('refuses an activity that does not exist', () => {
      spec
        .given([])
        .when(addTraining({ activity: { exists: false } }))
        .thenThrows(NotFoundError, `activity ${activityId} does not exist`);
    });

    it('refuses an owner that is not a registered organisation', () => {
      spec
        .given([])
        .when(addTraining({ knownOrganizationIds: [] }))
        .thenThrows(NotFoundError, `organization ${lazadaId} does not exist`);
    });

    it('refuses an empty description', () => {
      spec.given([]).when(addTraining({ description: '  ' })).thenThrows(ValidationError, 'description must not be empty');
    });

    it('refuses to add it twice', () => {
      spec.given([trainingAdded]).when(addTraining()).thenThrows(ConflictError, /already added/);
    });
  });

  describe('when it is open', () => {
    it('is closed as done on the business date of the command, with a note', () => {
      spec.given([trainingAdded]).when(close({ note: 'First course held' })).then([trainingDone]);
    });

    it('is dropped', () => {
      spec
        .given([trainingAdded])
        .when(close({ status: 'DROPPED' }))
        .then([{ type: 'FollowUpClosed', data: { followUpId, status: 'DROPPED', note: null, closedOn: '2019-12-16' } }]);
    });

    it('refuses OPEN as a closing status', () => {
      spec
        .given([trainingAdded])
        .when(close({ status: 'OPEN' as never }))
        .thenThrows(ValidationError, 'status must be one of DONE, DROPPED');
    });
  });

  describe('when it is already closed', () => {
    it('refuses to close it again', () => {
      spec
        .given([trainingAdded, trainingDone])
        .when(close({ status: 'DROPPED' }))
        .thenThrows(ConflictError, `follow-up ${followUpId} was already closed as DONE on 2019-12-16`);
    });
  });

  describe('when it was never added', () => {
    it('refuses to close it', () => {
      spec.given([]).when(close()).thenThrows(NotFoundError, `follow-up ${followUpId} does not exist`);
    });
  });
});
