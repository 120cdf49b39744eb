import { ConflictError, NotFoundError, OrganizationMergedError, ValidationError } from '../shared/errors';
import { deciderSpec, testMetadata as metadata } from '../testing';
import type { MergeOrganizations, RegisterOrganization, UpdateOrganization } from './organization.commands';
import { organizationDecider } from './organization.decider';
import type { OrganizationMerged, OrganizationRegistered } from './organization.events';

const spec = deciderSpec(organizationDecider);
const mfaId = 'org-mfa';
const dieaId = 'org-diea';

const registerDiea = (data: Partial<RegisterOrganization['data']> = {}): RegisterOrganization => ({
  type: 'RegisterOrganization',
  data: {
    organizationId: dieaId,
    name: { th: ' กรมเศรษฐกิจระหว่างประเทศ ', en: 'Department of International Economic Affairs', zh: '' },
    kind: 'DEPARTMENT',
    country: 'th',
    parentId: mfaId,
    parent: { exists: true, ancestorIds: [] },
    ...data,
  },
  metadata,
});

const dieaRegistered: OrganizationRegistered = {
  type: 'OrganizationRegistered',
  data: {
    organizationId: dieaId,
    name: { th: 'กรมเศรษฐกิจระหว่างประเทศ', en: 'Department of International Economic Affairs' },
    kind: 'DEPARTMENT',
    country: 'TH',
    parentId: mfaId,
  },
};

describe('organization', () => {
  describe('when it is registered', () => {
    it('records trimmed names without empty languages and an upper-case country code', () => {
      spec.given([]).when(registerDiea()).then([dieaRegistered]);
    });

    it('records an organisation without a parent or country', () => {
      spec
        .given([])
        .when(registerDiea({ parentId: null, parent: undefined, country: null, kind: 'INTERNATIONAL_ORGANIZATION' }))
        .then([
          {
            type: 'OrganizationRegistered',
            data: { ...dieaRegistered.data, kind: 'INTERNATIONAL_ORGANIZATION', country: null, parentId: null },
          },
        ]);
    });

    it('refuses a country that is not two letters', () => {
      spec.given([]).when(registerDiea({ country: 'THA' })).thenThrows(ValidationError, /ISO 3166-1 alpha-2/);
    });

    it('refuses a name with no text in any language', () => {
      spec.given([]).when(registerDiea({ name: { th: ' ', en: null } })).thenThrows(ValidationError, /name needs/);
    });

    it('refuses an unknown kind', () => {
      spec
        .given([])
        .when(registerDiea({ kind: 'PARTY' as never }))
        .thenThrows(ValidationError, /kind must be one of/);
    });

    it('refuses a parent that does not exist', () => {
      spec
        .given([])
        .when(registerDiea({ parent: { exists: false } }))
        .thenThrows(NotFoundError, `organization ${mfaId} does not exist`);
    });

    it('refuses to be its own parent', () => {
      spec
        .given([])
        .when(registerDiea({ parentId: dieaId }))
        .thenThrows(ValidationError, /cannot be its own ancestor/);
    });

    it('refuses a parent that descends from it', () => {
      spec
        .given([])
        .when(registerDiea({ parent: { exists: true, ancestorIds: ['org-x', dieaId] } }))
        .thenThrows(ValidationError, /cannot be its own ancestor/);
    });

    it('fails loudly when the handler forgot the parent facts', () => {
      expect(() => organizationDecider.decide(registerDiea({ parent: undefined }), organizationDecider.initialState)).toThrow(
        'The command handler must supply the fact `parent`',
      );
    });
  });

  describe('when it is already registered', () => {
    it('refuses to register it again', () => {
      spec.given([dieaRegistered]).when(registerDiea()).thenThrows(ConflictError, /already registered/);
    });

    it('records a new name', () => {
      spec
        .given([dieaRegistered])
        .when({ type: 'RenameOrganization', data: { organizationId: dieaId, name: { en: 'DIEA' } }, metadata })
        .then([{ type: 'OrganizationRenamed', data: { organizationId: dieaId, name: { en: 'DIEA' } } }]);
    });

    it('refuses a rename to the name it already has', () => {
      spec
        .given([dieaRegistered])
        .when({ type: 'RenameOrganization', data: { organizationId: dieaId, name: { ...dieaRegistered.data.name } }, metadata })
        .thenThrows(ConflictError, /already has this name/);
    });
  });

  describe('when it was never registered', () => {
    it('refuses a rename', () => {
      spec
        .given([])
        .when({ type: 'RenameOrganization', data: { organizationId: dieaId, name: { en: 'DIEA' } }, metadata })
        .thenThrows(NotFoundError, `organization ${dieaId} does not exist`);
    });
  });
});

