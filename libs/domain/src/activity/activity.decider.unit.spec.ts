import { ConflictError, ForbiddenTransitionError, NotFoundError, ValidationError } from '../shared/errors';
import { deciderSpec, testMetadata as metadata } from '../testing';
import type { CancelActivity, CorrectActivity, LogActivity } from './activity.commands';
import { activityDecider } from './activity.decider';
import type { ActivityCancelled, ActivityCorrected, ActivityLogged } from './activity.events';

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
    status: 'HELD',
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

    it('records a planned activity', () => {
      spec
        .given([])
        .when(logMeeting({ status: 'PLANNED' }))
        .then([{ type: 'ActivityLogged', data: { ...meetingLogged.data, status: 'PLANNED' } }]);
    });

    it('refuses to log an activity as cancelled: cancelling has its own command and reason', () => {
      spec.given([]).when(logMeeting({ status: 'CANCELLED' })).thenThrows(ValidationError, /CANCELLED is set by cancelActivity/);
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

const otherProgramId = 'program-other';
const paiboon = { name: { th: 'ไพบูลย์ บูรณสันติ', en: 'Paiboon Buranasanti' }, position: null, organizationId: cddId };

const correct = (data: Partial<CorrectActivity['data']>): CorrectActivity => ({
  type: 'CorrectActivity',
  data: { activityId, reason: 'Checked against the minutes', knownOrganizationIds: [dieaId, cddId, lazadaId], ...data },
  metadata,
});
const cancel = (reason = 'The meeting was called off'): CancelActivity => ({ type: 'CancelActivity', data: { activityId, reason }, metadata });

/** The meeting first logged a month early, without Paiboon: the mistake of the reference case's tests. */
const loggedWrong: ActivityLogged = {
  type: 'ActivityLogged',
  data: { ...meetingLogged.data, startsOn: '2019-11-16', endsOn: '2019-11-16', participants: [meetingLogged.data.participants[0]] },
};
const correctedTo = (
  data: Partial<ActivityCorrected['data']> & Pick<ActivityCorrected['data'], 'changed'>,
  from: ActivityLogged = loggedWrong,
): ActivityCorrected => ({
  type: 'ActivityCorrected',
  data: { ...from.data, previousProgramId: from.data.programId, reason: 'Checked against the minutes', ...data },
});
const cancelled: ActivityCancelled = {
  type: 'ActivityCancelled',
  data: { activityId, programId, previousStatus: 'HELD', reason: 'The meeting was called off' },
};

describe('activity corrections', () => {
  describe('when the date and the participants were wrong', () => {
    it('records the whole corrected activity, what changed and why; a one-day activity stays one day', () => {
      spec
        .given([loggedWrong])
        .when(correct({ startsOn: '๑๖ ธันวาคม ๒๕๖๒', participants: [...meetingLogged.data.participants, paiboon] }))
        .then([
          correctedTo({
            startsOn: '2019-12-16',
            endsOn: '2019-12-16',
            participants: [...meetingLogged.data.participants, paiboon],
            changed: ['startsOn', 'endsOn', 'participants'],
          }),
        ]);
    });

    it('keeps the end of an activity over several days, and refuses a start after it', () => {
      const fair: ActivityLogged = { type: 'ActivityLogged', data: { ...meetingLogged.data, kind: 'FAIR', startsOn: '2019-05-29', endsOn: '2019-06-01' } };
      spec
        .given([fair])
        .when(correct({ startsOn: '2019-05-30' }))
        .then([correctedTo({ startsOn: '2019-05-30', changed: ['startsOn'] }, fair)]);
      spec.given([fair]).when(correct({ startsOn: '2019-06-02' })).thenThrows(ValidationError, 'endsOn 2019-06-01 is before startsOn 2019-06-02');
    });

    it('makes an activity over several days a one-day one when endsOn is cleared', () => {
      const fair: ActivityLogged = { type: 'ActivityLogged', data: { ...meetingLogged.data, startsOn: '2019-05-29', endsOn: '2019-06-01' } };
      spec
        .given([fair])
        .when(correct({ endsOn: null }))
        .then([correctedTo({ endsOn: '2019-05-29', changed: ['endsOn'] }, fair)]);
    });

    it('refuses an organisation in a new participant list that is not registered', () => {
      spec
        .given([loggedWrong])
        .when(correct({ participants: [paiboon], knownOrganizationIds: [dieaId] }))
        .thenThrows(NotFoundError, `organization ${cddId} does not exist`);
    });
  });

  describe('omitted, null and given fields', () => {
    it('clears optional fields given as null and empties lists given as null', () => {
      spec
        .given([meetingLogged])
        .when(correct({ location: null, summary: null, topics: null, organizerIds: [] }))
        .then([
          correctedTo(
            { location: null, summary: null, topics: [], organizerIds: [], changed: ['location', 'organizerIds', 'topics', 'summary'] },
            meetingLogged,
          ),
        ]);
    });

    it('replaces a list given as a whole, and the location as a whole', () => {
      spec
        .given([meetingLogged])
        .when(correct({ topics: ['EEC logistics hub'], location: { city: 'Nonthaburi' } }))
        .then([
          correctedTo(
            { topics: ['EEC logistics hub'], location: { venue: null, city: 'Nonthaburi', country: null }, changed: ['location', 'topics'] },
            meetingLogged,
          ),
        ]);
    });

    it.each(['kind', 'status', 'title', 'startsOn'] as const)('refuses to clear the required field %s', (field) => {
      spec
        .given([meetingLogged])
        .when(correct({ [field]: null }))
        .thenThrows(ValidationError, `${field} cannot be cleared`);
    });

    it('refuses a correction that changes nothing, even written another way', () => {
      spec
        .given([meetingLogged])
        .when(correct({ startsOn: '16/12/2562', title: { en: ' OTOP online sales meeting ' }, location: { ...meetingLogged.data.location, country: 'th' } }))
        .thenThrows(ValidationError, /leaves activity activity-meeting as it is/);
    });

    it('requires a reason', () => {
      spec.given([meetingLogged]).when(correct({ summary: null, reason: ' ' })).thenThrows(ValidationError, 'reason must not be empty');
    });

    it('refuses to correct an activity never logged', () => {
      spec.given([]).when(correct({ summary: null })).thenThrows(NotFoundError, `activity ${activityId} does not exist`);
    });

    it('applies one correction after another', () => {
      const first = correctedTo({ summary: null, changed: ['summary'] }, meetingLogged);
      spec
        .given([meetingLogged, first])
        .when(correct({ kind: 'WORKSHOP' }))
        .then([correctedTo({ summary: null, kind: 'WORKSHOP', changed: ['kind'] }, meetingLogged)]);
    });
  });

  describe('status', () => {
    it('moves between PLANNED and HELD', () => {
      const planned: ActivityLogged = { type: 'ActivityLogged', data: { ...meetingLogged.data, status: 'PLANNED' } };
      spec.given([planned]).when(correct({ status: 'HELD' })).then([correctedTo({ status: 'HELD', changed: ['status'] }, planned)]);
    });

    it('is never set to CANCELLED by a correction', () => {
      spec.given([meetingLogged]).when(correct({ status: 'CANCELLED' })).thenThrows(ValidationError, /set by cancelActivity/);
    });
  });

  describe('moving the activity to another program', () => {
    it('names the program it left', () => {
      spec
        .given([meetingLogged])
        .when(correct({ programId: otherProgramId, program: { exists: true, status: 'ON_HOLD' } }))
        .then([correctedTo({ programId: otherProgramId, previousProgramId: programId, changed: ['programId'] }, meetingLogged)]);
    });

    it.each(['COMPLETED', 'CANCELLED'] as const)('refuses a %s program, as logging does', (status) => {
      spec
        .given([meetingLogged])
        .when(correct({ programId: otherProgramId, program: { exists: true, status } }))
        .thenThrows(ConflictError, `program ${otherProgramId} is ${status} and takes no new activities`);
    });

    it('refuses a program that does not exist', () => {
      spec
        .given([meetingLogged])
        .when(correct({ programId: otherProgramId, program: { exists: false } }))
        .thenThrows(NotFoundError, `program ${otherProgramId} does not exist`);
    });

    it('needs no program facts when the correction names the program it is in, whatever its status', () => {
      spec.given([meetingLogged]).when(correct({ programId, summary: null })).then([correctedTo({ summary: null, changed: ['summary'] }, meetingLogged)]);
    });

    it('refuses to take the activity out of every program', () => {
      spec.given([meetingLogged]).when(correct({ programId: null })).thenThrows(ValidationError, /programId cannot be cleared/);
    });

    it('puts an activity logged outside any program into one', () => {
      const loose: ActivityLogged = { type: 'ActivityLogged', data: { ...meetingLogged.data, programId: null } };
      spec
        .given([loose])
        .when(correct({ programId, program: { exists: true, status: 'ACTIVE' } }))
        .then([correctedTo({ programId, previousProgramId: null, changed: ['programId'] }, loose)]);
    });
  });

  describe('when the activity is cancelled', () => {
    it('refuses a correction that leaves it cancelled', () => {
      spec.given([meetingLogged, cancelled]).when(correct({ summary: null })).thenThrows(ConflictError, /is CANCELLED/);
    });

    it('takes a correction that sets its status back, reinstating it', () => {
      spec
        .given([meetingLogged, cancelled])
        .when(correct({ status: 'PLANNED', startsOn: '2020-01-20' }))
        .then([
          {
            type: 'ActivityCorrected',
            data: {
              ...meetingLogged.data,
              status: 'PLANNED',
              startsOn: '2020-01-20',
              endsOn: '2020-01-20',
              changed: ['status', 'startsOn', 'endsOn'],
              previousProgramId: programId,
              reason: 'Checked against the minutes',
            },
          },
        ]);
    });
  });
});

describe('activity cancellation', () => {
  it('records the status it left and the reason', () => {
    spec.given([meetingLogged]).when(cancel()).then([cancelled]);
  });

  it('refuses to cancel it twice, naming the status', () => {
    spec.given([meetingLogged, cancelled]).when(cancel()).thenThrows(ForbiddenTransitionError, 'is already CANCELLED');
  });

  it('requires a reason', () => {
    spec.given([meetingLogged]).when(cancel('')).thenThrows(ValidationError, 'reason must not be empty');
  });

  it('refuses an activity never logged', () => {
    spec.given([]).when(cancel()).thenThrows(NotFoundError, `activity ${activityId} does not exist`);
  });

  it('can be cancelled again once reinstated', () => {
    const reinstated = correctedTo({ status: 'HELD', changed: ['status'] }, meetingLogged);
    spec.given([meetingLogged, cancelled, reinstated]).when(cancel()).then([cancelled]);
  });
});
