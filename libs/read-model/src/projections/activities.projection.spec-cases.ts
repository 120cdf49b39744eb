import { referenceIds, type ActivityCancelled, type ActivityCorrected, type ActivityLogged, type ActivityLoggedV1, type ActivityLoggedV2 } from '@tracker/domain';
import { bookkeeping, projectionSpec, stored, storedOldShape, type ProjectionSpecCase } from '../testing/projection-spec';
import { sampleEvents } from '../testing/sample-events';
import { activitiesProjection } from './activities.projection';

const activityId = referenceIds.activities.cddMeeting;
const programId = referenceIds.program;
const { diea, cdd, lazada } = referenceIds.organizations;

const logged: ActivityLogged = {
  type: 'ActivityLogged',
  data: {
    activityId,
    programId,
    kind: 'MEETING',
    status: 'HELD',
    title: { th: 'หารือการขายสินค้าโอทอป', en: 'Meeting on OTOP Sales' },
    startsOn: '2019-12-16',
    endsOn: '2019-12-16',
    location: { venue: 'Community Development Department', city: 'Bangkok', country: 'TH' },
    organizerIds: [diea, cdd],
    participants: [
      { name: { en: 'Piyapak' }, position: { en: 'Deputy Director-General' }, organizationId: diea },
      { name: { en: 'Zhang Zhuoyan' }, position: null, organizationId: lazada },
      { name: { en: 'Jirawan' }, position: null, organizationId: lazada },
      { name: { th: 'แขกรับเชิญ' }, position: null, organizationId: null },
    ],
    topics: ['OTOP on Lazada', 'Online Training'],
    summary: 'Plan for OTOP SMEs',
  },
};

const logging = stored(logged, { position: 1 });

const asLogged = {
  id: activityId,
  kind: 'MEETING',
  status: 'HELD',
  title: { th: 'หารือการขายสินค้าโอทอป', en: 'Meeting on OTOP Sales' },
  program_id: programId,
  starts_on: '2019-12-16',
  ends_on: '2019-12-16',
  location: { venue: 'Community Development Department', city: 'Bangkok', country: 'TH' },
  organizer_ids: [diea, cdd],
  participants: [
    { name: { en: 'Piyapak' }, position: { en: 'Deputy Director-General' }, organizationId: diea },
    { name: { en: 'Zhang Zhuoyan' }, position: null, organizationId: lazada },
    { name: { en: 'Jirawan' }, position: null, organizationId: lazada },
    { name: { th: 'แขกรับเชิญ' }, position: null, organizationId: null },
  ],
  // Organisers first, then the participants' organisations, each once.
  organization_ids: [diea, cdd, lazada],
  topics: ['OTOP on Lazada', 'Online Training'],
  summary: 'Plan for OTOP SMEs',
  search_text: 'หารือการขายสินคาโอทอป meeting on otop sales plan for otop smes otop on lazada online training',
  ...bookkeeping({ version: 1, created: 1, last: 1 }),
};

const fair: ActivityLogged = {
  type: 'ActivityLogged',
  data: {
    activityId: referenceIds.activities.shanghaiFair,
    programId: null,
    kind: 'FAIR',
    status: 'PLANNED',
    title: { zh: '上海泰国节' },
    startsOn: '2019-05-29',
    endsOn: '2019-06-01',
    location: { venue: null, city: 'Shanghai', country: null },
    organizerIds: [cdd],
    participants: [],
    topics: [],
    summary: null,
  },
};

/** As stored before startsOn/endsOn: one date (and before statuses). */
const { startsOn: _startsOn, endsOn: _endsOn, status: _status, ...fairWithoutDates } = fair.data;
const loggedV1: ActivityLoggedV1 = {
  type: 'ActivityLogged',
  data: { ...fairWithoutDates, location: null, date: '2019-05-29' },
};

/** As stored before statuses (schema version 2): every activity logged had taken place. */
const { status: _loggedStatus, ...meetingWithoutStatus } = logged.data;
const loggedV2: ActivityLoggedV2 = { type: 'ActivityLogged', data: meetingWithoutStatus };

