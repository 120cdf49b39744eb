import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { deciderSpec, testMetadata as metadata } from '../testing';
import type { AddFollowUp, CloseFollowUp, ReopenFollowUp, UpdateFollowUp } from './follow-up.commands';
import { followUpDecider } from './follow-up.decider';
import type { FollowUpAdded, FollowUpClosed, FollowUpReopened, FollowUpUpdated } from './follow-up.events';

const spec = deciderSpec(followUpDecider);
const followUpId = 'follow-up-training';
const activityId = 'activity-meeting';
const programId = 'program-otop';
const lazadaId = 'org-lazada';
const cddId = 'org-cdd';

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
const update = (data: Partial<UpdateFollowUp['data']> = {}): UpdateFollowUp => ({
  type: 'UpdateFollowUp',
  data: { followUpId, reason: 'Lazada handed the training to the CDD', knownOrganizationIds: [], ...data },
  metadata,
});
const reopen = (data: Partial<ReopenFollowUp['data']> = {}): ReopenFollowUp => ({
  type: 'ReopenFollowUp',
  data: { followUpId, reason: 'Only half of the SMEs were trained', ...data },
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
const trainingDropped: FollowUpClosed = {
  type: 'FollowUpClosed',
  data: { followUpId, status: 'DROPPED', note: null, closedOn: '2019-12-16' },
};
/** The training as it stands after an update: the whole state, and which fields changed. */
const updated = (data: Partial<FollowUpUpdated['data']>): FollowUpUpdated => ({
  type: 'FollowUpUpdated',
  data: {
    followUpId,
    activityId,
    programId,
    description: 'Train OTOP SMEs to sell online',
    ownerId: lazadaId,
    dueOn: '2020-06-30',
    changed: [],
    reason: 'Lazada handed the training to the CDD',
    ...data,
  },
});
const reopened = (data: Partial<FollowUpReopened['data']> = {}): FollowUpReopened => ({
  type: 'FollowUpReopened',
  data: {
    followUpId,
    activityId,
    programId,
    description: 'Train OTOP SMEs to sell online',
    ownerId: lazadaId,
    dueOn: '2020-06-30',
    previousStatus: 'DONE',
    reason: 'Only half of the SMEs were trained',
    ...data,
  },
});

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

  describe('when it is updated while open', () => {
    it('is reassigned to another registered organisation', () => {
      spec
        .given([trainingAdded])
        .when(update({ ownerId: cddId, knownOrganizationIds: [cddId] }))
        .then([updated({ ownerId: cddId, changed: ['ownerId'] })]);
    });

    it('is moved to another due date, written the Thai way', () => {
      spec
        .given([trainingAdded])
        .when(update({ dueOn: '31/07/2563', reason: 'the course moved' }))
        .then([updated({ dueOn: '2020-07-31', changed: ['dueOn'], reason: 'the course moved' })]);
    });

    it('is reworded, trimmed like a new description', () => {
      spec
        .given([trainingAdded])
        .when(update({ description: '  Train 100 OTOP SMEs to sell online ', reason: 'the number was agreed' }))
        .then([updated({ description: 'Train 100 OTOP SMEs to sell online', changed: ['description'], reason: 'the number was agreed' })]);
    });

    it('loses its owner and due date when they are cleared with null, keeping its description', () => {
      spec
        .given([trainingAdded])
        .when(update({ ownerId: null, dueOn: null }))
        .then([updated({ ownerId: null, dueOn: null, changed: ['ownerId', 'dueOn'] })]);
    });

    it('changes all three at once, naming them all', () => {
      spec
        .given([trainingAdded])
        .when(update({ description: 'Train SMEs', ownerId: cddId, dueOn: '2020-12-31', knownOrganizationIds: [cddId] }))
        .then([updated({ description: 'Train SMEs', ownerId: cddId, dueOn: '2020-12-31', changed: ['description', 'ownerId', 'dueOn'] })]);
    });

    it('gives its state after earlier updates, not as it was added', () => {
      const moved = updated({ dueOn: '2020-07-31', changed: ['dueOn'] });
      spec
        .given([trainingAdded, moved])
        .when(update({ ownerId: null }))
        .then([updated({ dueOn: '2020-07-31', ownerId: null, changed: ['ownerId'] })]);
    });

    it('names only the fields that differ when some are given unchanged', () => {
      spec
        .given([trainingAdded])
        .when(update({ description: 'Train OTOP SMEs to sell online', ownerId: lazadaId, dueOn: '2020-07-01' }))
        .then([updated({ dueOn: '2020-07-01', changed: ['dueOn'] })]);
    });

    it('refuses an update that changes nothing', () => {
      spec
        .given([trainingAdded])
        .when(update({ description: ' Train OTOP SMEs to sell online ', ownerId: lazadaId, dueOn: '30 มิ.ย. 2563' }))
        .thenThrows(ValidationError, `the update leaves follow-up ${followUpId} as it is`);
    });

    it('refuses an update that gives no field at all', () => {
      spec.given([trainingAdded]).when(update()).thenThrows(ValidationError, /as it is/);
    });

    it('refuses to clear the description', () => {
      spec.given([trainingAdded]).when(update({ description: null })).thenThrows(ValidationError, /description cannot be cleared/);
    });

    it('refuses a blank description', () => {
      spec.given([trainingAdded]).when(update({ description: ' ' })).thenThrows(ValidationError, 'description must not be empty');
    });

    it('refuses a blank reason', () => {
      spec.given([trainingAdded]).when(update({ dueOn: null, reason: '  ' })).thenThrows(ValidationError, 'reason must not be empty');
    });

    it('refuses an owner that is not a registered organisation', () => {
      spec
        .given([trainingAdded])
        .when(update({ ownerId: cddId, knownOrganizationIds: [] }))
        .thenThrows(NotFoundError, `organization ${cddId} does not exist`);
    });

    it('refuses a due date that is not a date', () => {
      spec.given([trainingAdded]).when(update({ dueOn: '31/02/2563' })).thenThrows(ValidationError, /dueOn|date/);
    });
  });

  describe('when it is updated after it was closed', () => {
    it('refuses a DONE one, naming the status and the way out', () => {
      spec
        .given([trainingAdded, trainingDone])
        .when(update({ dueOn: null }))
        .thenThrows(ConflictError, `follow-up ${followUpId} is DONE (closed on 2019-12-16) and cannot be updated: reopen it first`);
    });

    it('refuses a DROPPED one', () => {
      spec.given([trainingAdded, trainingDropped]).when(update({ ownerId: null })).thenThrows(ConflictError, /is DROPPED/);
    });

    it('takes the update once it is reopened', () => {
      spec
        .given([trainingAdded, trainingDone, reopened()])
        .when(update({ ownerId: null }))
        .then([updated({ ownerId: null, changed: ['ownerId'] })]);
    });
  });

  describe('when it is reopened', () => {
    it('goes from DONE back to OPEN, carrying its state and the status it leaves', () => {
      spec.given([trainingAdded, trainingDone]).when(reopen()).then([reopened()]);
    });

    it('goes from DROPPED back to OPEN', () => {
      spec.given([trainingAdded, trainingDropped]).when(reopen()).then([reopened({ previousStatus: 'DROPPED' })]);
    });

    it('carries the state its updates gave it', () => {
      const moved = updated({ dueOn: '2020-07-31', changed: ['dueOn'] });
      spec.given([trainingAdded, moved, trainingDone]).when(reopen()).then([reopened({ dueOn: '2020-07-31' })]);
    });

    it('can be closed again afterwards', () => {
      spec
        .given([trainingAdded, trainingDone, reopened()])
        .when(close({ status: 'DROPPED' }))
        .then([{ type: 'FollowUpClosed', data: { followUpId, status: 'DROPPED', note: null, closedOn: '2019-12-16' } }]);
    });

    it('refuses an open one, naming its status', () => {
      spec
        .given([trainingAdded])
        .when(reopen())
        .thenThrows(ConflictError, `follow-up ${followUpId} is OPEN: only a DONE or DROPPED follow-up can be reopened`);
    });

    it('refuses one already reopened', () => {
      spec.given([trainingAdded, trainingDone, reopened()]).when(reopen()).thenThrows(ConflictError, /is OPEN/);
    });

    it('refuses a blank reason', () => {
      spec.given([trainingAdded, trainingDone]).when(reopen({ reason: '' })).thenThrows(ValidationError, 'reason must not be empty');
    });
  });

  describe('when it was never added', () => {
    it('refuses to update it', () => {
      spec.given([]).when(update({ dueOn: null })).thenThrows(NotFoundError, `follow-up ${followUpId} does not exist`);
    });

    it('refuses to reopen it', () => {
      spec.given([]).when(reopen()).thenThrows(NotFoundError, `follow-up ${followUpId} does not exist`);
    });
  });
});
