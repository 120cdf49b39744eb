import { referenceIds, type OutcomeCorrected, type OutcomeRecorded } from '@tracker/domain';
import { bookkeeping, projectionSpec, stored, type ProjectionSpecCase } from '../testing/projection-spec';
import { sampleEvents } from '../testing/sample-events';
import { outcomesProjection } from './outcomes.projection';

const outcomeId = referenceIds.outcomes.shanghaiFairRevenue;
const programId = referenceIds.program;
const activityId = referenceIds.activities.shanghaiFair;

const recorded: OutcomeRecorded = {
  type: 'OutcomeRecorded',
  data: { outcomeId, programId, activityId, kind: 'REVENUE', amount: '10000000.00', currency: 'THB', quantity: null, description: 'Sales at the fair' },
};
const corrected: OutcomeCorrected = {
  type: 'OutcomeCorrected',
  data: { outcomeId, programId, amount: '12500000.50', currency: 'THB', quantity: 120, description: 'Sales and orders at the fair', reason: 'final report' },
};
// Beyond a double's 15-16 significant digits: only a decimal string carries it intact.
const correctedAgain: OutcomeCorrected = {
  type: 'OutcomeCorrected',
  data: { outcomeId, programId, amount: '123456789012345678.90', currency: 'CNY', quantity: null, description: null, reason: 'wrong currency' },
};

const recording = stored(recorded, { position: 1 });
const correction = stored(corrected, { position: 2, version: 2 });
const secondCorrection = stored(correctedAgain, { position: 3, version: 3 });

const asRecorded = {
  id: outcomeId,
  program_id: programId,
  activity_id: activityId,
  kind: 'REVENUE',
  amount: '10000000.00',
  currency: 'THB',
  quantity: null,
  description: 'Sales at the fair',
  ...bookkeeping({ version: 1, created: 1, last: 1 }),
};
const asCorrected = {
  ...asRecorded,
  amount: '12500000.50',
  quantity: 120,
  description: 'Sales and orders at the fair',
  ...bookkeeping({ version: 2, created: 1, last: 2 }),
};
const asCorrectedAgain = {
  ...asRecorded,
  amount: '123456789012345678.90',
  currency: 'CNY',
  quantity: null,
  description: null,
  ...bookkeeping({ version: 3, created: 1, last: 3 }),
};

const spec = projectionSpec(outcomesProjection);

// Totals are not a table of this projection: the api sums these rows when asked (Program.totals,
// apps/api/src/programs/program.queries.ts) and the auditor sums its own (program-as-of.ts), so
// a total is right when these rows are; the sums have their tests there.
export const outcomesProjectionSpecs: ProjectionSpecCase[] = [
  spec('adds a row when an outcome is recorded').given().when(recording).then({ outcomes: [asRecorded] }),

  spec('keeps a count with no money, outside any activity')
    .given(stored({ ...recorded, data: { ...recorded.data, kind: 'PARTICIPANTS', activityId: null, amount: null, currency: null, quantity: 350 } }, { position: 1 }))
    .then({ outcomes: [{ ...asRecorded, kind: 'PARTICIPANTS', activity_id: null, amount: null, currency: null, quantity: 350 }] }),

  spec('replaces the measure and the description, keeping program, activity and kind, when the outcome is corrected')
    .given(recording)
    .when(correction)
    .then({ outcomes: [asCorrected] }),

  spec('takes the latest correction, to the last digit').given(recording, correction).when(secondCorrection).then({ outcomes: [asCorrectedAgain] }),

  spec('keeps the latest correction when an earlier one is delivered again')
    .given(recording, correction, secondCorrection)
    .when(correction)
    .then({ outcomes: [asCorrectedAgain] }),

  spec('keeps the correction when the recording is delivered again').given(recording, correction).when(recording).then({ outcomes: [asCorrected] }),

  spec('adds no row for the correction of an outcome it never saw recorded').given().when(correction).then({ outcomes: [] }),

  spec('leaves the outcome alone when its activity is logged or its program changes status')
    .given(recording)
    .when(
      stored(sampleEvents.activityLogged({ activityId, programId }), { position: 2 }),
      stored(sampleEvents.programStatusChanged({ programId }), { position: 3 }),
    )
    .then({ outcomes: [asRecorded] }),
];