/** The meeting corrected: the whole activity after the correction, as the event carries it. */
const corrected = (data: Partial<ActivityCorrected['data']>): ActivityCorrected => ({
  type: 'ActivityCorrected',
  data: { ...logged.data, changed: [], previousProgramId: programId, reason: 'minutes received', ...data },
});
const otherProgramId = '20000000-0000-4000-8000-000000000002';
const correctingDate = stored(
  corrected({ startsOn: '2019-12-17', endsOn: '2019-12-17', participants: [], summary: null, changed: ['startsOn', 'endsOn', 'participants', 'summary'] }),
  { position: 2, version: 2 },
);
const asDateCorrected = {
  ...asLogged,
  starts_on: '2019-12-17',
  ends_on: '2019-12-17',
  participants: [],
  organization_ids: [diea, cdd],
  summary: null,
  search_text: 'หารือการขายสินคาโอทอป meeting on otop sales otop on lazada online training',
  ...bookkeeping({ version: 2, created: 1, last: 2 }),
};
const moving = stored(corrected({ programId: otherProgramId, changed: ['programId'] }), { position: 3, version: 3 });
const cancelled: ActivityCancelled = { type: 'ActivityCancelled', data: { activityId, programId, previousStatus: 'HELD', reason: 'called off' } };
const cancelling = stored(cancelled, { position: 2, version: 2 });

const spec = projectionSpec(activitiesProjection);

export const activitiesProjectionSpecs: ProjectionSpecCase[] = [
  spec('adds a row, with every organisation taking part, when an activity is logged').given().when(logging).then({ activities: [asLogged] }),

  spec('keeps a fair of several days outside any program, with only part of its location')
    .given(stored(fair, { position: 1 }))
    .then({
      activities: [
        {
          id: referenceIds.activities.shanghaiFair,
          kind: 'FAIR',
          status: 'PLANNED',
          title: { zh: '上海泰国节' },
          program_id: null,
          starts_on: '2019-05-29',
          ends_on: '2019-06-01',
          location: { venue: null, city: 'Shanghai', country: null },
          organizer_ids: [cdd],
          participants: [],
          organization_ids: [cdd],
          topics: [],
          summary: null,
          search_text: '上海泰国节',
          ...bookkeeping({ version: 1, created: 1, last: 1 }),
        },
      ],
    }),

  spec('reads a one-day activity stored in the first shape (one date) as starting and ending that day')
    .given(storedOldShape(1, loggedV1, { position: 1 }))
    .then({
      activities: [
        {
          id: referenceIds.activities.shanghaiFair,
          kind: 'FAIR',
          status: 'HELD',
          title: { zh: '上海泰国节' },
          program_id: null,
          starts_on: '2019-05-29',
          ends_on: '2019-05-29',
          location: null,
          organizer_ids: [cdd],
          participants: [],
          organization_ids: [cdd],
          topics: [],
          summary: null,
          search_text: '上海泰国节',
          ...bookkeeping({ version: 1, created: 1, last: 1 }),
        },
      ],
    }),

  spec('changes nothing when the logging is delivered again').given(logging).when(logging).then({ activities: [asLogged] }),

  spec('reads an activity stored before statuses (version 2) as HELD')
    .given(storedOldShape(2, loggedV2, { position: 1 }))
    .then({ activities: [asLogged] }),

  spec('writes the whole activity as corrected, keeping when it was created')
    .given(logging)
    .when(correctingDate)
    .then({ activities: [asDateCorrected] }),

  spec('takes the program an activity moved to from its correction')
    .given(logging)
    .when(moving)
    .then({ activities: [{ ...asLogged, program_id: otherProgramId, ...bookkeeping({ version: 3, created: 1, last: 3 }) }] }),

  spec('builds the row from a correction alone, as the replay of the program the activity moved to does')
    .given()
    .when(moving)
    .then({ activities: [{ ...asLogged, program_id: otherProgramId, ...bookkeeping({ version: 3, created: 3, last: 3 }) }] }),

  spec('keeps the latest correction when an earlier one is delivered again')
    .given(logging, correctingDate, moving)
    .when(correctingDate)
    .then({ activities: [{ ...asLogged, program_id: otherProgramId, ...bookkeeping({ version: 3, created: 1, last: 3 }) }] }),

  spec('marks the activity CANCELLED when it is cancelled, once').given(logging, cancelling).when(cancelling).then({
    activities: [{ ...asLogged, status: 'CANCELLED', ...bookkeeping({ version: 2, created: 1, last: 2 }) }],
  }),

  spec('adds no row for the cancellation of an activity it never saw logged').given().when(cancelling).then({ activities: [] }),

  spec('leaves the activity alone when an outcome or a follow-up names it, or an organiser is renamed')
    .given(logging)
    .when(
      stored(sampleEvents.outcomeRecorded({ activityId }), { position: 2 }),
      stored(sampleEvents.followUpAdded({ activityId }), { position: 3 }),
      stored(sampleEvents.organizationRenamed({ organizationId: cdd }), { position: 4, version: 2 }),
    )
    .then({ activities: [asLogged] }),

  spec('adds no row for the events of a program').given(stored(sampleEvents.programLaunched({ programId }), { position: 1 })).then({ activities: [] }),
];
