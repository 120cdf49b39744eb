import { referenceIds, type ProgramLaunched, type ProgramPartnerAdded, type ProgramStatusChanged } from '@tracker/domain';
import { bookkeeping, projectionSpec, stored, type ProjectionSpecCase } from '../testing/projection-spec';
import { sampleEvents } from '../testing/sample-events';
import { programsProjection } from './programs.projection';

const programId = referenceIds.program;
const { cdd, lazada } = referenceIds.organizations;

const launched: ProgramLaunched = {
  type: 'ProgramLaunched',
  data: { programId, title: { th: 'โอทอปออนไลน์', en: 'OTOP Online' }, summary: 'Community products sold online', status: 'PROPOSED', startedOn: '2019-05-29' },
};
const cddLeads: ProgramPartnerAdded = { type: 'ProgramPartnerAdded', data: { programId, organizationId: cdd, role: 'LEAD', joinedOn: '2019-05-29' } };
const lazadaJoins: ProgramPartnerAdded = { type: 'ProgramPartnerAdded', data: { programId, organizationId: lazada, role: 'PLATFORM', joinedOn: null } };
const activated: ProgramStatusChanged = { type: 'ProgramStatusChanged', data: { programId, from: 'PROPOSED', to: 'ACTIVE', reason: 'budget approved' } };

const launch = stored(launched, { position: 1 });
const cddLeading = stored(cddLeads, { position: 2, version: 2 });
const lazadaJoining = stored(lazadaJoins, { position: 3, version: 3 });
const activation = stored(activated, { position: 4, version: 4 });

const asLaunched = {
  id: programId,
  title: { th: 'โอทอปออนไลน์', en: 'OTOP Online' },
  summary: 'Community products sold online',
  status: 'PROPOSED',
  started_on: '2019-05-29',
  partners: [],
  search_text: 'โอทอปออนไลน otop online community products sold online',
  ...bookkeeping({ version: 1, created: 1, last: 1 }),
};
const cddPartner = { organizationId: cdd, role: 'LEAD', joinedOn: '2019-05-29' };
const lazadaPartner = { organizationId: lazada, role: 'PLATFORM', joinedOn: null };

const spec = projectionSpec(programsProjection);

export const programsProjectionSpecs: ProjectionSpecCase[] = [
  spec('adds a row with no partners when a program is launched').given().when(launch).then({ programs: [asLaunched] }),

  spec('keeps a program launched with no summary and no start date')
    .given(stored({ ...launched, data: { ...launched.data, summary: null, startedOn: null } }, { position: 1 }))
    .then({ programs: [{ ...asLaunched, summary: null, started_on: null, search_text: 'โอทอปออนไลน otop online' }] }),

  spec('lists a partner when one is added').given(launch).when(cddLeading).then({
    programs: [{ ...asLaunched, partners: [cddPartner], ...bookkeeping({ version: 2, created: 1, last: 2 }) }],
  }),

  spec('lists partners in the order they joined').given(launch, cddLeading).when(lazadaJoining).then({
    programs: [{ ...asLaunched, partners: [cddPartner, lazadaPartner], ...bookkeeping({ version: 3, created: 1, last: 3 }) }],
  }),

  spec('takes the new status when the status changes, keeping the partners').given(launch, cddLeading).when(activation).then({
    programs: [{ ...asLaunched, status: 'ACTIVE', partners: [cddPartner], ...bookkeeping({ version: 4, created: 1, last: 4 }) }],
  }),

  spec('lists a partner once when its joining is delivered again').given(launch, cddLeading, lazadaJoining).when(cddLeading).then({
    programs: [{ ...asLaunched, partners: [cddPartner, lazadaPartner], ...bookkeeping({ version: 3, created: 1, last: 3 }) }],
  }),

  spec('keeps the later status when the launch is delivered again').given(launch, activation).when(launch).then({
    programs: [{ ...asLaunched, status: 'ACTIVE', ...bookkeeping({ version: 4, created: 1, last: 4 }) }],
  }),

  spec('adds no row for a partner of a program it never saw launched').given().when(cddLeading, activation).then({ programs: [] }),

  spec('leaves the program alone when an activity, an agreement, an outcome or a follow-up names it')
    .given(launch)
    .when(
      stored(sampleEvents.activityLogged({ programId }), { position: 5 }),
      stored(sampleEvents.agreementRecorded({ programId }), { position: 6 }),
      stored(sampleEvents.outcomeRecorded({ programId }), { position: 7 }),
      stored(sampleEvents.followUpAdded({ programId }), { position: 8 }),
    )
    .then({ programs: [asLaunched] }),

  spec('leaves the program alone when a partner is renamed')
    .given(launch, cddLeading)
    .when(stored(sampleEvents.organizationRenamed({ organizationId: cdd }), { position: 5, version: 2 }))
    .then({ programs: [{ ...asLaunched, partners: [cddPartner], ...bookkeeping({ version: 2, created: 1, last: 2 }) }] }),
];
