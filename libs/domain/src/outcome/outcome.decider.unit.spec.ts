import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { deciderSpec, testMetadata as metadata } from '../testing';
import type { CorrectOutcome, RecordOutcome, VoidOutcome } from './outcome.commands';
import { outcomeDecider } from './outcome.decider';
import type { OutcomeCorrected, OutcomeRecorded, OutcomeVoided } from './outcome.events';

const spec = deciderSpec(outcomeDecider);
const outcomeId = 'outcome-revenue';
const programId = 'program-otop';
const activityId = 'activity-fair';

const recordRevenue = (data: Partial<RecordOutcome['data']> = {}): RecordOutcome => ({
  type: 'RecordOutcome',
  data: {
    outcomeId,
    programId,
    activityId,
    kind: 'REVENUE',
    amount: '10000000',
    currency: 'thb',
    description: 'Fair sales',
    program: { exists: true, status: 'ACTIVE' },
    activity: { exists: true, programId },
    ...data,
  },
  metadata,
});
const correct = (data: Partial<CorrectOutcome['data']>): CorrectOutcome => ({
  type: 'CorrectOutcome',
  data: { outcomeId, reason: 'Audited figures', ...data },
  metadata,
});

const revenueRecorded: OutcomeRecorded = {
  type: 'OutcomeRecorded',
  data: {
    outcomeId,
    programId,
    activityId,
    kind: 'REVENUE',
    amount: '10000000.00',
    currency: 'THB',
    quantity: null,
    description: 'Fair sales',
  },
};
const correctedTo = (data: Partial<OutcomeCorrected['data']>): OutcomeCorrected => ({
  type: 'OutcomeCorrected',
  data: {
    outcomeId,
    programId,
    amount: '10000000.00',
    currency: 'THB',
    quantity: null,
    description: 'Fair sales',
    reason: 'Audited figures',
    ...data,
  },
});

