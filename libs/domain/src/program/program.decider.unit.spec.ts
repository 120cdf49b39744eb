import { fold } from '../shared/decider';
import { ConflictError, ForbiddenTransitionError, NotFoundError, ValidationError } from '../shared/errors';
import { deciderSpec, testMetadata as metadata } from '../testing';
import type { AddProgramPartner, ChangeProgramStatus, LaunchProgram } from './program.commands';
import { assertProgramOpen, isProgramOpen, programDecider } from './program.decider';
import type { ProgramEvent, ProgramLaunched, ProgramPartnerAdded, ProgramStatus, ProgramStatusChanged } from './program.events';

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
});
