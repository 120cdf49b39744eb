import { referenceIds, type TrackerEvent } from '@tracker/domain';

type DataOf<T extends TrackerEvent['type']> = Extract<TrackerEvent, { type: T }>['data'];
type Sample<T extends TrackerEvent['type']> = (data?: Partial<DataOf<T>>) => Extract<TrackerEvent, { type: T }>;

function sample<T extends TrackerEvent['type']>(type: T, defaults: DataOf<T>): Sample<T> {
  return (data = {}) => ({ type, data: { ...defaults, ...data } }) as Extract<TrackerEvent, { type: T }>;
}

const ids = referenceIds;
const org = ids.organizations;

/**
 * One event of each type, about the reference case's program, for specs that need an event
 * of another aggregate (one the projection under test must leave alone). A spec about a
 * projection's own events writes them out in full, so its expected rows can be read beside them.
 */
export const sampleEvents = {
  organizationRegistered: sample('OrganizationRegistered', { organizationId: org.lazada, name: { en: 'Lazada' }, kind: 'COMPANY', country: 'TH', parentId: null }),
  organizationRenamed: sample('OrganizationRenamed', { organizationId: org.lazada, name: { en: 'Lazada (Thailand)' } }),
  organizationUpdated: sample('OrganizationUpdated', { organizationId: org.lazada, kind: 'COMPANY', country: 'TH', parentId: org.alibaba, reason: 'a company of the group' }),
  // A made-up duplicate of Lazada (the reference case's "registered twice" mistake), merged into it.
  organizationMerged: sample('OrganizationMerged', {
    organizationId: '10000000-0000-4000-8000-0000000000d7',
    survivorId: org.lazada,
    name: { en: 'Lazada Thailand' },
    reason: 'registered twice',
  }),
  programLaunched: sample('ProgramLaunched', { programId: ids.program, title: { en: 'OTOP e-commerce' }, summary: null, status: 'ACTIVE', startedOn: '2019-05-29' }),
  programPartnerAdded: sample('ProgramPartnerAdded', { programId: ids.program, organizationId: org.lazada, role: 'PLATFORM', joinedOn: '2019-12-16' }),
  programStatusChanged: sample('ProgramStatusChanged', { programId: ids.program, from: 'ACTIVE', to: 'ON_HOLD', reason: null }),
  programCorrected: sample('ProgramCorrected', {
    programId: ids.program,
    title: { en: 'OTOP to the world' },
    summary: null,
    startedOn: '2019-05-29',
    reason: 'official title',
  }),
  programPartnerRemoved: sample('ProgramPartnerRemoved', {
    programId: ids.program,
    organizationId: org.lazada,
    role: 'PLATFORM',
    leftOn: '2020-12-31',
    reason: 'contract ended',
  }),
  agreementRecorded: sample('AgreementRecorded', {
    agreementId: '60000000-0000-4000-8000-000000000001',
    title: { en: 'MoU on OTOP online sales' },
    partyIds: [org.cdd, org.lazada],
    programId: ids.program,
    status: 'DRAFT',
    signedOn: null,
    expiresOn: null,
  }),
  agreementSigned: sample('AgreementSigned', { agreementId: '60000000-0000-4000-8000-000000000001', signedOn: '2020-01-15', expiresOn: null }),
  agreementAmended: sample('AgreementAmended', {
    agreementId: '60000000-0000-4000-8000-000000000001',
    title: { en: 'MoU on training OTOP sellers online' },
    partyIds: [org.cdd, org.lazada],
    expiresOn: null,
    reason: 'clearer title',
  }),
  agreementTerminated: sample('AgreementTerminated', { agreementId: '60000000-0000-4000-8000-000000000001', terminatedOn: '2021-01-15', reason: 'superseded' }),
  activityLogged: sample('ActivityLogged', {
    activityId: ids.activities.cddMeeting,
    programId: ids.program,
    kind: 'MEETING',
    status: 'HELD',
    title: { en: 'Meeting on OTOP sales online' },
    startsOn: '2019-12-16',
    endsOn: '2019-12-16',
    location: null,
    organizerIds: [org.cdd],
    participants: [],
    topics: [],
    summary: null,
  }),
  activityCorrected: sample('ActivityCorrected', {
    activityId: ids.activities.cddMeeting,
    programId: ids.program,
    kind: 'MEETING',
    status: 'HELD',
    title: { en: 'Meeting on OTOP sales online' },
    startsOn: '2019-12-16',
    endsOn: '2019-12-16',
    location: null,
    organizerIds: [org.cdd],
    participants: [],
    topics: ['OTOP on Lazada'],
    summary: null,
    changed: ['topics'],
    previousProgramId: ids.program,
    reason: 'minutes received',
  }),
  activityCancelled: sample('ActivityCancelled', { activityId: ids.activities.cddMeeting, programId: ids.program, previousStatus: 'HELD', reason: 'called off' }),
  outcomeRecorded: sample('OutcomeRecorded', {
    outcomeId: ids.outcomes.shanghaiFairRevenue,
    programId: ids.program,
    activityId: ids.activities.shanghaiFair,
    kind: 'REVENUE',
    amount: '10000000.00',
    currency: 'THB',
    quantity: null,
    description: null,
  }),
  outcomeCorrected: sample('OutcomeCorrected', {
    outcomeId: ids.outcomes.shanghaiFairRevenue,
    programId: ids.program,
    amount: '12000000.00',
    currency: 'THB',
    quantity: null,
    description: null,
    reason: 'final report',
  }),
  outcomeVoided: sample('OutcomeVoided', { outcomeId: ids.outcomes.shanghaiFairRevenue, programId: ids.program, reason: 'entered twice' }),
  followUpAdded: sample('FollowUpAdded', {
    followUpId: ids.followUps.lazadaOnlineTraining,
    activityId: ids.activities.cddMeeting,
    programId: ids.program,
    description: 'Train OTOP SMEs to sell online',
    ownerId: org.lazada,
    dueOn: null,
  }),
  followUpClosed: sample('FollowUpClosed', { followUpId: ids.followUps.lazadaOnlineTraining, status: 'DONE', note: null, closedOn: '2020-02-01' }),
  followUpUpdated: sample('FollowUpUpdated', {
    followUpId: ids.followUps.lazadaOnlineTraining,
    activityId: ids.activities.cddMeeting,
    programId: ids.program,
    description: 'Train OTOP SMEs to sell online',
    ownerId: org.cdd,
    dueOn: '2020-06-30',
    changed: ['ownerId', 'dueOn'],
    reason: 'the CDD runs the course',
  }),
  followUpReopened: sample('FollowUpReopened', {
    followUpId: ids.followUps.lazadaOnlineTraining,
    activityId: ids.activities.cddMeeting,
    programId: ids.program,
    description: 'Train OTOP SMEs to sell online',
    ownerId: org.lazada,
    dueOn: null,
    previousStatus: 'DONE',
    reason: 'only half of the SMEs were trained',
  }),
} satisfies { [T in TrackerEvent['type'] as Uncapitalize<T>]: Sample<T> };
