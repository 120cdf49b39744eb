import { fold } from '../shared/decider';
import { ConflictError, ForbiddenTransitionError, NotFoundError, ValidationError } from '../shared/errors';
import { deciderSpec, testMetadata as metadata } from '../testing';
import type { AddProgramPartner, ChangeProgramStatus, CorrectProgram, LaunchProgram, RemoveProgramPartner } from './program.commands';
import { assertProgramOpen, isProgramOpen, programDecider } from './program.decider';
import type {
  PartnerRole,
  ProgramCorrected,
  ProgramEvent,
  ProgramLaunched,
  ProgramPartnerAdded,
  ProgramPartnerRemoved,
  ProgramStatus,
  ProgramStatusChanged,
} from './program.events';

const spec = deciderSpec(programDecider);
const programId = 'program-otop';
const lazadaId = 'org-lazada';

const launch = (data: Partial<LaunchProgram['data']> = {}): LaunchProgram => ({
  type: 'LaunchProgram',
  data: { programId, title: { en: 'OTOP e-commerce' }, ...data },
  metadata,
});
const addLazada = (data: Partial<AddProgramPartner['data']> = {}): AddProgramPartner => ({
  type: 'AddProgramPartner',
  data: { programId, organizationId: lazadaId, role: 'PLATFORM', joinedOn: '16 ธ.ค. 2562', knownOrganizationIds: [lazadaId], ...data },
  metadata,
});
const changeStatus = (status: ProgramStatus, reason?: string): ChangeProgramStatus => ({
  type: 'ChangeProgramStatus',
  data: { programId, status, reason },
  metadata,
});

const launched: ProgramLaunched = {
  type: 'ProgramLaunched',
  data: { programId, title: { en: 'OTOP e-commerce' }, summary: null, status: 'PROPOSED', startedOn: null },
};
const statusChanged = (from: ProgramStatus, to: ProgramStatus): ProgramStatusChanged => ({
  type: 'ProgramStatusChanged',
  data: { programId, from, to, reason: null },
});
const lazadaAdded: ProgramPartnerAdded = {
  type: 'ProgramPartnerAdded',
  data: { programId, organizationId: lazadaId, role: 'PLATFORM', joinedOn: '2019-12-16' },
};
/** The events that bring a launched program to `status` along the lifecycle. */
const historyTo: Record<ProgramStatus, ProgramEvent[]> = {
  PROPOSED: [launched],
  ACTIVE: [launched, statusChanged('PROPOSED', 'ACTIVE')],
  ON_HOLD: [launched, statusChanged('PROPOSED', 'ACTIVE'), statusChanged('ACTIVE', 'ON_HOLD')],
  COMPLETED: [launched, statusChanged('PROPOSED', 'ACTIVE'), statusChanged('ACTIVE', 'COMPLETED')],
  CANCELLED: [launched, statusChanged('PROPOSED', 'CANCELLED')],
};

