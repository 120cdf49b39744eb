import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { deciderSpec, testMetadata as metadata } from '../testing';
import type { RegisterOrganization } from './organization.commands';
import { organizationDecider } from './organization.decider';
import type { OrganizationRegistered } from './organization.events';

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
