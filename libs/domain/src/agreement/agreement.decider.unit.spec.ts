import { ConflictError, ForbiddenTransitionError, NotFoundError, ValidationError } from '../shared/errors';
import { deciderSpec, testMetadata as metadata } from '../testing';
import type { RecordAgreement, SignAgreement, TerminateAgreement } from './agreement.commands';
import { agreementDecider } from './agreement.decider';
import type { AgreementEvent, AgreementRecorded, AgreementSigned } from './agreement.events';

const spec = deciderSpec(agreementDecider);
const agreementId = 'agreement-1';
const programId = 'program-otop';
const [cddId, lazadaId, mallId] = ['org-cdd', 'org-lazada', 'org-mall'];

const recordDraft = (data: Partial<RecordAgreement['data']> = {}): RecordAgreement => ({
  type: 'RecordAgreement',
  data: {
    agreementId,
    title: { en: 'OTOP online training' },
    partyIds: [cddId, lazadaId],
    knownOrganizationIds: [cddId, lazadaId, mallId],
    ...data,
  },
  metadata,
});
const sign = (signedOn?: string): SignAgreement => ({ type: 'SignAgreement', data: { agreementId, signedOn }, metadata });
const terminate = (data: Partial<TerminateAgreement['data']> = {}): TerminateAgreement => ({
  type: 'TerminateAgreement',
  data: { agreementId, ...data },
  metadata,
});

const draftRecorded: AgreementRecorded = {
  type: 'AgreementRecorded',
  data: {
    agreementId,
    title: { en: 'OTOP online training' },
    partyIds: [cddId, lazadaId],
    programId: null,
    status: 'DRAFT',
    signedOn: null,
    expiresOn: '2021-12-31',
  },
};
const signed: AgreementSigned = { type: 'AgreementSigned', data: { agreementId, signedOn: '2020-01-15' } };
const terminated: AgreementEvent = {
  type: 'AgreementTerminated',
  data: { agreementId, terminatedOn: '2020-06-30', reason: null },
};

describe('agreement', () => {
  describe('when it is recorded', () => {
    it('records a draft by default', () => {
      spec.given([]).when(recordDraft({ expiresOn: '31/12/2564' })).then([draftRecorded]);
    });

    it('records a signed agreement of a program, whatever the program status', () => {
      spec
        .given([])
        .when(
          recordDraft({
            status: 'SIGNED',
            signedOn: '1 มิ.ย. 2562',
            expiresOn: null,
            programId,
            program: { exists: true, status: 'COMPLETED' },
          }),
        )
        .then([
          {
            type: 'AgreementRecorded',
            data: { ...draftRecorded.data, programId, status: 'SIGNED', signedOn: '2019-06-01', expiresOn: null },
          },
        ]);
    });

    it('refuses a single party', () => {
      spec.given([]).when(recordDraft({ partyIds: [cddId] })).thenThrows(ValidationError, /two or more parties/);
    });

    it('refuses the same party twice, naming the repeat', () => {
      spec
        .given([])
        .when(recordDraft({ partyIds: [cddId, lazadaId, cddId] }))
        .thenThrows(ValidationError, 'partyIds[2] repeats partyIds[0]', 'partyIds[2]');
    });

    it('refuses a party that is not a registered organisation', () => {
      spec
        .given([])
        .when(recordDraft({ partyIds: [cddId, 'org-unknown'] }))
        .thenThrows(NotFoundError, 'organization org-unknown does not exist');
    });

    it('refuses a program that does not exist', () => {
      spec
        .given([])
        .when(recordDraft({ programId, program: { exists: false } }))
        .thenThrows(NotFoundError, `program ${programId} does not exist`);
    });

    it('refuses an expiry before the signing', () => {
      spec
        .given([])
        .when(recordDraft({ status: 'SIGNED', signedOn: '2020-01-15', expiresOn: '2020-01-14' }))
        .thenThrows(ValidationError, 'expiresOn 2020-01-14 is before signedOn 2020-01-15');
    });

    it('refuses a signed agreement without a signing date', () => {
      spec.given([]).when(recordDraft({ status: 'SIGNED' })).thenThrows(ValidationError, /needs signedOn/);
    });

    it('refuses a draft with a signing date', () => {
      spec.given([]).when(recordDraft({ signedOn: '2020-01-15' })).thenThrows(ValidationError, /a draft has no signing date/);
    });

    it('refuses to record it as already terminated', () => {
      spec.given([]).when(recordDraft({ status: 'TERMINATED' })).thenThrows(ValidationError, /then terminate it/);
    });

    it('refuses to record it twice', () => {
      spec.given([draftRecorded]).when(recordDraft()).thenThrows(ConflictError, /already recorded/);
    });
  });

  describe('when it is a draft', () => {
    it('is signed on the given date', () => {
      spec.given([draftRecorded]).when(sign('2020-01-15')).then([signed]);
    });

    it('is signed today (Bangkok) when no date is given', () => {
      spec
        .given([draftRecorded])
        .when({ ...sign(), metadata: { ...metadata, now: '2020-01-14T20:00:00Z' } })
        .then([{ type: 'AgreementSigned', data: { agreementId, signedOn: '2020-01-15' } }]);
    });

    it('refuses a signing after its expiry', () => {
      spec.given([draftRecorded]).when(sign('2022-01-01')).thenThrows(ValidationError, /expiresOn 2021-12-31 is before/);
    });

    it('may be terminated before it is signed', () => {
      spec
        .given([draftRecorded])
        .when(terminate({ terminatedOn: '2020-06-30', reason: 'Superseded' }))
        .then([{ type: 'AgreementTerminated', data: { agreementId, terminatedOn: '2020-06-30', reason: 'Superseded' } }]);
    });
  });

  describe('when it is signed', () => {
    it('refuses to be signed again', () => {
      spec.given([draftRecorded, signed]).when(sign()).thenThrows(ForbiddenTransitionError, /is SIGNED; only a draft/);
    });

    it('is terminated', () => {
      spec.given([draftRecorded, signed]).when(terminate({ terminatedOn: '2020-06-30' })).then([terminated]);
    });

    it('refuses a termination before the signing', () => {
      spec
        .given([draftRecorded, signed])
        .when(terminate({ terminatedOn: '2020-01-01' }))
        .thenThrows(ValidationError, 'terminatedOn 2020-01-01 is before the signing on 2020-01-15');
    });
  });

  describe('when it is terminated', () => {
    it('refuses to be terminated again', () => {
      spec.given([draftRecorded, signed, terminated]).when(terminate()).thenThrows(ForbiddenTransitionError, /already terminated/);
    });

    it('refuses to be signed', () => {
      spec.given([draftRecorded, terminated]).when(sign()).thenThrows(ForbiddenTransitionError, /is TERMINATED/);
    });
  });

  describe('when it was never recorded', () => {
    it('refuses a signing', () => {
      spec.given([]).when(sign()).thenThrows(NotFoundError, `agreement ${agreementId} does not exist`);
    });

    it('refuses a termination', () => {
      spec.given([]).when(terminate()).thenThrows(NotFoundError, `agreement ${agreementId} does not exist`);
    });
  });
});
