import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { deciderSpec, testMetadata as metadata } from '../testing';
import type { LogActivity } from './activity.commands';
import { activityDecider } from './activity.decider';
import type { ActivityLogged } from './activity.events';

const spec = deciderSpec(activityDecider);
const activityId = 'activity-meeting';
const programId = 'program-otop';
const [dieaId, cddId, lazadaId] = ['org-diea', 'org-cdd', 'org-lazada'];

const logMeeting = (data: Partial<LogActivity['data']> = {}): LogActivity => ({
  type: 'LogActivity',
  data: {
    activityId,
    programId,
    kind: 'MEETING',
    title: { en: 'OTOP online sales meeting' },
    startsOn: '๑๖ ธันวาคม ๒๕๖๒',
    location: { venue: ' Community Development Department ', city: 'Bangkok', country: 'th' },
    organizerIds: [dieaId, cddId],
    participants: [
      { name: { en: 'Zhang Zhuoyan' }, position: { en: 'Executive', th: '' }, organizationId: lazadaId },
      { name: { th: 'ไพบูลย์ บูรณสันติ' }, position: { en: '' } },
    ],
    topics: ['OTOP on Alibaba platforms', ' ', ' EEC logistics hub'],
    summary: 'Planning OTOP online sales.',
    knownOrganizationIds: [dieaId, cddId, lazadaId],
    program: { exists: true, status: 'ACTIVE' },
    ...data,
  },
  metadata,
});

const meetingLogged: ActivityLogged = {
  type: 'ActivityLogged',
  data: {
    activityId,
    programId,
    kind: 'MEETING',
    title: { en: 'OTOP online sales meeting' },
    startsOn: '2019-12-16',
    endsOn: '2019-12-16',
    location: { venue: 'Community Development Department', city: 'Bangkok', country: 'TH' },
    organizerIds: [dieaId, cddId],
    participants: [
      { name: { en: 'Zhang Zhuoyan' }, position: { en: 'Executive' }, organizationId: lazadaId },
      { name: { th: 'ไพบูลย์ บูรณสันติ' }, position: null, organizationId: null },
    ],
    topics: ['OTOP on Alibaba platforms', 'EEC logistics hub'],
    summary: 'Planning OTOP online sales.',
  },
};

