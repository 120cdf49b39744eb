import { referenceIds, type AgreementRecorded, type AgreementSigned, type AgreementTerminated } from '@tracker/domain';
import { bookkeeping, projectionSpec, stored, type ProjectionSpecCase } from '../testing/projection-spec';
import { sampleEvents } from '../testing/sample-events';
import { agreementsProjection } from './agreements.projection';

const agreementId = '60000000-0000-4000-8000-000000000002';
const programId = referenceIds.program;
const { cdd, lazada } = referenceIds.organizations;

const recorded: AgreementRecorded = {
  type: 'AgreementRecorded',
  data: {
    agreementId,
    title: { th: 'บันทึกความเข้าใจ', en: 'Memorandum of understanding on OTOP online' },
    partyIds: [cdd, lazada],
    programId,
    status: 'DRAFT',
    signedOn: null,
    expiresOn: '2022-12-31',
  },
};
const signed: AgreementSigned = { type: 'AgreementSigned', data: { agreementId, signedOn: '2020-01-15' } };
const terminated: AgreementTerminated = { type: 'AgreementTerminated', data: { agreementId, terminatedOn: '2021-06-30', reason: 'programme ended early' } };

const recording = stored(recorded, { position: 1 });
const signing = stored(signed, { position: 2, version: 2 });
const termination = stored(terminated, { position: 3, version: 3 });

const asDraft = {
  id: agreementId,
  title: { th: 'บันทึกความเข้าใจ', en: 'Memorandum of understanding on OTOP online' },
  party_ids: [cdd, lazada],
  program_id: programId,
  status: 'DRAFT',
  signed_on: null,
  expires_on: '2022-12-31',
  terminated_on: null,
  ...bookkeeping({ version: 1, created: 1, last: 1 }),
};
const asSigned = { ...asDraft, status: 'SIGNED', signed_on: '2020-01-15', ...bookkeeping({ version: 2, created: 1, last: 2 }) };
const asTerminated = { ...asSigned, status: 'TERMINATED', terminated_on: '2021-06-30', ...bookkeeping({ version: 3, created: 1, last: 3 }) };

const spec = projectionSpec(agreementsProjection);

export const agreementsProjectionSpecs: ProjectionSpecCase[] = [
  spec('adds a row when a draft agreement is recorded').given().when(recording).then({ agreements: [asDraft] }),

  spec('keeps an agreement recorded as already signed, outside any program')
    .given(stored({ ...recorded, data: { ...recorded.data, status: 'SIGNED', signedOn: '2019-12-16', programId: null, expiresOn: null } }, { position: 1 }))
    .then({ agreements: [{ ...asDraft, status: 'SIGNED', signed_on: '2019-12-16', program_id: null, expires_on: null }] }),

  spec('marks the agreement signed, on its date, when it is signed').given(recording).when(signing).then({ agreements: [asSigned] }),

  spec('marks the agreement terminated, on its date, when it is terminated').given(recording, signing).when(termination).then({ agreements: [asTerminated] }),

  spec('stays terminated when the signing is delivered again').given(recording, signing, termination).when(signing).then({ agreements: [asTerminated] }),

  spec('stays signed when the recording is delivered again').given(recording, signing).when(recording).then({ agreements: [asSigned] }),

  spec('adds no row when an agreement it never saw recorded is signed or terminated').given().when(signing, termination).then({ agreements: [] }),

  spec('leaves the agreement alone when its program changes status or a party is renamed')
    .given(recording)
    .when(
      stored(sampleEvents.programStatusChanged({ programId }), { position: 4 }),
      stored(sampleEvents.organizationRenamed({ organizationId: lazada }), { position: 5 }),
    )
    .then({ agreements: [asDraft] }),
];
