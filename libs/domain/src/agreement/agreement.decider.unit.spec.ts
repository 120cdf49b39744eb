import { fold } from '../shared/decider';
import { ConflictError, ForbiddenTransitionError, NotFoundError, ValidationError } from '../shared/errors';
import { deciderSpec, testMetadata as metadata } from '../testing';
import type { AmendAgreement, RecordAgreement, SignAgreement, TerminateAgreement } from './agreement.commands';
import { agreementDecider } from './agreement.decider';
import type { AgreementAmended, AgreementRecorded, AgreementSigned, AgreementTerminated } from './agreement.events';

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
const sign = (signedOn: string, expiresOn?: string | null): SignAgreement => ({
  type: 'SignAgreement',
  data: { agreementId, signedOn, ...(expiresOn === undefined ? {} : { expiresOn }) },
  metadata,
});
const terminate = (data: Partial<TerminateAgreement['data']> = {}): TerminateAgreement => ({
  type: 'TerminateAgreement',
  data: { agreementId, terminatedOn: '2020-06-30', reason: 'Superseded by the 2020 memorandum', ...data },
  metadata,
});
const amend = (data: Partial<AmendAgreement['data']> = {}): AmendAgreement => ({
  type: 'AmendAgreement',
  data: { agreementId, reason: 'The parties asked for it', knownOrganizationIds: [cddId, lazadaId, mallId], ...data },
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
const signed: AgreementSigned = { type: 'AgreementSigned', data: { agreementId, signedOn: '2020-01-15', expiresOn: '2021-12-31' } };
const terminated: AgreementTerminated = {
  type: 'AgreementTerminated',
  data: { agreementId, terminatedOn: '2020-06-30', reason: 'Superseded by the 2020 memorandum' },
};
const amended = (data: Partial<AgreementAmended['data']>): AgreementAmended => ({
  type: 'AgreementAmended',
  data: {
    agreementId,
    title: draftRecorded.data.title,
    partyIds: draftRecorded.data.partyIds,
    expiresOn: draftRecorded.data.expiresOn,
    reason: 'The parties asked for it',
    ...data,
  },
});

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
    it('is signed on the given date, keeping its expiry', () => {
      spec.given([draftRecorded]).when(sign('15/01/2563')).then([signed]);
    });

    it('is signed with a new expiry, or with none', () => {
      spec
        .given([draftRecorded])
        .when(sign('2020-01-15', '31 ธ.ค. 2565'))
        .then([{ type: 'AgreementSigned', data: { agreementId, signedOn: '2020-01-15', expiresOn: '2022-12-31' } }]);
      spec
        .given([draftRecorded])
        .when(sign('2020-01-15', null))
        .then([{ type: 'AgreementSigned', data: { agreementId, signedOn: '2020-01-15', expiresOn: null } }]);
    });

    it('refuses a signing without a date', () => {
      spec
        .given([draftRecorded])
        .when({ ...sign('2020-01-15'), data: { agreementId } } as unknown as SignAgreement)
        .thenThrows(ValidationError, 'signedOn must be a date string');
    });

    it('refuses a signing after the expiry it keeps, naming signedOn', () => {
      spec
        .given([draftRecorded])
        .when(sign('2022-01-01'))
        .thenThrows(ValidationError, 'expiresOn 2021-12-31 is before signedOn 2022-01-01', 'signedOn');
    });

    it('refuses a new expiry before the signing, naming expiresOn', () => {
      spec.given([draftRecorded]).when(sign('2020-01-15', '2020-01-14')).thenThrows(ValidationError, /is before signedOn/, 'expiresOn');
    });

    it('refuses a termination, naming its status', () => {
      spec
        .given([draftRecorded])
        .when(terminate())
        .thenThrows(ForbiddenTransitionError, `agreement ${agreementId} is DRAFT; only a SIGNED agreement can be terminated`);
    });

    it('is amended: the fields given replace, the others stay', () => {
      spec
        .given([draftRecorded])
        .when(amend({ title: { en: 'Training OTOP sellers online', th: 'อบรมผู้ขาย OTOP ออนไลน์' } }))
        .then([amended({ title: { en: 'Training OTOP sellers online', th: 'อบรมผู้ขาย OTOP ออนไลน์' } })]);
    });

    it('takes a new list of parties as a whole, and a cleared expiry', () => {
      spec
        .given([draftRecorded])
        .when(amend({ partyIds: [cddId, lazadaId, mallId], expiresOn: null }))
        .then([amended({ partyIds: [cddId, lazadaId, mallId], expiresOn: null })]);
    });

    it('refuses an amendment that changes nothing', () => {
      spec
        .given([draftRecorded])
        .when(amend({ title: { en: ' OTOP online training ' }, partyIds: [cddId, lazadaId], expiresOn: '2021-12-31' }))
        .thenThrows(ValidationError, `the amendment leaves agreement ${agreementId} as it is`);
    });

    it('refuses an amendment without a reason', () => {
      spec.given([draftRecorded]).when(amend({ title: { en: 'New' }, reason: '  ' })).thenThrows(ValidationError, 'reason must not be empty');
    });

    it('refuses to clear the title or the parties', () => {
      spec.given([draftRecorded]).when(amend({ title: null })).thenThrows(ValidationError, /title cannot be cleared/);
      spec.given([draftRecorded]).when(amend({ partyIds: null })).thenThrows(ValidationError, /partyIds cannot be cleared/);
    });

    it('refuses parties it would refuse on recording: one, twice the same, unknown', () => {
      spec.given([draftRecorded]).when(amend({ partyIds: [cddId] })).thenThrows(ValidationError, /two or more parties/);
      spec
        .given([draftRecorded])
        .when(amend({ partyIds: [cddId, lazadaId, cddId] }))
        .thenThrows(ValidationError, 'partyIds[2] repeats partyIds[0]', 'partyIds[2]');
      spec
        .given([draftRecorded])
        .when(amend({ partyIds: [cddId, 'org-unknown'] }))
        .thenThrows(NotFoundError, 'organization org-unknown does not exist');
    });
  });

  describe('when it is signed', () => {
    it('refuses to be signed again, naming its status', () => {
      spec.given([draftRecorded, signed]).when(sign('2020-02-01')).thenThrows(ForbiddenTransitionError, `agreement ${agreementId} is SIGNED; only a DRAFT can be signed`);
    });

    it('is terminated, with its reason', () => {
      spec.given([draftRecorded, signed]).when(terminate({ terminatedOn: '30 มิ.ย. 2563' })).then([terminated]);
    });

    it('refuses a termination before the signing', () => {
      spec
        .given([draftRecorded, signed])
        .when(terminate({ terminatedOn: '2020-01-01' }))
        .thenThrows(ValidationError, 'terminatedOn 2020-01-01 is before the signing on 2020-01-15');
    });

    it('refuses a termination without a reason or a date', () => {
      spec.given([draftRecorded, signed]).when(terminate({ reason: '' })).thenThrows(ValidationError, 'reason must not be empty');
      spec
        .given([draftRecorded, signed])
        .when(terminate({ terminatedOn: undefined }))
        .thenThrows(ValidationError, 'terminatedOn must be a date string');
    });

    it('is amended and stays signed', () => {
      spec.given([draftRecorded, signed]).when(amend({ expiresOn: '2022-12-31' })).then([amended({ expiresOn: '2022-12-31' })]);
      const state = fold(agreementDecider, [draftRecorded, signed, amended({ expiresOn: '2022-12-31' })]);
      expect(state).toMatchObject({ status: 'SIGNED', signedOn: '2020-01-15', expiresOn: '2022-12-31' });
    });

    it('refuses an amended expiry before the signing', () => {
      spec
        .given([draftRecorded, signed])
        .when(amend({ expiresOn: '2019-12-31' }))
        .thenThrows(ValidationError, 'expiresOn 2019-12-31 is before signedOn 2020-01-15');
    });
  });

  describe('when it is terminated', () => {
    it('refuses to be terminated again, naming its status', () => {
      spec.given([draftRecorded, signed, terminated]).when(terminate()).thenThrows(ForbiddenTransitionError, `agreement ${agreementId} is already TERMINATED`);
    });

    it('refuses to be signed, naming its status', () => {
      spec.given([draftRecorded, signed, terminated]).when(sign('2020-07-01')).thenThrows(ForbiddenTransitionError, /is TERMINATED; only a DRAFT/);
    });

    it('refuses an amendment, naming its status', () => {
      spec
        .given([draftRecorded, signed, terminated])
        .when(amend({ title: { en: 'Too late' } }))
        .thenThrows(ConflictError, `agreement ${agreementId} is TERMINATED; only a DRAFT or SIGNED agreement can be amended`);
    });

    it('remembers when it was terminated', () => {
      expect(fold(agreementDecider, [draftRecorded, signed, terminated])).toMatchObject({ status: 'TERMINATED', terminatedOn: '2020-06-30' });
    });
  });

  describe('when it was never recorded', () => {
    it.each([
      ['a signing', sign('2020-01-15')],
      ['an amendment', amend({ title: { en: 'New' } })],
      ['a termination', terminate()],
    ])('refuses %s', (_what, command) => {
      spec.given([]).when(command).thenThrows(NotFoundError, `agreement ${agreementId} does not exist`);
    });
  });
});
