import { referenceIds, type ActivityLogged, type ActivityLoggedV1 } from '@tracker/domain';
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

/** As stored before startsOn/endsOn: one date. */
const { startsOn: _startsOn, endsOn: _endsOn, ...fairWithoutDates } = fair.data;
const loggedV1: ActivityLoggedV1 = {
  type: 'ActivityLogged',
  data: { ...fairWithoutDates, location: null, date: '2019-05-29' },
};

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