describe('program', () => {
  describe('when it is launched', () => {
    it('starts as PROPOSED unless told otherwise', () => {
      spec.given([]).when(launch()).then([launched]);
    });

    it('may start ACTIVE, with a Buddhist-Era start date stored as ISO', () => {
      spec
        .given([])
        .when(launch({ status: 'ACTIVE', startedOn: '๒๙ พฤษภาคม ๒๕๖๒', summary: '  OTOP goods online  ' }))
        .then([
          {
            type: 'ProgramLaunched',
            data: { ...launched.data, status: 'ACTIVE', startedOn: '2019-05-29', summary: 'OTOP goods online' },
          },
        ]);
    });

    it('refuses to start COMPLETED', () => {
      spec.given([]).when(launch({ status: 'COMPLETED' })).thenThrows(ValidationError, /PROPOSED or ACTIVE/);
    });

    it('refuses a launch date that is not a calendar date', () => {
      spec
        .given([])
        .when(launch({ startedOn: '31 กุมภาพันธ์ 2562' }))
        .thenThrows(ValidationError, '31 กุมภาพันธ์ 2562 is not a calendar date: February 2019 has 28 days');
    });

    it('refuses to launch it twice', () => {
      spec.given([launched]).when(launch()).thenThrows(ConflictError, /already launched/);
    });
  });

  describe('when it is open', () => {
    it('adds a partner with its role', () => {
      spec.given(historyTo.ACTIVE).when(addLazada()).then([lazadaAdded]);
    });

    it('adds a partner while the program is on hold', () => {
      spec.given(historyTo.ON_HOLD).when(addLazada()).then([lazadaAdded]);
    });

    it('rejects a partner added twice, even in another role', () => {
      spec
        .given([...historyTo.ACTIVE, lazadaAdded])
        .when(addLazada({ role: 'MARKETING' }))
        .thenThrows(ConflictError, `organization ${lazadaId} is already a PLATFORM partner of program ${programId}`);
    });

    it('refuses a partner that is not a registered organisation', () => {
      spec
        .given(historyTo.PROPOSED)
        .when(addLazada({ knownOrganizationIds: [] }))
        .thenThrows(NotFoundError, `organization ${lazadaId} does not exist`);
    });

    it('refuses an unknown role', () => {
      spec
        .given(historyTo.PROPOSED)
        .when(addLazada({ role: 'OWNER' as never }))
        .thenThrows(ValidationError, /role must be one of/);
    });
  });

  describe.each(['COMPLETED', 'CANCELLED'] as const)('when the program is %s', (status) => {
    it('refuses a new partner', () => {
      spec
        .given(historyTo[status])
        .when(addLazada())
        .thenThrows(ConflictError, `program ${programId} is ${status} and takes no new partners`);
    });

    it('is no longer open', () => {
      expect(isProgramOpen(fold(programDecider, historyTo[status]))).toBe(false);
      expect(() => assertProgramOpen(programId, fold(programDecider, historyTo[status]), 'activities')).toThrow(ConflictError);
    });
  });

  describe('when it was never launched', () => {
    it('refuses a partner', () => {
      spec.given([]).when(addLazada()).thenThrows(NotFoundError, `program ${programId} does not exist`);
    });

    it('refuses a status change', () => {
      spec.given([]).when(changeStatus('ACTIVE')).thenThrows(NotFoundError, `program ${programId} does not exist`);
    });

    it('is not open', () => {
      expect(isProgramOpen({ exists: false })).toBe(false);
      expect(() => assertProgramOpen(programId, { exists: false }, 'outcomes')).toThrow(NotFoundError);
    });
  });

  describe('its lifecycle', () => {
    const allowed: Array<[ProgramStatus, ProgramStatus]> = [
      ['PROPOSED', 'ACTIVE'],
      ['PROPOSED', 'CANCELLED'],
      ['ACTIVE', 'ON_HOLD'],
      ['ACTIVE', 'COMPLETED'],
      ['ACTIVE', 'CANCELLED'],
      ['ON_HOLD', 'ACTIVE'],
      ['ON_HOLD', 'CANCELLED'],
    ];
    const forbidden: Array<[ProgramStatus, ProgramStatus]> = [
      ['PROPOSED', 'ON_HOLD'],
      ['PROPOSED', 'COMPLETED'],
      ['ON_HOLD', 'COMPLETED'],
      ['COMPLETED', 'ACTIVE'],
      ['COMPLETED', 'CANCELLED'],
      ['CANCELLED', 'ACTIVE'],
      ['CANCELLED', 'PROPOSED'],
      ['ACTIVE', 'PROPOSED'],
    ];

    it.each(allowed)('goes from %s to %s', (from, to) => {
      spec.given(historyTo[from]).when(changeStatus(to)).then([statusChanged(from, to)]);
    });

    it.each(forbidden)('does not go from %s to %s', (from, to) => {
      spec.given(historyTo[from]).when(changeStatus(to)).thenThrows(ForbiddenTransitionError, `cannot go from ${from} to ${to}`);
    });

    it('refuses a change to the status it already has', () => {
      spec.given(historyTo.ACTIVE).when(changeStatus('ACTIVE')).thenThrows(ForbiddenTransitionError, /already ACTIVE/);
    });

    it('says a closed status is final', () => {
      spec.given(historyTo.COMPLETED).when(changeStatus('ACTIVE')).thenThrows(ForbiddenTransitionError, /COMPLETED is final/);
    });

    it('records the reason given', () => {
      spec
        .given(historyTo.ACTIVE)
        .when(changeStatus('ON_HOLD', 'Waiting for the 2020 budget'))
        .then([
          {
            type: 'ProgramStatusChanged',
            data: { programId, from: 'ACTIVE', to: 'ON_HOLD', reason: 'Waiting for the 2020 budget' },
          },
        ]);
    });
  });

  describe('correcting it', () => {
    const correct = (data: Partial<CorrectProgram['data']>): CorrectProgram => ({
      type: 'CorrectProgram',
      data: { programId, reason: 'The title was mistyped', ...data },
      metadata,
    });
    const corrected = (data: Partial<ProgramCorrected['data']>): ProgramCorrected => ({
      type: 'ProgramCorrected',
      data: { programId, title: { en: 'OTOP e-commerce' }, summary: null, startedOn: null, reason: 'The title was mistyped', ...data },
    });
    const launchedWithSummary: ProgramLaunched = {
      type: 'ProgramLaunched',
      data: { ...launched.data, summary: 'OTOP goods online', startedOn: '2019-05-29' },
    };

    it('replaces the fields given and keeps the others', () => {
      spec
        .given([launchedWithSummary])
        .when(correct({ title: { en: 'OTOP to the world', th: 'OTOP สู่ตลาดโลก' } }))
        .then([corrected({ title: { en: 'OTOP to the world', th: 'OTOP สู่ตลาดโลก' }, summary: 'OTOP goods online', startedOn: '2019-05-29' })]);
    });

    it('clears the summary and the start date given as null', () => {
      spec.given([launchedWithSummary]).when(correct({ summary: null, startedOn: null })).then([corrected({})]);
    });

    it('reads a Buddhist-Era start date', () => {
      spec.given([launched]).when(correct({ startedOn: '๒๙ พฤษภาคม ๒๕๖๒' })).then([corrected({ startedOn: '2019-05-29' })]);
    });

    it('is allowed whatever the status: fixing the record is not new work', () => {
      spec
        .given(historyTo.COMPLETED)
        .when(correct({ summary: 'Finished in 2020' }))
        .then([corrected({ summary: 'Finished in 2020' })]);
    });

    it('refuses a correction that changes nothing', () => {
      spec
        .given([launchedWithSummary])
        .when(correct({ title: { en: 'OTOP e-commerce' }, summary: ' OTOP goods online ', startedOn: '29/05/2562' }))
        .thenThrows(ValidationError, `the correction leaves program ${programId} as it is`);
    });

    it('refuses to clear the title', () => {
      spec.given([launched]).when(correct({ title: null })).thenThrows(ValidationError, /title cannot be cleared/);
    });

    it('refuses a blank reason', () => {
      spec.given([launched]).when(correct({ summary: 'New', reason: ' ' })).thenThrows(ValidationError, 'reason must not be empty');
    });

    it('refuses a program that was never launched', () => {
      spec.given([]).when(correct({ summary: 'New' })).thenThrows(NotFoundError, `program ${programId} does not exist`);
    });

    it('is what the state remembers afterwards', () => {
      const state = fold(programDecider, [launched, corrected({ summary: 'New', startedOn: '2019-06-01' })]);
      expect(state).toMatchObject({ summary: 'New', startedOn: '2019-06-01', title: { en: 'OTOP e-commerce' } });
    });
  });

  describe('removing a partner', () => {
    const [dieaId, cddId] = ['org-diea', 'org-cdd'];
    const added = (organizationId: string, role: PartnerRole, joinedOn: string | null = '2019-05-29'): ProgramPartnerAdded => ({
      type: 'ProgramPartnerAdded',
      data: { programId, organizationId, role, joinedOn },
    });
    const remove = (organizationId: string, data: Partial<RemoveProgramPartner['data']> = {}): RemoveProgramPartner => ({
      type: 'RemoveProgramPartner',
      data: { programId, organizationId, reason: 'Its contract ended', ...data },
      metadata,
    });
    const removed = (organizationId: string, role: PartnerRole, leftOn: string): ProgramPartnerRemoved => ({
      type: 'ProgramPartnerRemoved',
      data: { programId, organizationId, role, leftOn, reason: 'Its contract ended' },
    });
    const activeWithPartners = [...historyTo.ACTIVE, added(dieaId, 'LEAD'), added(lazadaId, 'PLATFORM', '2019-12-16')];

    it('removes a current partner on the day given, keeping its role in the event', () => {
      spec.given(activeWithPartners).when(remove(lazadaId, { leftOn: '31 ม.ค. 2563' })).then([removed(lazadaId, 'PLATFORM', '2020-01-31')]);
    });

    it('dates the removal today (Bangkok) when no day is given', () => {
      spec
        .given(activeWithPartners)
        .when({ ...remove(lazadaId), metadata: { ...metadata, now: '2020-01-31T18:00:00Z' } })
        .then([removed(lazadaId, 'PLATFORM', '2020-02-01')]);
    });

    it('no longer counts it as a partner, and adds it back later', () => {
      const history = [...activeWithPartners, removed(lazadaId, 'PLATFORM', '2020-01-31')];
      const state = fold(programDecider, history);
      expect(state.exists && Object.keys(state.partners)).toEqual([dieaId]);
      spec.given(history).when(addLazada({ role: 'MARKETING', joinedOn: '2020-06-01' })).then([
        { type: 'ProgramPartnerAdded', data: { programId, organizationId: lazadaId, role: 'MARKETING', joinedOn: '2020-06-01' } },
      ]);
    });

    it('takes the entries of duplicates merged into the organisation with it, one event each', () => {
      const duplicateId = 'org-lazada-again';
      spec
        .given([...activeWithPartners, added(duplicateId, 'SPONSOR', '2019-12-20')])
        .when(remove(lazadaId, { leftOn: '2020-01-31', mergedEntryIds: [duplicateId] }))
        .then([removed(lazadaId, 'PLATFORM', '2020-01-31'), removed(duplicateId, 'SPONSOR', '2020-01-31')]);
      // Only a duplicate's entry left: that entry alone stands for the organisation.
      spec
        .given([...historyTo.ACTIVE, added(dieaId, 'LEAD'), added(duplicateId, 'SPONSOR', '2019-12-20')])
        .when(remove(lazadaId, { leftOn: '2020-01-31', mergedEntryIds: [duplicateId] }))
        .then([removed(duplicateId, 'SPONSOR', '2020-01-31')]);
    });

    it("counts a duplicate's LEAD entry as the organisation's when the last LEAD would leave", () => {
      spec
        .given([...historyTo.ACTIVE, added(dieaId, 'PLATFORM'), added('org-diea-again', 'LEAD')])
        .when(remove(dieaId, { mergedEntryIds: ['org-diea-again'] }))
        .thenThrows(ConflictError, `organization ${dieaId} is the last LEAD partner of program ${programId}, which is ACTIVE; add another LEAD partner first`);
    });

    it('refuses to add it back on a day before it left', () => {
      spec
        .given([...activeWithPartners, removed(lazadaId, 'PLATFORM', '2020-01-31')])
        .when(addLazada({ role: 'MARKETING', joinedOn: '2020-01-30' }))
        .thenThrows(ValidationError, `joinedOn 2020-01-30 is before organization ${lazadaId} left the program on 2020-01-31`, 'joinedOn');
    });

    it('refuses an organisation that was never a partner, naming organizationId', () => {
      spec
        .given(activeWithPartners)
        .when(remove(cddId))
        .thenThrows(NotFoundError, `partner of program ${programId} ${cddId} does not exist`, 'organizationId');
    });

    it('refuses a partner that already left, saying when', () => {
      spec
        .given([...activeWithPartners, removed(lazadaId, 'PLATFORM', '2020-01-31')])
        .when(remove(lazadaId))
        .thenThrows(ConflictError, `organization ${lazadaId} already left program ${programId} on 2020-01-31`);
    });

    it('refuses a leaving day before the joining day', () => {
      spec
        .given(activeWithPartners)
        .when(remove(lazadaId, { leftOn: '2019-12-15' }))
        .thenThrows(ValidationError, 'leftOn 2019-12-15 is before the partner joined on 2019-12-16');
    });

    it('refuses a blank reason', () => {
      spec.given(activeWithPartners).when(remove(lazadaId, { reason: '' })).thenThrows(ValidationError, 'reason must not be empty');
    });

    it('refuses to let the last LEAD leave an ACTIVE program', () => {
      spec
        .given(activeWithPartners)
        .when(remove(dieaId))
        .thenThrows(ConflictError, `organization ${dieaId} is the last LEAD partner of program ${programId}, which is ACTIVE; add another LEAD partner first`);
    });

    it('lets a LEAD leave when another LEAD stays', () => {
      spec
        .given([...activeWithPartners, added(cddId, 'LEAD')])
        .when(remove(dieaId, { leftOn: '2020-01-31' }))
        .then([removed(dieaId, 'LEAD', '2020-01-31')]);
    });

    it.each(['PROPOSED', 'ON_HOLD'] as const)('lets the last LEAD leave a %s program', (status) => {
      spec
        .given([...historyTo[status], added(dieaId, 'LEAD')])
        .when(remove(dieaId, { leftOn: '2020-01-31' }))
        .then([removed(dieaId, 'LEAD', '2020-01-31')]);
    });

    it.each(['COMPLETED', 'CANCELLED'] as const)('refuses a removal once the program is %s, naming the status', (status) => {
      spec
        .given([launched, added(lazadaId, 'PLATFORM'), ...historyTo[status].slice(1)])
        .when(remove(lazadaId))
        .thenThrows(ConflictError, `program ${programId} is ${status} and its partners no longer change`);
    });

    it('refuses a program that was never launched', () => {
      spec.given([]).when(remove(lazadaId)).thenThrows(NotFoundError, `program ${programId} does not exist`);
    });
  });
});