describe('activity', () => {
  describe('when it is logged', () => {
    it('records a one-day activity ending the day it starts, with normalised details', () => {
      spec.given([]).when(logMeeting()).then([meetingLogged]);
    });

    it('records an activity over several days', () => {
      spec
        .given([])
        .when(logMeeting({ kind: 'FAIR', startsOn: '29/5/2562', endsOn: '1 มิ.ย. 2562' }))
        .then([{ type: 'ActivityLogged', data: { ...meetingLogged.data, kind: 'FAIR', startsOn: '2019-05-29', endsOn: '2019-06-01' } }]);
    });

    it('records an activity outside any program, with no details', () => {
      spec
        .given([])
        .when(
          logMeeting({
            programId: null,
            program: undefined,
            location: { venue: '', city: null },
            organizerIds: null,
            participants: undefined,
            topics: [],
            summary: ' ',
          }),
        )
        .then([
          {
            type: 'ActivityLogged',
            data: { ...meetingLogged.data, programId: null, location: null, organizerIds: [], participants: [], topics: [], summary: null },
          },
        ]);
    });

    it('refuses an end before the start', () => {
      spec
        .given([])
        .when(logMeeting({ endsOn: '2019-12-15' }))
        .thenThrows(ValidationError, 'endsOn 2019-12-15 is before startsOn 2019-12-16');
    });

    it('refuses an organizer that is not a registered organisation', () => {
      spec
        .given([])
        .when(logMeeting({ knownOrganizationIds: [cddId, lazadaId] }))
        .thenThrows(NotFoundError, `organization ${dieaId} does not exist`);
    });

    it("refuses a participant's organisation that is not registered", () => {
      spec
        .given([])
        .when(logMeeting({ knownOrganizationIds: [dieaId, cddId] }))
        .thenThrows(NotFoundError, `organization ${lazadaId} does not exist`);
    });

    it('refuses a participant without a name', () => {
      spec
        .given([])
        .when(logMeeting({ participants: [{ name: { en: ' ' } }] }))
        .thenThrows(ValidationError, /participants\[0\]\.name needs/);
    });

    // One rule for every list (validation.ts distinctList): a repeat is refused, never dropped.
    it('refuses an organiser named twice, naming the repeat (regression: it was silently dropped)', () => {
      spec
        .given([])
        .when(logMeeting({ organizerIds: [dieaId, cddId, dieaId] }))
        .thenThrows(ValidationError, 'organizerIds[2] repeats organizerIds[0]', 'organizerIds[2]');
    });

    it('refuses a topic given twice, whatever its case and spacing (regression: it was silently dropped)', () => {
      spec
        .given([])
        .when(logMeeting({ topics: ['OTOP on Alibaba platforms', ' ', '  otop on  ALIBABA platforms'] }))
        .thenThrows(ValidationError, 'topics[2] repeats topics[0]', 'topics[2]');
    });

    it('refuses a participant listed twice (regression: both were kept)', () => {
      spec
        .given([])
        .when(
          logMeeting({
            participants: [
              { name: { en: 'Zhang Zhuoyan' }, organizationId: lazadaId },
              { name: { th: 'ไพบูลย์ บูรณสันติ' } },
              { name: { en: ' zhang  zhuoyan ', zh: '张卓彦' }, position: { en: 'Executive' }, organizationId: lazadaId },
            ],
          }),
        )
        .thenThrows(ValidationError, 'participants[2] repeats participants[0]', 'participants[2]');
    });

    it('refuses a participant whose name in one language repeats another in the same organisation', () => {
      spec
        .given([])
        .when(
          logMeeting({
            participants: [
              { name: { th: 'ไพบูลย์ บูรณสันติ', en: 'Paiboon Buranasanti' } },
              { name: { th: 'ไพบูลย์ บูรณสันติ', en: 'Phaibun Buranasanti' } },
            ],
          }),
        )
        .thenThrows(ValidationError, 'participants[1] repeats participants[0]', 'participants[1]');
    });

    it('keeps two people of the same name from different organisations', () => {
      const participants = [
        { name: { en: 'Somchai' }, position: null, organizationId: cddId },
        { name: { en: 'Somchai' }, position: null, organizationId: lazadaId },
        { name: { en: 'Somchai' }, position: null, organizationId: null },
      ];
      spec
        .given([])
        .when(logMeeting({ participants }))
        .then([{ type: 'ActivityLogged', data: { ...meetingLogged.data, participants } }]);
    });

    it('refuses a title made only of invisible characters, naming the language', () => {
      spec
        .given([])
        .when(logMeeting({ title: { en: 'OTOP', th: '\u200B\u200D' } }))
        .thenThrows(ValidationError, /title\.th holds only invisible or combining characters/, 'title.th');
    });

    it('refuses a location country that is not an ISO code', () => {
      spec
        .given([])
        .when(logMeeting({ location: { country: 'Thailand' } }))
        .thenThrows(ValidationError, /location.country must be an ISO 3166-1 alpha-2 code/);
    });

    it('refuses a program that does not exist', () => {
      spec
        .given([])
        .when(logMeeting({ program: { exists: false } }))
        .thenThrows(NotFoundError, `program ${programId} does not exist`);
    });

    it('refuses to log it twice', () => {
      spec.given([meetingLogged]).when(logMeeting()).thenThrows(ConflictError, /already logged/);
    });
  });

  describe.each(['COMPLETED', 'CANCELLED'] as const)('when the program is %s', (status) => {
    it('refuses a new activity', () => {
      spec
        .given([])
        .when(logMeeting({ program: { exists: true, status } }))
        .thenThrows(ConflictError, `program ${programId} is ${status} and takes no new activities`);
    });
  });

  describe('when the program is on hold', () => {
    it('still takes an activity', () => {
      spec
        .given([])
        .when(logMeeting({ program: { exists: true, status: 'ON_HOLD' } }))
        .then([meetingLogged]);
    });
  });
});