describe('updating an organisation', () => {
  const update = (data: Partial<UpdateOrganization['data']> = {}): UpdateOrganization => ({
    type: 'UpdateOrganization',
    data: { organizationId: dieaId, reason: 'registered under the wrong ministry', ...data },
    metadata,
  });

  it('records kind, country and parent as they are afterwards, with the reason', () => {
    spec
      .given([dieaRegistered])
      .when(update({ kind: 'MINISTRY', parentId: null }))
      .then([
        {
          type: 'OrganizationUpdated',
          data: { organizationId: dieaId, kind: 'MINISTRY', country: 'TH', parentId: null, reason: 'registered under the wrong ministry' },
        },
      ]);
  });

  it('keeps what is left out and clears the country given as null', () => {
    spec
      .given([dieaRegistered])
      .when(update({ country: null }))
      .then([{ type: 'OrganizationUpdated', data: { organizationId: dieaId, kind: 'DEPARTMENT', country: null, parentId: mfaId, reason: 'registered under the wrong ministry' } }]);
  });

  it('moves it under a new parent that exists', () => {
    spec
      .given([dieaRegistered])
      .when(update({ parentId: 'org-moi', parent: { exists: true, ancestorIds: [] } }))
      .then([
        { type: 'OrganizationUpdated', data: { organizationId: dieaId, kind: 'DEPARTMENT', country: 'TH', parentId: 'org-moi', reason: 'registered under the wrong ministry' } },
      ]);
  });

  it('refuses a new parent below it (a cycle), naming parentId', () => {
    spec
      .given([dieaRegistered])
      .when(update({ parentId: 'org-child', parent: { exists: true, ancestorIds: [dieaId, mfaId] } }))
      .thenThrows(ValidationError, /cannot be its own ancestor/);
    spec.given([dieaRegistered]).when(update({ parentId: dieaId, parent: { exists: true, ancestorIds: [mfaId] } })).thenThrows(ValidationError, /own ancestor/);
  });

  it('refuses a new parent that does not exist', () => {
    spec.given([dieaRegistered]).when(update({ parentId: 'org-x', parent: { exists: false } })).thenThrows(NotFoundError, 'organization org-x does not exist');
  });

  it('refuses an update that changes nothing', () => {
    spec.given([dieaRegistered]).when(update({ kind: 'DEPARTMENT', country: 'th', parentId: mfaId })).thenThrows(ValidationError, /leaves organization org-diea as it is/);
  });

  it('refuses a blank reason and a cleared kind, naming the field', () => {
    expect(() => organizationDecider.decide(update({ kind: 'MINISTRY', reason: ' ' }), fold([dieaRegistered]))).toThrow(
      expect.objectContaining({ field: 'reason' }),
    );
    expect(() => organizationDecider.decide(update({ kind: null }), fold([dieaRegistered]))).toThrow(expect.objectContaining({ field: 'kind' }));
  });

  it('refuses an organisation never registered', () => {
    spec.given([]).when(update({ kind: 'MINISTRY' })).thenThrows(NotFoundError, `organization ${dieaId} does not exist`);
  });
});