describe('outcome', () => {
  describe('when it is recorded', () => {
    it("records the amount at the currency's scale", () => {
      spec.given([]).when(recordRevenue()).then([revenueRecorded]);
    });

    it('records a quantity without an amount', () => {
      spec
        .given([])
        .when(recordRevenue({ kind: 'TRAINED', amount: null, currency: null, quantity: 120, activityId: null, activity: undefined }))
        .then([
          {
            type: 'OutcomeRecorded',
            data: { ...revenueRecorded.data, kind: 'TRAINED', amount: null, currency: null, quantity: 120, activityId: null },
          },
        ]);
    });

    it('records both a quantity and an amount', () => {
      spec
        .given([])
        .when(recordRevenue({ kind: 'ORDERS', quantity: 35, amount: '2500000.5' }))
        .then([{ type: 'OutcomeRecorded', data: { ...revenueRecorded.data, kind: 'ORDERS', quantity: 35, amount: '2500000.50' } }]);
    });

    it('refuses an outcome with neither amount nor quantity', () => {
      spec.given([]).when(recordRevenue({ amount: null, currency: null })).thenThrows(ValidationError, /an amount or a quantity/);
    });

    it('refuses an amount without a currency', () => {
      spec.given([]).when(recordRevenue({ currency: null })).thenThrows(ValidationError, 'an amount needs a currency');
    });

    it('refuses a currency without an amount', () => {
      spec.given([]).when(recordRevenue({ amount: null, quantity: 3 })).thenThrows(ValidationError, 'a currency needs an amount');
    });

    it('refuses a negative amount', () => {
      spec.given([]).when(recordRevenue({ amount: '-5.00' })).thenThrows(ValidationError, 'amount must not be negative');
    });

    it('refuses an amount given as a number', () => {
      spec
        .given([])
        .when(recordRevenue({ amount: 10000000.1 as unknown as string }))
        .thenThrows(ValidationError, /must be a decimal string/);
    });

    it('refuses a fractional or negative quantity', () => {
      spec.given([]).when(recordRevenue({ quantity: 1.5 })).thenThrows(ValidationError, /whole number/);
      spec.given([]).when(recordRevenue({ quantity: -1 })).thenThrows(ValidationError, /whole number/);
    });

    it('refuses an activity that does not exist', () => {
      spec
        .given([])
        .when(recordRevenue({ activity: { exists: false } }))
        .thenThrows(NotFoundError, `activity ${activityId} does not exist`);
    });

    it("refuses an activity of another program", () => {
      spec
        .given([])
        .when(recordRevenue({ activity: { exists: true, programId: 'program-other' } }))
        .thenThrows(ValidationError, `activity ${activityId} belongs to program program-other, not to program ${programId}`);
    });

    it('refuses a program that does not exist', () => {
      spec
        .given([])
        .when(recordRevenue({ program: { exists: false } }))
        .thenThrows(NotFoundError, `program ${programId} does not exist`);
    });

    it('refuses to record it twice', () => {
      spec.given([revenueRecorded]).when(recordRevenue()).thenThrows(ConflictError, /already recorded/);
    });
  });

  describe.each(['COMPLETED', 'CANCELLED'] as const)('when the program is %s', (status) => {
    it('refuses a new outcome', () => {
      spec
        .given([])
        .when(recordRevenue({ program: { exists: true, status } }))
        .thenThrows(ConflictError, `program ${programId} is ${status} and takes no new outcomes`);
    });
  });

  describe('when it is corrected', () => {
    it('records the new values in full and the reason, leaving the rest as it was', () => {
      spec
        .given([revenueRecorded])
        .when(correct({ amount: '10250000' }))
        .then([correctedTo({ amount: '10250000.00' })]);
    });

    it('applies one correction after another', () => {
      spec
        .given([revenueRecorded, correctedTo({ amount: '10250000.00' })])
        .when(correct({ description: null, quantity: 40 }))
        .then([correctedTo({ amount: '10250000.00', description: null, quantity: 40 })]);
    });

    it('rescales the amount kept when only the currency changes', () => {
      spec
        .given([revenueRecorded])
        .when(correct({ currency: 'JPY' }))
        .then([correctedTo({ amount: '10000000', currency: 'JPY' })]);
    });

    it('requires a reason', () => {
      spec.given([revenueRecorded]).when(correct({ amount: '1', reason: ' ' })).thenThrows(ValidationError, 'reason must not be empty');
    });

    it('refuses a correction that changes nothing', () => {
      spec.given([revenueRecorded]).when(correct({ amount: '10000000.00' })).thenThrows(ValidationError, /leaves outcome/);
    });

    it('refuses a correction that leaves neither amount nor quantity', () => {
      spec
        .given([revenueRecorded])
        .when(correct({ amount: null, currency: null }))
        .thenThrows(ValidationError, /an amount or a quantity/);
    });

    it('refuses to correct an outcome never recorded', () => {
      spec.given([]).when(correct({ amount: '1' })).thenThrows(NotFoundError, `outcome ${outcomeId} does not exist`);
    });
  });
});

describe('voiding an outcome', () => {
  const voidIt = (reason = 'Entered twice'): VoidOutcome => ({ type: 'VoidOutcome', data: { outcomeId, reason }, metadata });
  const voided: OutcomeVoided = { type: 'OutcomeVoided', data: { outcomeId, programId, reason: 'Entered twice' } };

  it('records the void and its reason', () => {
    spec.given([revenueRecorded]).when(voidIt()).then([voided]);
  });

  it('requires a reason', () => {
    spec.given([revenueRecorded]).when(voidIt(' ')).thenThrows(ValidationError, 'reason must not be empty');
  });

  it('refuses to void it twice', () => {
    spec.given([revenueRecorded, voided]).when(voidIt()).thenThrows(ConflictError, `outcome ${outcomeId} is already voided`);
  });

  it('refuses an outcome never recorded', () => {
    spec.given([]).when(voidIt()).thenThrows(NotFoundError, `outcome ${outcomeId} does not exist`);
  });

  it('leaves a voided outcome uncorrectable', () => {
    spec
      .given([revenueRecorded, voided])
      .when(correct({ amount: '1.00' }))
      .thenThrows(ConflictError, `outcome ${outcomeId} is voided and cannot be corrected`);
  });

  it('voids a corrected outcome', () => {
    spec.given([revenueRecorded, correctedTo({ amount: '1.00' })]).when(voidIt()).then([voided]);
  });
});
