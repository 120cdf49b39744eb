import { eventSchemaVersions, eventTypes, isEventType, occurredOnOf, type TrackerEvent } from './tracker.events';
import { upcast } from './tracker.upcasters';

describe('tracker events', () => {
  it('registers a schema version for every event type, names in the past tense without an Event suffix', () => {
    expect(eventTypes.sort()).toEqual(
      [
        'ActivityCancelled',
        'ActivityCorrected',
        'ActivityLogged',
        'AgreementAmended',
        'AgreementRecorded',
        'AgreementSigned',
        'AgreementTerminated',
        'FollowUpAdded',
        'FollowUpClosed',
        'FollowUpReopened',
        'FollowUpUpdated',
        'OrganizationRegistered',
        'OrganizationRenamed',
        'OrganizationUpdated',
        'OrganizationMerged',
        'OutcomeCorrected',
        'OutcomeRecorded',
        'ProgramCorrected',
        'OutcomeVoided',
        'ProgramLaunched',
        'ProgramPartnerAdded',
        'ProgramPartnerRemoved',
        'ProgramStatusChanged',
      ].sort(),
    );
    expect(eventSchemaVersions.ActivityLogged).toBe(3);
    expect(eventSchemaVersions.ProgramLaunched).toBe(1);
    expect(isEventType('ActivityLogged')).toBe(true);
    expect(isEventType('toString')).toBe(false);
  });

  describe('occurredOnOf', () => {
    const cases: Array<[TrackerEvent, string | null]> = [
      [
        {
          type: 'ActivityLogged',
          data: {
            activityId: 'a',
            programId: null,
            kind: 'FAIR',
            status: 'HELD',
            title: { en: 'Fair' },
            startsOn: '2019-05-29',
            endsOn: '2019-06-01',
            location: null,
            organizerIds: [],
            participants: [],
            topics: [],
            summary: null,
          },
        },
        '2019-05-29',
      ],
      [
        { type: 'ProgramLaunched', data: { programId: 'p', title: { en: 'P' }, summary: null, status: 'ACTIVE', startedOn: '2019-05-29' } },
        '2019-05-29',
      ],
      [{ type: 'AgreementSigned', data: { agreementId: 'g', signedOn: '2020-01-15', expiresOn: null } }, '2020-01-15'],
      [{ type: 'AgreementTerminated', data: { agreementId: 'g', terminatedOn: '2021-03-31', reason: 'Replaced' } }, '2021-03-31'],
      [
        { type: 'AgreementAmended', data: { agreementId: 'g', title: { en: 'G' }, partyIds: ['o', 'p'], expiresOn: null, reason: 'Typo' } },
        null,
      ],
      [
        { type: 'ProgramPartnerRemoved', data: { programId: 'p', organizationId: 'o', role: 'MARKETING', leftOn: '2020-02-01', reason: 'Ended' } },
        '2020-02-01',
      ],
      [
        { type: 'ProgramCorrected', data: { programId: 'p', title: { en: 'P' }, summary: null, startedOn: '2019-05-29', reason: 'Typo' } },
        null,
      ],
      [{ type: 'FollowUpClosed', data: { followUpId: 'f', status: 'DONE', note: null, closedOn: '2020-03-01' } }, '2020-03-01'],
      [
        {
          type: 'FollowUpAdded',
          data: { followUpId: 'f', activityId: 'a', programId: null, description: 'd', ownerId: null, dueOn: '2020-06-30' },
        },
        null,
      ],
      [{ type: 'OrganizationRenamed', data: { organizationId: 'o', name: { en: 'O' } } }, null],
      // Recorded when it was decided: BusinessDates counts the recording day for them.
      [
        {
          type: 'FollowUpUpdated',
          data: { followUpId: 'f', activityId: 'a', programId: null, description: 'd', ownerId: null, dueOn: '2020-06-30', changed: ['dueOn'], reason: 'r' },
        },
        null,
      ],
      [
        {
          type: 'FollowUpReopened',
          data: { followUpId: 'f', activityId: 'a', programId: null, description: 'd', ownerId: null, dueOn: null, previousStatus: 'DONE', reason: 'r' },
        },
        null,
      ],
      [
        {
          type: 'ActivityCorrected',
          data: {
            activityId: 'a',
            programId: 'p',
            kind: 'MEETING',
            status: 'HELD',
            title: { en: 'Meeting' },
            startsOn: '2019-12-16',
            endsOn: '2019-12-16',
            location: null,
            organizerIds: [],
            participants: [],
            topics: [],
            summary: null,
            changed: ['startsOn', 'endsOn'],
            previousProgramId: 'p',
            reason: 'The minutes say December',
          },
        },
        '2019-12-16',
      ],
      [{ type: 'ActivityCancelled', data: { activityId: 'a', programId: 'p', previousStatus: 'PLANNED', reason: 'Called off' } }, null],
      [{ type: 'OutcomeVoided', data: { outcomeId: 'o', programId: 'p', reason: 'Entered twice' } }, null],
      // An organisation's record changes on no day of its own: the recording day counts (BusinessDates).
      [{ type: 'OrganizationUpdated', data: { organizationId: 'o', kind: 'COMPANY', country: null, parentId: null, reason: 'r' } }, null],
      [{ type: 'OrganizationMerged', data: { organizationId: 'o', survivorId: 's', name: { en: 'O' }, reason: 'r' } }, null],
    ];

    it.each(cases.map(([event, expected]) => [event.type, event, expected] as const))('dates %s by what it is about', (_type, event, expected) => {
      expect(occurredOnOf(event)).toBe(expected);
    });
  });

  describe('upcast', () => {
    it('passes a current event through unchanged', () => {
      const data = { organizationId: 'o', name: { en: 'O' } };
      expect(upcast('OrganizationRenamed', 1, data)).toStrictEqual({ type: 'OrganizationRenamed', schemaVersion: 1, data });
    });

    it('refuses a type it does not know', () => {
      expect(() => upcast('OrganisationRegistered', 1, {})).toThrow('Unknown event type "OrganisationRegistered"');
    });

    it('refuses a version newer than the code, rather than misread it', () => {
      expect(() => upcast('ActivityLogged', 4, {})).toThrow('ActivityLogged schema version 4 is unknown here (current is 3)');
    });
  });
});