describe('merging a duplicate into a survivor', () => {
  const lazadaId = 'org-lazada';
  const duplicateId = 'org-lazada-again';
  const duplicateRegistered: OrganizationRegistered = {
    type: 'OrganizationRegistered',
    data: { organizationId: duplicateId, name: { en: 'Lazada Thailand' }, kind: 'COMPANY', country: 'TH', parentId: null },
  };
  const merge = (data: Partial<MergeOrganizations['data']> = {}): MergeOrganizations => ({
    type: 'MergeOrganizations',
    data: { duplicateId, survivorId: lazadaId, survivor: { exists: true, ancestorIds: ['org-alibaba'] }, reason: 'registered twice', ...data },
    metadata,
  });
  const merged: OrganizationMerged = {
    type: 'OrganizationMerged',
    data: { organizationId: duplicateId, survivorId: lazadaId, name: { en: 'Lazada Thailand' }, reason: 'registered twice' },
  };

  it('records the merge on the duplicate, with its name at the time and the reason', () => {
    spec.given([duplicateRegistered]).when(merge()).then([merged]);
  });

  it('records a duplicate below the survivor: nothing ends up under itself', () => {
    spec
      .given([{ ...duplicateRegistered, data: { ...duplicateRegistered.data, parentId: lazadaId } }])
      .when(merge())
      .then([merged]);
  });

  it('refuses a survivor below the duplicate: it would become its own ancestor', () => {
    spec
      .given([duplicateRegistered])
      .when(merge({ survivor: { exists: true, ancestorIds: [duplicateId, 'org-alibaba'] } }))
      .thenThrows(ValidationError, /would be its own ancestor/);
  });

  it('refuses to merge an organisation into itself', () => {
    spec.given([duplicateRegistered]).when(merge({ survivorId: ` ${duplicateId} ` })).thenThrows(ValidationError, /into itself/);
  });

  it('refuses an unknown duplicate or survivor as NOT_FOUND naming the field', () => {
    expect(() => organizationDecider.decide(merge(), fold([]))).toThrow(expect.objectContaining({ code: 'NOT_FOUND', field: 'duplicateId' }));
    expect(() => organizationDecider.decide(merge({ survivor: { exists: false } }), fold([duplicateRegistered]))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', field: 'survivorId' }),
    );
  });

  it('refuses a blank reason, naming it', () => {
    expect(() => organizationDecider.decide(merge({ reason: '\t' }), fold([duplicateRegistered]))).toThrow(expect.objectContaining({ field: 'reason' }));
  });

  describe('once merged', () => {
    const refusal = (command: Parameters<typeof organizationDecider.decide>[0]) => () =>
      organizationDecider.decide(command, fold([duplicateRegistered, merged]));

    it('refuses to merge it again, naming the survivor it went to', () => {
      expect(refusal(merge({ survivorId: 'org-shopee' }))).toThrow(OrganizationMergedError);
      expect(refusal(merge({ survivorId: 'org-shopee' }))).toThrow(`was merged into organization ${lazadaId}`);
    });

    it('refuses a rename and an update, naming the survivor', () => {
      const rename = { type: 'RenameOrganization' as const, data: { organizationId: duplicateId, name: { en: 'Lazada TH' } }, metadata };
      expect(refusal(rename)).toThrow(expect.objectContaining({ code: 'CONFLICT', survivorId: lazadaId }));
      const update = { type: 'UpdateOrganization' as const, data: { organizationId: duplicateId, country: 'SG', reason: 'moved' }, metadata };
      expect(refusal(update)).toThrow(expect.objectContaining({ code: 'CONFLICT', survivorId: lazadaId }));
    });

    it('is registered no second time either', () => {
      spec.given([duplicateRegistered, merged]).when({ type: 'RegisterOrganization', data: { ...duplicateRegistered.data }, metadata }).thenThrows(ConflictError, /already registered/);
    });
  });
});

function fold(events: Parameters<typeof organizationDecider.evolve>[1][]) {
  return events.reduce(organizationDecider.evolve, organizationDecider.initialState);
}
